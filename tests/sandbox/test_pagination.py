"""Cursor pagination: complete walks, prev cursors, validation and large seeds."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from gorgias_component.sandbox import Sandbox


@pytest.mark.parametrize("order_by", ["created_datetime:desc", "created_datetime:asc",
                                      "updated_datetime:asc", "updated_datetime:desc"])
def test_cursor_walk_yields_every_ticket_exactly_once_in_order(sb: Sandbox, walk: Any, order_by: str) -> None:
    items = walk(f"{sb.base_url}/tickets", limit=7, order_by=order_by)
    ids = [t["id"] for t in items]
    assert sorted(ids) == sorted(sb.store.tickets)
    field = order_by.split(":")[0]
    keys = [(t[field], t["id"]) for t in items]
    assert keys == sorted(keys, reverse=order_by.endswith("desc"))


def test_cursor_walk_covers_customers_messages_and_events(sb: Sandbox, walk: Any) -> None:
    assert len(walk(f"{sb.base_url}/customers", limit=9)) == len(sb.store.customers)
    assert len(walk(f"{sb.base_url}/messages", limit=100)) == len(sb.store.messages)
    events = walk(f"{sb.base_url}/events", limit=100, order_by="created_datetime:asc")
    assert [e["id"] for e in events] == sorted(sb.store.events)


def test_first_page_has_no_prev_and_last_page_has_no_next(sb: Sandbox, api: requests.Session) -> None:
    first = api.get(f"{sb.base_url}/customers", params={"limit": 30}).json()
    assert first["meta"]["prev_cursor"] is None and first["meta"]["next_cursor"]
    assert first["uri"] == "/api/customers?limit=30"
    last = api.get(f"{sb.base_url}/customers", params={"limit": 30, "cursor": first["meta"]["next_cursor"]}).json()
    assert len(last["data"]) == 10
    assert last["meta"]["next_cursor"] is None and last["meta"]["prev_cursor"]


def test_prev_cursor_returns_the_previous_page(sb: Sandbox, api: requests.Session) -> None:
    url = f"{sb.base_url}/tickets"
    page1 = api.get(url, params={"limit": 10}).json()
    page2 = api.get(url, params={"limit": 10, "cursor": page1["meta"]["next_cursor"]}).json()
    back = api.get(url, params={"limit": 10, "cursor": page2["meta"]["prev_cursor"]}).json()
    assert [t["id"] for t in back["data"]] == [t["id"] for t in page1["data"]]
    assert back["meta"]["prev_cursor"] is None


def test_default_limit_is_30(sb: Sandbox, api: requests.Session) -> None:
    assert len(api.get(f"{sb.base_url}/tickets").json()["data"]) == 30


@pytest.mark.parametrize("limit", ["0", "101", "abc", "-1", "2.5"])
def test_limit_outside_1_to_100_is_400_with_error_data(sb: Sandbox, api: requests.Session, limit: str) -> None:
    response = api.get(f"{sb.base_url}/tickets", params={"limit": limit})
    assert response.status_code == 400
    assert response.json()["error"]["data"] == {"limit": ["Must be between 1 and 100."]}


def test_unknown_order_by_and_bad_cursor_are_400(sb: Sandbox, api: requests.Session) -> None:
    assert api.get(f"{sb.base_url}/tickets", params={"order_by": "subject:asc"}).status_code == 400
    assert api.get(f"{sb.base_url}/messages", params={"order_by": "updated_datetime:asc"}).status_code == 400
    bad = api.get(f"{sb.base_url}/tickets", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 400
    assert bad.json()["error"]["data"] == {"cursor": ["Invalid cursor."]}


def test_cursor_from_another_order_is_rejected(sb: Sandbox, api: requests.Session) -> None:
    page = api.get(f"{sb.base_url}/tickets", params={"limit": 5, "order_by": "created_datetime:asc"}).json()
    cursor = page["meta"]["next_cursor"]
    mismatch = api.get(f"{sb.base_url}/tickets", params={"cursor": cursor, "order_by": "updated_datetime:asc"})
    assert mismatch.status_code == 400


def test_twenty_thousand_tickets_seed_and_page_in_order() -> None:
    """A large sandbox seeds every ticket and pages through them (speed: see benchmarks/)."""
    with Sandbox(tickets=20000) as big, requests.Session() as session:
        assert len(big.store.tickets) == 20000
        session.auth = (big.username, big.api_key)
        cursor, seen, pages = None, 0, 0
        while pages < 40:
            params: dict[str, Any] = {"limit": 100, **({"cursor": cursor} if cursor else {})}
            body = session.get(f"{big.base_url}/tickets", params=params).json()
            seen += len(body["data"])
            pages += 1
            cursor = body["meta"]["next_cursor"]
        assert seen == 4000
