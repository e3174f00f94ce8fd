"""Customer endpoints: list, get, create, update and delete."""

from __future__ import annotations

from functools import partial
from typing import Any

from gorgias_component.sandbox import render
from gorgias_component.sandbox.pagination import PAGE_PARAMS, check_known_params, int_arg, page_params, paginate
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import Customer, Store, normalize_datetime, now_iso
from gorgias_component.sandbox.validation import FieldErrors, check, is_type

LIST_FILTERS = frozenset({"email", "external_id", "view_id", "name", "language", "timezone", "id",
                          "channel_type", "channel_address"})
_STRING_FIELDS = ("email", "name", "firstname", "lastname", "external_id", "language", "timezone", "note")


def list_customers(store: Store, req: Request) -> Response:
    check_known_params(req, PAGE_PARAMS | LIST_FILTERS | {"relationships"})
    params = page_params(req, ("created_datetime", "updated_datetime"))
    int_arg(req, "view_id")
    only_id = int_arg(req, "id")
    wanted = {name: req.arg(name) for name in ("external_id", "name", "language", "timezone")}
    email = (req.arg("email") or "").lower() or None
    channel_type, channel_address = req.arg("channel_type"), req.arg("channel_address")

    def fetch(cid: int) -> Customer | None:
        c = store.customers.get(cid)
        if c is None or (only_id is not None and cid != only_id):
            return None
        if email is not None and (c.email or "").lower() != email:
            return None
        for name, value in wanted.items():
            if value is not None and getattr(c, name) != value:
                return None
        if channel_type or channel_address:
            return c if any((not channel_type or ch.get("type") == channel_type)
                            and (not channel_address or ch.get("address") == channel_address)
                            for ch in c.channels) else None
        return c

    with store.lock:
        index = store.customers_by_updated if params.field == "updated_datetime" else store.customers_by_created
        keys = index.keys
        if email is not None:  # O(1) lookup instead of a scan
            cid = store.email_index.get(email)
            c = store.customers.get(cid) if cid is not None else None
            keys = [] if c is None else [(getattr(c, params.field), c.id)]
        page = paginate(keys, params, fetch)
        return json_response(200, page.envelope(req, lambda c: render.customer(store, c)))


def get_customer(store: Store, req: Request) -> Response:
    with store.lock:
        c = store.customers.get(req.id_param())
        if c is None:
            raise not_found()
        return json_response(200, render.customer(store, c))


def _validate(body: dict[str, Any], errors: FieldErrors) -> dict[str, Any]:
    """Return the recognised, type-checked fields of a customer body."""
    fields: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        if name in body and (value := check(body, name, str, errors)) is not None:
            fields[name] = value
        elif name in body and body[name] is None and name not in ("email", "name"):
            fields[name] = None
    for name in ("meta", "data"):
        if name in body and (value := check(body, name, dict, errors)) is not None:
            fields[name] = value
    if "channels" in body:
        channels = check(body, "channels", list, errors)
        if channels is not None:
            for i, item in enumerate(channels):
                sub = FieldErrors()
                if not isinstance(item, dict):
                    sub.add("_schema", "Invalid input type.")
                else:
                    check(item, "type", str, sub, required=True)
                    check(item, "address", str, sub, required=True)
                    check(item, "preferred", bool, sub)
                errors.nest("channels", i, sub)
            fields["channels"] = channels
    return fields


def _channels(store: Store, raw: list[dict[str, Any]], stamp: str) -> list[dict[str, Any]]:
    return [{"id": store.next_id("channel"), "type": ch["type"], "address": ch["address"],
             "preferred": bool(ch.get("preferred", False)), "created_datetime": stamp, "updated_datetime": stamp,
             "deleted_datetime": None} for ch in raw]


def _conflict(store: Store, email: str | None, customer_id: int | None) -> None:
    if email:
        existing = store.customer_by_email(email)
        if existing is not None and existing.id != customer_id:
            raise ApiError(409, "The resource already exists.",
                           {"email": [f"A customer with email {email} already exists."]})


def create_customer_record(store: Store, fields: dict[str, Any], user_id: int | None,
                           context: str | None = None) -> Customer:
    """Create a customer from validated fields (also used when a ticket names an unknown customer email)."""
    stamp = now_iso()
    first, last = fields.get("firstname"), fields.get("lastname")
    name = fields.get("name") or " ".join(p for p in (first, last) if p) or (fields.get("email") or "")
    if first is None and last is None and fields.get("name"):
        first, _, last = str(fields["name"]).partition(" ")
    customer = Customer(store.next_id("customer"), fields.get("email"), name, first or "", last or "", stamp,
                        stamp, external_id=fields.get("external_id"), language=fields.get("language"),
                        timezone=fields.get("timezone") or "UTC", note=fields.get("note") or "",
                        channels=_channels(store, fields.get("channels") or [], stamp), data=fields.get("data"),
                        meta=fields.get("meta") or {})
    if customer.email and not any(ch["address"] == customer.email for ch in customer.channels):
        customer.channels.insert(0, _channels(store, [{"type": "email", "address": customer.email,
                                                       "preferred": True}], stamp)[0])
    return store.add_customer(customer, user_id, context)


