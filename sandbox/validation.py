"""Marshmallow-style request-body validation that collects Gorgias `error.data` messages."""

from __future__ import annotations

from typing import Any

from gorgias_component.sandbox.router import ApiError
from gorgias_component.sandbox.store import normalize_datetime

MISSING = "Missing data for required field."
_TYPE_NAMES: dict[type, str] = {str: "Not a valid string.", bool: "Not a valid boolean.",
                                int: "Not a valid integer.", dict: "Not a valid mapping type.",
                                list: "Not a valid list."}


class FieldErrors:
    """Collects per-field error lists; `raise_if_any` turns them into a 400."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def add(self, name: str, message: str) -> None:
        self.data.setdefault(name, []).append(message)

    def nest(self, name: str, index: int | str, errors: FieldErrors) -> None:
        if errors.data:
            self.data.setdefault(name, {})[str(index)] = errors.data

    def raise_if_any(self, message: str) -> None:
        if self.data:
            raise ApiError(400, message, self.data)


def is_type(value: Any, kind: type) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def check(body: dict[str, Any], name: str, kind: type, errors: FieldErrors, *, required: bool = False,
          nullable: bool = True) -> Any:
    """Validate body[name] against kind; returns the value (None when absent or invalid)."""
    if name not in body:
        if required:
            errors.add(name, MISSING)
        return None
    value = body[name]
    if value is None:
        if not nullable or required:
            errors.add(name, "Field may not be null.")
        return None
    if not is_type(value, kind):
        errors.add(name, _TYPE_NAMES[kind])
        return None
    return value


def check_choice(body: dict[str, Any], name: str, choices: tuple[str, ...], errors: FieldErrors) -> str | None:
    value = check(body, name, str, errors)
    if value is not None and value not in choices:
        errors.add(name, "Must be one of: " + ", ".join(choices) + ".")
        return None
    return value  # type: ignore[no-any-return]  # check() returned the value after an isinstance test


def check_ref(body: dict[str, Any], name: str, errors: FieldErrors, *, keys: tuple[str, ...] = ("id",)) -> (
        dict[str, Any] | None):
    """Validate a nested reference such as {"id": 1} or {"email": "..."}."""
    value = check(body, name, dict, errors)
    if value is None:
        return None
    if "id" in value and not is_type(value["id"], int):
        errors.add(name, "id: Not a valid integer.")
        return None
    if not any(value.get(key) is not None for key in keys):
        errors.add(name, "One of " + ", ".join(keys) + " is required.")
        return None
    return value  # type: ignore[no-any-return]  # check() returned the value after an isinstance test


def check_datetime(body: dict[str, Any], name: str, errors: FieldErrors) -> str | None:
    """Validate an ISO 8601 datetime field; returns it in the store's sortable form (None when absent or null)."""
    value = check(body, name, str, errors)
    if value is None:
        return None
    try:
        return normalize_datetime(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        errors.add(name, "Not a valid datetime.")
        return None
