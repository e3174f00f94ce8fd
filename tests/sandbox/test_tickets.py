"""Ticket, ticket custom-field and message endpoints of the sandbox."""

from __future__ import annotations

from typing import Any

import requests

from gorgias_component.sandbox import Sandbox

MESSAGE = {"channel": "email", "from_agent": False, "via": "api", "subject": "Broken mug",
           "body_text": "My mug arrived broken.", "sender": {"email": "new.buyer@example.com"},
           "source": {"type": "email", "from": {"address": "new.buyer@example.com"},
                      "to": [{"address": "support@sandbox.gorgias.local"}]}}


def test_get_ticket_embeds_messages_and_optional_custom_fields(sb: Sandbox, api: requests.Session) -> None:
    plain = api.get(f"{sb.base_url}/tickets/1").json()
    assert plain["messages"] and plain["messages"][0]["ticket_id"] == 1
    assert "custom_fields" not in plain
    with_fields = api.get(f"{sb.base_url}/tickets/1", params={"relationships": "custom_fields"}).json()
    assert "1" in with_fields["custom_fields"]


def test_ticket_list_items_have_counts_but_no_messages(sb: Sandbox, api: requests.Session) -> None:
    item = api.get(f"{sb.base_url}/tickets", params={"limit": 1}).json()["data"][0]
    assert "messages" not in item
    assert item["messages_count"] >= 1
    assert {"customer", "tags", "status", "subject", "via", "channel"} <= item.keys()


def test_create_ticket_links_a_new_customer_and_reuses_tags(sb: Sandbox, api: requests.Session) -> None:
    customers_before = len(sb.store.customers)
    payload: dict[str, Any] = {"customer": {"email": "new.buyer@example.com", "name": "New Buyer"},
                               "messages": [MESSAGE], "tags": [{"name": "refund"}, {"name": "fragile"}],
                               "meta": {"order": 42}, "custom_fields": [{"id": 2, "value": "Mug"}]}
    response = api.post(f"{sb.base_url}/tickets", json=payload)
    assert response.status_code == 201, response.text
    ticket = response.json()
    assert ticket["customer"]["email"] == "new.buyer@example.com"
    assert len(sb.store.customers) == customers_before + 1
    names = [t["name"] for t in ticket["tags"]]
    assert names == ["refund", "fragile"]
    assert ticket["tags"][0]["id"] == 1  # reused seeded tag
    assert ticket["messages"][0]["sender"]["email"] == "new.buyer@example.com"
    assert ticket["subject"] == "Broken mug" and ticket["meta"] == {"order": 42}
    fields = api.get(f"{sb.base_url}/tickets/{ticket['id']}/custom-fields").json()["data"]
    assert [(f["field"]["id"], f["value"]) for f in fields] == [(2, "Mug")]


def test_create_ticket_validates_messages(sb: Sandbox, api: requests.Session) -> None:
    missing = api.post(f"{sb.base_url}/tickets", json={"subject": "x"})
    assert missing.status_code == 400
    assert missing.json()["error"]["data"]["messages"] == ["Missing data for required field."]
    empty = api.post(f"{sb.base_url}/tickets", json={"messages": []})
    assert empty.status_code == 400
    incomplete = api.post(f"{sb.base_url}/tickets", json={"messages": [{"channel": "email"}]})
    assert incomplete.status_code == 400
    error = incomplete.json()["error"]
    assert error["msg"] == "Failed to create ticket"
    assert set(error["data"]["messages"]["0"]) == {"from_agent", "via"}


def test_create_ticket_with_unknown_customer_id_is_400(sb: Sandbox, api: requests.Session) -> None:
    response = api.post(f"{sb.base_url}/tickets", json={"customer": {"id": 99999}, "messages": [MESSAGE]})
    assert response.status_code == 400
    assert "customer" in response.json()["error"]["data"]


def test_delete_ticket_answers_204_and_removes_its_messages(sb: Sandbox, api: requests.Session) -> None:
    message_ids = list(sb.store.tickets[3].message_ids)
    assert api.delete(f"{sb.base_url}/tickets/3").status_code == 204
    assert api.get(f"{sb.base_url}/tickets/3").status_code == 404
    assert api.get(f"{sb.base_url}/tickets/3/messages/{message_ids[0]}").status_code == 404
    assert api.delete(f"{sb.base_url}/tickets/3").status_code == 404


