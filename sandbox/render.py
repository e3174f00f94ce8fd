"""JSON renderings of store records in the shapes of the Gorgias API and the connector documentation."""

from __future__ import annotations

import html
from typing import Any

from gorgias_component.sandbox.store import JSON, Customer, Event, Message, Ref, Store, Ticket

_SOURCE_TYPES = {"email": "email", "chat": "chat", "phone": "phone", "sms": "sms",
                 "facebook-messenger": "facebook-messenger", "contact_form": "email",
                 "internal-note": "internal-note", "api": "api"}


def customer_summary(store: Store, customer_id: int | None) -> JSON | None:
    if customer_id is None:
        return None
    customer = store.customers.get(customer_id)
    if customer is None:
        return {"id": customer_id, "email": None, "name": None, "firstname": None, "lastname": None,
                "meta": None}
    return {"id": customer.id, "email": customer.email, "name": customer.name,
            "firstname": customer.firstname, "lastname": customer.lastname, "meta": None}


def user_summary(store: Store, user_id: int | None) -> JSON | None:
    if user_id is None:
        return None
    user = store.users.get(user_id)
    if user is None:
        return {"id": user_id, "email": None, "name": None, "firstname": None, "lastname": None, "meta": None}
    return {key: user[key] for key in ("id", "email", "name", "firstname", "lastname", "meta")}


def person(store: Store, ref: Ref | JSON | None) -> JSON | None:
    if ref is None or isinstance(ref, dict):
        return ref
    kind, ident = ref
    return user_summary(store, ident) if kind == "user" else customer_summary(store, ident)


def customer(store: Store, c: Customer) -> JSON:
    return {"id": c.id, "uri": f"/api/customers/{c.id}", "active": c.active, "email": c.email,
            "name": c.name, "firstname": c.firstname, "lastname": c.lastname, "external_id": c.external_id,
            "language": c.language, "timezone": c.timezone, "note": c.note, "channels": c.channels,
            "data": c.data, "meta": c.meta, "integrations": {}, "created_datetime": c.created_datetime,
            "updated_datetime": c.updated_datetime}


def tag(store: Store, tag_id: int) -> JSON:
    found = store.tags.get(tag_id)
    if found is None:
        return {"id": tag_id, "name": None, "uri": f"/api/tags/{tag_id}/", "decoration": None}
    return {key: found[key] for key in ("id", "name", "uri", "decoration")}


def attachment(origin: str, item: JSON) -> JSON:
    url = item.get("url")
    if isinstance(url, str) and url.startswith("/"):
        return {**item, "url": origin + url}
    return item


def _address(entity: JSON | None) -> JSON | None:
    if entity is None:
        return None
    return {"name": entity.get("name"), "address": entity.get("email")}


def message(store: Store, m: Message, origin: str) -> JSON:
    sender = person(store, m.sender)
    receiver = person(store, m.receiver)
    source = m.source
    if source is None:
        to = _address(receiver)
        source = {"type": _SOURCE_TYPES.get(m.channel, m.channel), "from": _address(sender),
                  "to": [to] if to else [], "cc": [], "bcc": []}
    body_html = m.body_html
    if body_html is None and m.body_text is not None:
        body_html = "<p>" + html.escape(m.body_text).replace("\n", "<br>") + "</p>"
    out: JSON = {
        "id": m.id, "uri": f"/api/tickets/{m.ticket_id}/messages/{m.id}", "ticket_id": m.ticket_id,
        "message_id": m.message_id, "external_id": m.external_id, "integration_id": m.integration_id,
        "rule_id": None, "channel": m.channel, "via": m.via, "source": source, "sender": sender,
        "receiver": receiver, "public": m.public, "from_agent": m.from_agent, "subject": m.subject,
        "body_text": m.body_text, "body_html": body_html, "stripped_text": m.body_text,
        "stripped_html": body_html, "stripped_signature": None,
        "attachments": [attachment(origin, a) for a in m.attachments],
        "intents": [], "macros": [], "meta": m.meta, "last_sending_error": None, "actions": None,
        "created_datetime": m.created_datetime, "sent_datetime": m.sent_datetime,
        "failed_datetime": m.failed_datetime, "opened_datetime": m.opened_datetime,
        "deleted_datetime": None,
    }
    if m.extra:
        out.update(m.extra)
    return out


def ticket(store: Store, t: Ticket, origin: str, *, with_messages: bool,
           with_custom_fields: bool = False) -> JSON:
    first = store.messages.get(t.message_ids[0]) if t.message_ids else None
    team = store.teams.get(t.assignee_team_id) if t.assignee_team_id is not None else None
    out: JSON = {
        "id": t.id, "uri": f"/api/tickets/{t.id}", "external_id": t.external_id, "language": t.language,
        "status": t.status, "priority": t.priority, "channel": t.channel, "via": t.via,
        "from_agent": t.from_agent, "customer": customer_summary(store, t.customer_id),
        "assignee_user": user_summary(store, t.assignee_user_id),
        "assignee_team": {"id": team["id"], "name": team["name"]} if team else None,
        "subject": t.subject, "excerpt": (first.body_text or "")[:100] if first else "",
        "integrations": [], "meta": t.meta, "tags": [tag(store, tag_id) for tag_id in t.tag_ids],
        "messages_count": len(t.message_ids), "is_unread": t.is_unread, "spam": t.spam,
        "created_datetime": t.created_datetime, "opened_datetime": t.opened_datetime,
        "last_received_message_datetime": t.last_received_message_datetime,
        "last_message_datetime": t.last_message_datetime, "updated_datetime": t.updated_datetime,
        "closed_datetime": t.closed_datetime, "snooze_datetime": t.snooze_datetime,
        "trashed_datetime": t.trashed_datetime,
    }
    if with_messages:
        out["messages"] = [message(store, store.messages[mid], origin)
                           for mid in t.message_ids if mid in store.messages]
    if with_custom_fields:
        out["custom_fields"] = {str(fid): {"id": fid, "value": value}
                                for fid, (_, value) in sorted(t.custom_fields.items())}
    return out


def field_value(store: Store, field_id: int, value_id: int, value: Any) -> JSON:
    definition = store.field_defs[field_id]
    prediction = None
    if definition.get("managed_type") is None and definition["definition"]["input_settings"].get(
            "input_type") == "dropdown":
        prediction = {"predicted": value, "confidence": 80 + value_id % 20, "display": True,
                      "confirmed": value_id % 3 == 0, "modified": False}
    return {"id": value_id, "field": definition, "value": value, "prediction": prediction}


def event(e: Event) -> JSON:
    return {"id": e.id, "uri": f"/api/events/{e.id}", "type": e.type, "object_type": e.object_type,
            "object_id": e.object_id, "user_id": e.user_id, "context": e.context,
            "created_datetime": e.created_datetime, "data": e.data}
