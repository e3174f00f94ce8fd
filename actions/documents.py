"""References to the JSON documents the Gorgias actions ship: input schemas and example outputs."""

from __future__ import annotations

from component.jsonschemas import PackageJson, SchemaRef

__all__ = ["example", "schema"]


def schema(name: str) -> SchemaRef:
    """The JSON Schema of a structured input, from the `schemas` package."""
    return SchemaRef("gorgias_component.schemas", f"{name}.json")


def example(key: str, package: str = "actions") -> PackageJson:
    """The documentation's example output of an action or data source (`package`: actions or datasources)."""
    return PackageJson(f"gorgias_component.{package}", f"examples/{key}.json")
