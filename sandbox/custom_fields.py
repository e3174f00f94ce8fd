"""Custom field endpoints: definitions (CRUD routes, bulk update) and a ticket's field values (one, or all at once)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from gorgias_component.sandbox import crud, render
from gorgias_component.sandbox.pagination import bool_arg, invalid
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import JSON, Store, Ticket, normalize_datetime
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice

OBJECT_TYPES = ("Ticket", "Customer")
DATA_TYPES = ("text", "number", "boolean")


def validate_definition(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    creating = record is None
    fields: JSON = {}
    if creating:
        fields["object_type"] = check_choice(body, "object_type", OBJECT_TYPES, errors)
        if "object_type" not in body:
            errors.add("object_type", "Missing data for required field.")
    label = check(body, "label", str, errors, required=creating, nullable=False)
    if label is not None:
        fields["label"] = label
    definition = check(body, "definition", dict, errors, required=creating, nullable=False)
    if definition is not None:
        if definition.get("data_type") not in DATA_TYPES:
            errors.add("definition", "data_type: Must be one of: " + ", ".join(DATA_TYPES) + ".")
        fields["definition"] = {"data_type": definition.get("data_type"),
                                "input_settings": definition.get("input_settings") or {}}
    for name in ("description", "external_id"):
        if name in body:
            fields[name] = check(body, name, str, errors)
    if "priority" in body:
        fields["priority"] = check(body, "priority", int, errors, nullable=False)
    if "required" in body:
        fields["required"] = check(body, "required", bool, errors, nullable=False)
    if "deactivated_datetime" in body:
        raw = check(body, "deactivated_datetime", str, errors)
        try:
            fields["deactivated_datetime"] = None if raw is None else normalize_datetime(raw)
        except ValueError:
            errors.add("deactivated_datetime", "Not a valid datetime.")
    if creating:
        fields.setdefault("priority", 1 + max((d.get("priority") or 0 for d in store.field_defs.values()), default=0))
        fields.setdefault("required", False)
        fields.update(managed_type=None, requirement_type="visible", deactivated_datetime=None)
    return {key: value for key, value in fields.items() if value is not None or key == "deactivated_datetime"}


def _object_type(req: Request) -> Callable[[JSON], bool] | None:
    wanted = req.arg("object_type")
    if wanted is None:
        raise invalid("object_type", "Missing data for required field.")
    if wanted not in OBJECT_TYPES:
        raise invalid("object_type", "Must be one of: Ticket, Customer.")
    return lambda field: field["object_type"] == wanted


def _archived(req: Request) -> Callable[[JSON], bool] | None:
    if req.arg("archived") is None:
        return None
    archived = bool_arg(req, "archived", False)
    return lambda field: (field.get("deactivated_datetime") is not None) == archived


DEFINITIONS = crud.Resource(
    "/api/custom-fields", "custom_fields", "custom_fields", "custom field", validate_definition,
    orders=("priority",), sort_keys={"priority": lambda store, field: f"{field.get('priority') or 0:012d}"},
    default_order="priority:desc", operations=frozenset({"list", "get", "create", "update"}),
    filters={"object_type": _object_type, "archived": _archived, "search": crud.search_filter("label")},
)


def update_definitions(store: Store, req: Request) -> Response:
    """PUT /custom-fields: each item names a field by id; all are checked before any is changed."""
    items = req.json()
    if not isinstance(items, list) or not items:
        raise ApiError(400, "Invalid request.", {"_schema": ["A non-empty list of custom fields is required."]})
    with store.lock:
        changes: list[tuple[int, JSON]] = []
        errors = FieldErrors()
        for index, item in enumerate(items):
            sub = FieldErrors()
            field_id = item.get("id") if isinstance(item, dict) else None
            if not (isinstance(field_id, int) and not isinstance(field_id, bool) and field_id in store.field_defs):
                sub.add("id", f"No custom field with id {field_id}.")
            else:
                changes.append((field_id, validate_definition(store, item, sub, store.field_defs[field_id])))
            errors.nest("fields", index, sub)
        errors.raise_if_any("Failed to update custom fields")
        updated = [store.field_defs.update(field_id, fields, req.user_id) for field_id, fields in changes]
        return json_response(200, {"data": [field for field in updated if field is not None]})


def _check_value(definition: JSON, value: Any) -> str | None:
    """Why `value` does not fit the field, or None."""
    data_type = definition["definition"].get("data_type")
    fits = {"text": isinstance(value, str), "boolean": isinstance(value, bool),
            "number": isinstance(value, int | float) and not isinstance(value, bool)}.get(str(data_type), True)
    if not fits:
        return f"Not a valid {data_type}."
    choices = (definition["definition"].get("input_settings") or {}).get("choices")
    if isinstance(choices, list) and choices and value not in choices:
        return "Must be one of: " + ", ".join(map(str, choices)) + "."
    return None


def _ticket(store: Store, req: Request) -> Ticket:
    ticket = store.tickets.get(req.id_param("ticket_id"))
    if ticket is None:
        raise not_found()
    return ticket


def set_ticket_values(store: Store, ticket: Ticket, items: list[Any], user_id: int | None) -> list[JSON]:
    errors = FieldErrors()
    for index, item in enumerate(items):
        sub = FieldErrors()
        field_id = item.get("id") if isinstance(item, dict) else None
        known = isinstance(field_id, int) and not isinstance(field_id, bool)
        definition = store.field_defs.get(field_id) if isinstance(field_id, int) and known else None
        if definition is None or definition["object_type"] != "Ticket":
            sub.add("id", f"No ticket custom field with id {field_id}.")
        elif "value" not in item:
            sub.add("value", "Missing data for required field.")
        elif (problem := _check_value(definition, item["value"])) is not None:
            sub.add("value", problem)
        errors.nest("values", index, sub)
    errors.raise_if_any("Failed to update ticket fields")
    for item in items:
        store.set_field_value(ticket, item["id"], item["value"])
    store.touch_ticket(ticket)
    store.record_event("ticket-updated", "Ticket", ticket.id, user_id, {"custom_fields": [i["id"] for i in items]})
    return [render.field_value(store, i["id"], *ticket.custom_fields[i["id"]]) for i in items]


def update_value(store: Store, req: Request) -> Response:
    body = req.json_object()
    with store.lock:
        ticket = _ticket(store, req)
        return json_response(200, set_ticket_values(store, ticket, [{**body, "id": req.id_param()}], req.user_id)[0])


def set_values(store: Store, req: Request) -> Response:
    items = req.json()
    if not isinstance(items, list) or not items:
        raise ApiError(400, "Invalid request.", {"_schema": ["A non-empty list of field values is required."]})
    with store.lock:
        return json_response(200, {"data": set_ticket_values(store, _ticket(store, req), items, req.user_id)})


def register(router: Router, store: Store) -> None:
    router.add("PUT", "/api/custom-fields", partial(update_definitions, store), scope="custom_fields")
    crud.register(router, store, DEFINITIONS)
    router.add("PUT", "/api/tickets/{ticket_id}/custom-fields/{id}", partial(update_value, store), scope="tickets")
    router.add("PUT", "/api/tickets/{ticket_id}/custom-fields", partial(set_values, store), scope="tickets")
