"""JSON Schema documents shipped as package data, loaded and compiled on first use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from importlib import resources
from typing import Any

from component.errors import DefinitionError, InputError

__all__ = ["PackageJson", "SchemaRef"]


def _format_checker() -> Any:
    """Checks `date-time` strings with the standard library (jsonschema alone would need another package)."""
    from jsonschema import FormatChecker

    def is_date_time(value: object) -> bool:
        return not isinstance(value, str) or datetime.fromisoformat(value) is not None

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
