"""Table-driven checks of actions against the mocked Gorgias: the exact request, and nothing sent on bad input."""

from __future__ import annotations

from typing import Any

import pytest

from component.errors import InputError
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

__all__ = ["assert_refused", "assert_required", "assert_sends"]


def assert_sends(api: MockedGorgias, connection: dict[str, Any], key: str, inputs: dict[str, Any], method: str,
                 path: str, query: dict[str, Any], body: Any, answer: Any, status: int = 200) -> None:
    """Running `key` sends exactly this request (method, path, whole query, whole body) and returns the answer."""
    api.expect(method, path, query=query, body=body, answer=answer, status=status)
    expected = answer if answer is not None else {"message": "Success"}
    assert gorgias.run_action(key, inputs, connection) == {"data": expected}


def assert_required(api: MockedGorgias, connection: dict[str, Any], key: str, inputs: dict[str, Any], missing: str,
                    label: str) -> None:
    """Without `missing`, running `key` is the InputError naming it, and nothing is sent."""
    assert_refused(api, connection, key, inputs, f"Input '{missing}' ({label}) is required, but no value was given.")


def assert_refused(api: MockedGorgias, connection: dict[str, Any], key: str, inputs: dict[str, Any],
                   message: str) -> None:
    """Running `key` with `inputs` is an InputError with exactly `message`, and nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action(key, inputs, connection)
    assert str(caught.value) == message
    assert api.sent() == 0
