"""Input kinds: how each kind of host value is converted, refused and described in JSON Schema.

A kind (`Text`, `Id`, `Bool`, `Code`, `int_range(...)`, ...) pairs a converter with its manifest type
and JSON Schema. A converter turns what a workflow designer stores (strings of digits, "true", JSON
strings, key-value lists) into the typed value `perform` receives, or raises `Invalid` saying what was
expected; `describe` says what was received. Kept apart from the declarations that use the kinds
(`component.input_specs`, `component.inputs`): converting a value needs no model, and a new kind
touches nothing of how models are declared or built.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from component.instants import instant
from component.values import whole_number

__all__ = [
    "Bool",
    "Code",
    "CodeList",
    "Collection",
    "DateTime",
    "Id",
    "IdList",
    "InputType",
    "Invalid",
    "KeyValues",
    "Kind",
    "Password",
    "PathSegment",
    "SomeIds",
    "StringBool",
    "Text",
    "TextList",
    "choice",
    "choice_list",
    "describe",
    "int_range",
    "string_bool",
    "text_up_to",
]

InputType = Literal["string", "password", "boolean", "code", "connection"]
Collection = Literal["valuelist", "keyvaluelist"]


class Invalid(ValueError):
    """Raised by a converter: `expected` says what would have been accepted."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def describe(value: Any) -> str:
    """A short, safe description of a received value for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return json.dumps(shown)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return f"a value of type {type(value).__name__}"


@dataclass(frozen=True, eq=False)
class Kind:
    """How one kind of input is shown in the manifest, converted and described in JSON Schema."""

    type: InputType
    convert: Callable[[Any], Any]
    schema: Mapping[str, Any]
    collection: Collection | None = None


# --- converters ---------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, str):
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: JSON can carry "\\ud800", UTF-8 (so HTTP) cannot
                raise Invalid("text without a lone surrogate such as \\ud800 (no request can carry one)") from None
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise Invalid("a string")


def _positive_int(value: Any, expected: str = "a positive integer id") -> int:
    if isinstance(value, bool):
        raise Invalid(expected)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and (parsed := whole_number(value)) is not None:
        number = parsed
    else:
        raise Invalid(expected)
    if not 1 <= number < 2**63:
        raise Invalid(expected)
    return number


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise Invalid('true or false (or the strings "true" / "false")')


def _no_constant(name: str) -> Any:
    raise Invalid(f"JSON without {name} (not a JSON value)")


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise Invalid(f"valid JSON (parse error at line {exc.lineno}, column {exc.colno})") from None
        except Invalid:
            raise
        except (ValueError, RecursionError):
            raise Invalid("valid JSON nested at most a few hundred levels deep") from None
    if isinstance(value, Mapping | list):
        return value
    raise Invalid("a JSON object or array, or a JSON string")


def _code_object(value: Any) -> Any:
    parsed = _json(value)
    if not isinstance(parsed, Mapping):
        raise Invalid("a JSON object")
    return dict(parsed)


def _code_list(value: Any) -> Any:
    parsed = _json(value)
    if not isinstance(parsed, list):
        raise Invalid("a JSON array")
    return parsed


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _text_list(value: Any) -> list[str]:
    items = _as_list(value)
    try:
        return [_text(item) for item in items]
    except Invalid:
        raise Invalid("a list of strings") from None


def _id_list(value: Any) -> list[int]:
    items = _as_list(value)
    try:
        return [_positive_int(item) for item in items]
    except Invalid:
        raise Invalid("a list of positive integer ids") from None


def _some_ids(value: Any) -> list[int]:
    ids = _id_list(value)
    if not ids:
        raise Invalid("at least one positive integer id")
    return ids


_KV_EXPECTED = 'a list of {"key": ..., "value": ...} items, an object, or "key:value" strings'


def _key_values(value: Any) -> dict[str, Any]:
    if isinstance(value, str) and value.lstrip().startswith("{"):
        # A JSON object typed as text (a command line, a designer's text box), not "key:value" split at a colon.
        try:
            value = _code_object(value)
        except Invalid:
            raise Invalid(f"{_KV_EXPECTED}; this looks like a JSON object but is not one") from None
    if isinstance(value, Mapping) and not ({"key", "value"} >= value.keys() and "key" in value):
        return {_text(k): v for k, v in value.items()}
    result: dict[str, Any] = {}
    for item in _as_list(value):
        if isinstance(item, Mapping) and "key" in item and set(item) <= {"key", "value"}:
            key = item["key"]
            if not isinstance(key, str) or not key:
                raise Invalid(_KV_EXPECTED)
            result[key] = item.get("value")
        elif isinstance(item, str) and ":" in item:
            key, _, rest = item.partition(":")
            if not key.strip():
                raise Invalid(_KV_EXPECTED)
            result[key.strip()] = rest.strip()
        else:
            raise Invalid(_KV_EXPECTED)
    return result


def _datetime(value: Any) -> str:
    text = _text(value).strip()
    try:
        instant(text)  # naive (UTC) or with an offset: both are instants
    except ValueError:
        raise Invalid("an ISO 8601 date-time such as 2020-01-27T10:42:21.468912") from None
    return text


# --- kinds --------------------------------------------------------------------------------

_ID_SCHEMA = {"type": ["string", "integer"], "pattern": r"^\s*[1-9][0-9]*\s*$", "minimum": 1}

Text = Annotated[str, Kind("string", _text, {"type": "string"})]
Password = Annotated[str, Kind("password", _text, {"type": "string", "writeOnly": True})]
DateTime = Annotated[str, Kind("string", _datetime, {"type": "string", "format": "date-time"})]
Id = Annotated[int, Kind("string", _positive_int, _ID_SCHEMA)]
Bool = Annotated[bool, Kind("boolean", _bool, {"type": "boolean"})]
Code = Annotated[dict[str, Any], Kind("code", _code_object, {"type": "object"})]
CodeList = Annotated[list[Any], Kind("code", _code_list, {"type": "array"})]
TextList = Annotated[
    list[str], Kind("string", _text_list, {"type": "array", "items": {"type": "string"}}, "valuelist")
]
IdList = Annotated[list[int], Kind("string", _id_list, {"type": "array", "items": _ID_SCHEMA}, "valuelist")]
# Ids of objects a bulk operation acts on: never empty, so leaving it empty cannot mean "every object".
SomeIds = Annotated[
    list[int], Kind("string", _some_ids, {"type": "array", "items": _ID_SCHEMA, "minItems": 1}, "valuelist")
]
KeyValues = Annotated[
    dict[str, Any],
    Kind(
        "string",
        _key_values,
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"key": {"type": "string"}, "value": {}},
                "required": ["key"],
            },
        },
        "keyvaluelist",
    ),
]


def string_bool() -> Kind:
    """A boolean that the documentation declares as a string input ("true" / "false")."""
    return Kind("string", _bool, {"type": "string", "enum": ["true", "false"]})


def int_range(low: int, high: int | None = None) -> Kind:
    """A whole number given as a string or a number, between `low` and `high` inclusive."""
    expected = f"a whole number from {low} to {high}" if high is not None else f"a whole number ≥ {low}"

    def convert(value: Any) -> int:
        if isinstance(value, bool):
            raise Invalid(expected)
        if isinstance(value, str) and value.strip().lstrip("-").isdigit() and value.strip().isascii():
            number = int(value.strip())
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        else:
            raise Invalid(expected)
        if number < low or (high is not None and number > high):
            raise Invalid(expected)
        return number

    bounds: dict[str, Any] = {"minimum": low} if high is None else {"minimum": low, "maximum": high}
    return Kind("string", convert, {"type": ["string", "integer"], "pattern": r"^\s*-?[0-9]+\s*$", **bounds})


def choice(*options: str, case_sensitive: bool = False) -> Kind:
    """A string that must be one of `options` (compared without case unless told otherwise)."""
    lookup = {(o if case_sensitive else o.lower()): o for o in options}
    expected = "one of " + ", ".join(options)

    def convert(value: Any) -> str:
        text = _text(value).strip()
        found = lookup.get(text if case_sensitive else text.lower())
        if found is None:
            raise Invalid(expected)
        return found

    return Kind("string", convert, {"type": "string", "enum": list(options)})


def choice_list(*options: str, separator: str | None = None) -> Kind:
    """A list of strings (or one string) each of which must be one of `options`, compared without case;
    with `separator`, one string may also hold several ("a,b")."""
    one = choice(*options)
    expected = "a list of values, each one of " + ", ".join(options)

    def convert(value: Any) -> list[str]:
        items = _as_list(value)
        if separator is not None and len(items) == 1 and isinstance(items[0], str):
            items = [part for part in items[0].split(separator) if part.strip()]
        try:
            return [one.convert(item) for item in items]
        except Invalid:
            raise Invalid(expected) from None

    return Kind("string", convert, {"type": "array", "items": dict(one.schema)}, "valuelist")


def text_up_to(length: int) -> Kind:
    """A string of at most `length` characters."""

    def convert(value: Any) -> str:
        text = _text(value)
        if len(text) > length:
            raise Invalid(f"a string of at most {length} characters (got {len(text)})")
        return text

    return Kind("string", convert, {"type": "string", "maxLength": length})


def _path_segment(value: Any) -> str:
    text = _text(value).strip()
    if not text or "/" in text or "\\" in text or text in (".", "..") or any(ord(c) < 32 for c in text):
        raise Invalid("a single path segment: not empty, without '/', and not '.' or '..'")
    return text


# A non-numeric part of a URL path; the action URL-encodes it.
PathSegment = Annotated[
    str, Kind("string", _path_segment, {"type": "string", "pattern": r"^(?!\.{1,2}$)[^/\\]+$"})
]
StringBool = Annotated[bool, string_bool()]
