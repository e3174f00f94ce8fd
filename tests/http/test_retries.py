"""Retries of 5xx answers and network failures: idempotent methods only, with backoff, within the time budget."""

from __future__ import annotations

from typing import Any

import pytest
import requests
import responses
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

from component.errors import ApiError, TransportError, WriteUncertainError
from component.retries import RetryPolicy
from gorgias_component import gorgias
from tests.http.conftest import FakeTime, MakeClient
from tests.support.mocked_gorgias import MockedGorgias

BUSY = {"error": {"msg": "busy"}}
CHANNELS = [{"type": "email", "address": "new@example.com", "preferred": True}]
UNCERTAIN = ("The write may or may not have happened; it was not sent again to avoid a duplicate: check before "
             "retrying.")


def refused() -> requests.ConnectionError:
    """What requests raises when nothing listens on the port: the request never left."""
    reason = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")  # type: ignore[arg-type]
    return requests.ConnectionError(MaxRetryError(None, "/api/customers", reason=reason))  # type: ignore[arg-type]


def dropped() -> requests.ConnectionError:
    """What requests raises when the server closes the connection after receiving the request."""
    return requests.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset by peer")))


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_idempotent_methods_are_retried_after_5xx_with_growing_backoff(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime, method: str) -> None:
    """GET, PUT and DELETE answered 5xx are sent again twice by default, each wait longer than the last."""
    gorgias_api.add(method, "/tickets/1", status=500, json=BUSY)
    gorgias_api.add(method, "/tickets/1", status=503, json=BUSY)
    gorgias_api.add(method, "/tickets/1", json={"id": 1})
    assert make_client().json(method, "/tickets/1") == {"id": 1}
    assert len(gorgias_api.calls) == 3
    first, second = fake_time.sleeps
    assert 0.25 <= first <= 0.25 * 1.2
    assert 0.5 <= second <= 0.5 * 1.2