def test_ticket_list_filters_by_repeated_ticket_ids(sb: Sandbox, api: requests.Session) -> None:
    response = api.get(f"{sb.base_url}/tickets?ticket_ids=4&ticket_ids=9&ticket_ids=2")
    assert response.status_code == 200
    assert [t["id"] for t in response.json()["data"]] == [9, 4, 2]  # created_datetime:desc


def test_ticket_list_filters_by_customer_and_trashed(sb: Sandbox, api: requests.Session, walk: Any) -> None:
    customer_id = sb.store.tickets[1].customer_id
    items = walk(f"{sb.base_url}/tickets", customer_id=customer_id, limit=5)
    expected = {t.id for t in sb.store.tickets.values() if t.customer_id == customer_id}
    assert {t["id"] for t in items} == expected
    everything = walk(f"{sb.base_url}/tickets", limit=100)
    untrashed = walk(f"{sb.base_url}/tickets", limit=100, trashed="false")
    trashed = [t for t in sb.store.tickets.values() if t.trashed_datetime]
    assert trashed, "the seed trashes a few tickets"
    assert len(everything) - len(untrashed) == len(trashed)


def test_custom_field_value_delete_uses_the_field_definition_id(sb: Sandbox, api: requests.Session) -> None:
    values = api.get(f"{sb.base_url}/tickets/1/custom-fields").json()["data"]
    field = values[0]
    assert {"id", "field", "value", "prediction"} <= field.keys()
    assert field["field"]["object_type"] == "Ticket"
    url = f"{sb.base_url}/tickets/1/custom-fields/{field['field']['id']}"
    assert api.delete(url).status_code == 204
    assert api.delete(url).status_code == 404
    assert api.get(f"{sb.base_url}/tickets/999999/custom-fields").status_code == 404


def test_create_message_answers_201_and_updates_the_ticket(sb: Sandbox, api: requests.Session) -> None:
    before = api.get(f"{sb.base_url}/tickets/2").json()
    reply = {"channel": "email", "from_agent": True, "via": "api", "body_text": "We are on it."}
    response = api.post(f"{sb.base_url}/tickets/2/messages", params={"action": "force"}, json=reply)
    assert response.status_code == 201, response.text
    message = response.json()
    assert message["sent_datetime"] is not None
    assert message["sender"]["id"] == 1
    assert message["receiver"]["id"] == before["customer"]["id"]
    after = api.get(f"{sb.base_url}/tickets/2").json()
    assert after["messages_count"] == before["messages_count"] + 1
    assert after["last_message_datetime"] == message["sent_datetime"]
    fetched = api.get(f"{sb.base_url}/tickets/2/messages/{message['id']}")
    assert fetched.status_code == 200 and fetched.json()["body_text"] == "We are on it."
    assert sb.stats.processed[("POST", "/api/tickets/{ticket_id}/messages")] == 1


def test_create_message_validates_body_action_and_ticket(sb: Sandbox, api: requests.Session) -> None:
    bad = api.post(f"{sb.base_url}/tickets/2/messages", json={"channel": "email", "from_agent": "yes"})
    assert bad.status_code == 400
    assert bad.json()["error"]["data"] == {"from_agent": ["Not a valid boolean."],
                                           "via": ["Missing data for required field."]}
    body = {"channel": "email", "from_agent": True, "via": "api"}
    assert api.post(f"{sb.base_url}/tickets/2/messages", params={"action": "nope"}, json=body).status_code == 400
    assert api.post(f"{sb.base_url}/tickets/999999/messages", json=body).status_code == 404


def test_message_of_another_ticket_is_404(sb: Sandbox, api: requests.Session) -> None:
    message_id = sb.store.tickets[5].message_ids[0]
    assert api.get(f"{sb.base_url}/tickets/5/messages/{message_id}").status_code == 200
    assert api.get(f"{sb.base_url}/tickets/6/messages/{message_id}").status_code == 404


def test_list_messages_filters_by_ticket(sb: Sandbox, walk: Any) -> None:
    items = walk(f"{sb.base_url}/messages", ticket_id=7, order_by="created_datetime:asc")
    assert [m["id"] for m in items] == sb.store.tickets[7].message_ids
    assert walk(f"{sb.base_url}/messages", ticket_id=999999) == []
