"""Trigger routes: 501 while the component has no triggers; with a trigger API, polls, webhooks and their items."""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest

from component.components import Component
from component.errors import AuthError
from component.host.server import RunningHost
from component.host.store import Store
from gorgias_component import gorgias


@dataclasses.dataclass(frozen=True)
class WithTriggers(Component):
    """The Gorgias component plus a stand-in of issue 11's trigger API, to drive the host's plumbing."""

    calls: list[tuple[str, Any]] = dataclasses.field(default_factory=list, compare=False)

    def run_trigger(self, key: str, inputs: Mapping[str, Any], connection: Mapping[str, Any], state: Any = None, *,
                    on_token_refresh: Any = None) -> dict[str, Any]:
        self.calls.append(("poll", (key, dict(inputs), state)))
        seen = (state or {}).get("n", 0)
        return {"data": [{"id": seen + 1}], "state": {"n": seen + 1}, "more": False}

    def subscribe_trigger(self, key: str, inputs: Mapping[str, Any], connection: Mapping[str, Any],
                          target_url: str) -> dict[str, Any]:
        self.calls.append(("subscribe", target_url))
        return {"data": {"integration_id": 7, "secret": "hook-secret-value-42", "target_url": target_url}}

    def unsubscribe_trigger(self, key: str, subscription: Mapping[str, Any],
                            connection: Mapping[str, Any]) -> dict[str, Any]:
        self.calls.append(("unsubscribe", subscription["integration_id"]))
        return {"data": {"message": "Success"}}

    def handle_webhook(self, key: str, request: Mapping[str, Any], subscription: Mapping[str, Any]) -> dict[str, Any]:
        if not hmac.compare_digest(request["headers"].get("x-hook-secret", ""), subscription["secret"]):
            raise AuthError("wrong secret", status=401)
        import json

        return {"data": [json.loads(request["body"])]}


@pytest.fixture
def triggers_client(running: RunningHost, store: Store) -> Iterator[tuple[httpx.Client, WithTriggers]]:
    fields = {f.name: getattr(gorgias, f.name) for f in dataclasses.fields(gorgias) if f.init and f.name != "_executor"}
    component = WithTriggers(**fields)
    with RunningHost(component, store) as host, httpx.Client(base_url=host.url, timeout=30) as client:
        yield client, component


def test_an_unknown_trigger_key_is_a_404_naming_it(client: httpx.Client, api_key_id: str) -> None:
    """The Gorgias component has triggers now: a key it does not declare is refused before any request."""
    answer = client.post("/api/triggers/newTickt/poll", json={"connectionId": api_key_id})
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert (error["type"], error["key"]) == ("unknown_key", "newTickt")
    assert error["message"] == 'Unknown trigger "newTickt" in component \'gorgias\'. Did you mean \'newTicket\'?'


def test_poll_passes_inputs_and_state(triggers_client: tuple[httpx.Client, WithTriggers], api_key_id: str) -> None:
    client, component = triggers_client
    first = client.post("/api/triggers/newTicket/poll", json={"connectionId": api_key_id, "inputs": {"since": "x"}})
    assert first.json() == {"data": [{"id": 1}], "state": {"n": 1}, "more": False}
    second = client.post("/api/triggers/newTicket/poll", json={"connectionId": api_key_id, "state": first.json()["state"]})
    assert second.json()["data"] == [{"id": 2}]
    assert component.calls[-1] == ("poll", ("newTicket", {}, {"n": 1}))


def test_webhooks_are_received_kept_and_refused_with_a_wrong_secret(
        triggers_client: tuple[httpx.Client, WithTriggers], api_key_id: str, tmp_path: Any) -> None:
    """Subscribe gives a /hooks URL; a delivery with the secret is kept and listed; a forged one is a 401."""
    client, component = triggers_client
    made = client.post("/api/triggers/newTicket/subscriptions", json={"connectionId": api_key_id})
    assert made.status_code == 201
    target = made.json()["targetUrl"]
    assert target == f"{client.base_url}/hooks/{made.json()['id']}"
    assert "hook-secret-value-42" not in client.get("/api/triggers/subscriptions").text
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("host.db*"))
    assert b"hook-secret-value-42" not in raw
    forged = httpx.post(target, json={"id": 66}, headers={"X-Hook-Secret": "guess"})
    assert forged.status_code == 401
    assert httpx.post(f"{client.base_url}/hooks/unknown", json={"id": 1}).status_code == 401
    good = httpx.post(target, json={"id": 55}, headers={"X-Hook-Secret": "hook-secret-value-42"})
    assert good.json() == {"received": 1}
    events = client.get("/api/triggers/newTicket/events").json()["data"]
    assert [e["item"] for e in events] == [{"id": 55}]
    assert client.get("/api/triggers/newTicket/events", params={"after": events[0]["id"]}).json() == {"data": []}
    gone = client.delete(f"/api/triggers/subscriptions/{made.json()['id']}")
    assert gone.json() == {"data": {"message": "Success"}}
    assert component.calls[-1] == ("unsubscribe", 7)
    assert httpx.post(target, json={"id": 1}, headers={"X-Hook-Secret": "hook-secret-value-42"}).status_code == 401
