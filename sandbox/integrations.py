"""Integration endpoints: the generic CRUD routes over stored HTTP integrations (calling them is the triggers' job)."""

from __future__ import annotations

import random
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.pagination import invalid
from gorgias_component.sandbox.router import Request, Response, Router, not_found
from gorgias_component.sandbox.store import JSON, Store, normalize_datetime, now_iso
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice

TYPES = ("email", "gmail", "outlook", "app", "aircall", "facebook", "gorgias_chat", "phone", "sms", "twitter",
         "yotpo", "whatsapp", "http", "shopify", "recharge", "smile", "smooch_inside", "smooch", "magento2",
         "zendesk", "klaviyo", "bigcommerce", "alloy", "ecom")
METHODS = ("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH")
REQUEST_TYPES = ("application/json", "application/x-www-form-urlencoded")
RESPONSE_TYPES = ("application/json",)
TRIGGERS = ("ticket-created", "ticket-updated", "ticket-message-created", "ticket-self-unsnoozed",
            "ticket-message-failed", "ticket-assignment-updated", "ticket-status-updated", "ticket-handed-over")


def render_integration(store: Store, record: JSON) -> JSON:
    """An integration as Gorgias answers it."""
    return {"id": record["id"], "name": record["name"], "type": record["type"],
            "description": record.get("description"), "created_datetime": record["created_datetime"],
            "updated_datetime": record.get("updated_datetime"),
            "deactivated_datetime": record.get("deactivated_datetime"), "http": record.get("http"),
            "user": {"id": store.api_user_id}, "uri": f"/api/integrations/{record['id']}/",
            "application_id": record.get("application_id"), "managed": bool(record.get("managed", False)),
            "business_hours_id": record.get("business_hours_id")}


def _string_map(http: JSON, name: str, errors: FieldErrors) -> dict[str, str] | None:
    value = check(http, name, dict, errors)
    if value is not None and not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        errors.add(name, "Values must be strings.")
        return None
    return value  # type: ignore[no-any-return]  # check() returned a dict


def _http(store: Store, body: JSON, errors: FieldErrors, http_id: int) -> JSON | None:
    """The `http` object: url, method and both content types required (Gorgias stores it whole)."""
    raw = check(body, "http", dict, errors, required=True, nullable=False)
    if raw is None:
        return None
    sub = FieldErrors()
    url = check(raw, "url", str, sub, required=True, nullable=False)
    if url is not None and (urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc):
        sub.add("url", "Not a valid URL.")
    method = check(raw, "method", str, sub, required=True, nullable=False)
    if method is not None and method not in METHODS:
        sub.add("method", "Must be one of: " + ", ".join(METHODS) + ".")
    for name, allowed in (("request_content_type", REQUEST_TYPES), ("response_content_type", RESPONSE_TYPES)):
        value = check(raw, name, str, sub, required=True, nullable=False)
        if value is not None and value not in allowed:
            sub.add(name, "Must be one of: " + ", ".join(allowed) + ".")
    headers, form = _string_map(raw, "headers", sub), _string_map(raw, "form", sub)
    triggers = check(raw, "triggers", dict, sub)
    if triggers is not None:
        unknown = sorted(set(triggers) - set(TRIGGERS))
        if unknown or not all(isinstance(v, bool) for v in triggers.values()):
            sub.add("triggers", "Unknown trigger(s): " + ", ".join(unknown) + "." if unknown
                    else "Values must be booleans.")
    unknown_fields = sorted(set(raw) - {"url", "method", "request_content_type", "response_content_type",
                                         "headers", "form", "triggers", "id"})
    for name in unknown_fields:
        sub.add(name, "Unknown field.")
    if sub.data:
        errors.data["http"] = sub.data  # Gorgias nests the errors of an object under its field
        return None
    return {"id": http_id, "url": url, "method": method, "request_content_type": raw["request_content_type"],
            "response_content_type": raw["response_content_type"], "headers": headers or {}, "form": form or {},
            "triggers": {t: bool((triggers or {}).get(t, False)) for t in TRIGGERS}}


