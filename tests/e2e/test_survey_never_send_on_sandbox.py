"""A survey created with Never Send is stored with should_send_datetime null, and a planned send can be cancelled."""

from __future__ import annotations

from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import Run


def test_never_send_creates_and_cancels_with_a_null_send_time(run: Run, sandbox: Sandbox) -> None:
    taken = {s["ticket_id"] for s in sandbox.store.tables["satisfaction_surveys"].values()}
    first, second = [t for t in sorted(sandbox.store.tickets.values(), key=lambda t: t.id)
                     if t.id not in taken and t.customer_id is not None][:2]
    kept = run("createSatisfactionSurvey", ticket_id=first.id, customer_id=first.customer_id, never_send="true")
    assert kept["should_send_datetime"] is None
    planned = run("createSatisfactionSurvey", ticket_id=second.id, customer_id=second.customer_id,
                  should_send_datetime="2024-06-01T10:00:00+00:00")
    assert planned["should_send_datetime"] is not None
    cancelled = run("updateSatisfactionSurvey", id=planned["id"], never_send=True)
    assert cancelled["should_send_datetime"] is None
    assert run("getSatisfactionSurvey", id=planned["id"])["should_send_datetime"] is None
