"""The catalog: a component's actions and data sources as text for people (`actions`, `datasources`, `describe`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from component.components import Component
from component.definitions import Action, DataSource
from component.errors import UnknownKeyError
from component.input_specs import InputSpec
from component.manifest import ordered_inputs
from component.suggestions import did_you_mean

__all__ = ["describe", "listing"]


def listing(items: Sequence[Action[Any] | DataSource[Any]]) -> str:
    """One line per item: its key, padded, then its label."""
    width = max((len(item.key) for item in items), default=0)
    return "".join(f"{item.key.ljust(width)}  {item.label}\n" for item in items)


def _type(spec: InputSpec) -> str:
    collection = {"valuelist": " list", "keyvaluelist": " key-value list"}.get(spec.kind.collection or "", "")
    return spec.type + collection


def _input(spec: InputSpec) -> str:
    facts = [_type(spec), "required" if spec.required else "optional"]
    if spec.default is not None:
        facts.append(f"default: {spec.default}")
    lines = [f"  {spec.key}  ({', '.join(facts)})  {spec.label}"]
    example = spec.example
    if spec.type == "code" and spec.schema_example() is not None:
        example = json.dumps(spec.schema_example(), ensure_ascii=False)  # JSON a person can pass as is
    if example is not None:
        lines.append(f"      example: {' '.join(example.split())}")
    if spec.comments:
        lines.append(f"      {' '.join(spec.comments.split())}")
    return "\n".join(lines) + "\n"


def describe(component: Component, key: str) -> str:
    """An action's or data source's label, description and every input but the connection."""
    found: list[tuple[str, Action[Any] | DataSource[Any]]] = [
        ("action", item) for item in component.actions if item.key == key
    ] + [("data source", item) for item in component.data_sources if item.key == key]
    if not found:
        keys = [action.key for action in component.actions] + [source.key for source in component.data_sources]
        raise UnknownKeyError(key, f"No action or data source '{key}' in component '{component.key}'."
                                   f"{did_you_mean(key, keys, noun='keys')}", kind="action or data source")
    parts = []
    for kind, item in found:
        specs = ordered_inputs(item.inputs.specs, None)
        inputs = "".join(_input(spec) for spec in specs) or "  (none)\n"
        parts.append(f"{item.key} ({kind}): {item.label}\n{item.description}\n\nInputs:\n{inputs}")
    return "\n".join(parts)
