"""The sandbox's trigger knobs and deliveries: late visibility, bursts of one timestamp, retried webhook calls."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from gorgias_component.sandbox.hooks import DELAYS
from tests.component.test_input_examples import schema_example
from tests.support.loopback import PostReceiver
from tests.support.on_sandbox import use_sandbox


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with Sandbox(customers=3, tickets=2) as server:
        use_sandbox(monkeypatch, server)
        yield server


def _create(connection: dict[str, Any]) -> dict[str, Any]:
    made: dict[str, Any] = gorgias.run_action("createTicket", {"messages": schema_example("createTicket", "messages")},
                                              connection)["data"]
    return made


def _listed(connection: dict[str, Any]) -> set[int]:
    page = gorgias.run_action("listTickets", {"limit": "100"}, connection)["data"]["data"]
    return {ticket["id"] for ticket in page}


def test_with_a_visibility_lag_new_tickets_show_in_lists_only_later(sandbox: Sandbox) -> None:
    connection = sandbox.connection()
    sandbox.set_visibility_lag(1500)
    made = {_create(connection)["id"] for _ in range(6)}
    assert not made <= _listed(connection)  # some are not visible yet (the delays are seeded)
    assert gorgias.run_action("getTicket", {"id": min(made)}, connection)["data"]["id"] == min(made)
    time.sleep(1.55)
    assert made <= _listed(connection)


def test_in_a_burst_every_new_ticket_has_the_same_timestamp(sandbox: Sandbox) -> None:
    connection = sandbox.connection()
    with sandbox.same_instant() as moment:
        stamps = {_create(connection)["created_datetime"] for _ in range(3)}
    assert stamps == {moment}
    assert _create(connection)["created_datetime"] > moment


class Flaky(PostReceiver):
    """A receiver that answers 500 to its first `failures` calls, then 200."""

    def __init__(self, failures: int) -> None:
        self.calls: list[bytes] = []
        self.failures = failures
        super().__init__()

    def answer(self, body: bytes, headers: dict[str, str]) -> int:
        self.calls.append(body)
        return 500 if len(self.calls) <= self.failures else 200


@pytest.mark.parametrize("failures, calls", [(2, 3), (10, 1 + len(DELAYS))])
def test_a_failed_delivery_is_retried_a_few_times(sandbox: Sandbox, failures: int, calls: int) -> None:
    receiver = Flaky(failures)
    try:
        sandbox.store.integrations.insert({"name": "hook", "type": "http", "http": {
            "url": receiver.url, "method": "POST", "headers": {"X-Test": "1"}, "form": {"ticket": "{{ticket}}"},
            "triggers": {"ticket-created": True}}}, None)
        made = _create(sandbox.connection())
        deadline = time.monotonic() + 5
        while len(receiver.calls) < calls and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(sum(DELAYS))  # time for a retry too many, if one were made
        assert len(receiver.calls) == calls
        assert all(b'"id": %d' % made["id"] in body for body in receiver.calls)
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
