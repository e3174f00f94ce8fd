"""Account setting endpoints: list (all at once, as {"data": [...]}), create and update; one setting per type.

The account (`GET /api/account`) shows the same settings, so every change is written to both.
"""

from __future__ import annotations

import re
from functools import partial

from gorgias_component.sandbox.pagination import check_known_params
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check

_DAYS = re.compile(r"^[1-7](,[1-7])*$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _business_hours(data: JSON, errors: FieldErrors) -> None:
    """business-hours data: a timezone and days (1-7, comma-separated) with from/to times (HH:MM)."""
    if not isinstance(data.get("timezone"), str) or not data["timezone"]:
        errors.add("data", "timezone: Missing data for required field.")
    hours = data.get("business_hours")
    if not isinstance(hours, dict):
        errors.add("data", "business_hours: Missing data for required field.")
        return
    if not isinstance(hours.get("days"), str) or not _DAYS.match(hours["days"]):
        errors.add("data", "business_hours.days: Must be days 1-7, comma-separated, e.g. 1,2,3,4,5.")
    for name in ("from_time", "to_time"):
        if not isinstance(hours.get(name), str) or not _TIME.match(hours[name]):
            errors.add("data", f"business_hours.{name}: Must be a time such as 09:00.")


def _validate(body: JSON, errors: FieldErrors) -> JSON:
    kind = check(body, "type", str, errors, required=True, nullable=False)
    if kind is not None and not kind.strip():
        errors.add("type", "Field may not be blank.")
    data = check(body, "data", dict, errors)
    if kind == "business-hours" and data is not None:
        _business_hours(data, errors)
    return {"type": kind, "data": data or {}}


def _sync_account(store: Store) -> None:
    store.account["settings"] = [_render(record) for record in store.tables["account_settings"].values()]


def _render(record: JSON) -> JSON:
    return {"id": record["id"], "type": record["type"], "data": record["data"]}


def list_settings(store: Store, req: Request) -> Response:
    """GET /account/settings: every setting (of the asked type) at once."""
    check_known_params(req, frozenset({"type"}))
    wanted = req.arg("type")
    with store.lock:
        found = [_render(r) for r in store.tables["account_settings"].values() if wanted in (None, r["type"])]
        return json_response(200, {"data": found})


def create_setting(store: Store, req: Request) -> Response:
    """POST /account/settings: a new setting; one per type (409 otherwise)."""
    errors = FieldErrors()
    fields = _validate(req.json_object(), errors)
    errors.raise_if_any("Failed to create setting")
    with store.lock:
        table = store.tables["account_settings"]
        if any(r["type"] == fields["type"] for r in table.values()):
            raise ApiError(409, "The resource already exists.",
                           {"type": [f"A setting of type {fields['type']} already exists."]})
        record = table.insert(fields, req.user_id)
        _sync_account(store)
        return json_response(201, _render(record))


def update_setting(store: Store, req: Request) -> Response:
    """PUT /account/settings/{id}: new data for a setting of the same type (200, as Gorgias answers)."""
    errors = FieldErrors()
    fields = _validate(req.json_object(), errors)
    errors.raise_if_any("Failed to update setting")
    with store.lock:
        table = store.tables["account_settings"]
        record = table.get(req.id_param())
        if record is None:
            raise not_found()
        if fields["type"] != record["type"]:
            raise ApiError(400, "Failed to update setting", {"type": [f"The setting's type is {record['type']}."]})
        updated = table.update(record["id"], fields, req.user_id)
        assert updated is not None  # found above, under the same lock
        _sync_account(store)
        return json_response(200, _render(updated))


def seed(store: Store) -> None:
    """The settings the seeded account shows."""
    created = store.account["created_datetime"]
    table = store.table("account_settings", "Account", "account-setting")
    for setting in store.account.get("settings") or []:
        table.seed({**setting, "created_datetime": created, "updated_datetime": created})
    table.rebuild()


def register(router: Router, store: Store) -> None:
    """Serve the routes (seeding the demo records once, into an empty table)."""
    if not store.tables.get("account_settings"):
        seed(store)
    router.add("GET", "/api/account/settings", partial(list_settings, store), scope="account")
    router.add("POST", "/api/account/settings", partial(create_setting, store), scope="account")
    router.add("PUT", "/api/account/settings/{id}", partial(update_setting, store), scope="account")
