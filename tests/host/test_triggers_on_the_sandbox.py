"""The host's trigger routes over the real trigger API on the sandbox: poll, subscribe, receive, unsubscribe."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from component.host.server import RunningHost
from gorgias_component.sandbox import Sandbox
from tests.component.test_input_examples import schema_example

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _create_ticket(client: httpx.Client, connection_id: str) -> int:
    made = client.post("/api/actions/createTicket", json={
        "connectionId": connection_id, "inputs": {"messages": schema_example("createTicket", "messages")}})
    assert made.status_code == 200, made.text
    identifier: int = made.json()["data"]["id"]
    return identifier


def test_poll_runs_the_trigger_with_the_state_the_last_poll_returned(client: httpx.Client, api_key_id: str) -> None:
    first = client.post("/api/triggers/newTicket/poll", json={"connectionId": api_key_id})
    assert first.status_code == 200, first.text
    assert (first.json()["data"], first.json()["more"]) == ([], False)
    made = _create_ticket(client, api_key_id)
    second = client.post("/api/triggers/newTicket/poll", json={"connectionId": api_key_id,
                                                                "state": first.json()["state"]})
    assert [item["id"] for item in second.json()["data"]] == [made]
    wrong = client.post("/api/triggers/newTicket/poll", json={"connectionId": api_key_id,
                                                               "state": {"v": 1, "trigger": "newCustomer"}})
    assert wrong.status_code == 400
    assert 'received the state of trigger "newCustomer"' in wrong.json()["error"]["message"]


def test_a_subscription_makes_the_sandbox_call_the_host_which_keeps_the_items(
        client: httpx.Client, api_key_id: str, sandbox: Sandbox, running: RunningHost) -> None:
    made = client.post("/api/triggers/newTicket/subscriptions", json={"connectionId": api_key_id})
    assert made.status_code == 201, made.text
    hook = made.json()
    integrations = [sandbox.store.integrations[i] for i in sandbox.store.integrations]
    ours = [i for i in integrations if (i.get("http") or {}).get("url") == hook["targetUrl"]]
    assert len(ours) == 1 and ours[0]["http"]["triggers"]["ticket-created"] is True
    ticket = _create_ticket(client, api_key_id)
    deadline = time.monotonic() + 10
    events: list[Any] = []
    while not events and time.monotonic() < deadline:
        events = client.get("/api/triggers/newTicket/events").json()["data"]
        time.sleep(0.05)
    assert [e["item"]["id"] for e in events] == [ticket]
    forged = httpx.post(hook["targetUrl"], json={"event": "ticket-created", "ticket": {"id": 1}},
                        headers={"X-Component-Secret": "guess"})
    assert forged.status_code == 401
    gone = client.delete(f"/api/triggers/subscriptions/{hook['id']}")
    assert gone.json() == {"data": {"message": "Success"}}
    assert not [i for i in sandbox.store.integrations if
                (sandbox.store.integrations[i].get("http") or {}).get("url") == hook["targetUrl"]]
