"""Table-driven unit tests of actions (and data sources' refusals) against the mocked Gorgias.

A test module is mostly its tables. A `Sends` row is an action's inputs, the one request Gorgias must receive
(method, path, the whole query, the whole JSON or multipart body, any headers; every answer requires the
connection's credentials) and Gorgias's answer: the result must be exactly {"data": ...} with the expected data,
which must also fit the action's manifest `outputSchema`. A `Refuses` row is inputs that must raise an InputError
with exactly that key and message before anything is sent (`required` builds the row of a missing input).
`sends_test` and `refuses_test` turn a table into one parametrized test, run with the shipped `invoke` harness:

    test_sends = sends_test(SENDS)
    test_refuses = refuses_test(REFUSES)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from responses import matchers

from component.errors import InputError
from component.jsonschemas import _format_checker
from component.testing import invoke, invoke_data_source
from gorgias_component import gorgias
from gorgias_component.sandbox.multipart import parse
from tests.support.mocked_gorgias import MockedGorgias

__all__ = ["ANSWER", "EXAMPLES", "SUCCESS", "Refuses", "Sends", "envelope", "output_errors", "refuses_test", "required",
           "sends_test"]

SUCCESS = {"message": "Success"}  # the data of an action whose answer is empty
# Per action, the data the official Gorgias reference shows for it (see tests/actions/test_reference_examples.py).
EXAMPLES: dict[str, Any] = json.loads(Path(__file__).with_name("reference_examples.json").read_text(encoding="utf-8"))

Part = tuple[str, str | None, str | None, bytes]  # a multipart part: name, filename, content type, bytes


class _Answer:
    """The default expected data: Gorgias's answer, or SUCCESS when the answer is empty."""

    def __repr__(self) -> str:
        return "ANSWER"


ANSWER: Any = _Answer()


@dataclass(frozen=True)
class Sends:
    """One action run: its inputs, the one request Gorgias must receive, Gorgias's answer and the result's data."""

    key: str
    inputs: dict[str, Any]
    method: str
    path: str
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None  # the exact JSON body; None (and no parts): the request has no body
    answer: Any = None  # None: an empty answer
    status: int = 200
    data: Any = ANSWER
    parts: list[Part] | None = None  # the exact multipart parts, in order
    headers: dict[str, str] = field(default_factory=dict)  # headers the request must carry besides the credentials

    @property
    def expected(self) -> Any:
        """The data the result must hold."""
        if self.data is not ANSWER:
            return self.data
        return SUCCESS if self.answer is None else self.answer


@dataclass(frozen=True)
class Refuses:
    """Inputs an action (or a data source) must refuse with exactly this InputError, sending nothing."""

    key: str
    inputs: dict[str, Any]
    error_key: str  # the InputError's key: the input at fault
    message: str
    data_source: bool = False


def required(key: str, inputs: dict[str, Any], missing: str, label: str, *, data_source: bool = False) -> Refuses:
    """The row of `inputs` without the required input `missing` (labelled `label`)."""
    return Refuses(key, inputs, missing, f"Input '{missing}' ({label}) is required, but no value was given.",
                   data_source)


def _parts(request: Any) -> list[Part]:
    return [(p.name, p.filename, p.content_type, p.content) for p in parse(request.headers["Content-Type"], request.body)]


def check_sends(gorgias_api: MockedGorgias, connection: dict[str, Any], row: Sends) -> None:
    """Run the row's action: exactly the row's request is sent, once, and the result is {"data": the row's data}.

    The mock answers any request to the row's method and path that carries the credentials; the query, headers and
    body are checked afterwards with `responses`' own matchers, so a mismatch fails with their reason.
    """
    answer = {"body": ""} if row.answer is None else {"json": row.answer}
    gorgias_api.add(row.method, row.path, status=row.status, **answer)
    result = invoke(gorgias, row.key, row.inputs, connection)
    assert len(gorgias_api.calls) == 1
    request = gorgias_api.calls[0].request
    checks = [matchers.query_param_matcher(row.query)]
    if row.headers:
        checks.append(matchers.header_matcher(row.headers))
    if row.body is not None:
        checks.append(matchers.json_params_matcher(row.body, strict_match=True))
    for check in checks:
        matched, reason = check(request)
        assert matched, reason
    if row.parts is not None:
        assert _parts(request) == row.parts
    elif row.body is None:
        assert not request.body
    assert result == {"data": row.expected}
    assert output_errors(row.key, row.expected) == []


def check_refuses(gorgias_api: MockedGorgias, connection: dict[str, Any], row: Refuses) -> None:
    """Run the row: an InputError with exactly the row's key and message, and nothing sent."""
    run = invoke_data_source if row.data_source else invoke
    with pytest.raises(InputError) as caught:
        run(gorgias, row.key, row.inputs, connection)
    assert (caught.value.key, str(caught.value)) == (row.error_key, row.message)
    assert len(gorgias_api.calls) == 0


def sends_test(rows: Sequence[Sends]) -> Callable[..., None]:
    """One test per row (id: the action key): the action sends exactly the row's request and returns its data."""

    @pytest.mark.parametrize("row", rows, ids=lambda row: row.key)
    def test(gorgias_api: MockedGorgias, connection: dict[str, Any], row: Sends) -> None:
        """The action converts its inputs, sends exactly the documented request, and answers {"data": ...}."""
        check_sends(gorgias_api, connection, row)

    return test


def refuses_test(rows: Sequence[Refuses]) -> Callable[..., None]:
    """One test per row (id: key-input): the inputs are refused with the row's InputError before sending."""

    @pytest.mark.parametrize("row", rows, ids=lambda row: f"{row.key}-{row.error_key}")
    def test(gorgias_api: MockedGorgias, connection: dict[str, Any], row: Refuses) -> None:
        """Bad or missing inputs are an InputError naming the input, with the exact message; nothing is sent."""
        check_refuses(gorgias_api, connection, row)

    return test


@functools.cache
def _validators() -> dict[str, Draft202012Validator]:
    return {entry["key"]: Draft202012Validator(entry["outputSchema"], format_checker=_format_checker())
            for entry in gorgias.manifest()["actions"]}


def output_errors(key: str, payload: Any) -> list[str]:
    """Where `payload` breaks the action's output schema (empty when it conforms)."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validators()[key].iter_errors(payload)]


def envelope(uri: str, items: list[Any], next_cursor: str | None = None, prev_cursor: str | None = None) -> dict[str, Any]:
    """A Gorgias list envelope."""
    return {"object": "list", "uri": uri, "data": items, "meta": {"prev_cursor": prev_cursor, "next_cursor": next_cursor}}