def test_a_5xx_that_persists_is_an_api_error_after_three_requests(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """After the two default retries the last 5xx answer is raised with Gorgias's message."""
    gorgias_api.add(responses.GET, "/account", status=502, json=BUSY)
    with pytest.raises(ApiError) as caught:
        make_client().get("/account")
    assert len(gorgias_api.calls) == 3
    assert len(fake_time.sleeps) == 2
    assert caught.value.status == 502
    assert str(caught.value) == "Gorgias answered 502 Bad Gateway to GET /account: busy."


def test_a_post_answered_5xx_is_never_sent_again(gorgias_api: MockedGorgias, make_client: MakeClient,
                                                 fake_time: FakeTime) -> None:
    """A create answered 500 may have been processed: one request only, and the error says so plainly."""
    gorgias_api.add(responses.POST, "/customers", status=500, json={"error": {"msg": "Oops."}})
    with pytest.raises(ApiError) as caught:
        make_client().post("/customers", {"email": "a@b.c"})
    assert len(gorgias_api.calls) == 1
    assert fake_time.sleeps == []
    assert str(caught.value) == f"Gorgias answered 500 Internal Server Error to POST /customers: Oops. {UNCERTAIN}"


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize("failure", [dropped, lambda: requests.ReadTimeout("read timed out")])
def test_idempotent_methods_are_retried_after_drops_and_timeouts(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime, method: str,
        failure: Any) -> None:
    """A dropped connection or a read timeout is retried for idempotent methods."""
    gorgias_api.add(method, "/customers/7", body=failure())
    gorgias_api.add(method, "/customers/7", json={"id": 7})
    assert make_client().json(method, "/customers/7") == {"id": 7}
    assert len(gorgias_api.calls) == 2
    assert len(fake_time.sleeps) == 1


def test_a_post_whose_answer_timed_out_is_a_write_uncertain_error(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """A POST may have reached Gorgias before the timeout: it is not re-sent and the error says so."""
    gorgias_api.add(responses.POST, "/tickets", body=requests.ReadTimeout("read timed out"))
    with pytest.raises(WriteUncertainError) as caught:
        make_client(timeout=2.5).post("/tickets", {"subject": "x"})
    assert len(gorgias_api.calls) == 1
    assert fake_time.sleeps == []
    assert str(caught.value) == f"POST /tickets to Gorgias timed out: no answer within 2.5 s. {UNCERTAIN}"


def test_a_post_whose_connection_dropped_is_a_write_uncertain_error(
        gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A connection closed after the POST left may hide a processed write: not re-sent."""
    gorgias_api.add(responses.POST, "/tickets/5/messages", body=dropped())
    with pytest.raises(WriteUncertainError) as caught:
        make_client().post("/tickets/5/messages", {"body_text": "hi"})
    assert len(gorgias_api.calls) == 1
    assert str(caught.value) == (
        f"POST /tickets/5/messages to Gorgias failed: the connection closed before an answer arrived. {UNCERTAIN}"
    )


def test_a_post_that_never_connected_is_retried(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A refused connection means the POST never left, so sending it again cannot duplicate it."""
    gorgias_api.add(responses.POST, "/customers", body=refused())
    gorgias_api.add(responses.POST, "/customers", status=201, json={"id": 3})
    assert make_client().post("/customers", {"email": "a@b.c"}) == {"id": 3}
    assert len(gorgias_api.calls) == 2


def test_a_connect_timeout_on_a_post_is_retried(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A connect timeout means no connection was made: the POST is sent again."""
    gorgias_api.add(responses.POST, "/customers", body=requests.ConnectTimeout("connect timed out"))
    gorgias_api.add(responses.POST, "/customers", status=201, json={"id": 4})
    assert make_client().post("/customers", {}) == {"id": 4}


def test_a_refused_connection_that_persists_is_a_transport_error(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """When nothing answers at all, the caller learns it after every retry; a POST is not uncertain then."""
    gorgias_api.add(responses.POST, "/customers", body=refused())
    with pytest.raises(TransportError) as caught:
        make_client().post("/customers", {})
    assert not isinstance(caught.value, WriteUncertainError)
    assert len(gorgias_api.calls) == 3
    assert str(caught.value) == "POST /customers to Gorgias could not connect to acme.gorgias.com (3 attempts)."


def test_get_timeouts_end_in_a_transport_error_after_the_retries(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """A GET that keeps timing out is tried three times, then reported with the timeout."""
    gorgias_api.add(responses.GET, "/tickets", body=requests.ReadTimeout("read timed out"))
    with pytest.raises(TransportError) as caught:
        make_client(timeout=4).get("/tickets")
    assert len(gorgias_api.calls) == 3
    assert str(caught.value) == "GET /tickets to Gorgias timed out: no answer within 4 s (3 attempts)."


def test_4xx_answers_are_not_retried(gorgias_api: MockedGorgias, make_client: MakeClient,
                                     fake_time: FakeTime) -> None:
    """A 400 or 404 is the caller's to fix: sent once."""
    gorgias_api.add(responses.GET, "/tickets/9", status=404, json={"error": {"msg": "Resource not found."}})
    with pytest.raises(ApiError) as caught:
        make_client().get("/tickets/9")
    assert len(gorgias_api.calls) == 1
    assert fake_time.sleeps == []
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /tickets/9: Resource not found."


def test_the_total_time_budget_stops_retries(gorgias_api: MockedGorgias, make_client: MakeClient,
                                             fake_time: FakeTime) -> None:
    """No retry starts when its wait would take the call past the policy's total budget."""
    gorgias_api.add(responses.GET, "/account", status=503, json=BUSY)
    policy = RetryPolicy(max_retries=10, backoff_base=1.0, jitter=False, budget=10.0)
    with pytest.raises(ApiError):
        make_client(policy=policy).get("/account")
    assert fake_time.sleeps == [1.0, 2.0, 4.0]  # a further 8 s would end at 15 s > 10 s
    assert len(gorgias_api.calls) == 4


def test_backoff_is_capped(make_client: MakeClient) -> None:
    """Exponential delays never exceed the cap, jitter aside."""
    policy = RetryPolicy(backoff_base=1.0, backoff_cap=5.0, jitter=False)
    assert [policy.backoff(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_backoff_jitter_only_adds() -> None:
    """With jitter, a delay is never shorter than the plain exponential one, and at most 20 % longer."""
    policy = RetryPolicy(backoff_base=0.5)
    for attempt in range(1, 6):
        plain = min(policy.backoff_cap, 0.5 * 2 ** (attempt - 1))
        assert all(plain <= policy.backoff(attempt) <= plain * 1.2 for _ in range(50))


def test_a_typed_create_timing_out_says_plainly_the_write_may_have_happened(
        gorgias_api: MockedGorgias, connection: dict[str, Any], sleeps: list[float]) -> None:
    """Through the component, a timed-out Create Customer is one request and a WriteUncertainError."""
    gorgias_api.add(responses.POST, "/customers", body=requests.ReadTimeout("read timed out"))
    with pytest.raises(WriteUncertainError) as caught:
        gorgias.run_action("createCustomer", {"channels": CHANNELS}, connection)
    assert len(gorgias_api.calls) == 1
    assert sleeps == []
    assert str(caught.value) == f"POST /customers to Gorgias timed out: no answer within 30 s. {UNCERTAIN}"
