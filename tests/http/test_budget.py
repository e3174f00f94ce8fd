"""The proactive rate budget: burst, pacing, corrections from the call-limit header, sharing and configuration."""

from __future__ import annotations

import threading
import time

import pytest
import responses

from component.errors import InputError
from component.ratelimit import RateBudget, budget_for, parse_call_limit
from gorgias_component.connections.client import rate_limit, timeout
from tests.http.conftest import FakeTime, MakeClient
from tests.support.mocked_gorgias import MockedGorgias

HEADER = "X-Gorgias-Account-Api-Call-Limit"


def budget(fake_time: FakeTime, capacity: int = 10, window: float = 2.0) -> RateBudget:
    return RateBudget(capacity, window, header=HEADER, clock=fake_time.clock)


def test_a_fresh_budget_lets_a_burst_through_then_paces_at_the_leak_rate(fake_time: FakeTime) -> None:
    """capacity - headroom requests go at once; then one every window/capacity seconds."""
    paced = budget(fake_time)  # 10 per 2 s: 5 per second
    waits = [paced.acquire(fake_time.sleep) for _ in range(14)]
    assert waits[:9] == [0.0] * 9
    assert waits[9:] == pytest.approx([0.2] * 5)
    assert fake_time.now == pytest.approx(101.0)


def test_an_idle_budget_refills(fake_time: FakeTime) -> None:
    """After a full window without requests the whole burst is available again."""
    paced = budget(fake_time)
    for _ in range(9):
        paced.acquire(fake_time.sleep)
    fake_time.now += 2.0
    assert [paced.acquire(fake_time.sleep) for _ in range(9)] == [0.0] * 9


def test_reservations_are_handed_out_in_order(fake_time: FakeTime) -> None:
    """Callers that arrive together get successive slots instead of all waking at the same moment."""
    paced = budget(fake_time)
    for _ in range(9):
        paced.reserve()
    assert [paced.reserve() for _ in range(3)] == pytest.approx([0.2, 0.4, 0.6])


def test_the_header_raises_the_estimate_when_others_use_the_account(fake_time: FakeTime) -> None:
    """Another client drew 8 requests: after "8/10" two more go at once (headroom 1), the next one waits."""
    paced = budget(fake_time)
    paced.observe({HEADER: "8/10"})
    assert paced.level == pytest.approx(7.0)  # the count may be rounded up: trust it to within one
    assert [paced.reserve(), paced.reserve()] == [0.0, 0.0]
    assert paced.reserve() == pytest.approx(0.2)


def test_the_header_never_lowers_our_own_count(fake_time: FakeTime) -> None:
    """Requests in flight are not in the API's count yet: a lower count changes nothing."""
    paced = budget(fake_time)
    for _ in range(6):
        paced.reserve()
    paced.observe({HEADER: "1/10"})
    assert paced.level == pytest.approx(6.0)


def test_the_header_is_leaked_by_the_time_since_the_request_left(fake_time: FakeTime) -> None:
    """The API counted the request when it arrived; the bucket has leaked since then."""
    paced = budget(fake_time)
    paced.observe({HEADER: "10/10"}, elapsed=1.0)  # 5 per second for 1 s
    assert paced.level == pytest.approx(4.0)


def test_the_header_name_is_case_insensitive_and_the_limit_is_adopted(fake_time: FakeTime) -> None:
    """A header in any case is read; the API's own limit (e.g. 80 for OAuth) replaces the configured one."""
    paced = budget(fake_time, capacity=40, window=20.0)
    paced.observe({HEADER.lower(): "3/80"})
    assert paced.capacity == 80
    assert paced.rate == 4.0


@pytest.mark.parametrize("value", ["", "12", "a/b", "12/0", "-1/40", "1/2/3"])
def test_malformed_call_limit_headers_are_ignored(value: str) -> None:
    """A header that is not used/limit changes nothing."""
    assert parse_call_limit(value) is None


def test_the_client_paces_and_reads_the_header(gorgias_api: MockedGorgias, make_client: MakeClient,
                                               fake_time: FakeTime) -> None:
    """Every request reserves a slot and every answer's call-limit header corrects the estimate."""
    paced = budget(fake_time, capacity=4, window=4.0)  # 1 per second, 3 at once
    gorgias_api.add(responses.GET, "/account", json={}, headers={HEADER: "4/4"})
    client = make_client(rate_budget=paced)
    for _ in range(3):
        client.get("/account")
    assert fake_time.sleeps == [pytest.approx(1.0), pytest.approx(1.0)]


