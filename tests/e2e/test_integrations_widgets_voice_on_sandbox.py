"""Integration, widget and voice actions and the integration picklist end to end on the sandbox."""

from __future__ import annotations

from typing import Any

import pytest

from component import ApiError
from gorgias_component import gorgias
from tests.e2e.conftest import Run

URL = "https://hooks.example.com/gorgias?ticket={{ticket.id}}"


def test_http_integration_round_trip(run: Run, conn: dict[str, Any]) -> None:
    """An HTTP integration created with triggers and headers can be read, listed, updated and deleted."""
    created = run("createIntegration", name="Ticket hook", url=URL, method="POST",
                  headers="x-secret:s3cr3t", triggers=["ticket-created", "ticket-updated"])
    assert created["http"]["triggers"]["ticket-created"] is True
    assert created["http"]["triggers"]["ticket-message-created"] is False
    assert created["http"]["headers"] == {"x-secret": "s3cr3t"}
    integration_id = created["id"]
    assert run("getIntegration", id=integration_id) == created
    listed = run("listIntegrations", type="http", fetchAll=True)
    assert integration_id in [i["id"] for i in listed["data"]]

    updated = run("updateIntegration", id=integration_id, name="Ticket hook v2", url=URL,
                  triggers="ticket-message-created")
    assert updated["name"] == "Ticket hook v2"
    assert [t for t, on in updated["http"]["triggers"].items() if on] == ["ticket-message-created"]
    assert updated["http"]["method"] == "GET"  # the whole http object was sent, unset method as GET

    options = gorgias.run_data_source("selectIntegration", {"type": "http"}, conn)["result"]
    assert {"key": str(integration_id), "label": "Ticket hook v2 (http)"} in options

    assert run("deleteIntegration", id=integration_id) == {"message": "Success"}
    with pytest.raises(ApiError) as missing:
        run("getIntegration", id=integration_id)
    assert missing.value.status == 404


def test_select_integration_searches_by_name(conn: dict[str, Any]) -> None:
    """The picklist's search finds the seeded HTTP integration through Gorgias's search."""
    found = gorgias.run_data_source("selectIntegration", {}, conn, search="order")["result"]
    assert {"key": "4", "label": "Order lookup (http)"} in found


def test_widget_round_trip_on_an_integration(run: Run) -> None:
    """A widget attached to an HTTP integration can be read, reordered, listed by integration and deleted."""
    template = '{"type": "wrapper", "widgets": [{"path": "orders", "type": "card", "title": "Orders"}]}'
    created = run("createWidget", type="http", template=template, integration_id="4", order="2")
    assert (created["context"], created["order"], created["integration_id"]) == ("ticket", 2, 4)
    assert run("getWidget", id=created["id"]) == created
    updated = run("updateWidget", id=created["id"], order=0, context="customer")
    assert (updated["order"], updated["context"], updated["template"]) == (0, "customer", created["template"])
    listed = run("listWidgets", integration_id=4, order_by="order:asc")
    assert created["id"] in [w["id"] for w in listed["data"]]
    assert run("deleteWidget", id=created["id"]) == {"message": "Success"}
    with pytest.raises(ApiError) as refused:
        run("createWidget", type="http", template=template, integration_id=98765)
    assert refused.value.status == 400


def test_voice_calls_recordings_and_events(run: Run) -> None:
    """Calls of a phone ticket, their events and recordings can be listed and read; a recording deleted."""
    calls = run("listVoiceCalls", fetchAll=True)["data"]
    assert calls
    call = calls[0]
    assert run("getVoiceCall", id=call["id"]) == call
    assert [c["id"] for c in run("listVoiceCalls", ticket_id=call["ticket_id"])["data"]] == [call["id"]]

    events = run("listVoiceCallEvents", call_id=call["id"], limit=50)["data"]
    assert events and {e["call_id"] for e in events} == {call["id"]}
    assert run("getVoiceCallEvent", id=events[0]["id"]) == events[0]

    recordings = run("listVoiceCallRecordings", fetchAll="true")["data"]
    recording = recordings[0]
    assert run("getVoiceCallRecording", id=recording["id"]) == recording
    assert [r["id"] for r in run("listVoiceCallRecordings", call_id=recording["call_id"])["data"]] == [
        recording["id"]]
    assert run("deleteVoiceCallRecording", id=recording["id"]) == {"message": "Success"}
    assert run("getVoiceCallRecording", id=recording["id"])["deleted_datetime"] is not None
