"""Streams own their connection (issue 15): closed at the end, on `with` exit, on close(), or when dropped unstarted."""

from __future__ import annotations

import gc

import responses
from responses import matchers

from component.calls import Call
from tests.component.test_executor import DEMO, DEMO_COMPONENT, DEMO_CONNECTION, EVENTS


def _two_pages(mock: responses.RequestsMock) -> None:
    mock.get(f"{DEMO}/things", match=[matchers.query_param_matcher({"limit": "100"})],
             json={"data": [{"id": 1}, {"id": 2}], "meta": {"next_cursor": "c2"}})


def test_an_unstarted_stream_that_is_dropped_closes_its_connection() -> None:
    EVENTS.clear()
    items = DEMO_COMPONENT.iter_items("listThings", {}, DEMO_CONNECTION)
    assert EVENTS[-1][0] == "open"  # opened at once, so that bad input fails where the caller asked
    del items
    gc.collect()
    assert EVENTS[-1] == ("close",)


def test_a_with_block_closes_the_stream_after_a_partial_read(api_mock: responses.RequestsMock) -> None:
    _two_pages(api_mock)
    EVENTS.clear()
    with DEMO_COMPONENT.iter_items("listThings", {}, DEMO_CONNECTION) as items:
        assert next(items) == {"id": 1}
        assert not items.closed
    assert items.closed and EVENTS[-1] == ("close",)
    assert len(api_mock.calls) == 1  # the second page was never asked for


def test_close_is_idempotent_and_the_end_closes_too(api_mock: responses.RequestsMock) -> None:
    api_mock.get(f"{DEMO}/things", json={"data": [{"id": 1}], "meta": {"next_cursor": None}})
    EVENTS.clear()
    items = DEMO_COMPONENT.executor.stream(Call("listThings", {}, DEMO_CONNECTION))
    assert list(items) == [{"id": 1}]
    assert items.closed
    items.close()
    assert EVENTS.count(("close",)) == 1


def test_one_call_value_runs_an_action_and_a_stream_alike(api_mock: responses.RequestsMock) -> None:
    api_mock.get(f"{DEMO}/things", json={"data": [], "meta": {"next_cursor": None}})
    call = Call("listThings", {}, DEMO_CONNECTION)
    assert DEMO_COMPONENT.executor.action(call)["data"]["data"] == []
