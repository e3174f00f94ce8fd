"""Input declarations: the kinds of values a host may pass, their conversion and their JSON Schema.

An inputs model (a pydantic model, built on first use) has fields declared with `Input(...)` and annotated with
one of the kinds below (`Text`, `Id`, `Bool`, `Code`, ...). Each kind converts what a workflow
designer stores (strings of digits, "true", JSON strings, key-value lists) into the typed value
`perform` receives, and raises `InputError` naming the input, what was expected and what was
received. The manifest entry and the JSON Schema of every input derive from the same declaration.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Self, get_args, get_origin

from component.errors import DefinitionError, InputError
from component.instants import instant
from component.jsonschemas import SchemaRef
from component.models import Annotation, Declared, InputsType, declared_fields, pydantic_model
from component.redaction import MASK
from component.suggestions import did_you_mean
from component.values import whole_number

__all__ = [
    "Bool",
    "Code",
    "CodeList",
    "DateTime",
    "Id",
    "IdList",
    "Input",
    "InputSpec",
    "Inputs",
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


# --- declarations -------------------------------------------------------------------------


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


def _find_kind(annotation: Any, where: str) -> Kind:
    for candidate in (annotation, *get_args(annotation)):
        if get_origin(candidate) is Annotated:
            for meta in candidate.__metadata__:
                if isinstance(meta, Kind):
                    return meta
    if get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in get_args(annotation):
            if arg is not type(None):
                return _find_kind(arg, where)
    raise DefinitionError(f"{where}: annotate it with an input kind such as Text, Id or Bool")


# What pydantic's model_construct sets on an instance; `Inputs.__init__` copies it from a parsed one.
_MODEL_STATE = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")

if TYPE_CHECKING:
    from pydantic import BaseModel as _Declaration  # what an inputs model is once used
else:
    class _Declaration(metaclass=InputsType):
        """At run time a declaration is a plain class: its pydantic model is built on first use."""


class Inputs(_Declaration):
    """Base of every inputs model; `parse` turns host values into a typed, validated instance.

    There is one way in: constructing a model directly (`Model(**values)`, `Model.model_validate(...)`,
    as FastAPI and MCP hosts do) goes through `parse` too, so it converts with the same kinds, refuses
    a missing required input, and raises `InputError`, never pydantic's ValidationError.

    Declaring a subclass records its inputs and builds no pydantic model (that would cost cold start):
    the model, a subclass of the declaration, is built the first time it is needed (`component.models`).
    """

    specs: ClassVar[tuple[InputSpec, ...]] = ()
    _known: ClassVar[frozenset[str]] = frozenset()
    _defaults: ClassVar[dict[str, Any]] = {}  # converted once, when the model is declared
    __input_fields__: ClassVar[dict[str, tuple[Annotation, Declared]]] = {}  # every field, in declaration order
    where: ClassVar[str] = "Input"  # how error messages name these values
    debug_key: ClassVar[str | None] = None  # the boolean input that turns on request logging

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("__inputs_model__", False):
            return  # the built model of a declaration: it declares nothing new
        fields = dict(cls.__input_fields__)
        for name, (annotation, declared) in declared_fields(cls, 1).items():
            if declared is None:
                raise DefinitionError(f"{cls.__name__}.{name}: declare it with Input(...)")
            fields[name] = (annotation, declared)
            type.__delattr__(cls, name)  # an instance's value, not the declaration, is what `obj.name` reads
        specs = []
        for name, (annotation, declared) in fields.items():
            meta = declared.meta
            kind = _find_kind(annotation.head(), f"{cls.__name__}.{name}")
            specs.append(
                InputSpec(name, meta["label"], kind, meta["required"], meta["default"], meta["example"],
                          meta["comments"], meta["schema"], meta["data_source"], meta["json_example"])
            )
        cls.__input_fields__ = fields
        cls.specs = tuple(specs)
        cls._known = frozenset(spec.key for spec in specs)
        cls._defaults = {spec.key: None if spec.default is None else spec.convert(spec.default) for spec in specs}

    def __init__(self, /, **values: Any) -> None:
        """Convert and validate `values` exactly as `parse` does."""
        parsed = type(self).parse(values)
        for name in _MODEL_STATE:
            object.__setattr__(self, name, getattr(parsed, name))

    def __repr_args__(self) -> Any:
        secret = {spec.key for spec in self.specs if spec.type == "password"}
        for key, value in super().__repr_args__():
            yield key, (MASK if key in secret and value is not None else value)

    def set_values(self, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
        """The inputs that were set, by key, in declaration order, for a request body or query."""
        skip = {*exclude, *([self.debug_key] if self.debug_key else [])}
        return {key: value for key, value in self if value is not None and key not in skip}

    @classmethod
    def parse(cls, raw: Mapping[str, Any], *, owner: str = "") -> Self:
        """Convert and validate host values; raise InputError for the first bad input."""
        if not isinstance(raw, Mapping):
            raise InputError("inputs", f"{cls.where}s: expected an object of values, received {describe(raw)}.")
        for key in raw:
            if key not in cls._known:
                hint = did_you_mean(str(key), sorted(cls._known, key=str.casefold), noun=f"{cls.where.lower()}s")
                target = f" for {owner}" if owner else ""
                raise InputError(str(key), f"Unknown {cls.where.lower()} '{key}'{target}.{hint}")
        values: dict[str, Any] = {}
        for spec in cls.specs:
            value = raw.get(spec.key)
            if value is None or (isinstance(value, str) and value == ""):
                if spec.required and spec.default is None:
                    raise InputError(
                        spec.key, f"{cls.where} '{spec.key}' ({spec.label}) is required, but no value was given."
                    )
                values[spec.key] = cls._defaults[spec.key]
                continue
            converted = spec.convert(value, where=cls.where)
            if spec.schema is not None:
                spec.schema.check(spec.key, spec.label, converted)
            values[spec.key] = converted
        return typing.cast(Self, pydantic_model(cls).model_construct(**values))
