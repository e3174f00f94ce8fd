"""A test harness for component authors: run actions and data sources the way a host does.

`invoke` goes through the same executor as production (validation, client, error translation,
wrapping); pair it with `responses` to assert the exact request that was sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from component.components import Component

__all__ = ["example_connection", "invoke", "invoke_data_source"]


def example_connection(component: Component, key: str | None = None, **fields: Any) -> dict[str, Any]:
    """A connection value of `component` filled from the declared examples, overridden by `fields`."""
    definition = component.connections[0] if key is None else component.executor.find(
        "connection", key, component.connections
    )
    values: dict[str, Any] = {}
    for spec in definition.fields.specs:
        values[spec.key] = spec.example or spec.default or f"test-{spec.key.lower()}-value"
    values.update(fields)
    return {"key": definition.key, "fields": values}


def invoke(component: Component, key: str, inputs: Mapping[str, Any] | None = None,
           connection: Mapping[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run action `key` exactly as a host would; returns {"data": ...} or raises a ComponentError."""
    return component.run_action(key, inputs or {}, connection or example_connection(component), **kwargs)


def invoke_data_source(component: Component, key: str, inputs: Mapping[str, Any] | None = None,
                       connection: Mapping[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run data source `key` exactly as a host would; returns {"result": [...]}."""
    return component.run_data_source(key, inputs or {}, connection or example_connection(component), **kwargs)
