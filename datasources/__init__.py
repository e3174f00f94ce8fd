"""The Gorgias picklist data sources, one module per resource; a module is registered by one line in MODULES.

Each module lists its data sources in `DATA_SOURCES`; the registry is ordered by key.
"""

from __future__ import annotations

from component.definitions import collect

__all__ = ["DATA_SOURCES", "MODULES"]

MODULES = (
    "custom_fields",
    "customers",
    "events",
    "integrations",
    "macros",
    "messages",
    "rules",
    "satisfaction_surveys",
    "tags",
    "teams",
    "tickets",
    "users",
    "views",
)


DATA_SOURCES = collect(__name__, MODULES, "DATA_SOURCES")
