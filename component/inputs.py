"""Inputs models: the `Inputs` base, whose `parse` turns host values into a typed, validated instance.

An inputs model (a pydantic model, built on first use) has fields declared with `Input(...)` and annotated with
one of the kinds (`Text`, `Id`, `Bool`, `Code`, ...). Each kind converts what a workflow
designer stores (strings of digits, "true", JSON strings, key-value lists) into the typed value
`perform` receives, and raises `InputError` naming the input, what was expected and what was
received. The manifest entry and the JSON Schema of every input derive from the same declaration.

The kinds live in `component.input_kinds` and the per-input specs in `component.input_specs`; this
module re-exports them, so component authors import everything about inputs from here.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Self, get_args, get_origin

from component.errors import DefinitionError, InputError
from component.input_kinds import (
    Bool,
    Code,
    CodeList,
    DateTime,
    Id,
    IdList,
    Invalid,
    KeyValues,
    Kind,
    Password,
    PathSegment,
    SomeIds,
    StringBool,
    Text,
    TextList,
    choice,
    choice_list,
    describe,
    int_range,
    string_bool,
    text_up_to,
)
from component.input_specs import Input, InputSpec
from component.models import Annotation, Declared, InputsType, declared_fields, pydantic_model
from component.redaction import MASK
from component.suggestions import did_you_mean

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
