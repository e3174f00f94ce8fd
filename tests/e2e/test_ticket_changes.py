"""Ticket updates, ticket tags, message edits and custom fields, end to end on the sandbox (outputs schema-checked)."""

from __future__ import annotations

from typing import Any

import pytest

from component import ApiError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import Run


def test_update_ticket_changes_only_what_was_set(run: Run, sandbox: Sandbox) -> None:
    before = run("getTicket", id=7)
    updated = run("updateTicket", id=7, status="closed", priority="high", assignee_user_id=3, assignee_team_id=2,
                  tags=["e2e-upd", "vip"], custom_fields='[{"id": 1, "value": "Refund"}]', snooze_datetime=
                  "2030-01-01T09:00:00+02:00", meta="source:e2e")
    assert (updated["status"], updated["priority"], updated["assignee_user"]["id"], updated["assignee_team"]["id"]) == (
        "closed", "high", 3, 2)
    assert [t["name"] for t in updated["tags"]] == ["e2e-upd", "vip"]
    assert updated["snooze_datetime"] == "2030-01-01T07:00:00.000000+00:00"  # the same instant, in UTC
    assert updated["subject"] == before["subject"] and updated["customer"] == before["customer"]
    assert run("listTicketCustomFields", ticket_id=7)[0]["value"] == "Refund"
    unassigned = run("updateTicket", id=7, unassign=["user", "team"])
    assert (unassigned["assignee_user"], unassigned["assignee_team"]) == (None, None)
    events = [sandbox.store.events[i].type for i in sandbox.store.event_ids_for("Ticket", 7)]
    assert events.count("ticket-updated") >= 2


def test_ticket_tags_add_remove_set_and_list(run: Run) -> None:
    assert run("setTicketTags", ticket_id=8, names=["alpha-e2e"]) == {"message": "Success"}
    run("addTicketTags", ticket_id=8, names="beta-e2e", ids=[1])
    names = [t["name"] for t in run("listTicketTags", ticket_id=8)["data"]]
    assert names == ["alpha-e2e", "refund", "beta-e2e"]
    run("removeTicketTags", ticket_id=8, names=["ALPHA-E2E"], ids="1")
    assert [t["name"] for t in run("listTicketTags", ticket_id=8)["data"]] == ["beta-e2e"]
    run("setTicketTags", ticket_id=8, clear=True)
    assert run("listTicketTags", ticket_id=8)["data"] == []


def test_update_and_delete_a_message(run: Run, sandbox: Sandbox) -> None:
    ticket = run("getTicket", id=9)
    message_id = ticket["messages"][0]["id"]
    edited = run("updateTicketMessage", ticket_id=9, id=message_id, channel="email", via="api", body_text="Edited")
    assert edited["body_text"] == "Edited"
    assert run("deleteTicketMessage", ticket_id=9, id=message_id) == {"message": "Success"}
    with pytest.raises(ApiError) as error:
        run("getTicketMessage", ticket_id=9, id=message_id)
    assert error.value.status == 404
    assert message_id not in sandbox.store.tickets[9].message_ids


def test_custom_field_definitions_and_values(run: Run, conn: dict[str, Any]) -> None:
    created = run("createCustomField", object_type="Ticket", label="E2E channel", description="Where from",
                  definition='{"data_type": "text", "input_settings": {"input_type": "dropdown", "choices": ["Web"]}}')
    field_id = created["id"]
    assert run("getCustomField", id=field_id)["label"] == "E2E channel"
    assert run("updateCustomField", id=field_id, label="E2E source")["label"] == "E2E source"
    bulk = run("updateCustomFields", fields=f'[{{"id": {field_id}, "priority": 99}}, {{"id": 2, "required": true}}]')
    assert [f["id"] for f in bulk["data"]] == [field_id, 2]
    first = run("listCustomFields", object_type="Ticket", order_by="priority:desc", limit=1)
    assert first["data"][0]["id"] == field_id
    customers = run("listCustomFields", object_type="Customer", fetchAll=True)["data"]
    assert {f["label"] for f in customers} == {"Loyalty tier", "Newsletter"}
    value = run("updateTicketCustomField", ticket_id=10, id=field_id, value="Web")
    assert value["value"] == "Web"
    values = run("setTicketCustomFields", ticket_id=10, values='[{"id": 3, "value": 9}, {"id": 1, "value": "Billing"}]')
    assert [v["value"] for v in values] == [9, "Billing"]
    with pytest.raises(ApiError) as error:
        run("updateTicketCustomField", ticket_id=10, id=field_id, value="Phone")
    assert error.value.status == 400
    options = gorgias.run_data_source("selectCustomField", {"object_type": "Customer"}, conn)["result"]
    assert [o["label"] for o in options] == ["Loyalty tier", "Newsletter"]


def test_customers_bulk_delete_merge_and_data(run: Run, sandbox: Sandbox) -> None:
    ids = [run("createCustomer", channels=f'[{{"type": "email", "address": "bulk{n}@e2e.example.com"}}]',
               email=f"bulk{n}@e2e.example.com", name=f"Bulk {n}")["id"] for n in range(4)]
    assert run("deleteCustomers", ids=ids[:2]) == {"message": "Success"}
    assert all(i not in sandbox.store.customers for i in ids[:2])
    merged = run("mergeCustomers", source_id=ids[2], target_id=ids[3], customer='{"name": "Merged Bulk"}')
    assert merged["name"] == "Merged Bulk"
    assert {c["address"] for c in merged["channels"]} >= {"bulk2@e2e.example.com", "bulk3@e2e.example.com"}
    assert ids[2] not in sandbox.store.customers
    assert run("setCustomerData", customer_id=ids[3], data='{"points": 5}', version="2024-12-04T15:18:56") == {
        "message": "Success"}
    assert run("setCustomerData", customer_id=ids[3], data='{"points": 1}', version="2024-12-04T17:00:00+03:00") == {
        "message": "Success"}  # an older instant than the stored version: ignored
    assert run("getCustomer", id=ids[3])["data"] == {"points": 5}
