"""Input specs: one input as the manifest shows it, and `Input(...)`, which declares one on an inputs model.

An `InputSpec` joins an input's documented metadata (label, default, example, comments, picklist) to
its kind, and derives from them the manifest entry, the JSON Schema and the converted value (or the
`InputError` naming the input). Separate from the kinds (what a value may be, `component.input_kinds`)
and from `Inputs` (how a model collects its specs and parses a whole set of values, `component.inputs`):
the manifest, catalogs and argument parsers work from specs alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from component.errors import InputError
from component.input_kinds import InputType, Invalid, Kind, describe
from component.jsonschemas import SchemaRef
from component.models import Declared

__all__ = ["Input", "InputSpec"]



@dataclass(frozen=True)
class InputSpec:
    """One input as the manifest shows it, plus how to convert and check its value."""

    key: str
    label: str
    kind: Kind
    required: bool = False
    default: str | None = None
    example: str | None = None
    comments: str | None = None
    schema: SchemaRef | None = None
    data_source: str | None = None  # the picklist whose option keys are valid values
    json_example: Any = None  # a JSON value for the JSON Schema's `examples`, when `example` is not one

    @property
    def type(self) -> InputType:
        """The manifest type of the input (string, password, boolean, code or connection)."""
        return self.kind.type

    def manifest(self) -> dict[str, Any]:
        """The input as the manifest lists it: key, label, type, required, default, example, comments."""
        return {
            "key": self.key,
            "label": self.label,
            "type": self.kind.type,
            "required": self.required,
            "default": self.default,
            "example": self.example,
            "comments": self.comments,
            "collection": self.kind.collection,
            "dataSource": self.data_source,
        }

    def json_schema(self) -> dict[str, Any]:
        """The input's JSON Schema: its kind's (or declared) schema with title, description, default and example."""
        schema: dict[str, Any] = {**(self.kind.schema if self.schema is None else self.schema.load()), "title": self.label}
        if self.comments:
            schema["description"] = self.comments
        if self.default is not None:
            schema["default"] = self.kind.convert(self.default) if self.kind.type == "boolean" else self.default
        example = self.schema_example()
        if example is not None:
            schema["examples"] = [example]
        return schema

    def schema_example(self) -> Any:
        """The example as a JSON value valid for the input's schema: `json_example`, or the documented one converted."""
        if self.json_example is not None or self.example is None:
            return self.json_example
        if self.kind.type not in ("boolean", "code") and self.kind.collection is None:
            return self.example
        try:
            value = self.kind.convert(self.example)  # "true" -> true, "tag1" -> ["tag1"], "k:v" -> {"k": "v"}
        except Invalid:
            return None  # not JSON (the documentation's JavaScript, say): give a json_example instead
        if self.kind.collection == "keyvaluelist":
            return [{"key": key, "value": item} for key, item in value.items()]
        return value

    def convert(self, value: Any, *, where: str = "Input") -> Any:
        """The converted value, or an InputError naming the input, what was expected and what was received."""
        try:
            return self.kind.convert(value)
        except Invalid as exc:
            # A malformed secret is still a secret: say only what type it was.
            shown = f"a value of type {type(value).__name__}" if self.kind.type == "password" else describe(value)
            raise InputError(
                self.key, f"{where} '{self.key}' ({self.label}): expected {exc.expected}, received {shown}."
            ) from None


def Input(
    label: str,
    *,
    required: bool = False,
    default: str | None = None,
    example: str | None = None,
    comments: str | None = None,
    schema: SchemaRef | None = None,
    data_source: str | None = None,
    json_example: Any = None,
) -> Any:
    """Declare an input field: its label, documented metadata (strings, as documented) and its picklist.

    `json_example` is a JSON value shown in the input's JSON Schema instead of `example`, for an input
    whose documentation gives no example or one that is not valid JSON.
    """
    return Declared({"label": label, "required": required, "default": default, "example": example,
                     "comments": comments, "schema": schema, "data_source": data_source, "json_example": json_example})