def validate_integration(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    fields: JSON = {}
    name = check(body, "name", str, errors, required=True, nullable=False)
    if name is not None:
        if not name.strip() or len(name) > 256:
            errors.add("name", "Length must be between 1 and 256.")
        fields["name"] = name
    if record is None:
        kind = check_choice(body, "type", TYPES, errors)
        if "type" not in body:
            errors.add("type", "Missing data for required field.")
        elif kind is not None and kind != "http":
            errors.add("type", "Only http integrations can be created through the API.")
        fields["type"] = kind
    elif "type" in body and body["type"] != record["type"]:
        errors.add("type", "The type of an integration cannot change.")
    if "description" in body:
        fields["description"] = check(body, "description", str, errors)
    if "deactivated_datetime" in body and record is not None:
        fields["deactivated_datetime"] = _datetime_or_none(body, "deactivated_datetime", errors)
    if record is None or "http" in body:
        kind = fields.get("type") or (record or {}).get("type")
        if kind == "http":
            previous = (record or {}).get("http") or {}
            fields["http"] = _http(store, body, errors, previous.get("id") or _next_http_id(store))
    if record is None:
        fields["deactivated_datetime"] = None
    return fields


def _datetime_or_none(body: JSON, name: str, errors: FieldErrors) -> str | None:
    value = check(body, name, str, errors)
    if value is None:
        return None
    try:
        return normalize_datetime(value)
    except ValueError:
        errors.add(name, "Not a valid datetime.")
        return None


def _next_http_id(store: Store) -> int:
    return 1 + max((int((r.get("http") or {}).get("id") or 0) for r in store.integrations.values()), default=900)


def _type_filter(req: Request) -> Any:
    wanted = req.arg("type")
    if wanted is None:
        return None
    if wanted not in TYPES:
        raise invalid("type", "Must be one of: " + ", ".join(TYPES) + ".")
    return lambda record: record["type"] == wanted


INTEGRATIONS = crud.Resource(
    "/api/integrations", "integrations", "integrations", "integration", validate_integration, render_integration,
    orders=("created_datetime",), filters={"type": _type_filter},
    operations=frozenset({"list", "get", "create", "update"}),  # delete also deactivates the widgets using it
)


def delete_integration(store: Store, req: Request) -> Response:
    integration_id = req.id_param()
    with store.lock:
        if store.integrations.delete(integration_id, req.user_id) is None:
            raise not_found()
        widgets = store.table("widgets", "Widget", "widget", "/api/widgets/{id}/")
        for widget in [w for w in widgets.values() if w.get("integration_id") == integration_id]:
            widgets.update(widget["id"], {"deactivated_datetime": now_iso()}, req.user_id)
    return Response(204, content_type=None)


def seed(store: Store, rng: random.Random) -> None:
    """A phone line and an HTTP integration beside the seeded email inbox and shop, created with them."""
    created = store.integrations[1]["created_datetime"]
    store.integrations.seed({
        "id": 3, "type": "phone", "name": "Support line", "description": "The support team's phone number.",
        "created_datetime": created, "updated_datetime": created, "deactivated_datetime": None, "http": None,
        "business_hours_id": 1})
    store.integrations.seed({
        "id": 4, "type": "http", "name": "Order lookup", "description": "Fetches the customer's orders.",
        "created_datetime": created, "updated_datetime": created, "deactivated_datetime": None,
        "http": {"id": 901, "url": "https://backoffice.example.com/api/orders?email={{ticket.customer.email}}",
                 "method": "GET", "request_content_type": "application/json",
                 "response_content_type": "application/json",
                 "headers": {"x-api-key": f"demo-{rng.getrandbits(32):08x}"}, "form": {},
                 "triggers": {t: t in ("ticket-created", "ticket-message-created") for t in TRIGGERS}}})


def register(router: Router, store: Store) -> None:
    router.add("DELETE", "/api/integrations/{id}", partial(delete_integration, store), scope="integrations")
    crud.register(router, store, INTEGRATIONS)