def highest_level(times: list[float], rate: float) -> float:
    """The highest level a leaky bucket leaking `rate` per second reaches when requests arrive at `times`."""
    level, last, highest = 0.0, times[0], 0.0
    for at in times:
        level = max(0.0, level - (at - last) * rate) + 1
        last = at
        highest = max(highest, level)
    return highest


def test_threads_sharing_a_budget_never_exceed_it() -> None:
    """Eight threads drawing 40 requests from a 10-per-0.5 s budget never overflow it, yet use it fully."""
    paced = RateBudget(10, 0.5, header=HEADER)
    started: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            paced.acquire(time.sleep)
            with lock:
                started.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    started.sort()
    assert highest_level(started, 20.0) <= 10  # never more than the bucket holds
    assert started[-1] - started[0] == pytest.approx((40 - 9) / 20.0, abs=0.1)  # and no slower than it allows


def test_budgets_are_shared_per_account_kind_and_size() -> None:
    """Calls for one account share one budget; another kind or configured size gets its own."""
    first = budget_for("https://shared.gorgias.com/api", "apiKey", 40, 20.0, HEADER)
    assert budget_for("https://shared.gorgias.com/api", "apiKey", 40, 20.0, HEADER) is first
    assert budget_for("https://shared.gorgias.com/api", "oauth2", 80, 20.0, HEADER) is not first
    assert budget_for("https://shared.gorgias.com/api", "apiKey", 40, 10.0, HEADER) is not first
    assert budget_for("https://other.gorgias.com/api", "apiKey", 40, 20.0, HEADER) is not first


@pytest.mark.parametrize(
    ("setting", "api_key", "oauth"),
    [
        (None, (40, 20.0), (80, 20.0)),
        ("40/20", (40, 20.0), (80, 20.0)),
        ("40/10", (40, 10.0), (80, 10.0)),  # Enterprise: the same counts over 10 s
        (" 10 / 2 ", (10, 2.0), (20, 2.0)),
        ("OFF", None, None),
    ],
)
def test_the_rate_limit_environment_variable(monkeypatch: pytest.MonkeyPatch, setting: str | None,
                                             api_key: tuple[int, float] | None,
                                             oauth: tuple[int, float] | None) -> None:
    """GORGIAS_RATE_LIMIT sets the API-key bucket; OAuth gets twice the requests over the same window."""
    if setting is None:
        monkeypatch.delenv("GORGIAS_RATE_LIMIT", raising=False)
    else:
        monkeypatch.setenv("GORGIAS_RATE_LIMIT", setting)
    assert rate_limit("apiKey") == api_key
    assert rate_limit("oauth2") == oauth


@pytest.mark.parametrize("setting", ["fast", "10/0", "0/20", "10", "-5/2", "10/inf"])
def test_a_malformed_rate_limit_setting_is_an_input_error(monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    """A wrong setting is reported, not silently replaced by the default."""
    monkeypatch.setenv("GORGIAS_RATE_LIMIT", setting)
    with pytest.raises(InputError) as caught:
        rate_limit("apiKey")
    assert caught.value.key == "GORGIAS_RATE_LIMIT"
    assert str(caught.value) == (
        f'Environment variable GORGIAS_RATE_LIMIT: expected requests/seconds such as "40/20" (or "40/10" for '
        f'Enterprise), or "off", received "{setting}".'
    )


def test_the_timeout_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """GORGIAS_TIMEOUT sets the seconds to wait for each answer; nonsense is an InputError."""
    monkeypatch.delenv("GORGIAS_TIMEOUT", raising=False)
    assert timeout() == 30.0
    monkeypatch.setenv("GORGIAS_TIMEOUT", "2.5")
    assert timeout() == 2.5
    monkeypatch.setenv("GORGIAS_TIMEOUT", "0")
    with pytest.raises(InputError) as caught:
        timeout()
    assert str(caught.value) == ("Environment variable GORGIAS_TIMEOUT: expected seconds between 0 and 3600 such as "
                                 '30, received "0".')
