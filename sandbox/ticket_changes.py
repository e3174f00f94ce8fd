"""Changes to existing tickets: update a ticket, its tags, and update or delete one of its messages."""

from __future__ import annotations

from functools import partial
from typing import Any

from gorgias_component.sandbox import render
from gorgias_component.sandbox.messages import ACTIONS, check_datetime, find_message, validate_message
from gorgias_component.sandbox.pagination import check_known_params, invalid
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import JSON, Store, Ticket, now_iso
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice, is_type

_REFS = (("assignee_user", "users"), ("assignee_team", "teams"), ("customer", "customers"))


def _ticket(store: Store, req: Request, name: str = "id") -> Ticket:
    ticket = store.tickets.get(req.id_param(name))
    if ticket is None:
        raise not_found()
    return ticket


def _ref(store: Store, body: JSON, name: str, table: str, errors: FieldErrors) -> tuple[bool, int | None]:
    """(given, id) of a {"id": ...} reference or null (unassign)."""
    if name not in body:
        return False, None
    value = body[name]
    if value is None:
        if name == "customer":
            errors.add(name, "Field may not be null.")
        return True, None
    ident = value.get("id") if isinstance(value, dict) else None
    known = store.customers if table == "customers" else store.tables[table]
    if not (is_type(ident, int) and ident in known):
        errors.add(name, f"No {name.replace('_', ' ')} with id {ident}.")
    return True, ident


def update_ticket(store: Store, req: Request) -> Response:
    body = req.json_object()
    errors = FieldErrors()
    with store.lock:
        ticket = _ticket(store, req)
        changes: dict[str, Any] = {}
        for name, table in _REFS:
            given, ident = _ref(store, body, name, table, errors)
            if given:
                changes[f"{name}_id"] = ident
        for name in ("subject", "external_id", "language"):
            if name in body:
                changes[name] = check(body, name, str, errors)
        if "status" in body:
            changes["status"] = check_choice(body, "status", ("open", "closed"), errors)
        if "priority" in body:
            changes["priority"] = check_choice(body, "priority", ("critical", "high", "normal", "low"), errors)
        for name in ("spam", "is_unread"):
            if name in body:
                changes[name] = check(body, name, bool, errors, nullable=False)
        if "meta" in body:
            changes["meta"] = check(body, "meta", dict, errors) or {}
        for name in ("snooze_datetime", "closed_datetime", "trashed_datetime"):
            if name in body:
                changes[name] = check_datetime(body, name, errors)
        tag_names = check(body, "tags", list, errors)
        if tag_names is not None and not all(isinstance(t, dict) and isinstance(t.get("name"), str) for t in tag_names):
            errors.add("tags", "Each tag needs a name.")
        values = check(body, "custom_fields", list, errors)
        errors.raise_if_any("Failed to update ticket")
        if changes.get("status") == "closed" and ticket.status != "closed":
            changes.setdefault("closed_datetime", now_iso())
        if "customer_id" in changes and changes["customer_id"] != ticket.customer_id:
            if ticket.customer_id is not None and ticket.id in store.customer_tickets.get(ticket.customer_id, []):
                store.customer_tickets[ticket.customer_id].remove(ticket.id)
            store.customer_tickets.setdefault(changes["customer_id"], []).append(ticket.id)
        for name, value in changes.items():
            setattr(ticket, name, value)
        if tag_names is not None:
            ticket.tag_ids = list(dict.fromkeys(store.tag_for_name(t["name"]) for t in tag_names))
        if values:
            from gorgias_component.sandbox.custom_fields import set_ticket_values  # one check of field values

            set_ticket_values(store, ticket, values, req.user_id)
        store.touch_ticket(ticket)
        store.record_event("ticket-updated", "Ticket", ticket.id, req.user_id, {"changes": sorted(body)})
        return json_response(202, render.ticket(store, ticket, req.origin, with_messages=False))


def _tag_ids(store: Store, body: JSON, *, create: bool) -> list[int]:
    errors = FieldErrors()
    ids = check(body, "ids", list, errors) or []
    names = check(body, "names", list, errors) or []
    if not all(is_type(i, int) for i in ids) or not all(isinstance(n, str) and n for n in names):
        errors.add("_schema", "ids are integers and names non-empty strings.")
    errors.raise_if_any("Invalid request.")
    unknown = [i for i in ids if i not in store.tags]
    if unknown:
        raise ApiError(404, "Resource not found.", {"ids": [f"Unknown tag ids: {unknown}."]})
    found = list(ids)
    for name in names:
        match = next((t["id"] for t in store.tags.values() if str(t["name"]).lower() == name.lower()), None)
        if match is None and create:
            match = store.tag_for_name(name)
        if match is not None:
            found.append(match)
    return list(dict.fromkeys(found))


