"""Widget endpoints: the generic CRUD routes, ordered by creation or by display order."""

from __future__ import annotations

import random
from typing import Any

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.pagination import parse_int
from gorgias_component.sandbox.router import Request, Router
from gorgias_component.sandbox.store import JSON, Store, normalize_datetime
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice, is_type

TYPES = ("bigcommerce", "custom", "customer_external_data", "http", "magento2", "recharge", "shopify", "smile",
         "standalone", "yotpo", "klaviyo", "stripe", "woocommerce")
CONTEXTS = ("ticket", "customer", "user")
FIELDS = ("app_id", "context", "deactivated_datetime", "integration_id", "order", "template", "type")


def widgets(store: Store) -> Any:
    """The widget table (created on first use)."""
    return store.table("widgets", "Widget", "widget", "/api/widgets/{id}/")


def render_widget(store: Store, record: JSON) -> JSON:
    """A widget as Gorgias answers it."""
    return {"id": record["id"], "app_id": record.get("app_id"), "context": record["context"],
            "created_datetime": record["created_datetime"], "updated_datetime": record.get("updated_datetime"),
            "deactivated_datetime": record.get("deactivated_datetime"), "integration_id": record.get("integration_id"),
            "order": record["order"], "template": record["template"], "type": record["type"],
            "uri": f"/api/widgets/{record['id']}/"}


def _template(body: JSON, errors: FieldErrors, required: bool) -> JSON | None:
    template = check(body, "template", dict, errors, required=required, nullable=False)
    if template is not None and (template.get("type") != "wrapper" or not isinstance(template.get("widgets"), list)):
        errors.add("template", "A template is a wrapper with a list of widgets.")
        return None
    return template  # type: ignore[no-any-return]  # check() returned a dict


def validate_widget(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    creating = record is None
    for name in sorted(set(body) - set(FIELDS) - {"id", "uri", "created_datetime", "updated_datetime"}):
        errors.add(name, "Unknown field.")
    fields: JSON = {}
    if creating or "template" in body:
        fields["template"] = _template(body, errors, creating)
    if creating or "type" in body:
        if creating and "type" not in body:
            errors.add("type", "Missing data for required field.")
        fields["type"] = check_choice(body, "type", TYPES, errors)
    if creating or "context" in body:
        fields["context"] = check_choice(body, "context", CONTEXTS, errors) or "ticket"
    if creating or "order" in body:
        order = check(body, "order", int, errors, nullable=False)
        if order is not None and order < 0:
            errors.add("order", "Must be greater than or equal to 0.")
        fields["order"] = order if is_type(order, int) and order >= 0 else (record or {}).get("order", 0)
    if "integration_id" in body:
        integration_id = check(body, "integration_id", int, errors)
        if integration_id is not None and integration_id not in store.integrations:
            errors.add("integration_id", "Integration not found.")
        fields["integration_id"] = integration_id
    if "app_id" in body:
        fields["app_id"] = check(body, "app_id", str, errors)
    if "deactivated_datetime" in body:
        value = check(body, "deactivated_datetime", str, errors)
        try:
            fields["deactivated_datetime"] = None if value is None else normalize_datetime(value)
        except ValueError:
            errors.add("deactivated_datetime", "Not a valid datetime.")
    return {k: v for k, v in fields.items() if k in body or creating}


def _integration_filter(req: Request) -> Any:
    raw = req.arg("integration_id")
    if raw is None:
        return None
    wanted = parse_int("integration_id", raw)
    return lambda record: record.get("integration_id") == wanted


WIDGETS = crud.Resource(
    "/api/widgets", "widgets", "integrations", "widget", validate_widget, render_widget,
    orders=("created_datetime", "order"), sort_keys={"order": lambda store, record: f"{record['order']:012d}"},
    filters={"integration_id": _integration_filter, "app_id": crud.text_filter("app_id")},
)


def seed(store: Store, rng: random.Random) -> None:
    """The sidebar widgets of the seeded shop and HTTP integrations."""
    created = store.integrations[4]["created_datetime"]
    table = widgets(store)
    table.seed({"id": 1, "type": "shopify", "context": "ticket", "order": 0, "integration_id": None, "app_id": None,
                "template": {"type": "wrapper", "widgets": [{"path": "orders", "type": "list", "title": "Orders"}]},
                "created_datetime": created, "updated_datetime": created, "deactivated_datetime": None})
    table.seed({"id": 2, "type": "http", "context": "ticket", "order": 1, "integration_id": 4, "app_id": None,
                "template": {"type": "wrapper", "widgets": [{"path": "", "type": "card", "title": "Back office",
                                                             "widgets": [{"path": "total_spent", "type": "text",
                                                                          "title": "Total spent"}]}]},
                "created_datetime": created, "updated_datetime": created, "deactivated_datetime": None})


def register(router: Router, store: Store) -> None:
    widgets(store)
    crud.register(router, store, WIDGETS)
