"""Ticket endpoints (list, get, create, delete) and ticket custom-field values."""

from __future__ import annotations

from functools import partial
from typing import Any

from gorgias_component.sandbox import render
from gorgias_component.sandbox.customers import create_customer_record
from gorgias_component.sandbox.messages import build_message, check_datetime, validate_message
from gorgias_component.sandbox.pagination import (
    PAGE_PARAMS,
    bool_arg,
    check_known_params,
    int_arg,
    int_args,
    invalid,
    page_params,
    paginate,
)
from gorgias_component.sandbox.router import Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import Key, Store, Ticket, now_iso
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice, check_ref, is_type

LIST_FILTERS = frozenset({"customer_id", "external_id", "view_id", "rule_id", "ticket_ids", "trashed"})
_DATETIMES = ("created_datetime", "opened_datetime", "closed_datetime", "last_message_datetime",
              "last_received_message_datetime", "snooze_datetime", "trashed_datetime", "updated_datetime")


def list_tickets(store: Store, req: Request) -> Response:
    check_known_params(req, PAGE_PARAMS | LIST_FILTERS)
    params = page_params(req, ("created_datetime", "updated_datetime"))
    customer_id = int_arg(req, "customer_id")
    int_arg(req, "view_id")
    int_arg(req, "rule_id")
    ticket_ids = int_args(req, "ticket_ids")
    if len(ticket_ids) > 100:
        raise invalid("ticket_ids", "Length must be between 1 and 100.")
    trashed = bool_arg(req, "trashed", True)
    external_id = req.arg("external_id")

    def fetch(tid: int) -> Ticket | None:
        t = store.tickets.get(tid)
        if t is None or (not trashed and t.trashed_datetime is not None):
            return None
        if (external_id is not None and t.external_id != external_id) or (
                customer_id is not None and t.customer_id != customer_id):
            return None
        return t

    with store.lock:
        index = store.tickets_by_updated if params.field == "updated_datetime" else store.tickets_by_created
        keys: list[Key] = index.keys
        subset = ticket_ids or (store.customer_tickets.get(customer_id, []) if customer_id is not None else None)
        if subset is not None:
            keys = sorted({(getattr(t, params.field), t.id) for tid in subset if (t := store.tickets.get(tid))})
        page = paginate(keys, params, fetch)
        return json_response(200, page.envelope(
            req, lambda t: render.ticket(store, t, req.origin, with_messages=False)))


def get_ticket(store: Store, req: Request) -> Response:
    check_known_params(req, frozenset({"relationships"}))
    relationships = {part for raw in req.args("relationships") for part in raw.split(",") if part}
    if relationships - {"custom_fields"}:
        raise invalid("relationships", "Must be one of: custom_fields.")
    with store.lock:
        ticket = store.tickets.get(req.id_param())
        if ticket is None:
            raise not_found()
        return json_response(200, render.ticket(store, ticket, req.origin, with_messages=True,
                                                with_custom_fields="custom_fields" in relationships))


def _validate_ticket(body: dict[str, Any], errors: FieldErrors) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    messages = check(body, "messages", list, errors, required=True)
    if messages is not None and not 1 <= len(messages) <= 500:
        errors.add("messages", "Length must be between 1 and 500.")
    parsed = []
    for i, raw in enumerate(messages or []):
        sub = FieldErrors()
        parsed.append(validate_message(raw, sub))
        errors.nest("messages", i, sub)
    fields["messages"] = parsed
    fields["customer"] = check_ref(body, "customer", errors, keys=("id", "email"))
    fields["assignee_user"] = check_ref(body, "assignee_user", errors)
    fields["assignee_team"] = check_ref(body, "assignee_team", errors)
    for name in ("channel", "via", "external_id", "language", "subject"):
        fields[name] = check(body, name, str, errors)
    fields["from_agent"] = check(body, "from_agent", bool, errors)
    fields["spam"] = check(body, "spam", bool, errors)
    fields["meta"] = check(body, "meta", dict, errors)
    fields["status"] = check_choice(body, "status", ("open", "closed"), errors)
    fields["priority"] = check_choice(body, "priority", ("critical", "high", "normal", "low"), errors)
    for name in _DATETIMES:
        fields[name] = check_datetime(body, name, errors)
    tags = check(body, "tags", list, errors) or []
    for i, tag in enumerate(tags):
        if not isinstance(tag, dict) or not (isinstance(tag.get("name"), str) or is_type(tag.get("id"), int)):
            errors.nest("tags", i, _one_error("name", "Missing data for required field."))
    fields["tags"] = tags
    custom_fields = check(body, "custom_fields", list, errors) or []
    for i, item in enumerate(custom_fields):
        if not isinstance(item, dict) or not is_type(item.get("id"), int) or "value" not in item:
            errors.nest("custom_fields", i, _one_error("id", "An object with id and value is required."))
    fields["custom_fields"] = custom_fields
    return fields


def _one_error(name: str, message: str) -> FieldErrors:
    errors = FieldErrors()
    errors.add(name, message)
    return errors


