"""Webhook mode end to end: subscribe against the sandbox, create tickets, a local receiver gets them once each."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from component.errors import AuthError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.component.test_input_examples import schema_example
from tests.support.loopback import PostReceiver
from tests.support.on_sandbox import use_sandbox


class Receiver(PostReceiver):
    """A loopback HTTP server that hands each request to the component's handle_webhook."""

    def __init__(self) -> None:
        self.subscription: dict[str, Any] = {}
        self.items: list[Any] = []
        self.refused = 0
        super().__init__()

    def answer(self, body: bytes, headers: dict[str, str]) -> int:
        request = {"method": "POST", "headers": headers, "query": {}, "body": body}
        try:
            self.items += gorgias.handle_webhook("newTicket", request, self.subscription)["data"]
        except AuthError:
            self.refused += 1
            return 401
        return 200


@pytest.fixture
def setup(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Sandbox, Receiver, dict[str, Any]]]:
    with Sandbox(customers=5, tickets=3) as sandbox:
        use_sandbox(monkeypatch, sandbox)
        receiver = Receiver()
        try:
            yield sandbox, receiver, sandbox.connection()
        finally:
            receiver.server.shutdown()
            receiver.server.server_close()


def _wait(condition: Any, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_subscribe_deliver_refuse_a_forgery_and_unsubscribe(setup: tuple[Sandbox, Receiver, dict[str, Any]]) -> None:
    sandbox, receiver, connection = setup
    auth = (sandbox.username, sandbox.api_key)
    if requests.post(f"{sandbox.base_url}/integrations", json={}, auth=auth, timeout=5).status_code in (404, 405):
        pytest.skip("the sandbox has no POST /api/integrations route yet")
    subscription = gorgias.subscribe_trigger("newTicket", {}, connection, receiver.url)["data"]
    receiver.subscription = subscription
    integration = requests.get(f"{sandbox.base_url}/integrations/{subscription['integration_id']}", auth=auth,
                               timeout=5).json()
    assert integration["type"] == "http"
    assert integration["http"]["url"] == receiver.url
    assert integration["http"]["triggers"]["ticket-created"] is True
    made = [gorgias.run_action("createTicket", {"messages": schema_example("createTicket", "messages")},
                               connection)["data"]["id"] for _ in range(3)]
    _wait(lambda: len(receiver.items) >= 3)
    assert [item["id"] for item in receiver.items] == made, sandbox.deliveries.sent
    assert receiver.items[0] == {k: v for k, v in gorgias.run_action(
        "getTicket", {"id": made[0]}, connection)["data"].items() if k in receiver.items[0]}

    forged = requests.post(receiver.url, json={"event": "ticket-created", "ticket": {"id": 999}},
                           headers={"X-Component-Secret": "guessed"}, timeout=5)
    assert forged.status_code == 401 and receiver.refused == 1
    assert 999 not in [item["id"] for item in receiver.items]

    assert gorgias.unsubscribe_trigger("newTicket", subscription, connection) == {"data": {"message": "Success"}}
    gone = requests.get(f"{sandbox.base_url}/integrations/{subscription['integration_id']}", auth=auth, timeout=5)
    assert gone.status_code == 404
    assert gorgias.unsubscribe_trigger("newTicket", subscription, connection) == {"data": {"message": "Success"}}
    gorgias.run_action("createTicket", {"messages": schema_example("createTicket", "messages")}, connection)
    time.sleep(0.3)
    assert len(receiver.items) == 3