def _tags_changed(store: Store, ticket: Ticket, tag_ids: list[int], user_id: int | None) -> Response:
    ticket.tag_ids = tag_ids
    store.touch_ticket(ticket)
    store.record_event("ticket-updated", "Ticket", ticket.id, user_id, {"tags": tag_ids})
    return Response(204, content_type=None)


def add_tags(store: Store, req: Request) -> Response:
    body = req.json_object()
    with store.lock:
        ticket = _ticket(store, req, "ticket_id")
        added = _tag_ids(store, body, create=True)
        if not added:
            raise invalid("ids", "Give at least one tag by ids or names.")
        return _tags_changed(store, ticket, list(dict.fromkeys([*ticket.tag_ids, *added])), req.user_id)


def remove_tags(store: Store, req: Request) -> Response:
    body = req.json_object()
    with store.lock:
        ticket = _ticket(store, req, "ticket_id")
        removed = set(_tag_ids(store, body, create=False))
        if not body.get("ids") and not body.get("names"):
            raise invalid("ids", "Give at least one tag by ids or names.")
        return _tags_changed(store, ticket, [t for t in ticket.tag_ids if t not in removed], req.user_id)


def set_tags(store: Store, req: Request) -> Response:
    body = req.json_object()
    with store.lock:
        ticket = _ticket(store, req, "ticket_id")
        return _tags_changed(store, ticket, _tag_ids(store, body, create=True), req.user_id)


def list_tags(store: Store, req: Request) -> Response:
    with store.lock:
        ticket = _ticket(store, req, "ticket_id")
        data = [render.tag(store, tag_id) for tag_id in ticket.tag_ids]
        return json_response(200, {"object": "list", "uri": req.uri, "data": data,
                                   "meta": {"prev_cursor": None, "next_cursor": None}})


def update_message(store: Store, req: Request) -> Response:
    check_known_params(req, frozenset({"action"}))
    if (action := req.arg("action")) is not None and action not in ACTIONS:
        raise invalid("action", "Must be one of: " + ", ".join(ACTIONS) + ".")
    errors = FieldErrors()
    fields = validate_message(req.json(), errors)
    errors.raise_if_any("Failed to update message")
    with store.lock:
        message = find_message(store, req)
        for name in ("channel", "via", "from_agent", "subject", "body_text", "body_html", "external_id",
                     "message_id", "sent_datetime", "failed_datetime", "source", "meta"):
            if fields.get(name) is not None:
                setattr(message, name, fields[name])
        store.touch_ticket(store.tickets[message.ticket_id])
        store.record_event("ticket-message-updated", "TicketMessage", message.id, req.user_id,
                           {"ticket_id": message.ticket_id})
        return json_response(202, render.message(store, message, req.origin))


def delete_message(store: Store, req: Request) -> Response:
    with store.lock:
        message = find_message(store, req)
        ticket = store.tickets[message.ticket_id]
        del store.messages[message.id]
        store.messages_by_created.remove((message.created_datetime, message.id))
        ticket.message_ids.remove(message.id)
        store.touch_ticket(ticket)
        store.record_event("ticket-message-deleted", "TicketMessage", message.id, req.user_id,
                           {"ticket_id": ticket.id})
        return Response(204, content_type=None)


def register(router: Router, store: Store) -> None:
    router.add("PUT", "/api/tickets/{id}", partial(update_ticket, store), scope="tickets")
    router.add("GET", "/api/tickets/{ticket_id}/tags", partial(list_tags, store), scope="tickets")
    router.add("POST", "/api/tickets/{ticket_id}/tags", partial(add_tags, store), scope="tickets")
    router.add("DELETE", "/api/tickets/{ticket_id}/tags", partial(remove_tags, store), scope="tickets")
    router.add("PUT", "/api/tickets/{ticket_id}/tags", partial(set_tags, store), scope="tickets")
    router.add("PUT", "/api/tickets/{ticket_id}/messages/{id}", partial(update_message, store), scope="tickets")
    router.add("DELETE", "/api/tickets/{ticket_id}/messages/{id}", partial(delete_message, store), scope="tickets")
