"""JSON Schema documents shipped as package data, loaded and compiled on first use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any, Protocol

from component.errors import DefinitionError, InputError
from component.instants import instant

__all__ = ["BundledSchema", "Document", "PackageJson", "SchemaRef"]


class Document(Protocol):
    """A JSON document read on first use (an example payload, an output schema)."""

    def document(self) -> dict[str, Any]:
        """The document as a JSON object."""
        ...


def _format_checker() -> Any:
    """Checks `date-time` strings with the standard library (jsonschema alone would need another package)."""
    from jsonschema import FormatChecker

    def is_date_time(value: object) -> bool:
        return not isinstance(value, str) or instant(value) is not None

    checker = FormatChecker(formats=())
    checker.checks("date-time", raises=ValueError)(is_date_time)
    return checker


@dataclass(frozen=True)
class PackageJson:
    """A JSON document stored as `name` in `package`; nothing is read until it is used."""

    package: str
    name: str

    @cached_property
    def _document(self) -> dict[str, Any]:
        try:
            text = resources.files(self.package).joinpath(self.name).read_text(encoding="utf-8")
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise DefinitionError(f"JSON document {self.package}/{self.name} is missing") from exc
        document = json.loads(text)
        if not isinstance(document, dict):
            raise DefinitionError(f"JSON document {self.package}/{self.name} is not an object")
        return document

    def document(self) -> dict[str, Any]:
        """The parsed document (read once)."""
        return self._document


@dataclass(frozen=True)
class SchemaRef(PackageJson):
    """A JSON Schema (draft 2020-12) shipped as package data, compiled on first use."""

    @cached_property
    def _validator(self) -> Any:
        from jsonschema import Draft202012Validator  # keeps jsonschema off cold start

        Draft202012Validator.check_schema(self._document)
        return Draft202012Validator(self._document, format_checker=_format_checker())

    def load(self) -> dict[str, Any]:
        """The schema without its `$schema` / `$id` header, ready to embed in another schema."""
        return {k: v for k, v in self._document.items() if k not in ("$schema", "$id")}

    def check(self, key: str, label: str, value: Any) -> None:
        """Raise InputError naming the first place where `value` breaks the schema."""
        errors = sorted(self._validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        if not errors:
            return
        first = errors[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first.absolute_path)
        raise InputError(key, f"Input '{key}' ({label}): at {key}{where}: {first.message}.")


@dataclass(frozen=True)
class BundledSchema(PackageJson):
    """A JSON Schema whose `{"$ref": "other.json"}` siblings (same folder) are bundled under `$defs`.

    Object schemas reference each other by file name so each is written once; a manifest needs one
    self-contained document, so the references are rewritten to `#/$defs/<name>` on first use.
    """

    @cached_property
    def _bundled(self) -> dict[str, Any]:
        folder = self.name.rpartition("/")[0]
        defs: dict[str, Any] = {}

        def rewrite(node: Any) -> Any:
            if isinstance(node, list):
                return [rewrite(item) for item in node]
            if not isinstance(node, dict):
                return node
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.endswith(".json") and "#" not in ref:
                stem = ref[: -len(".json")]
                if stem not in defs:
                    defs[stem] = {}  # placeholder first: schemas may reference each other in a cycle
                    other = PackageJson(self.package, f"{folder}/{ref}" if folder else ref).document()
                    defs[stem] = rewrite(_body(other))
                return {**{k: rewrite(v) for k, v in node.items() if k != "$ref"}, "$ref": f"#/$defs/{stem}"}
            return {key: rewrite(value) for key, value in node.items()}

        top: dict[str, Any] = rewrite(dict(self._document))
        if defs:
            top["$defs"] = {**top.get("$defs", {}), **defs}
        return top

    def document(self) -> dict[str, Any]:
        """The schema with every sibling file it references bundled under `$defs`."""
        return self._bundled


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in ("$schema", "$id")}
