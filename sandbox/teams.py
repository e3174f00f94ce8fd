"""Team endpoints: the generic CRUD routes over the teams table; members are rendered as user summaries."""

from __future__ import annotations

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.render import user_summary
from gorgias_component.sandbox.router import Router
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check, is_type


def render_team(store: Store, record: JSON) -> JSON:
    members = [summary for m in record.get("members", []) if (summary := user_summary(store, m["id"]))]
    return {"id": record["id"], "uri": f"/api/teams/{record['id']}", "name": record["name"],
            "description": record.get("description"), "decoration": record.get("decoration"),
            "members": [{key: m[key] for key in ("id", "email", "name", "meta")} for m in members],
            "created_datetime": record["created_datetime"]}


def validate_team(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    fields: JSON = {}
    name = check(body, "name", str, errors, required=record is None, nullable=False)
    if name is not None:
        fields["name"] = name
    if "description" in body:
        fields["description"] = check(body, "description", str, errors)
    if "decoration" in body:
        decoration = check(body, "decoration", dict, errors)
        if decoration is not None and not isinstance(decoration.get("emoji"), str):
            errors.add("decoration", "emoji: Missing data for required field.")
        fields["decoration"] = decoration
    members = check(body, "members", list, errors)
    if members is not None:
        ids = [m.get("id") if isinstance(m, dict) else None for m in members]
        unknown = [i for i in ids if not (is_type(i, int) and i in store.users)]
        if unknown:
            errors.add("members", f"Unknown users: {unknown}.")
        else:
            fields["members"] = [{"id": i} for i in dict.fromkeys(ids)]
    return fields


TEAMS = crud.Resource(
    "/api/teams", "teams", "teams", "team", validate_team, render_team,
    orders=("created_datetime", "updated_datetime", "name"),
    sort_keys={"name": lambda store, t: str(t.get("name") or "").lower()},
)


def register(router: Router, store: Store) -> None:
    crud.register(router, store, TEAMS)
