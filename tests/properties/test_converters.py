"""Every input converter, given any JSON-like value, returns a well-formed value or raises InputError: nothing else."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, get_args
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import example, given

from component import inputs
from component.errors import InputError
from component.inputs import InputSpec, Kind
from component.raw_request import Payload, check_path
from gorgias_component.actions import paging
from gorgias_component.connections.domain import Domain
from tests.properties.conftest import PROPERTY, REPORTABLE, host_values

pytestmark = REPORTABLE


def kind_of(annotated: Any) -> Kind:
    return next(meta for meta in get_args(annotated)[1:] if isinstance(meta, Kind))


def positive_id(value: Any) -> bool:
    return type(value) is int and 1 <= value < 2**63


def iso(value: Any) -> bool:
    datetime.fromisoformat(value)
    return isinstance(value, str)


SUBDOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")

# Each kind with what a converted value must look like.
KINDS: dict[str, tuple[Kind, Any]] = {
    "Text": (kind_of(inputs.Text), lambda v: isinstance(v, str)),
    "Password": (kind_of(inputs.Password), lambda v: isinstance(v, str)),
    "DateTime": (kind_of(inputs.DateTime), iso),
    "Id": (kind_of(inputs.Id), positive_id),
    "Bool": (kind_of(inputs.Bool), lambda v: type(v) is bool),
    "StringBool": (kind_of(inputs.StringBool), lambda v: type(v) is bool),
    "Code": (kind_of(inputs.Code), lambda v: isinstance(v, dict)),
    "CodeList": (kind_of(inputs.CodeList), lambda v: isinstance(v, list)),
    "TextList": (kind_of(inputs.TextList), lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "IdList": (kind_of(inputs.IdList), lambda v: isinstance(v, list) and all(positive_id(i) for i in v)),
    "SomeIds": (kind_of(inputs.SomeIds), lambda v: isinstance(v, list) and bool(v) and all(positive_id(i) for i in v)),
    "KeyValues": (kind_of(inputs.KeyValues), lambda v: isinstance(v, dict) and all(isinstance(k, str) for k in v)),
    "Limit": (kind_of(paging.Limit), lambda v: type(v) is int and 1 <= v <= 100),
    "PathSegment": (kind_of(inputs.PathSegment),
                    lambda v: isinstance(v, str) and v and "/" not in v and "\\" not in v and v not in (".", "..")),
    "int_range(0, 10)": (inputs.int_range(0, 10), lambda v: type(v) is int and 0 <= v <= 10),
    "choice": (inputs.choice("open", "closed"), lambda v: v in ("open", "closed")),
    "Domain": (kind_of(Domain), lambda v: isinstance(v, str) and SUBDOMAIN.fullmatch(v) is not None),
    "Payload": (kind_of(Payload), lambda v: isinstance(v, str | dict | list)),
}


@pytest.mark.parametrize("name", sorted(KINDS))
@PROPERTY
@given(value=host_values)
def test_a_converter_returns_a_well_formed_value_or_an_input_error(name: str, value: Any) -> None:
    """Any JSON-like value either converts to the kind's type or is an InputError naming the input."""
    kind, well_formed = KINDS[name]
    spec = InputSpec("field", "Field", kind)
    try:
        converted = spec.convert(value)
    except InputError as error:
        assert error.key == "field"
        assert str(error).startswith("Input 'field' (Field): expected ")
        return
    assert well_formed(converted), converted


PASSWORD_EXPECTED = ("a string", "text without a lone surrogate such as \\ud800 (no request can carry one)")


@PROPERTY
@given(value=host_values)
@example(value="k3y-\ud800-value")
def test_a_password_that_is_refused_is_never_shown(value: Any) -> None:
    """A malformed secret is described by its type only."""
    spec = InputSpec("apiKey", "API Key", kind_of(inputs.Password))
    try:
        spec.convert(value)
    except InputError as error:
        assert str(error) in [f"Input 'apiKey' (API Key): expected {expected}, received a value of type "
                              f"{type(value).__name__}." for expected in PASSWORD_EXPECTED]


@PROPERTY
@given(value=host_values)
def test_check_path_returns_a_path_below_the_base_or_an_input_error(value: Any) -> None:
    """Raw Request's URL check never lets a URL, an authority or a dot segment through."""
    if not isinstance(value, str):
        return
    try:
        path = check_path(value)
    except InputError as error:
        assert error.key == "url"
        return
    url = urlsplit("https://acme.gorgias.com/api/" + path.lstrip("/"))
    assert path.startswith("/")
    assert (url.scheme, url.netloc) == ("https", "acme.gorgias.com")
    assert url.path.startswith("/api/")
    assert not {".", ".."} & set(unquote(url.path).split("/"))


def test_a_deeply_nested_json_text_is_an_input_error() -> None:
    """A code input of 100 000 '[' is not valid JSON a host could mean: it is an InputError, not a RecursionError."""
    spec = InputSpec("data", "Data", kind_of(inputs.Code))
    with pytest.raises(InputError) as error:
        spec.convert("[" * 100_000)
    assert str(error.value) == ("Input 'data' (Data): expected valid JSON nested at most a few hundred levels deep, "
                                f"received \"{'[' * 37}...\".")


def test_the_properties_cover_every_kind_the_inputs_module_exports() -> None:
    """A new kind in component.inputs needs a property here too."""
    exported = {name for name in inputs.__all__ if get_args(getattr(inputs, name, None))
                and isinstance(getattr(inputs, name), type(Annotated[int, 0]))}
    assert "Id" in exported
    assert exported <= set(KINDS)