def _resolve_links(store: Store, fields: dict[str, Any], user_id: int | None) -> tuple[int | None, list[int]]:
    """Customer id and tag ids of a new ticket; raises 400 for unknown references."""
    errors = FieldErrors()
    for name, table in (("assignee_user", store.users), ("assignee_team", store.teams)):
        if fields[name] is not None and fields[name]["id"] not in table:
            errors.add(name, f"No {name.replace('_', ' ')} with id {fields[name]['id']}.")
    for item in fields["custom_fields"]:
        if item["id"] not in store.field_defs:
            errors.add("custom_fields", f"No custom field with id {item['id']}.")
    tag_ids: list[int] = []
    for tag in fields["tags"]:
        if is_type(tag.get("id"), int):
            if tag["id"] not in store.tags:
                errors.add("tags", f"No tag with id {tag['id']}.")
            else:
                tag_ids.append(tag["id"])
        else:
            tag_ids.append(store.tag_for_name(tag["name"]))
    ref = fields["customer"]
    if ref is None:  # fall back on the first message's customer side
        first = fields["messages"][0]
        ref = first["receiver"] if first["from_agent"] else first["sender"]
    customer_id: int | None = None
    if ref is not None:
        if is_type(ref.get("id"), int):
            if ref["id"] not in store.customers:
                errors.add("customer", f"No customer with id {ref['id']}.")
            customer_id = ref["id"]
        elif isinstance(ref.get("email"), str):
            errors.raise_if_any("Failed to create ticket")
            existing = store.customer_by_email(ref["email"])
            customer_id = existing.id if existing else create_customer_record(
                store, {"email": ref["email"], "name": ref.get("name") if isinstance(ref.get("name"), str)
                        else None}, user_id).id
    errors.raise_if_any("Failed to create ticket")
    return customer_id, list(dict.fromkeys(tag_ids))


def create_ticket(store: Store, req: Request) -> Response:
    errors = FieldErrors()
    fields = _validate_ticket(req.json_object(), errors)
    errors.raise_if_any("Failed to create ticket")
    with store.lock:
        customer_id, tag_ids = _resolve_links(store, fields, req.user_id)
        first = fields["messages"][0]
        created = fields["created_datetime"] or now_iso()
        ticket = Ticket(store.next_id("ticket"), customer_id, fields["subject"] or first["subject"],
                        fields["channel"] or first["channel"], fields["via"] or first["via"],
                        fields["from_agent"] if fields["from_agent"] is not None else first["from_agent"],
                        created, fields["updated_datetime"] or created, status=fields["status"] or "open",
                        priority=fields["priority"] or "normal", language=fields["language"],
                        external_id=fields["external_id"], spam=bool(fields["spam"]), meta=fields["meta"] or {},
                        assignee_user_id=(fields["assignee_user"] or {}).get("id"),
                        assignee_team_id=(fields["assignee_team"] or {}).get("id"), tag_ids=tag_ids)
        for name in ("opened_datetime", "closed_datetime", "snooze_datetime", "trashed_datetime"):
            setattr(ticket, name, fields[name])
        if ticket.status == "closed" and ticket.closed_datetime is None:
            ticket.closed_datetime = created
        for item in fields["custom_fields"]:
            store.set_field_value(ticket, item["id"], item["value"])
        messages = []
        for raw in fields["messages"]:
            messages.append(build_message(store, ticket, raw, req.user_id))
        store.add_ticket(ticket, messages, req.user_id)
        return json_response(201, render.ticket(store, ticket, req.origin, with_messages=True))


def delete_ticket(store: Store, req: Request) -> Response:
    if not store.delete_ticket(req.id_param(), req.user_id):
        raise not_found()
    return Response(204, content_type=None)


def list_field_values(store: Store, req: Request) -> Response:
    with store.lock:
        ticket = store.tickets.get(req.id_param("ticket_id"))
        if ticket is None:
            raise not_found()
        data = [render.field_value(store, fid, value_id, value)
                for fid, (value_id, value) in sorted(ticket.custom_fields.items())]
        return json_response(200, {"data": data})


def delete_field_value(store: Store, req: Request) -> Response:
    with store.lock:
        ticket = store.tickets.get(req.id_param("ticket_id"))
        if ticket is None or ticket.custom_fields.pop(req.id_param(), None) is None:
            raise not_found()
        store.touch_ticket(ticket)
        return Response(204, content_type=None)


def register(router: Router, store: Store) -> None:
    router.add("GET", "/api/tickets", partial(list_tickets, store), scope="tickets")
    router.add("POST", "/api/tickets", partial(create_ticket, store), scope="tickets")
    router.add("GET", "/api/tickets/{id}", partial(get_ticket, store), scope="tickets")
    router.add("DELETE", "/api/tickets/{id}", partial(delete_ticket, store), scope="tickets")
    router.add("GET", "/api/tickets/{ticket_id}/custom-fields", partial(list_field_values, store),
               scope="tickets")
    router.add("DELETE", "/api/tickets/{ticket_id}/custom-fields/{id}", partial(delete_field_value, store),
               scope="tickets")
