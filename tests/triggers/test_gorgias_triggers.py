"""The six Gorgias triggers on the sandbox: manifest entries, first polls, backfills, a wrong state, webhook secrets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from component.errors import AuthError, InputError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.component.test_input_examples import schema_example
from tests.support.on_sandbox import use_sandbox

OLD = "2000-01-01T00:00:00+00:00"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=20, tickets=25) as server:
        yield server


@pytest.fixture
def connection(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return use_sandbox(monkeypatch, sandbox)


def test_the_manifest_lists_six_triggers_with_their_modes_and_dedupe_fields() -> None:
    entries = {t["key"]: t for t in gorgias.manifest()["triggers"]}
    assert {k: (t["modes"], t["dedupeOn"]) for k, t in entries.items()} == {
        "newTicket": (["poll", "webhook"], ["id"]),
        "ticketUpdated": (["poll", "webhook"], ["id", "updated_datetime"]),
        "newTicketMessage": (["poll", "webhook"], ["id"]),
        "newCustomer": (["poll"], ["id"]),
        "customerUpdated": (["poll"], ["id", "updated_datetime"]),
        "newEvent": (["poll"], ["id"]),
    }
    event = entries["newEvent"]
    assert set(event) == {"key", "label", "description", "resource", "inputs", "inputSchema", "examplePayload",
                          "outputSchema", "modes", "dedupeOn"}
    assert event["inputSchema"]["required"] == ["types"]
    assert set(event["inputSchema"]["properties"]) == {"maxItems", "object_type", "since", "types"}
    assert entries["newTicket"]["outputSchema"]["type"] == "array"
    assert entries["newTicket"]["examplePayload"]["data"][0]["id"] == 101
    json.dumps(gorgias.manifest())


@pytest.mark.parametrize("key, inputs, path", [
    ("newTicket", {}, "tickets"), ("ticketUpdated", {}, "tickets"), ("newTicketMessage", {}, "messages"),
    ("newCustomer", {}, "customers"), ("customerUpdated", {}, "customers"),
    ("newEvent", {"types": ["ticket-created"]}, "events"),
])
def test_each_trigger_starts_now_then_backfills_oldest_first_like_its_get_action(
        key: str, inputs: dict[str, Any], path: str, connection: dict[str, Any]) -> None:
    first = gorgias.run_trigger(key, inputs, connection)
    assert (first["data"], first["more"]) == ([], False)
    backfill = gorgias.run_trigger(key, {**inputs, "since": OLD, "maxItems": 4}, connection)
    assert len(backfill["data"]) == 4 and backfill["more"] is True
    stamp = "updated_datetime" if "Updated" in key else "created_datetime"
    stamps = [item[stamp] for item in backfill["data"]]
    assert stamps == sorted(stamps)
    one = backfill["data"][0]
    if path == "tickets":
        got = gorgias.run_action("getTicket", {"id": one["id"]}, connection)["data"]
        assert {k: got[k] for k in one} == one  # the list's shape: the ticket without its messages
    if path == "customers":
        assert gorgias.run_action("getCustomer", {"id": one["id"]}, connection)["data"]["id"] == one["id"]
    if path == "events":
        assert {item["type"] for item in backfill["data"]} == {"ticket-created"}


def test_a_new_ticket_comes_once_in_the_next_poll(connection: dict[str, Any]) -> None:
    state = gorgias.run_trigger("newTicket", {}, connection)["state"]
    made = gorgias.run_action("createTicket", {"messages": schema_example("createTicket", "messages")},
                              connection)["data"]
    polled = gorgias.run_trigger("newTicket", {}, connection, state)
    assert [item["id"] for item in polled["data"]] == [made["id"]]
    assert gorgias.run_trigger("newTicket", {}, connection, polled["state"])["data"] == []


def test_a_state_from_another_trigger_is_an_input_error_before_any_request(connection: dict[str, Any]) -> None:
    state = gorgias.run_trigger("newCustomer", {}, connection)["state"]
    with pytest.raises(InputError) as caught:
        gorgias.run_trigger("newTicket", {}, {"key": "apiKey", "fields": {}}, state)
    assert str(caught.value) == ("State: expected the state a previous poll of 'newTicket' returned, "
                                 'received the state of trigger "newCustomer".')


def test_a_webhook_with_a_wrong_or_missing_secret_is_refused() -> None:
    subscription = {"integration_id": 3, "secret": "s3cret-value"}
    body = json.dumps({"event": "ticket-created", "ticket": {"id": 5}})
    good = {"method": "POST", "headers": {"X-Component-Secret": "s3cret-value"}, "query": {}, "body": body}
    assert gorgias.handle_webhook("newTicket", good, subscription) == {"data": [{"id": 5}]}
    for headers in ({"X-Component-Secret": "s3cret-valuf"}, {}):
        with pytest.raises(AuthError) as caught:
            gorgias.handle_webhook("newTicket", {**good, "headers": headers}, subscription)
        assert "s3cret" not in str(caught.value)
    with pytest.raises(InputError, match="Trigger 'newCustomer' has no webhook mode"):
        gorgias.handle_webhook("newCustomer", good, subscription)


def test_unsubscribing_a_removed_integration_counts_as_done_and_a_bad_subscription_is_an_input_error(
        connection: dict[str, Any], sandbox: Sandbox) -> None:
    assert gorgias.unsubscribe_trigger("newTicket", {"integration_id": 987654, "secret": "x"}, connection) == {
        "data": {"message": "Success"}}
    with pytest.raises(InputError) as caught:
        gorgias.unsubscribe_trigger("newTicket", {"secret": "x"}, connection)
    assert str(caught.value) == ("Subscription: expected the object subscribe_trigger returned, with an "
                                 "'integration_id' number; received null.")
