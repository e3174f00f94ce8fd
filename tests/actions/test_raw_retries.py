"""Raw Request retries exactly as its retry inputs say, waiting the configured delays."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, RateLimitError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

BUSY = {"error": {"msg": "Service unavailable"}}


def raw(**inputs: Any) -> dict[str, Any]:
    """Raw Request inputs with the documented default response type."""
    return {"responseType": "json", **inputs}


def test_no_retry_by_default(gorgias_api: MockedGorgias, connection: dict[str, Any],
                             sleeps: list[float]) -> None:
    """With maxRetries 0 (the default) a 500 GET is sent exactly once and becomes ApiError."""
    gorgias_api.add(responses.GET, "/tickets", status=500, json=BUSY)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "rawRequest", raw(method="GET", url="/tickets", maxRetries="0"), connection)
    assert len(gorgias_api.calls) == 1
    assert sleeps == []
    assert caught.value.status == 500
    assert caught.value.body == BUSY
    assert str(caught.value) == "Gorgias answered 500 Internal Server Error to GET /tickets: Service unavailable."


def test_max_retries_retries_a_5xx_post(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                        sleeps: list[float]) -> None:
    """maxRetries=2 re-sends a POST answered 5xx (the user chose to) with the fixed retry delay."""
    sent = [matchers.json_params_matcher({"subject": "x"}, strict_match=True)]
    gorgias_api.add(responses.POST, "/tickets", status=500, json=BUSY, match=sent)
    gorgias_api.add(responses.POST, "/tickets", status=502, json=BUSY, match=sent)
    gorgias_api.add(responses.POST, "/tickets", status=201, json={"id": 1}, match=sent)
    inputs = raw(method="POST", url="/tickets", data={"subject": "x"}, maxRetries=2, retryDelayMS="250")
    assert invoke(gorgias, "rawRequest", inputs, connection) == {"data": {"id": 1}}
    assert len(gorgias_api.calls) == 3
    assert sleeps == [0.25, 0.25]


def test_retries_stop_after_max_retries(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                        sleeps: list[float]) -> None:
    """After maxRetries failed retries the last answer becomes ApiError: 1 + 2 requests in all."""
    for _ in range(3):
        gorgias_api.add(responses.POST, "/tickets", status=503, json=BUSY)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "rawRequest", raw(method="POST", url="/tickets", maxRetries="2"), connection)
    assert len(gorgias_api.calls) == 3
    assert sleeps == [0.0, 0.0]
    assert caught.value.status == 503
    assert str(caught.value) == "Gorgias answered 503 Service Unavailable to POST /tickets: Service unavailable."


def test_a_4xx_is_not_retried_without_retry_all_errors(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                       sleeps: list[float]) -> None:
    """Only 5xx and network errors are retried unless retryAllErrors is set."""
    gorgias_api.add(responses.GET, "/tickets/9", status=404, json={"error": {"msg": "Not here"}})
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "rawRequest", raw(method="GET", url="/tickets/9", maxRetries=3), connection)
    assert len(gorgias_api.calls) == 1
    assert caught.value.status == 404
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /tickets/9: Not here."


def test_a_429_is_not_retried_without_retry_all_errors(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                       sleeps: list[float]) -> None:
    """A 429 is a RateLimitError after one request when retryAllErrors is off."""
    gorgias_api.add(responses.GET, "/tickets", status=429, json={"error": {"msg": "Too many requests"}})
    with pytest.raises(RateLimitError) as caught:
        invoke(gorgias, "rawRequest", raw(method="GET", url="/tickets", maxRetries=3), connection)
    assert len(gorgias_api.calls) == 1
    assert caught.value.status == 429
    assert str(caught.value) == "Gorgias answered 429 Too Many Requests to GET /tickets: Too many requests."


@pytest.mark.parametrize("status", [404, 429])
def test_retry_all_errors_retries_a_4xx(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                        sleeps: list[float], status: int) -> None:
    """retryAllErrors re-sends after a 404 or 429 until the answer succeeds."""
    gorgias_api.add(responses.GET, "/tickets/9", status=status, json={"error": {"msg": "later"}})
    gorgias_api.add(responses.GET, "/tickets/9", json={"id": 9})
    inputs = raw(method="GET", url="/tickets/9", maxRetries="1", retryAllErrors="TRUE", retryDelayMS=10)
    assert invoke(gorgias, "rawRequest", inputs, connection) == {"data": {"id": 9}}
    assert len(gorgias_api.calls) == 2
    assert sleeps == [0.01]


def test_retry_all_errors_honours_retry_after(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                              sleeps: list[float]) -> None:
    """A 429 with Retry-After waits at least that long before the retry."""
    gorgias_api.add(responses.GET, "/tickets", status=429, headers={"Retry-After": "3"}, json={})
    gorgias_api.add(responses.GET, "/tickets", json={"data": []})
    inputs = raw(method="GET", url="/tickets", maxRetries=1, retryAllErrors=True)
    assert invoke(gorgias, "rawRequest", inputs, connection) == {"data": {"data": []}}
    assert sleeps == [3.0]


def test_exponential_backoff_waits_growing_delays(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                  sleeps: list[float]) -> None:
    """useExponentialBackoff waits real, growing delays even when retryDelayMS is 0."""
    for _ in range(4):
        gorgias_api.add(responses.GET, "/tickets", status=500, json=BUSY)
    gorgias_api.add(responses.GET, "/tickets", json={"data": []})
    inputs = raw(method="GET", url="/tickets", maxRetries=4, retryDelayMS=0, useExponentialBackoff="true")
    assert invoke(gorgias, "rawRequest", inputs, connection) == {"data": {"data": []}}
    assert len(gorgias_api.calls) == 5
    assert len(sleeps) == 4
    assert sleeps[0] > 0
    assert all(later > earlier for earlier, later in pairwise(sleeps))
