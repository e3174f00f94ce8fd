"""The sandbox's ticket changes, custom fields and customer bulk routes: validation, 4xx bodies and events."""

from __future__ import annotations

import requests

from gorgias_component.sandbox import Sandbox
from tests.sandbox.conftest import Walker


def test_update_ticket_validates_before_changing_anything(sb: Sandbox, api: requests.Session) -> None:
    before = sb.store.tickets[3].status
    bad = api.put(f"{sb.base_url}/tickets/3", json={"status": "pending", "assignee_user": {"id": 999}})
    assert bad.status_code == 400
    assert bad.json()["error"]["data"] == {"assignee_user": ["No assignee user with id 999."],
                                           "status": ["Must be one of: open, closed."]}
    assert sb.store.tickets[3].status == before
    assert api.put(f"{sb.base_url}/tickets/99999", json={"status": "open"}).status_code == 404
    ok = api.put(f"{sb.base_url}/tickets/3", json={"status": "closed", "customer": {"id": 2}})
    assert ok.status_code == 202 and ok.json()["customer"]["id"] == 2
    assert 3 in sb.store.customer_tickets[2]
    assert ok.json()["closed_datetime"].endswith("+00:00")


def test_ticket_tags_need_a_tag_and_know_the_ids(sb: Sandbox, api: requests.Session) -> None:
    assert api.post(f"{sb.base_url}/tickets/3/tags", json={}).status_code == 400
    unknown = api.post(f"{sb.base_url}/tickets/3/tags", json={"ids": [999]})
    assert unknown.status_code == 404
    assert api.delete(f"{sb.base_url}/tickets/3/tags", json={"names": []}).status_code == 400
    listed = api.get(f"{sb.base_url}/tickets/3/tags").json()
    assert listed["object"] == "list" and [t["id"] for t in listed["data"]] == sb.store.tickets[3].tag_ids


def test_messages_of_another_ticket_are_not_found(sb: Sandbox, api: requests.Session) -> None:
    message_id = sb.store.tickets[4].message_ids[0]
    assert api.delete(f"{sb.base_url}/tickets/5/messages/{message_id}").status_code == 404
    body = {"channel": "email", "via": "api", "from_agent": True, "subject": "New subject"}
    assert api.put(f"{sb.base_url}/tickets/5/messages/{message_id}", json=body).status_code == 404
    assert api.put(f"{sb.base_url}/tickets/4/messages/{message_id}", json={"subject": "x"}).status_code == 400
    edited = api.put(f"{sb.base_url}/tickets/4/messages/{message_id}", json=body)
    assert edited.status_code == 202 and edited.json()["subject"] == "New subject"


def test_custom_fields_list_needs_an_object_type_and_orders_by_priority(sb: Sandbox, api: requests.Session,
                                                                       walk: Walker) -> None:
    missing = api.get(f"{sb.base_url}/custom-fields")
    assert missing.json() == {"error": {"msg": "Invalid request.",
                                        "data": {"object_type": ["Missing data for required field."]}}}
    fields = walk(f"{sb.base_url}/custom-fields", object_type="Ticket", order_by="priority:asc", limit=2)
    assert [f["label"] for f in fields] == ["Contact reason", "Product", "Satisfaction score"]
    assert api.get(f"{sb.base_url}/custom-fields", params={"object_type": "Order"}).status_code == 400
    archived = api.put(f"{sb.base_url}/custom-fields/2", json={"deactivated_datetime": "2024-12-04T15:18:56"})
    assert archived.json()["deactivated_datetime"] == "2024-12-04T15:18:56.000000+00:00"
    active = walk(f"{sb.base_url}/custom-fields", object_type="Ticket", archived="false")
    assert 2 not in [f["id"] for f in active]


def test_field_values_are_checked_against_the_field(sb: Sandbox, api: requests.Session) -> None:
    wrong_type = api.put(f"{sb.base_url}/tickets/3/custom-fields/3", json={"value": "nine"})
    assert wrong_type.json()["error"]["data"] == {"values": {"0": {"value": ["Not a valid number."]}}}
    not_a_choice = api.put(f"{sb.base_url}/tickets/3/custom-fields", json=[{"id": 1, "value": "Other"}])
    assert not_a_choice.status_code == 400
    customer_field = api.put(f"{sb.base_url}/tickets/3/custom-fields/4", json={"value": "Gold"})
    assert customer_field.status_code == 400
    assert api.put(f"{sb.base_url}/tickets/3/custom-fields", json=[]).status_code == 400


def test_customer_bulk_delete_and_merge_refuse_what_is_not_explicit(sb: Sandbox, api: requests.Session) -> None:
    count = len(sb.store.customers)
    for body in ({}, {"ids": []}, {"ids": "all"}):
        assert api.delete(f"{sb.base_url}/customers", json=body).status_code == 400
    assert len(sb.store.customers) == count
    same = api.put(f"{sb.base_url}/customers/merge", params={"source_id": 1, "target_id": 1}, json={})
    assert same.status_code == 400
    missing = api.put(f"{sb.base_url}/customers/merge", params={"target_id": 1}, json={})
    assert missing.json()["error"]["data"] == {"source_id": ["Missing data for required field."]}
    tickets = list(sb.store.customer_tickets.get(5, []))
    merged = api.put(f"{sb.base_url}/customers/merge", params={"source_id": 5, "target_id": 6}, json={})
    assert merged.status_code == 202 and 5 not in sb.store.customers
    assert all(sb.store.tickets[t].customer_id == 6 for t in tickets)
    assert api.put(f"{sb.base_url}/customers/6/data", json={"version": "x", "data": {}}).status_code == 400
