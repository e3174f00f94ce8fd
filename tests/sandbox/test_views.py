"""View endpoints of the sandbox over loopback HTTP: Gorgias's shapes, orders and 4xx bodies."""

from __future__ import annotations

import requests

from gorgias_component.sandbox import Sandbox


def test_views_are_seeded_and_listed_by_cursor(sb: Sandbox, api: requests.Session) -> None:
    """The seeded views list in created order, one cursor page at a time, as a list envelope."""
    first = api.get(f"{sb.base_url}/views", params={"limit": 2, "order_by": "created_datetime:asc"})
    assert first.status_code == 200
    body = first.json()
    assert (body["object"], [v["slug"] for v in body["data"]]) == ("list", ["open-tickets", "my-tickets"])
    rest = api.get(f"{sb.base_url}/views", params={"limit": 2, "order_by": "created_datetime:asc",
                                                    "cursor": body["meta"]["next_cursor"]}).json()
    assert [v["slug"] for v in rest["data"]] == ["unassigned", "urgent"]


def test_a_view_body_is_checked_field_by_field(sb: Sandbox, api: requests.Session) -> None:
    """A 400 names every bad field with Gorgias's messages; nothing is created."""
    answer = api.post(f"{sb.base_url}/views", json={"visibility": "team", "shared_with_users": [99999],
                                                    "fields": ["colour"], "order_dir": "up"})
    assert answer.status_code == 400
    assert answer.json() == {"error": {"msg": "Failed to create view", "data": {
        "slug": ["Missing data for required field."],
        "order_dir": ["Must be one of: asc, desc."],
        "visibility": ["Must be one of: public, shared, private."],
        "fields": ["Unknown fields: ['colour']."],
        "shared_with_users": ["Unknown ids: [99999]."],
    }}}
    assert len(sb.store.tables["views"]) == 5


def test_view_items_refuse_unknown_parameters_and_orders(sb: Sandbox, api: requests.Session) -> None:
    """Unknown query parameters and orders are 400s; an unknown view is a 404."""
    bad = api.get(f"{sb.base_url}/views/1/items", params={"order_by": "subject:asc", "colour": "red"})
    assert bad.status_code == 400
    assert bad.json()["error"]["data"] == {"colour": ["Unknown field."]}
    order = api.get(f"{sb.base_url}/views/1/items", params={"order_by": "subject:asc"})
    assert order.status_code == 400 and "order_by" in order.json()["error"]["data"]
    assert api.get(f"{sb.base_url}/views/999/items").json() == {"error": {"msg": "Resource not found."}}


def test_view_items_follow_the_view_order_and_skip_the_ignored_ticket(sb: Sandbox, api: requests.Session) -> None:
    """Without order_by the view's own order applies; ignored_item leaves one ticket out."""
    items = api.get(f"{sb.base_url}/views/3/items", params={"limit": 5}).json()["data"]  # created_datetime asc
    created = [t["created_datetime"] for t in items]
    assert created == sorted(created)
    again = api.get(f"{sb.base_url}/views/3/items", params={"limit": 5, "ignored_item": items[0]["id"]}).json()
    assert items[0]["id"] not in [t["id"] for t in again["data"]]


def test_searching_items_with_view_zero_needs_a_view(sb: Sandbox, api: requests.Session) -> None:
    """PUT /views/0/items searches with the body's view alone; without one it is a 400."""
    found = api.put(f"{sb.base_url}/views/0/items", params={"limit": 3},
                    json={"view": {"filters": "eq(ticket.status, 'closed')"}})
    assert found.status_code == 202
    assert all(t["status"] == "closed" for t in found.json()["data"])
    missing = api.put(f"{sb.base_url}/views/0/items", json={})
    assert missing.status_code == 400
    assert missing.json()["error"]["data"] == {"view": ["Missing data for required field."]}
