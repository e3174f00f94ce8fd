"""Every Gorgias action and picklist, end to end through the public API, against the sandbox over loopback."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from component import ApiError, InputError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import check_output

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run(key: str, conn: dict[str, Any], **inputs: Any) -> Any:
    result = gorgias.run_action(key, inputs, conn)
    assert set(result) == {"data"}
    check_output(key, result["data"])
    return result["data"]


def test_customer_round_trip_create_get_update_list_delete(conn: dict[str, Any]) -> None:
    """A customer created through the component can be read, updated, found by email and deleted."""
    created = run(
        "createCustomer", conn, name="Ada Lovelace", email="ada@e2e.example.com", external_id="ext-ada",
        language="en", timezone="Europe/London", channels='[{"type": "email", "address": "ada@e2e.example.com"}]',
    )
    assert created["email"] == "ada@e2e.example.com"
    assert created["channels"][0]["address"] == "ada@e2e.example.com"
    customer_id = created["id"]

    assert run("getCustomer", conn, id=str(customer_id))["name"] == "Ada Lovelace"
    updated = run("updateCustomer", conn, id=customer_id, name="Ada King", language="fr")
    assert (updated["name"], updated["language"], updated["email"]) == ("Ada King", "fr", "ada@e2e.example.com")

    found = run("listCustomers", conn, email="ada@e2e.example.com")
    assert [c["id"] for c in found["data"]] == [customer_id]

    assert run("deleteCustomer", conn, id=customer_id) == {"message": "Success"}
    with pytest.raises(ApiError) as error:
        run("getCustomer", conn, id=customer_id)
    assert error.value.status == 404
    assert str(error.value) == f"Gorgias answered 404 Not Found to GET /customers/{customer_id}: Resource not found."


def test_duplicate_customer_email_is_a_409_with_gorgias_message(conn: dict[str, Any]) -> None:
    """Creating a second customer with the same email surfaces Gorgias's 409 and its message."""
    run("createCustomer", conn, email="twice@e2e.example.com", channels=[])
    with pytest.raises(ApiError) as error:
        run("createCustomer", conn, email="twice@e2e.example.com", channels=[])
    assert error.value.status == 409
    assert "The resource already exists." in str(error.value)


def test_ticket_round_trip_with_message_tags_meta_and_custom_fields(conn: dict[str, Any], sandbox: Sandbox) -> None:
    """A ticket created with tags and meta gets a message, is listed, read, and deleted."""
    customer = run("createCustomer", conn, email="tix@e2e.example.com", name="Tix Owner", channels=[])
    ticket = run(
        "createTicket", conn, subject="Where is my order?", tags=["e2e", "urgent"], meta=["source:e2e"],
        spam="false", from_agent="false", via="api", channel="email",
        customer=f'{{"id": {customer["id"]}}}',
        messages=[{"channel": "email", "from_agent": False, "via": "api", "body_text": "Hello, where is it?",
                   "sender": {"email": "tix@e2e.example.com"}}],
    )
    assert ticket["subject"] == "Where is my order?"
    assert sorted(tag["name"] for tag in ticket["tags"]) == ["e2e", "urgent"]
    assert ticket["meta"] == {"source": "e2e"}
    assert ticket["status"] == "open"
    assert ticket["spam"] is False

    message = run(
        "createTicketMessage", conn, ticket_id=ticket["id"], channel="email", via="api", from_agent="true",
        body_text="It ships tomorrow.", subject="Re: Where is my order?", action="force",
        source={"type": "email", "from": {"address": "support@acme.example"}, "to": [{"address": "tix@e2e.example.com"}]},
        receiver={"id": customer["id"]}, sent_datetime="2024-08-21T12:05:00",
    )
    assert message["ticket_id"] == ticket["id"]
    assert message["from_agent"] is True
    assert run("getTicketMessage", conn, ticket_id=ticket["id"], id=message["id"])["body_text"] == "It ships tomorrow."

    listed = run("listMessages", conn, ticket_id=ticket["id"], order_by="created_datetime:asc")
    assert [m["body_text"] for m in listed["data"]][-1] == "It ships tomorrow."
    by_customer = run("listTickets", conn, customer_id=customer["id"])
    assert [t["id"] for t in by_customer["data"]] == [ticket["id"]]
    assert run("getTicket", conn, id=ticket["id"])["id"] == ticket["id"]

    assert run("deleteTicket", conn, id=ticket["id"]) == {"message": "Success"}
    with pytest.raises(ApiError) as error:
        run("getTicket", conn, id=ticket["id"])
    assert error.value.status == 404


