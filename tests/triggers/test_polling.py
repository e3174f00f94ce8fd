"""The framework's polling algorithm against a fake list: once each, oldest first, bounded state, one idle request."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from typing import Any

import pytest

from component.errors import ApiError, InputError
from component.instants import instant
from component.polling import MAX_STATE_BYTES, poll
from tests.triggers.fakes import FakeList, at


def ids(items: list[Any]) -> list[int]:
    return [item["id"] for item in items]


def drain(api: FakeList, state: Any, **options: Any) -> tuple[list[int], Any, int]:
    """Poll until `more` is false: the ids delivered, the last state and the number of polls (each state checked small)."""
    delivered: list[int] = []
    polls = 0
    while True:
        batch = poll(api.feed(), "newTicket", state, **options)
        polls += 1
        delivered += ids(batch.items)
        state = batch.state
        assert len(json.dumps(state)) < MAX_STATE_BYTES
        if not batch.more:
            return delivered, state, polls


def test_a_first_poll_starts_now_and_later_polls_return_new_items_oldest_first() -> None:
    api = FakeList()
    api.put(1, 10)
    api.put(2, 20)
    first = poll(api.feed(), "newTicket", None)
    assert (first.items, first.more) == ([], False)
    assert api.requests == 1
    api.put(4, 31)
    api.put(3, 30)
    second = poll(api.feed(), "newTicket", first.state)
    assert ids(second.items) == [3, 4]
    third = poll(api.feed(), "newTicket", second.state)
    assert third.items == []


def test_since_backfills_from_that_instant() -> None:
    api = FakeList()
    for n in range(1, 6):
        api.put(n, n * 10)
    batch = poll(api.feed(), "newTicket", None, since=instant(at(30)))
    assert ids(batch.items) == [3, 4, 5]


def test_an_idle_poll_costs_one_request() -> None:
    api = FakeList(size=100)
    for n in range(1, 1001):
        api.put(n, n * 60)  # one a minute: the 5-minute window holds a few
    delivered, state, _ = drain(api, None, since=instant(at(0)))
    assert delivered == list(range(1, 1001))
    api.requests = 0
    assert poll(api.feed(), "newTicket", state).items == []
    assert api.requests == 1


def test_a_burst_of_equal_instants_across_pages_and_batches_is_delivered_once() -> None:
    api = FakeList(size=7)
    state = poll(api.feed(), "newTicket", None).state
    for n in range(1, 51):
        api.put(n, 100)  # fifty items at one instant
    seen, _, polls = drain(api, state, max_items=9)
    assert seen == list(range(1, 51))
    assert polls <= 7  # six batches of 9, and at most one more that reads above the last resume token


def test_an_item_visible_late_within_the_lookback_window_is_delivered_once() -> None:
    api = FakeList()
    state = poll(api.feed(), "newTicket", None).state
    api.now = 100
    api.put(1, 90)
    api.put(2, 50, visible_after=200)  # its instant is before 1's, it shows up later
    first = poll(api.feed(), "newTicket", state)
    assert ids(first.items) == [1]
    api.now = 200
    second = poll(api.feed(), "newTicket", first.state)
    assert ids(second.items) == [2]
    assert poll(api.feed(), "newTicket", second.state).items == []


def test_a_failed_poll_raises_and_a_retry_with_the_old_state_loses_nothing() -> None:
    api = FakeList(size=10)
    state = poll(api.feed(), "newTicket", None).state
    for n in range(1, 36):
        api.put(n, n)
    api.fail_at = api.requests + 3
    with pytest.raises(ApiError):
        poll(api.feed(), "newTicket", state)
    batch = poll(api.feed(), "newTicket", state)
    assert ids(batch.items) == list(range(1, 36))


def test_items_arriving_while_a_poll_pages_come_in_the_next_poll() -> None:
    api = FakeList(size=5)
    state = poll(api.feed(), "newTicket", None).state
    for n in range(1, 21):
        api.put(n, n)
    arrivals = iter(range(100, 110))

    def arrive() -> None:
        n = next(arrivals, None)
        if n is not None:
            api.put(n, n)

    api.during_page = arrive
    first = poll(api.feed(), "newTicket", state)
    api.during_page = None
    second = poll(api.feed(), "newTicket", first.state)
    assert ids(first.items) + ids(second.items) == list(range(1, 21)) + list(range(100, 100 + len(
        ids(first.items) + ids(second.items)) - 20))
    assert poll(api.feed(), "newTicket", second.state).items == []


def test_a_backlog_larger_than_max_items_comes_oldest_first_with_more() -> None:
    api = FakeList(size=100)
    for n in range(1, 10_001):
        api.put(n, n)
    seen, _, polls = drain(api, None, since=instant(at(0)))
    assert seen == list(range(1, 10_001))
    assert 20 <= polls <= 21  # the newest page may come alone, after the resume tokens
    assert api.requests < 3 * 101  # far from re-reading the backlog each time (about 1,000 requests)


def test_updates_are_delivered_each_time_an_item_changes() -> None:
    api = FakeList()
    state = poll(api.feed(), "ticketUpdated", None).state
    api.put(1, 10)
    first = poll(api.feed(), "ticketUpdated", state)
    api.put(1, 20)  # the same item changed: it moves to its new instant
    second = poll(api.feed(), "ticketUpdated", first.state)
    assert [(i["id"], i["at"]) for i in first.items + second.items] == [(1, at(10)), (1, at(20))]


def test_the_state_stays_small_whatever_the_history() -> None:
    api = FakeList()
    state = poll(api.feed(), "newTicket", None).state
    for n in range(1, 5001):
        api.put(n, 1 + n / 1000)  # 5,000 items within five seconds: more ids than the state can hold
    total, state, _ = drain(api, state)
    assert total == list(range(1, 5001))
    assert poll(api.feed(), "newTicket", state).items == []


@pytest.mark.parametrize("state, message", [
    ({"v": 1, "trigger": "newCustomer"}, "received the state of trigger \"newCustomer\""),
    ({"v": 9, "trigger": "newTicket"}, "received a state of version 9"),
    ({"v": 1, "trigger": "newTicket", "mark": "yesterday", "low": None}, "but this one is corrupt"),
    ([], "received a list of 0 items"),
])
def test_a_state_of_another_trigger_or_a_corrupt_one_is_an_input_error(state: Any, message: str) -> None:
    api = FakeList()
    with pytest.raises(InputError) as caught:
        poll(api.feed(), "newTicket", state)
    assert "State: expected the state a previous poll of 'newTicket' returned" in str(caught.value)
    assert message in str(caught.value)
    assert api.requests == 0


@pytest.mark.parametrize("seed", range(200))
def test_random_arrivals_lag_bursts_failures_and_restarts_deliver_each_item_once(seed: int) -> None:
    rng = random.Random(seed)
    api = FakeList(size=rng.choice([3, 10, 100]))
    state = poll(api.feed(), "newTicket", None).state
    delivered: list[tuple[str, int]] = []
    clock = 0.0
    next_id = 1
    for _ in range(60):
        clock += rng.choice([0, 0.5, 3])
        for _ in range(rng.choice([0, 1, 5, 30])):
            stamp = clock if rng.random() < 0.5 else clock + rng.choice([0, 0.001])
            api.put(next_id, stamp, visible_after=stamp + rng.choice([0, 0, 0, 2, 60]))
            next_id += 1
        api.now = clock
        api.fail_at = api.requests + rng.randint(1, 4) if rng.random() < 0.2 else None
        try:
            batch = poll(api.feed(), "newTicket", json.loads(json.dumps(state)), max_items=rng.choice([5, 50, 500]))
        except ApiError:
            continue
        assert [instant(i["at"]) for i in batch.items] == sorted(instant(i["at"]) for i in batch.items)
        delivered += [(i["at"], i["id"]) for i in batch.items]
        state = batch.state
    api.now = clock + 1000
    api.fail_at = None
    while True:
        batch = poll(api.feed(), "newTicket", state, lookback=timedelta(minutes=5))
        delivered += [(i["at"], i["id"]) for i in batch.items]
        state = batch.state
        if not batch.more:
            break
    assert sorted(i for _, i in delivered) == list(range(1, next_id))
