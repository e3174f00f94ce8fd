"""Ticket message endpoints and the message validation/build logic shared with ticket creation."""

from __future__ import annotations

from functools import partial
from typing import Any

from gorgias_component.sandbox import render
from gorgias_component.sandbox.customers import create_customer_record
from gorgias_component.sandbox.pagination import PAGE_PARAMS, check_known_params, int_arg, invalid, page_params, paginate
from gorgias_component.sandbox.router import Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import Message, Ref, Store, Ticket, normalize_datetime, now_iso
from gorgias_component.sandbox.validation import FieldErrors, check, is_type

_TEXT_FIELDS = ("subject", "body_text", "body_html", "external_id", "message_id")
_DATETIME_FIELDS = ("created_datetime", "sent_datetime", "failed_datetime", "opened_datetime")
_ECHOED_FIELDS = ("headers", "macros", "mention_ids", "actions", "stripped_signature")
ACTIONS = ("force", "retry", "cancel")


def check_datetime(body: dict[str, Any], name: str, errors: FieldErrors) -> str | None:
    value = check(body, name, str, errors)
    if value is None:
        return None
    try:
        return normalize_datetime(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        errors.add(name, "Not a valid datetime.")
        return None


def validate_message(body: Any, errors: FieldErrors) -> dict[str, Any]:
    """Type-check a message body: channel, from_agent and via are required."""
    if not isinstance(body, dict):
        errors.add("_schema", "Invalid input type.")
        return {}
    fields: dict[str, Any] = {
        "channel": check(body, "channel", str, errors, required=True),
        "from_agent": check(body, "from_agent", bool, errors, required=True),
        "via": check(body, "via", str, errors, required=True),
    }
    for name in _TEXT_FIELDS:
        fields[name] = check(body, name, str, errors)
    for name in _DATETIME_FIELDS:
        fields[name] = check_datetime(body, name, errors)
    for name in ("source", "sender", "receiver", "meta"):
        fields[name] = check(body, name, dict, errors)
    fields["public"] = check(body, "public", bool, errors)
    fields["integration_id"] = check(body, "integration_id", int, errors)
    attachments = check(body, "attachments", list, errors) or []
    for i, item in enumerate(attachments):
        sub = FieldErrors()
        if not isinstance(item, dict):
            sub.add("_schema", "Invalid input type.")
        else:
            check(item, "url", str, sub, required=True)
            check(item, "name", str, sub)
            check(item, "content_type", str, sub)
        errors.nest("attachments", i, sub)
    fields["attachments"] = attachments
    fields["extra"] = {name: body[name] for name in _ECHOED_FIELDS if name in body} or None
    return fields


def _resolve(store: Store, raw: dict[str, Any] | None, kind: str, user_id: int | None) -> Ref | dict[str, Any] | None:
    """Turn a {id} / {email} reference into a user or customer ref; unknown customers are created."""
    if raw is None:
        return None
    ident, email = raw.get("id"), raw.get("email")
    if kind == "user":
        if isinstance(ident, int) and not isinstance(ident, bool) and ident in store.users:
            return ("user", ident)
        for user in store.users.values():
            if isinstance(email, str) and user["email"].lower() == email.lower():
                return ("user", int(user["id"]))
        return raw
    if is_type(ident, int) and ident in store.customers:
        return ("customer", ident)
    if isinstance(email, str) and email:
        existing = store.customer_by_email(email)
        if existing is not None:
            return ("customer", existing.id)
        fields = {"email": email, "name": raw.get("name") if isinstance(raw.get("name"), str) else None}
        return ("customer", create_customer_record(store, fields, user_id).id)
    return raw


def build_message(store: Store, ticket: Ticket, fields: dict[str, Any], user_id: int | None) -> Message:
    """A Message for `ticket` from validated fields (not yet stored)."""
    from_agent: bool = fields["from_agent"]
    sender = _resolve(store, fields["sender"], "user" if from_agent else "customer", user_id)
    receiver = _resolve(store, fields["receiver"], "customer" if from_agent else "user", user_id)
    if sender is None:
        sender = ("user", user_id or store.api_user_id) if from_agent else (
            ("customer", ticket.customer_id) if ticket.customer_id is not None else None)
    if receiver is None and fields["channel"] != "internal-note":
        if from_agent and ticket.customer_id is not None:
            receiver = ("customer", ticket.customer_id)
        elif not from_agent and ticket.assignee_user_id is not None:
            receiver = ("user", ticket.assignee_user_id)
    created = fields["created_datetime"] or now_iso()
    return Message(store.next_id("message"), ticket.id, fields["channel"], fields["via"], from_agent, created,
                   fields["sent_datetime"] or created, fields["body_text"], subject=fields["subject"],
                   body_html=fields["body_html"], sender=sender, receiver=receiver, source=fields["source"],
                   attachments=fields["attachments"],
                   public=fields["public"] if fields["public"] is not None else fields["channel"] != "internal-note",
                   external_id=fields["external_id"], message_id=fields["message_id"],
                   integration_id=fields["integration_id"], meta=fields["meta"],
                   failed_datetime=fields["failed_datetime"], opened_datetime=fields["opened_datetime"],
                   extra=fields["extra"])


def create_message(store: Store, req: Request) -> Response:
    check_known_params(req, frozenset({"action"}))
    action = req.arg("action")
    if action is not None and action not in ACTIONS:
        raise invalid("action", "Must be one of: " + ", ".join(ACTIONS) + ".")
    body = req.json()
    errors = FieldErrors()
    fields = validate_message(body, errors)
    with store.lock:
        ticket = store.tickets.get(req.id_param("ticket_id"))
        if ticket is None:
            raise not_found()
        errors.raise_if_any("Failed to create message")
        message = store.add_message(build_message(store, ticket, fields, req.user_id), req.user_id)
        return json_response(201, render.message(store, message, req.origin))


def find_message(store: Store, req: Request) -> Message:
    """The message {id} of the ticket {ticket_id}; 404 when it is not that ticket's."""
    message = store.messages.get(req.id_param())
    if message is None or message.ticket_id != req.id_param("ticket_id"):
        raise not_found()
    return message


def get_message(store: Store, req: Request) -> Response:
    with store.lock:
        return json_response(200, render.message(store, find_message(store, req), req.origin))


def list_messages(store: Store, req: Request) -> Response:
    check_known_params(req, PAGE_PARAMS | {"ticket_id"})
    params = page_params(req, ("created_datetime",))
    ticket_id = int_arg(req, "ticket_id")
    with store.lock:
        keys = store.messages_by_created.keys
        if ticket_id is not None:
            ticket = store.tickets.get(ticket_id)
            ids = ticket.message_ids if ticket else []
            keys = sorted((store.messages[mid].created_datetime, mid) for mid in ids if mid in store.messages)
        page = paginate(keys, params, store.messages.get)
        return json_response(200, page.envelope(req, lambda m: render.message(store, m, req.origin)))


def register(router: Router, store: Store) -> None:
    router.add("POST", "/api/tickets/{ticket_id}/messages", partial(create_message, store), scope="tickets")
    router.add("GET", "/api/tickets/{ticket_id}/messages/{id}", partial(get_message, store), scope="tickets")
    router.add("GET", "/api/messages", partial(list_messages, store), scope="tickets")
