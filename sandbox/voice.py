"""Voice endpoints: phone calls, their recordings and voicemails, and their events, seeded from phone tickets."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.pagination import parse_int
from gorgias_component.sandbox.router import Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import JSON, Store, normalize_datetime, now_iso
from gorgias_component.sandbox.validation import FieldErrors

PHONE_INTEGRATION = 3  # "Support line", seeded by integrations.seed
SUPPORT_NUMBER = "+17205550100"


def calls(store: Store) -> Any:
    return store.table("voice_calls", "VoiceCall", "voice-call")


def recordings(store: Store) -> Any:
    return store.table("voice_call_recordings", "VoiceCallRecording", "voice-call-recording")


def call_events(store: Store) -> Any:
    return store.table("voice_call_events", "VoiceCallEvent", "voice-call-event")


def read_only(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    """Voice objects are written by the phone system, never through the API."""
    errors.add("_schema", "Voice objects cannot be written through the API.")
    return {}


def _id_filter(name: str) -> crud.Filter:
    def make(req: Request) -> Any:
        raw = req.arg(name)
        if raw is None:
            return None
        wanted = parse_int(name, raw)
        return lambda record: record.get(name) == wanted

    return make


def render_call(store: Store, record: JSON) -> JSON:
    """A voice call, its recording flags computed from the recordings that are not deleted."""
    kept = [r for r in recordings(store).values() if r["call_id"] == record["id"] and r["deleted_datetime"] is None]
    return {**record, "has_voicemail": any(r["type"] == "voicemail" for r in kept),
            "has_call_recording": any(r["type"] == "call-recording" for r in kept)}


CALLS = crud.Resource("/api/phone/voice-calls", "voice_calls", "tickets", "voice call", read_only, render_call,
                      orders=("created_datetime",), filters={"ticket_id": _id_filter("ticket_id")},
                      operations=frozenset({"list", "get"}))
RECORDINGS = crud.Resource("/api/phone/voice-call-recordings", "voice_call_recordings", "tickets",
                           "voice call recording", read_only, orders=("created_datetime",),
                           filters={"call_id": _id_filter("call_id")}, operations=frozenset({"list", "get"}))
EVENTS = crud.Resource("/api/phone/voice-call-events", "voice_call_events", "tickets", "voice call event", read_only,
                       orders=("created_datetime",), filters={"call_id": _id_filter("call_id")},
                       operations=frozenset({"list", "get"}))


def delete_recording(store: Store, req: Request) -> Response:
    """Deleting keeps the recording's trace (who, when) and removes its audio, as Gorgias does."""
    recording_id = req.id_param()
    with store.lock:
        table = recordings(store)
        record = table.get(recording_id)
        if record is None or record["deleted_datetime"] is not None:
            raise not_found()
        deleted = table.update(recording_id, {"deleted_datetime": now_iso(), "deleted_by_user_id": req.user_id,
                                              "url": None, "error_code": "RECORDING_DELETED"}, req.user_id)
        return json_response(200, deleted)


def _stamp(base: str, seconds: float) -> str:
    """`seconds` after a stored datetime, in the store's form (UTC with its offset)."""
    moment = datetime.fromisoformat(base) + timedelta(seconds=seconds)
    return moment.isoformat(timespec="microseconds") if moment.tzinfo else normalize_datetime(moment.isoformat())


def seed(store: Store, rng: random.Random) -> None:
    """One voice call per phone ticket, with its events and, for some, a voicemail or a call recording."""
    agents = sorted(u for u in store.users if u != store.api_user_id)
    event_id = recording_id = 0
    for call_id, ticket in enumerate(sorted((t for t in store.tickets.values() if t.channel == "phone"),
                                            key=lambda t: t.created_datetime), start=1):
        customer = store.customers.get(ticket.customer_id) if ticket.customer_id is not None else None
        phone = next((c["address"] for c in (customer.channels if customer else []) if c["type"] == "phone"),
                     f"+1555{rng.randrange(10**7):07d}")
        missed = rng.random() < 0.25
        agent = ticket.assignee_user_id or rng.choice(agents)
        duration = 0 if missed else rng.randrange(40, 900)
        start = ticket.created_datetime
        calls(store).seed({
            "id": call_id, "integration_id": PHONE_INTEGRATION, "ticket_id": ticket.id, "phone_number_id": 1,
            "external_id": f"CA{rng.getrandbits(128):032x}", "provider": "twilio",
            "status": "missed" if missed else "completed", "direction": "inbound", "phone_number_source": phone,
            "country_source": "US", "phone_number_destination": SUPPORT_NUMBER, "country_destination": "US",
            "duration": duration, "started_datetime": start, "created_datetime": start,
            "updated_datetime": _stamp(start, duration + 5), "initiated_by_agent_id": None,
            "last_answered_by_agent_id": None if missed else agent, "customer_id": ticket.customer_id})
        steps = [("incoming-phone-call", 0, None), ("phone-call-ringing", 1, agent)]
        if missed:
            steps += [("missed-phone-call", 30, None), ("voicemail-recording", 60, None)]
        else:
            steps += [("phone-call-answered", 8, agent), ("completed-phone-call", duration, agent)]
        recorded = missed or rng.random() < 0.5
        if recorded and not missed:
            steps.append(("call-recording", duration + 2, agent))
        for kind, offset, user in steps:
            event_id += 1
            call_events(store).seed({"id": event_id, "account_id": 1, "call_id": call_id,
                                     "customer_id": ticket.customer_id, "user_id": user, "type": kind, "meta": {},
                                     "created_datetime": _stamp(start, offset)})
        if recorded:
            recording_id += 1
            kind = "voicemail" if missed else "call-recording"
            external = f"RE{rng.getrandbits(128):032x}"
            recordings(store).seed({
                "id": recording_id, "call_id": call_id, "external_id": external,
                "url": f"https://uploads.gorgias.io/{store.domain_hash}/phone-{external}.mp3",
                "duration": rng.randrange(8, 60) if missed else duration, "type": kind,
                "created_datetime": _stamp(start, (60 if missed else duration) + 3),
                "deleted_datetime": None, "deleted_by_user_id": None, "error_code": None,
                "transcription_status": "completed"})


def register(router: Router, store: Store) -> None:
    for make in (calls, recordings, call_events):
        make(store)
    router.add("DELETE", "/api/phone/voice-call-recordings/{id}", partial(delete_recording, store), scope="tickets")
    for resource in (CALLS, RECORDINGS, EVENTS):
        crud.register(router, store, resource)
