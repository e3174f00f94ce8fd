"""References to the JSON documents the Gorgias actions ship: input schemas, example outputs, output schemas."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from component.jsonschemas import BundledSchema, PackageJson, SchemaRef

__all__ = ["ListOf", "deleted", "example", "output", "output_list", "schema"]


def schema(name: str) -> SchemaRef:
    """The JSON Schema of a structured input, from the `schemas` package."""
    return SchemaRef("gorgias_component.schemas", f"{name}.json")


def example(key: str, package: str = "actions") -> PackageJson:
    """The documentation's example output of an action or data source."""
    return PackageJson(f"gorgias_component.{package}", f"examples/{key}.json")


@cache  # one document per object: the manifest bundles each schema once, however many actions share it
def output(name: str) -> BundledSchema:
    """The JSON Schema of one Gorgias object (`schemas/objects/<name>.json`), an action's `data`."""
    return BundledSchema("gorgias_component.schemas", f"objects/{name}.json")


@dataclass(frozen=True)
class ListOf:
    """The JSON Schema of a Gorgias list envelope ({"object", "uri", "data": [...], "meta"}) of one object."""

    item: BundledSchema

    @cached_property
    def _document(self) -> dict[str, Any]:
        item = dict(self.item.document())
        defs = item.pop("$defs", {})
        envelope = dict(output("list").document())
        envelope["properties"] = {**envelope["properties"], "data": {"type": "array", "items": {
            k: v for k, v in item.items() if k not in ("$schema", "$id")}}}
        envelope["title"] = f"List of {item.get('title', self.item.name)}"
        if defs:
            envelope["$defs"] = {**envelope.get("$defs", {}), **defs}
        return envelope

    def document(self) -> dict[str, Any]:
        """The envelope schema with the item schema inlined."""
        return self._document


@cache
def output_list(name: str) -> ListOf:
    """The JSON Schema of a list action's `data`: the list envelope of `schemas/objects/<name>.json`."""
    return ListOf(output(name))


def deleted() -> BundledSchema:
    """The output of an action whose Gorgias answer is empty: {"message": "Success"}."""
    return output("success")