def create_customer(store: Store, req: Request) -> Response:
    body = req.json_object()
    errors = FieldErrors()
    fields = _validate(body, errors)
    errors.raise_if_any("Failed to create customer")
    with store.lock:
        _conflict(store, fields.get("email"), None)
        customer = create_customer_record(store, fields, req.user_id)
        return json_response(201, render.customer(store, customer))


def update_customer(store: Store, req: Request) -> Response:
    body = req.json_object()
    errors = FieldErrors()
    fields = _validate(body, errors)
    errors.raise_if_any("Failed to update customer")
    with store.lock:
        customer = store.customers.get(req.id_param())
        if customer is None:
            raise not_found()
        _conflict(store, fields.get("email"), customer.id)
        if "channels" in fields:
            fields["channels"] = _channels(store, fields["channels"], now_iso())
        if ("firstname" in fields or "lastname" in fields) and "name" not in fields:
            parts = (fields.get("firstname", customer.firstname), fields.get("lastname", customer.lastname))
            fields["name"] = " ".join(p for p in parts if p)
        elif fields.get("name") and "firstname" not in fields and "lastname" not in fields:
            fields["firstname"], _, fields["lastname"] = str(fields["name"]).partition(" ")
        store.update_customer(customer, fields, req.user_id)
        return json_response(202, render.customer(store, customer))


def delete_customer(store: Store, req: Request) -> Response:
    if not store.delete_customer(req.id_param(), req.user_id):
        raise not_found()
    return Response(204, content_type=None)



def delete_customers(store: Store, req: Request) -> Response:
    body = req.json_object()
    ids = body.get("ids")
    if not isinstance(ids, list) or not ids or not all(is_type(i, int) and i >= 1 for i in ids):
        raise ApiError(400, "Invalid request.", {"ids": ["Must be a non-empty list of ids."]})
    with store.lock:
        missing = [i for i in ids if i not in store.customers]
        if missing:
            raise ApiError(404, "Resource not found.", {"ids": [f"Unknown customer ids: {missing}."]})
        for customer_id in ids:
            store.delete_customer(customer_id, req.user_id)
    return Response(204, content_type=None)


def merge_customers(store: Store, req: Request) -> Response:
    check_known_params(req, frozenset({"source_id", "target_id"}))
    source_id, target_id = int_arg(req, "source_id"), int_arg(req, "target_id")
    if source_id is None or target_id is None:
        raise ApiError(400, "Invalid request.", {name: ["Missing data for required field."] for name, value in
                                                 (("source_id", source_id), ("target_id", target_id)) if value is None})
    if source_id == target_id:
        raise ApiError(400, "Invalid request.", {"source_id": ["Cannot merge a customer into itself."]})
    errors = FieldErrors()
    fields = _validate(req.json_object(), errors)
    errors.raise_if_any("Failed to merge customers")
    with store.lock:
        source, target = store.customers.get(source_id), store.customers.get(target_id)
        if source is None or target is None:
            raise not_found()
        _conflict(store, fields.get("email"), target.id)
        known = {ch["address"] for ch in target.channels}
        merged = [*target.channels, *(ch for ch in source.channels if ch["address"] not in known)]
        for ticket_id in list(store.customer_tickets.get(source_id, [])):
            store.tickets[ticket_id].customer_id = target_id
            store.customer_tickets.setdefault(target_id, []).append(ticket_id)
        store.customer_tickets.pop(source_id, None)
        store.delete_customer(source_id, req.user_id)
        store.update_customer(target, {**fields, "channels": merged}, req.user_id)
        return json_response(202, render.customer(store, target))


def set_customer_data(store: Store, req: Request) -> Response:
    body = req.json_object()
    errors = FieldErrors()
    data = check(body, "data", dict, errors, required=True)
    version = check(body, "version", str, errors)
    if version is not None:
        try:  # stored in the one sortable form, so comparing versions compares instants
            version = normalize_datetime(version)
        except ValueError:
            errors.add("version", "Not a valid datetime.")
    errors.raise_if_any("Failed to set customer data")
    with store.lock:
        customer = store.customers.get(req.id_param("customer_id"))
        if customer is None:
            raise not_found()
        stored = (customer.meta or {}).get("data_version")
        if version is not None and stored is not None and version <= stored:
            return json_response(202, {})  # Gorgias ignores an older version
        store.update_customer(customer, {"data": data, "meta": {**(customer.meta or {}), "data_version": version}},
                              req.user_id)
        return json_response(202, {})


def register(router: Router, store: Store) -> None:
    router.add("GET", "/api/customers", partial(list_customers, store), scope="customers")
    router.add("DELETE", "/api/customers", partial(delete_customers, store), scope="customers")
    router.add("PUT", "/api/customers/merge", partial(merge_customers, store), scope="customers")
    router.add("PUT", "/api/customers/{customer_id}/data", partial(set_customer_data, store), scope="customers")
    router.add("POST", "/api/customers", partial(create_customer, store), scope="customers")
    router.add("GET", "/api/customers/{id}", partial(get_customer, store), scope="customers")
    router.add("PUT", "/api/customers/{id}", partial(update_customer, store), scope="customers")
    router.add("DELETE", "/api/customers/{id}", partial(delete_customer, store), scope="customers")
