"""Table-driven unit tests of actions: each case is the inputs, the exact request they must send and the answer.

A module of action tests lists `Case`s; `run_case` registers the one expected request on the mocked
Gorgias (method, path, query and JSON body matched exactly; the credentials are required on every answer),
runs the action with the shipped `invoke` harness and returns its data. `check_output` validates a payload against
the action's manifest `outputSchema`, so test answers, schemas and sandbox answers cannot drift apart.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from responses import matchers

from component.errors import InputError
from component.jsonschemas import _format_checker
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

_NO_BODY = ("GET", "DELETE")


@dataclass(frozen=True)
class Case:
    """One action run: its inputs, the request Gorgias must receive, and Gorgias's answer."""

    key: str
    inputs: dict[str, Any]
    method: str
    path: str
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None  # the exact JSON body; None for a request without one
    answer: Any = None  # None: an empty answer (204)
    status: int = 200


def run_case(gorgias_api: MockedGorgias, connection: dict[str, Any], case: Case) -> Any:
    """Register the expected request, run the action, check that it was sent once; return the result's data."""
    match = [matchers.query_param_matcher(case.query)]
    if case.body is not None:
        match.append(matchers.json_params_matcher(case.body, strict_match=True))
    if case.answer is None:
        gorgias_api.add(case.method, case.path, body="", status=case.status, match=match)
    else:
        gorgias_api.add(case.method, case.path, json=case.answer, status=case.status, match=match)
    result = invoke(gorgias, case.key, case.inputs, connection)
    assert len(gorgias_api.calls) == 1
    if case.method in _NO_BODY or case.body is None:
        assert not gorgias_api.calls[0].request.body
    assert set(result) == {"data"}
    return result["data"]


@functools.cache
def _validators() -> dict[str, Draft202012Validator]:
    return {entry["key"]: Draft202012Validator(entry["outputSchema"], format_checker=_format_checker())
            for entry in gorgias.manifest()["actions"]}


def output_errors(key: str, payload: Any) -> list[str]:
    """Where `payload` breaks the action's output schema (empty when it conforms)."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validators()[key].iter_errors(payload)]


def envelope(uri: str, items: list[Any], next_cursor: str | None = None) -> dict[str, Any]:
    """A Gorgias list envelope."""
    return {"object": "list", "uri": uri, "data": items, "meta": {"prev_cursor": None, "next_cursor": next_cursor}}


def refused(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str, inputs: dict[str, Any]) -> InputError:
    """Run the action expecting an InputError, and check that nothing was sent; return the error."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, key, inputs, connection)
    assert len(gorgias_api.calls) == 0
    return caught.value