def test_custom_field_values_are_listed_and_one_is_deleted(conn: dict[str, Any]) -> None:
    """A seeded ticket's custom-field values list as a bare list; deleting one by field id removes it."""
    tickets = run("listTickets", conn, limit=50)["data"]
    ticket_id, fields = next(
        (t["id"], run("listTicketCustomFields", conn, ticket_id=t["id"])) for t in tickets
        if run("listTicketCustomFields", conn, ticket_id=t["id"])
    )
    assert isinstance(fields, list) and fields[0]["field"]["id"]
    field_id = fields[0]["field"]["id"]
    assert run("deleteTicketCustomField", conn, ticket_id=ticket_id, id=field_id) == {"message": "Success"}
    remaining = run("listTicketCustomFields", conn, ticket_id=ticket_id)
    assert field_id not in [value["field"]["id"] for value in remaining]


def test_get_ticket_with_relationships_includes_custom_fields(conn: dict[str, Any]) -> None:
    """relationships=custom_fields asks Gorgias to embed the ticket's custom fields."""
    ticket_id = run("listTickets", conn, limit=1)["data"][0]["id"]
    assert "custom_fields" in run("getTicket", conn, id=ticket_id, relationships="custom_fields")


def test_fetch_all_tickets_follows_every_cursor(conn: dict[str, Any], sandbox: Sandbox) -> None:
    """fetchAll walks several pages and returns every ticket once, with both cursors null."""
    one_page = run("listTickets", conn, limit=100)
    assert one_page["meta"]["next_cursor"]
    everything = run("listTickets", conn, fetchAll=True, limit=5, cursor="ignored")
    ids = [t["id"] for t in everything["data"]]
    assert len(ids) == len(set(ids)) >= 250
    assert everything["meta"]["next_cursor"] is None and everything["meta"]["prev_cursor"] is None
    assert everything["object"] == "list"


def test_iter_items_streams_the_same_tickets_as_fetch_all(conn: dict[str, Any]) -> None:
    """The streaming iterator yields exactly what fetchAll returns, in the same order."""
    streamed = [t["id"] for t in gorgias.iter_items("listTickets", {"order_by": "created_datetime:asc"}, conn)]
    fetched = [t["id"] for t in run("listTickets", conn, fetchAll="true", order_by="created_datetime:asc")["data"]]
    assert streamed == fetched


def test_iter_pages_streams_list_envelopes_page_by_page(conn: dict[str, Any]) -> None:
    """Pages come one at a time, 100 items each but the last, and together hold every ticket once."""
    pages = list(gorgias.iter_pages("listTickets", {}, conn))
    sizes = [len(page["data"]) for page in pages]
    assert len(pages) >= 3 and all(size == 100 for size in sizes[:-1]) and 0 < sizes[-1] <= 100
    assert pages[0]["meta"]["prev_cursor"] is None and pages[-1]["meta"]["next_cursor"] is None
    ids = [t["id"] for page in pages for t in page["data"]]
    assert len(ids) == len(set(ids)) == len(run("listTickets", conn, fetchAll=True)["data"])


def test_a_picklist_or_a_single_action_cannot_be_streamed(conn: dict[str, Any]) -> None:
    """Only list actions stream; asking to stream another action is an InputError before any request."""
    with pytest.raises(InputError) as error:
        gorgias.iter_pages("getTicket", {"id": 1}, conn)
    assert str(error.value) == "Action 'getTicket' is not a list action; it cannot be streamed."


def test_list_tickets_by_ids_repeats_the_query_key(conn: dict[str, Any]) -> None:
    """ticket_ids as a value list selects exactly those tickets."""
    ids = [t["id"] for t in run("listTickets", conn, limit=3)["data"]]
    selected = run("listTickets", conn, ticket_ids=[str(i) for i in ids])
    assert sorted(t["id"] for t in selected["data"]) == sorted(ids)


