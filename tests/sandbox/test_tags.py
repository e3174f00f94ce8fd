"""Tag endpoints of the sandbox: the generic table and CRUD routes, bulk delete and merge, over loopback HTTP."""

from __future__ import annotations

from datetime import datetime

import requests

from gorgias_component.sandbox import Sandbox
from tests.sandbox.conftest import Walker


def events_of(sb: Sandbox, tag_id: int) -> list[str]:
    return [sb.store.events[i].type for i in sb.store.event_ids_for("Tag", tag_id)]


def test_list_tags_is_a_cursor_envelope_newest_first(sb: Sandbox, api: requests.Session, walk: Walker) -> None:
    """GET /tags answers the list envelope; walking the cursors gives every seeded tag once."""
    first = api.get(f"{sb.base_url}/tags", params={"limit": 3})
    assert first.status_code == 200
    body = first.json()
    assert (body["object"], body["uri"], len(body["data"])) == ("list", "/api/tags?limit=3", 3)
    assert body["meta"]["next_cursor"] and body["meta"]["prev_cursor"] is None
    every = walk(f"{sb.base_url}/tags", limit=4)
    assert sorted(t["id"] for t in every) == list(range(1, 11))
    stamps = [(t["created_datetime"], t["id"]) for t in every]
    assert stamps == sorted(stamps, reverse=True)


def test_tags_order_by_name_usage_and_updated(sb: Sandbox, api: requests.Session, walk: Walker) -> None:
    """order_by name, usage and updated_datetime work both ways, across pages."""
    names = [t["name"] for t in walk(f"{sb.base_url}/tags", order_by="name:asc", limit=3)]
    assert names == sorted(names) and len(names) == 10
    usage = [t["usage"] for t in walk(f"{sb.base_url}/tags", order_by="usage:desc", limit=3)]
    assert usage == sorted(usage, reverse=True) and sum(usage) >= 250
    tag = api.put(f"{sb.base_url}/tags/4", json={"description": "touched"}).json()
    newest = api.get(f"{sb.base_url}/tags", params={"order_by": "updated_datetime:desc", "limit": 1}).json()
    assert newest["data"][0]["id"] == 4 and tag["description"] == "touched"


def test_an_unknown_order_or_parameter_is_a_400(sb: Sandbox, api: requests.Session) -> None:
    bad = api.get(f"{sb.base_url}/tags", params={"order_by": "color:asc"})
    assert bad.status_code == 400 and "order_by" in bad.json()["error"]["data"]
    unknown = api.get(f"{sb.base_url}/tags", params={"colour": "red"})
    assert unknown.json() == {"error": {"msg": "Invalid request.", "data": {"colour": ["Unknown field."]}}}


def test_search_keeps_matching_names(sb: Sandbox, api: requests.Session) -> None:
    """search keeps the tags whose name contains the text, ignoring case."""
    found = api.get(f"{sb.base_url}/tags", params={"search": "RE"}).json()["data"]
    assert {t["name"] for t in found} == {"refund", "return"}


def test_create_get_update_delete_write_events(sb: Sandbox, api: requests.Session) -> None:
    """Each change is a tag-created/updated/deleted event; datetimes carry the UTC offset."""
    created = api.post(f"{sb.base_url}/tags", json={"name": "fragile", "decoration": {"color": "#123456"}})
    assert created.status_code == 201, created.text
    tag = created.json()
    assert (tag["name"], tag["usage"], tag["uri"]) == ("fragile", 0, f"/api/tags/{tag['id']}/")
    assert datetime.fromisoformat(tag["created_datetime"]).utcoffset() is not None
    assert tag["created_datetime"].endswith("+00:00")
    assert api.get(f"{sb.base_url}/tags/{tag['id']}").json() == tag
    updated = api.put(f"{sb.base_url}/tags/{tag['id']}", json={"name": "Fragile!"})
    assert (updated.status_code, updated.json()["name"]) == (202, "Fragile!")
    assert api.delete(f"{sb.base_url}/tags/{tag['id']}").status_code == 204
    assert api.get(f"{sb.base_url}/tags/{tag['id']}").status_code == 404
    assert events_of(sb, tag["id"]) == ["tag-created", "tag-updated", "tag-deleted"]


def test_invalid_bodies_are_400_with_field_errors(sb: Sandbox, api: requests.Session) -> None:
    missing = api.post(f"{sb.base_url}/tags", json={"description": "no name"})
    assert missing.json() == {"error": {"msg": "Failed to create tag",
                                        "data": {"name": ["Missing data for required field."]}}}
    duplicate = api.post(f"{sb.base_url}/tags", json={"name": "refund"})
    assert duplicate.json()["error"]["data"] == {"name": ["A tag named refund already exists."]}
    assert api.put(f"{sb.base_url}/tags/1", json={"decoration": {"colour": "x"}}).status_code == 400
    assert api.put(f"{sb.base_url}/tags/999", json={"name": "x"}).status_code == 404


def test_deleting_a_tag_takes_it_off_its_tickets(sb: Sandbox, api: requests.Session) -> None:
    tagged = [t.id for t in sb.store.tickets.values() if 2 in t.tag_ids]
    assert tagged
    assert api.delete(f"{sb.base_url}/tags", json={"ids": [2]}).status_code == 204
    assert all(2 not in sb.store.tickets[i].tag_ids for i in tagged)


def test_bulk_delete_needs_ids(sb: Sandbox, api: requests.Session) -> None:
    """DELETE /tags without ids, or with an empty list, deletes nothing."""
    for body in ({}, {"ids": []}, {"ids": ["1"]}):
        assert api.delete(f"{sb.base_url}/tags", json=body).status_code == 400
    assert len(sb.store.tags) == 10
    unknown = api.delete(f"{sb.base_url}/tags", json={"ids": [1, 999]})
    assert unknown.status_code == 404 and 1 in sb.store.tags


def test_merge_moves_tickets_to_the_destination(sb: Sandbox, api: requests.Session) -> None:
    """The sources' tickets get the destination tag; the sources are deleted; the destination is answered."""
    sources = {t.id for t in sb.store.tickets.values() if 3 in t.tag_ids or 4 in t.tag_ids}
    before = api.get(f"{sb.base_url}/tags/1").json()["usage"]
    merged = api.put(f"{sb.base_url}/tags/1/merge", json={"source_tags_ids": [3, 4]})
    assert merged.status_code == 202
    assert merged.json()["usage"] >= before and all(1 in sb.store.tickets[i].tag_ids for i in sources)
    assert 3 not in sb.store.tags and 4 not in sb.store.tags
    assert api.put(f"{sb.base_url}/tags/1/merge", json={"source_tags_ids": [1]}).status_code == 400


def test_every_answer_carries_the_call_limit_header(sb: Sandbox, api: requests.Session) -> None:
    """Successes and errors alike carry X-Gorgias-Account-Api-Call-Limit as used/capacity."""
    for response in (api.get(f"{sb.base_url}/tags"), api.get(f"{sb.base_url}/tags/999"),
                     api.post(f"{sb.base_url}/tags", json={}), api.get(f"{sb.base_url}/account")):
        used, _, capacity = response.headers["X-Gorgias-Account-Api-Call-Limit"].partition("/")
        assert int(used) >= 1 and int(capacity) == 40
