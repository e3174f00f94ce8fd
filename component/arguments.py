"""Command-line values: JSON files, `--input KEY=VALUE` pairs, and the `UsageError` a wrong one raises.

A value given on the command line is text. An input that takes a list or key-value pairs also takes
a JSON array or object there (`--input 'ticket_ids=[1,2]'`, `--input 'queryParams={"limit":1}'`);
every other value is passed as the text it is, for the input's own kind to convert.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from component.input_specs import InputSpec

__all__ = ["UsageError", "input_values", "list_hint", "read_json"]


class UsageError(Exception):
    """A command-line option, file or value is wrong; exit status 2, nothing was sent."""


def read_json(path: str, what: str) -> Any:
    """The JSON value of file `path` ('-' for standard input); `what` names the file in errors."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"the {what} file {path} is not UTF-8 text") from None
    return _loads(text, f"the {what} file {path}")


def _loads(text: str, what: str) -> Any:
    """Parse JSON; `what` starts the one-line error when it is not JSON or nests too deeply."""
    try:
        return json.loads(text)
    except RecursionError:
        raise UsageError(f"{what} nests JSON too deeply to read") from None
    except ValueError as exc:
        raise UsageError(f"{what} is not valid JSON: {exc}") from None


def _structured(spec: InputSpec | None, text: str) -> Any:
    """A list or key-value input's JSON array or object, parsed; any other value stays text."""
    if spec is None or spec.kind.collection is None or not text.lstrip().startswith(("[", "{")):
        return text
    return _loads(text, f"--input {spec.key}: the value starts like JSON but")


def input_values(inputs_file: str | None, pairs: Sequence[str], specs: Sequence[InputSpec]) -> dict[str, Any]:
    """The inputs of `--inputs FILE` overridden by each `--input KEY=VALUE`; a repeated key gives a list."""
    values: dict[str, Any] = {}
    if inputs_file:
        loaded = read_json(inputs_file, "inputs")
        if not isinstance(loaded, Mapping):
            raise UsageError(f"the inputs file {inputs_file} must hold a JSON object")
        values.update(loaded)
    by_key = {spec.key: spec for spec in specs}
    repeated: dict[str, list[Any]] = {}
    for item in pairs:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"--input expects KEY=VALUE, got {item!r}")
        repeated.setdefault(key, []).append(_structured(by_key.get(key), value))
    for key, items in repeated.items():
        values[key] = items[0] if len(items) == 1 else items
    return values


def list_hint(spec: InputSpec | None, value: Any) -> str:
    """How to give a list on the command line, when `value` looks like a list typed as one word ("1,2")."""
    if spec is None or spec.kind.collection != "valuelist" or not (isinstance(value, str) and "," in value):
        return ""
    parts = [item.strip() for item in value.split(",")]
    items = json.dumps([int(part) if part.isdigit() else part for part in parts], separators=(",", ":"))
    return (f" To give a list, repeat --input {spec.key}=VALUE once per item, "
            f"or pass a JSON array: --input '{spec.key}={items}'.")
