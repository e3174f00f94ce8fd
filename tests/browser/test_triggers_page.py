"""The page's trigger panel, driven through the host's trigger routes by a stand-in of issue 11's trigger API."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from component.host.server import RunningHost, register_sandbox
from component.host.store import Store
from component.ratelimit import forget_budgets
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.browser.conftest import shot
from tests.host.test_triggers import WithTriggers
from tests.support.on_sandbox import use_sandbox

TRIGGER = {"key": "newTicket", "label": "New Ticket", "description": "When a ticket is created.", "resource": "Tickets",
           "inputs": [{"key": "since", "label": "Since", "type": "string", "required": False, "default": None,
                       "example": None, "comments": "Backfill from this date-time.", "collection": None,
                       "dataSource": None}],
           "inputSchema": {"type": "object", "properties": {"since": {"type": "string"}}},
           "modes": ["poll", "webhook"], "dedupeOn": ["id"]}


@dataclasses.dataclass(frozen=True)
class ListedTriggers(WithTriggers):
    """The stand-in, with its trigger listed in the manifest as issue 11 describes."""

    def manifest(self) -> dict[str, Any]:
        return {**super().manifest(), "triggers": [TRIGGER]}


@pytest.fixture
def trigger_host(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningHost]:
    use_sandbox(monkeypatch, sandbox)
    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    forget_budgets()
    fields = {f.name: getattr(gorgias, f.name) for f in dataclasses.fields(gorgias) if f.init and f.name != "_executor"}
    component = ListedTriggers(**fields)
    store = Store.open(str(tmp_path / "triggers.db"))
    register_sandbox(component, store, [sandbox.connection()])
    with RunningHost(component, store) as running:
        yield running


def test_poll_now_and_webhook_items_as_they_arrive(browser: Any, trigger_host: RunningHost) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(trigger_host.url + "/")
        page.click("button.entry[data-key=newTicket]")
        page.click("#poll")
        page.wait_for_selector("#run-status.good")
        assert json.loads(page.inner_text("#json")) == {"data": [{"id": 1}], "state": {"n": 1}, "more": False}
        page.click("#poll")  # the state of the first poll goes back
        page.wait_for_function("document.querySelector('#json').textContent.includes('\"n\": 2')")
        page.click("#subscribe")
        page.wait_for_selector("#unsubscribe:not([hidden])")
        (subscription,) = httpx.get(trigger_host.url + "/api/triggers/subscriptions").json()["data"]
        delivered = httpx.post(f"{trigger_host.url}/hooks/{subscription['id']}", json={"id": 4242, "subject": "Pushed"},
                               headers={"X-Hook-Secret": "hook-secret-value-42"})
        assert delivered.json() == {"received": 1}
        page.wait_for_selector("#event-list li", timeout=10_000)
        assert json.loads(page.inner_text("#event-list li pre")) == {"id": 4242, "subject": "Pushed"}
        shot(page, "8-trigger-webhook-items")
        page.click("#unsubscribe")
        page.wait_for_selector("#subscribe:not([hidden])")
        assert httpx.get(trigger_host.url + "/api/triggers/subscriptions").json() == {"data": []}
    finally:
        context.close()
