"""The manifest: a JSON description of a component derived from its declarations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from component.inputs import Inputs, InputSpec
from component.jsonschemas import PackageJson

if TYPE_CHECKING:
    from component.definitions import ComponentDefinition, DataSource

__all__ = ["build_manifest", "input_schema", "ordered_inputs"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def ordered_inputs(specs: tuple[InputSpec, ...], connection: InputSpec | None) -> list[InputSpec]:
    """Inputs in documentation order: alphabetical by key, ignoring case, connection included."""
    items = [*specs, *([connection] if connection is not None else [])]
    return sorted(items, key=lambda spec: (spec.key.casefold(), spec.key))


def input_schema(model: type[Inputs]) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the inputs a host fills in, connection excluded."""
    specs = ordered_inputs(model.specs, None)
    return {
        "$schema": SCHEMA_DIALECT,
        "type": "object",
        "properties": {spec.key: spec.json_schema() for spec in specs},
        "required": [spec.key for spec in specs if spec.required],
        "additionalProperties": False,
    }


def _example(example: Any) -> Any:
    return example.document() if isinstance(example, PackageJson) or hasattr(example, "document") else example


def _output_schema(action: Any) -> dict[str, Any] | None:
    return None if action.output is None else action.output.document()


def _paging(source: DataSource[Any]) -> dict[str, bool]:
    """Every data source pages (`cursor`, `limit`) and filters (`search`); `searchable`: the API searches for it."""
    return {"pageable": True, "searchable": source.listing is not None and source.listing.search is not None}


def build_manifest(component: ComponentDefinition) -> dict[str, Any]:
    """The manifest of a component: its connections, actions, data sources and triggers with inputs and schemas."""
    def runnable(item: Any, **extra: Any) -> dict[str, Any]:
        """An action's or data source's entry: the connection input is listed with the others."""
        return {
            "key": item.key,
            "label": item.label,
            "description": item.description,
            **extra,
            "inputs": [spec.manifest() for spec in ordered_inputs(item.inputs.specs, component.connection_input)],
            "inputSchema": input_schema(item.inputs),
            "examplePayload": _example(item.example),
        }

    return {
        "key": component.key,
        "label": component.label,
        "description": component.description,
        "connections": [
            {
                "key": c.key,
                "label": c.label,
                "description": c.description,
                "inputs": [spec.manifest() for spec in ordered_inputs(c.fields.specs, None)],
            }
            for c in component.connections
        ],
        "actions": [
            {**runnable(a, resource=a.resource), "outputSchema": _output_schema(a),
             "paging": None if a.paging is None else a.paging.manifest()}
            for a in component.actions
        ],
        "dataSources": [runnable(d, dataSourceType=d.type, **_paging(d)) for d in component.data_sources],
        "triggers": [
            {**runnable(t, resource=t.resource), "outputSchema": _output_schema(t), "modes": t.modes,
             "dedupeOn": list(t.dedupe_on)}
            for t in component.triggers
        ],
    }
