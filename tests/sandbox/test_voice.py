"""The sandbox serves voice calls, recordings and events seeded from its phone tickets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import requests
from jsonschema import Draft202012Validator

from gorgias_component.sandbox import Sandbox

OBJECTS = Path(__file__).resolve().parents[2] / "schemas" / "objects"


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((OBJECTS / f"{name}.json").read_text(encoding="utf-8")))


def test_every_phone_ticket_has_one_call_with_events(sb: Sandbox, walk: Any) -> None:
    """Calls match the phone tickets one to one; each call's events start with the incoming call."""
    calls = walk(f"{sb.base_url}/phone/voice-calls", limit=100)
    phone_tickets = {t.id for t in sb.store.tickets.values() if t.channel == "phone"}
    assert phone_tickets and {c["ticket_id"] for c in calls} == phone_tickets
    for call in calls:
        assert not list(_validator("voice_call").iter_errors(call))
        assert call["customer_id"] == sb.store.tickets[call["ticket_id"]].customer_id
    first = calls[-1]  # newest first: the last one is the oldest
    events = walk(f"{sb.base_url}/phone/voice-call-events", call_id=first["id"])
    assert events and {e["call_id"] for e in events} == {first["id"]}
    assert min(events, key=lambda e: e["created_datetime"])["type"] == "incoming-phone-call"
    for event in events:
        assert not list(_validator("voice_call_event").iter_errors(event))


def test_calls_filter_by_ticket(sb: Sandbox, api: requests.Session) -> None:
    """ticket_id keeps the calls of that ticket only; a bad id is a 400."""
    ticket = min(t.id for t in sb.store.tickets.values() if t.channel == "phone")
    page = api.get(f"{sb.base_url}/phone/voice-calls", params={"ticket_id": ticket}).json()
    assert [c["ticket_id"] for c in page["data"]] == [ticket]
    assert page["object"] == "list" and page["meta"]["next_cursor"] is None
    assert api.get(f"{sb.base_url}/phone/voice-calls", params={"ticket_id": "abc"}).status_code == 400
    assert api.get(f"{sb.base_url}/phone/voice-calls", params={"status": "missed"}).status_code == 400


def test_missed_calls_have_voicemails_and_flags_follow_recordings(sb: Sandbox, api: requests.Session,
                                                                  walk: Any) -> None:
    """A missed call has a voicemail; deleting it keeps its trace and clears the call's flag."""
    recordings = walk(f"{sb.base_url}/phone/voice-call-recordings", limit=100)
    assert recordings
    for recording in recordings:
        assert not list(_validator("voice_call_recording").iter_errors(recording))
    voicemail = next(r for r in recordings if r["type"] == "voicemail")
    call = api.get(f"{sb.base_url}/phone/voice-calls/{voicemail['call_id']}").json()
    assert (call["status"], call["has_voicemail"]) == ("missed", True)

    deleted = api.delete(f"{sb.base_url}/phone/voice-call-recordings/{voicemail['id']}")
    assert deleted.status_code == 200
    assert deleted.json()["deleted_by_user_id"] == sb.store.api_user_id
    assert deleted.json()["url"] is None and deleted.json()["deleted_datetime"].endswith("+00:00")
    assert api.get(f"{sb.base_url}/phone/voice-calls/{voicemail['call_id']}").json()["has_voicemail"] is False
    again = api.delete(f"{sb.base_url}/phone/voice-call-recordings/{voicemail['id']}")
    assert again.status_code == 404


def test_voice_objects_are_read_only_and_unknown_ids_are_404(sb: Sandbox, api: requests.Session) -> None:
    """Calls and events cannot be written; unknown ids answer Gorgias's 404 body."""
    assert api.post(f"{sb.base_url}/phone/voice-calls", json={}).status_code == 405
    assert api.delete(f"{sb.base_url}/phone/voice-calls/1").status_code == 405
    missing = api.get(f"{sb.base_url}/phone/voice-call-events/999999")
    assert (missing.status_code, missing.json()) == (404, {"error": {"msg": "Resource not found."}})
