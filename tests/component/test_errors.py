"""The exception tree groups errors by what the caller must do, as drawn in component/errors.py."""

from __future__ import annotations

import pytest

from component import errors
from component.errors import (
    ApiError,
    AuthError,
    ComponentError,
    DefinitionError,
    InputError,
    InternalError,
    RateLimitError,
    TransportError,
    UnknownKeyError,
    WriteUncertainError,
)

PARENTS = {
    ComponentError: Exception,
    DefinitionError: ComponentError,
    InputError: ComponentError,
    UnknownKeyError: InputError,
    ApiError: ComponentError,
    AuthError: ApiError,
    RateLimitError: ApiError,
    TransportError: ComponentError,
    WriteUncertainError: TransportError,
    InternalError: ComponentError,
}


@pytest.mark.parametrize(("error", "parent"), PARENTS.items(), ids=lambda item: item.__name__)
def test_each_error_has_its_documented_parent(error: type[Exception], parent: type[Exception]) -> None:
    """Each class derives directly from the class drawn above it in the tree."""
    assert error.__bases__ == (parent,)


def test_the_tree_keeps_the_groups_apart() -> None:
    """What the caller must do differs per branch, so no branch is a subclass of another."""
    branches = [DefinitionError, InputError, ApiError, TransportError, InternalError]
    for first in branches:
        for second in branches:
            assert issubclass(first, second) is (first is second)


def test_the_module_exports_exactly_the_tree() -> None:
    """errors.__all__ lists every class of the tree and nothing else."""
    assert sorted(errors.__all__) == sorted(cls.__name__ for cls in PARENTS)


def test_the_docstring_draws_every_class() -> None:
    """The drawing in the module docstring names every class."""
    assert errors.__doc__ is not None
    for cls in PARENTS:
        assert cls.__name__ in errors.__doc__


def test_an_input_error_names_its_input() -> None:
    """InputError and UnknownKeyError carry the key of the input and their message."""
    error = UnknownKeyError("action", "Unknown action.")
    assert (error.key, str(error), error.args) == ("action", "Unknown action.", ("Unknown action.",))


@pytest.mark.parametrize("cls", [ApiError, AuthError, RateLimitError])
def test_an_api_error_carries_status_and_body(cls: type[ApiError]) -> None:
    """ApiError and its subclasses keep the HTTP status and the decoded body; the body defaults to None."""
    error = cls("Gorgias answered 404.", status=404, body={"error": {"msg": "nope"}})
    assert (str(error), error.status, error.body) == ("Gorgias answered 404.", 404, {"error": {"msg": "nope"}})
    assert cls("x", status=500).body is None


def test_status_is_keyword_only() -> None:
    """The status cannot be passed by position by mistake."""
    with pytest.raises(TypeError):
        ApiError("x", 404)  # type: ignore[misc]


@pytest.mark.parametrize("cls", [ComponentError, DefinitionError, TransportError, WriteUncertainError, InternalError])
def test_other_errors_are_plain_messages(cls: type[ComponentError]) -> None:
    """Errors without extra attributes are raised with their message alone."""
    assert str(cls("what happened")) == "what happened"
