"""User endpoints: the generic CRUD routes over the users table, with Gorgias's filters and orders."""

from __future__ import annotations

from collections.abc import Callable

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.router import Request, Router
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice

ROLES = ("admin", "agent", "basic-agent", "lite-agent", "observer-agent")
_TEXT = ("bio", "country", "external_id", "timezone")


def render_user(store: Store, record: JSON) -> JSON:
    """A user as Gorgias answers it: every documented field, unset ones null."""
    return {"id": record["id"], "uri": f"/api/users/{record['id']}", "active": record.get("active", True),
            "email": record.get("email"), "name": record.get("name"), "firstname": record.get("firstname"),
            "lastname": record.get("lastname"), "bio": record.get("bio"), "country": record.get("country"),
            "language": record.get("language"), "timezone": record.get("timezone"),
            "external_id": record.get("external_id"), "role": record.get("role"), "meta": record.get("meta"),
            "created_datetime": record["created_datetime"],
            "updated_datetime": record.get("updated_datetime") or record["created_datetime"],
            "deactivated_datetime": record.get("deactivated_datetime")}


def validate_user(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    creating = record is None
    fields: JSON = {}
    for name in ("email", "name"):
        value = check(body, name, str, errors, required=creating, nullable=False)
        if value is not None:
            fields[name] = value
    email = fields.get("email")
    own_id = None if record is None else record["id"]
    if email and any(str(u.get("email") or "").lower() == email.lower() and u["id"] != own_id
                     for u in store.users.values()):
        errors.add("email", f"A user with email {email} already exists.")
    if "name" in fields:
        fields["firstname"], _, fields["lastname"] = str(fields["name"]).partition(" ")
    role = check(body, "role", dict, errors, required=creating, nullable=False)
    if role is not None:
        role_name = check_choice(role, "name", ROLES, errors)
        if role_name is None and "name" not in role:
            errors.add("role", "name: Missing data for required field.")
        elif role_name is not None:
            fields["role"] = {"name": role_name}
    for name in _TEXT:
        if name in body:
            fields[name] = check(body, name, str, errors)
    if "language" in body:
        fields["language"] = check_choice(body, "language", ("en", "fr"), errors)
    if "meta" in body:
        fields["meta"] = check(body, "meta", dict, errors)
    return fields


def _roles(req: Request) -> Callable[[JSON], bool] | None:
    wanted = set(req.args("roles"))
    return None if not wanted else (lambda user: (user.get("role") or {}).get("name") in wanted)


def _email(req: Request) -> Callable[[JSON], bool] | None:
    wanted = (req.arg("email") or "").lower()
    return None if not wanted else (lambda user: str(user.get("email") or "").lower() == wanted)


USERS = crud.Resource(
    "/api/users", "users", "users", "user", validate_user, render_user,
    orders=("created_datetime", "updated_datetime", "name", "email", "role.name"),
    sort_keys={"name": lambda store, u: str(u.get("name") or "").lower(),
               "email": lambda store, u: str(u.get("email") or "").lower(),
               "role.name": lambda store, u: str((u.get("role") or {}).get("name") or "")},
    default_order="name:asc",
    filters={"search": crud.search_filter("name", "email"), "email": _email,
             "external_id": crud.text_filter("external_id"), "roles": _roles,
             "available_first": lambda req: None},  # every sandbox user is available
)


def register(router: Router, store: Store) -> None:
    crud.register(router, store, USERS)
