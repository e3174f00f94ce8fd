"""Inputs declarations that become pydantic models on first use, so that importing a component builds none.

A class statement deriving from `Inputs` records its fields cheaply (name, annotation, `Input(...)`
metadata); pydantic's model class, a subclass of the declaration, is made the first time an instance
or a pydantic attribute (`model_validate`, `model_fields`, a `TypeAdapter`) is asked for. Creating a
pydantic model class costs milliseconds (its fields are collected and its annotations evaluated);
a component declares a hundred of them, of which a run uses one.
"""

from __future__ import annotations

import inspect
import sys
import threading
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast, get_origin

__all__ = ["Annotation", "Declared", "InputsType", "declared_fields", "pydantic_model"]

MODEL_ATTRIBUTE = "__pydantic_model__"  # in a declaration's own __dict__ once its model is built
IS_MODEL = "__inputs_model__"  # in the namespace of a built model: it declares nothing new
BUILDING = "__inputs_building__"  # on a declaration while its model is made: pydantic reads it as a plain base


class Declared:
    """What `Input(...)` returns: an input's metadata, until the model's field is made from it."""

    __slots__ = ("meta",)

    def __init__(self, meta: Mapping[str, Any]) -> None:
        self.meta = meta


class Annotation:
    """A field's annotation as written (a string under `from __future__ import annotations`), evaluated once."""

    __slots__ = ("_namespace", "_resolved", "_value")

    def __init__(self, value: Any, namespace: dict[str, Any]) -> None:
        self._value = value
        self._namespace = namespace
        self._resolved = not isinstance(value, str)

    def resolve(self) -> Any:
        """The annotation's value, evaluated in the namespace of the class that declared it."""
        if not self._resolved:
            # The declaring module's own source text, evaluated as pydantic (and typing) would evaluate it.
            self._value = eval(self._value, self._namespace)
            self._resolved = True
        return self._value

    def written_as_class_var(self) -> bool:
        """Whether the annotation is a string that reads as a ClassVar (telling so without evaluating it)."""
        return not self._resolved and self._value.startswith(("ClassVar[", "typing.ClassVar["))

    def head(self) -> Any:
        """The annotation without a trailing `| None`, cheaply when it is one name: where its input kind is."""
        if not self._resolved:
            name = self._value.removesuffix(" | None")
            if name.isidentifier() and name in self._namespace:
                return self._namespace[name]
        return self.resolve()


def _namespace(cls: type, depth: int) -> dict[str, Any]:
    """Where the class's annotations are evaluated: its module, and the function it is declared in, if any."""
    module = sys.modules.get(cls.__module__)
    names: dict[str, Any] = vars(module) if module is not None else {}
    frame = sys._getframe(depth + 1)
    if frame.f_locals is frame.f_globals:  # declared at module level: the module's names, as they will be
        return names
    return {**names, **frame.f_locals}


def declared_fields(cls: type, depth: int) -> dict[str, tuple[Annotation, Declared | None]]:
    """The fields the class declares itself, in order: annotation and `Input(...)` (None when missing).

    ClassVars and private names are not fields, as for pydantic. `depth` locates the frame of the class statement.
    """
    own = inspect.get_annotations(cls)
    if not own:
        return {}
    namespace = _namespace(cls, depth + 1)
    fields: dict[str, tuple[Annotation, Declared | None]] = {}
    for name, written in own.items():
        if name.startswith("_"):
            continue
        annotation = written if isinstance(written, Annotation) else Annotation(written, namespace)
        if _is_class_var(annotation):
            continue
        declared = cls.__dict__.get(name)
        fields[name] = (annotation, declared if isinstance(declared, Declared) else None)
    return fields


def _is_class_var(annotation: Annotation) -> bool:
    if annotation.written_as_class_var():
        return True
    head = annotation.head()
    return head is ClassVar or get_origin(head) is ClassVar


class InputsType(type):
    """Metaclass of inputs declarations: calling one parses; pydantic's `model_*` attributes are its model's."""

    def __call__(cls, /, **values: Any) -> Any:
        """`Model(**values)` converts and validates exactly as `Model.parse(values)` does."""
        return cls.parse(values)  # every declaration derives from Inputs

    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """A TypeAdapter of a declaration validates as its model does (a model's own method comes first)."""
        return handler(pydantic_model(cls))

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("model_") and not cls.__dict__.get(BUILDING, False):
            return getattr(pydantic_model(cls), name)
        raise AttributeError(name)


T = TypeVar("T", bound=type)

_metaclasses: dict[str, type] = {}
_building = threading.RLock()  # threads running their first action at once build its model once


def _model_metaclass() -> type:
    """The metaclass of a built model: pydantic's, plus calling it parses (made once, with pydantic)."""
    if "model" not in _metaclasses:
        from pydantic._internal._model_construction import ModelMetaclass

        _metaclasses["model"] = type("InputsModelType", (ModelMetaclass, InputsType), {})
    return _metaclasses["model"]


def pydantic_model(cls: T) -> T:
    """The pydantic model of an inputs declaration, a subclass of it: built on the first call, then kept."""
    built = cls.__dict__.get(MODEL_ATTRIBUTE)
    if built is not None:
        return cast(T, built)
    if cls.__dict__.get(IS_MODEL, False):
        return cls
    with _building:
        built = cls.__dict__.get(MODEL_ATTRIBUTE)
        return cast(T, built if built is not None else _build(cls))


def _build(cls: Any) -> type:
    from pydantic import BaseModel, ConfigDict, Field

    fields: dict[str, tuple[Annotation, Declared]] = cls.__input_fields__
    namespace: dict[str, Any] = {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        IS_MODEL: True,
        # Values are converted by the kinds and stored with model_construct: pydantic's validator is never
        # used (pydantic calls the declaration's __init__ instead), so its schema is not built.
        "model_config": ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True),
        "__annotations__": {name: annotation.resolve() for name, (annotation, _) in fields.items()},
    }
    for name, (_, declared) in fields.items():
        namespace[name] = Field(default=None, json_schema_extra={"input": dict(declared.meta)})
    type.__setattr__(cls, BUILDING, True)  # pydantic reads its bases' attributes: none is its model's yet
    try:
        model: type = _model_metaclass()(cls.__name__, (cls, BaseModel), namespace)
    finally:
        type.__delattr__(cls, BUILDING)
    type.__setattr__(cls, MODEL_ATTRIBUTE, model)
    return model
