"""The Gorgias actions, one module per resource; a module is registered by one line in MODULES.

Each module lists its actions in `ACTIONS`. The registry is ordered by action key, the documentation's order.
"""

from __future__ import annotations

from component.definitions import collect

__all__ = ["ACTIONS", "MODULES"]

MODULES = (
    "account",
    "account_settings",
    "custom_field_definitions",
    "custom_fields",
    "customers",
    "events",
    "files",
    "integrations",
    "jobs",
    "macros",
    "messages",
    "raw",
    "rules",
    "satisfaction_surveys",
    "search",
    "statistics",
    "tags",
    "teams",
    "ticket_tags",
    "tickets",
    "uploads",
    "users",
    "views",
    "voice",
    "widgets",
)


ACTIONS = collect(__name__, MODULES, "ACTIONS")
