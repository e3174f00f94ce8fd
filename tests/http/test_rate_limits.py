"""429 answers: waited out for at least Retry-After (seconds or HTTP date), for any method, within caps."""

from __future__ import annotations

from email.utils import formatdate

import pytest
import responses

from component.errors import RateLimitError
from component.retries import RetryPolicy, retry_after_seconds
from tests.http.conftest import WALL, FakeTime, MakeClient
from tests.support.mocked_gorgias import MockedGorgias

TOO_MANY = {"error": {"msg": "Too many requests."}}


def jitter_bound(seconds: float) -> float:
    """The longest a wait of `seconds` may become with jitter: jitter only ever adds, and only a little."""
    return seconds * 1.1 + 0.1


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_a_429_is_waited_out_and_retried_for_every_method(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime, method: str) -> None:
    """A 429 means the request was not processed, so even a POST is sent again after Retry-After."""
    gorgias_api.add(method, "/customers", status=429, json=TOO_MANY, headers={"Retry-after": "5"})
    gorgias_api.add(method, "/customers", status=200, json={"id": 1})
    assert make_client().json(method, "/customers", json={"name": "x"} if method != "GET" else None) == {"id": 1}
    assert len(gorgias_api.calls) == 2
    (waited,) = fake_time.sleeps
    assert 5 <= waited <= jitter_bound(5)


@pytest.mark.parametrize("name", ["Retry-after", "Retry-After", "retry-after", "RETRY-AFTER"])
def test_the_retry_after_header_name_is_case_insensitive(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime, name: str) -> None:
    """However the header is spelled, its value is honoured."""
    gorgias_api.add(responses.GET, "/account", status=429, headers={name: "7"})
    gorgias_api.add(responses.GET, "/account", json={})
    make_client().get("/account")
    assert 7 <= fake_time.sleeps[0] <= jitter_bound(7)


def test_retry_after_as_an_http_date_waits_until_that_moment(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """An HTTP date 12 s after the (fake) wall clock means a wait of at least 12 s."""
    gorgias_api.add(responses.GET, "/account", status=429, headers={"Retry-After": formatdate(WALL + 12, usegmt=True)})
    gorgias_api.add(responses.GET, "/account", json={})
    make_client().get("/account")
    assert 12 <= fake_time.sleeps[0] <= jitter_bound(12)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("5", 5.0),
        (" 2.5 ", 2.5),
        ("0", 0.0),
        ("-3", 0.0),
        ("Tue, 14 Nov 2023 22:13:50 GMT", 30.0),
        ("Tue, 14 Nov 2023 22:13:50 -0000", 30.0),
        ("Tuesday, 14-Nov-23 22:13:50 GMT", 30.0),
        ("Tue, 14 Nov 2023 22:00:00 GMT", 0.0),  # in the past
        ("soon", None),
        ("", None),
        (None, None),
        ("inf", None),
        ("nan", None),
    ],
)
def test_retry_after_values(value: str | None, seconds: float | None) -> None:
    """Seconds, HTTP dates (any zone spelling), past dates and garbage are read safely."""
    assert retry_after_seconds(value, WALL) == seconds


def test_without_retry_after_a_429_still_waits_at_least_a_second(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """A 429 that names no delay is retried after a backoff of at least one second."""
    gorgias_api.add(responses.GET, "/account", status=429)
    gorgias_api.add(responses.GET, "/account", json={})
    make_client().get("/account")
    assert 1 <= fake_time.sleeps[0] <= jitter_bound(1)


def test_429s_do_not_use_up_the_5xx_retries(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """Several 429s then a 5xx then success: the 429s are counted apart from max_retries."""
    for _ in range(4):
        gorgias_api.add(responses.GET, "/tickets", status=429, headers={"Retry-After": "1"})
    gorgias_api.add(responses.GET, "/tickets", status=500)
    gorgias_api.add(responses.GET, "/tickets", status=500)
    gorgias_api.add(responses.GET, "/tickets", json={"data": []})
    assert make_client().get("/tickets") == {"data": []}
    assert len(gorgias_api.calls) == 7


def test_a_429_storm_ends_in_a_rate_limit_error_after_the_allowed_waits(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """After rate_limit_retries waits the call gives up and says how often it tried and what Gorgias asked."""
    gorgias_api.add(responses.POST, "/tickets", status=429, json=TOO_MANY, headers={"Retry-After": "2"})
    with pytest.raises(RateLimitError) as caught:
        make_client().post("/tickets", {"subject": "x"})
    assert len(gorgias_api.calls) == 7
    assert len(fake_time.sleeps) == 6
    assert caught.value.status == 429
    assert str(caught.value) == ("Gorgias answered 429 Too Many Requests to POST /tickets: Too many requests. "
                                 "Still rate limited after 7 attempts; Gorgias asked to wait 2 s.")


def test_a_retry_after_beyond_the_cap_is_not_waited_for(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """Waiting less than Retry-After would be pointless: over the cap, the call fails at once."""
    gorgias_api.add(responses.GET, "/events", status=429, json=TOO_MANY, headers={"Retry-After": "600"})
    with pytest.raises(RateLimitError) as caught:
        make_client().get("/events")
    assert fake_time.sleeps == []
    assert str(caught.value) == ("Gorgias answered 429 Too Many Requests to GET /events: Too many requests. "
                                 "Not retried; Gorgias asked to wait 600 s.")


def test_429_waits_count_against_the_total_time_budget(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """The third 30 s wait would pass a 70 s budget, so the call stops after two."""
    gorgias_api.add(responses.GET, "/events", status=429, headers={"Retry-After": "30"})
    policy = RetryPolicy(budget=70.0, jitter=False)
    with pytest.raises(RateLimitError) as caught:
        make_client(policy=policy).get("/events")
    assert fake_time.sleeps == [30.0, 30.0]
    assert str(caught.value) == ("Gorgias answered 429 Too Many Requests to GET /events. "
                                 "Still rate limited after 3 attempts; Gorgias asked to wait 30 s.")


def test_retry_all_errors_waits_at_least_retry_after_without_jitter(
        gorgias_api: MockedGorgias, make_client: MakeClient, fake_time: FakeTime) -> None:
    """Raw Request's policy counts 429s in max_retries and waits the longer of its delay and Retry-After."""
    policy = RetryPolicy(max_retries=2, retry_writes=True, retry_all_errors=True, exponential=False,
                         fixed_delay=4.0, jitter=False, rate_limit_retries=0)
    gorgias_api.add(responses.POST, "/tickets", status=429, headers={"Retry-After": "9"})
    gorgias_api.add(responses.POST, "/tickets", status=429, headers={"Retry-After": "1"})
    gorgias_api.add(responses.POST, "/tickets", status=201, json={"id": 2})
    assert make_client(policy=policy).post("/tickets", {}) == {"id": 2}
    assert fake_time.sleeps == [9.0, 4.0]