def test_events_list_filters_and_get(conn: dict[str, Any]) -> None:
    """Events filter by types, object and creation date comparators; one event can be fetched by id."""
    customer = run("createCustomer", conn, email="evt@e2e.example.com", channels=[])
    events = run("listEvents", conn, types=["customer-created"], object_type="customer", object_id=customer["id"])
    assert [e["type"] for e in events["data"]] == ["customer-created"]
    event = run("getEvent", conn, id=events["data"][0]["id"])
    assert event["object_id"] == customer["id"]
    recent = run("listEvents", conn, created_datetime={"gte": events["data"][0]["created_datetime"]}, limit=100)
    assert events["data"][0]["id"] in [e["id"] for e in recent["data"]]
    everything = run("listEvents", conn, fetchAll=True, types="ticket-created")
    assert everything["data"] and {e["type"] for e in everything["data"]} == {"ticket-created"}


def test_search_account_and_download(conn: dict[str, Any], sandbox: Sandbox) -> None:
    """Search answers at most `size` matches, the account is readable, and a download gives a working signed URL."""
    created = {run("createCustomer", conn, email=f"findme-{n}@search.example.com", channels=[])["id"] for n in range(6)}
    found = run("search", conn, type="customer", query="findme-", size="5")
    assert len(found["data"]) == 5 and {c["id"] for c in found["data"]} <= created
    account = run("getAccount", conn)
    assert account["domain"] == "sandbox"
    assert gorgias.check_connection(conn) == {"data": account}

    messages = run("listMessages", conn, limit=100)["data"]
    url = next(a["url"] for m in messages for a in m.get("attachments") or [])
    file_type, _, domain_hash, resource_name = urlsplit(url).path.split("/api/", 1)[1].split("/")
    signed = run("downloadFile", conn, file_type=file_type, domain_hash=domain_hash, resource_name=resource_name)
    assert "signature=" in signed
    fetched = requests.get(signed, timeout=5)
    assert fetched.status_code == 200 and fetched.content


def test_raw_request_reads_json_text_and_binary(conn: dict[str, Any]) -> None:
    """Raw Request reaches any path with the connection's credentials and decodes as asked."""
    page = run("rawRequest", conn, method="GET", url="/tickets", queryParams=[{"key": "limit", "value": "2"}])
    assert len(page["data"]) == 2
    text = run("rawRequest", conn, method="GET", url="/account", responseType="text")
    assert '"domain"' in text
    binary = run("rawRequest", conn, method="GET", url="/account", responseType="binary")
    assert binary["contentType"].startswith("application/json")
    assert b'"domain"' in base64.b64decode(binary["data"])
    created = run("rawRequest", conn, method="POST", url="customers",
                  data='{"email": "raw@e2e.example.com", "channels": []}')
    assert created["email"] == "raw@e2e.example.com"


def test_picklists_list_every_record_with_readable_labels(conn: dict[str, Any]) -> None:
    """Each picklist returns keys as id strings and non-empty readable labels."""
    customers = gorgias.run_data_source("selectCustomer", {}, conn)["result"]
    assert len(customers) >= 40 and all(o["label"].strip() for o in customers)
    ticket_id = run("listTickets", conn, limit=1)["data"][0]["id"]
    tickets = gorgias.run_data_source("selectTicket", {}, conn)["result"]
    assert str(ticket_id) in [o["key"] for o in tickets]
    messages = gorgias.run_data_source("selectMessage", {"ticket_id": ticket_id}, conn)["result"]
    assert messages and all(o["label"] for o in messages)
    events = gorgias.run_data_source("selectEvent", {"types": "ticket-created"}, conn)["result"]
    assert events and all(" · " in o["label"] and o["label"].startswith("ticket-created") for o in events)


def test_invalid_input_sends_nothing(conn: dict[str, Any], sandbox: Sandbox) -> None:
    """An InputError is raised before any request reaches the sandbox."""
    sandbox.reset_stats()
    with pytest.raises(InputError) as error:
        run("listTickets", conn, limit=101)
    assert error.value.key == "limit"
    with pytest.raises(InputError):
        run("rawRequest", conn, method="GET", url="//evil.example.com/api/account")
    assert sandbox.stats.requests == 0


def test_wrong_api_key_is_refused(conn: dict[str, Any]) -> None:
    """A wrong API key gets Gorgias's 401, as an AuthError."""
    wrong = {"key": "apiKey", "fields": {**conn["fields"], "apiKey": "not-the-right-key"}}
    with pytest.raises(ApiError) as error:
        run("getAccount", wrong)
    assert error.value.status == 401
    assert "not-the-right-key" not in str(error.value)
