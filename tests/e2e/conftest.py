"""End-to-end fixtures: one seeded sandbox per module, its connection, and `run`, which checks every result.

`run(key, **inputs)` runs an action through the public API on the sandbox and validates its `data`
against the action's manifest `outputSchema`, so the sandbox's answers and the schemas cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from component.jsonschemas import _format_checker
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.support.on_sandbox import use_sandbox

Run = Callable[..., Any]
OUTPUTS = {entry["key"]: entry["outputSchema"] for entry in gorgias.manifest()["actions"]}


def check_output(key: str, data: Any) -> None:
    """Fail with every place where `data` breaks the action's outputSchema."""
    validator = Draft202012Validator(OUTPUTS[key], format_checker=_format_checker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == [], f"{key}: the answer does not fit its outputSchema"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=40, tickets=250) as server:
        yield server


@pytest.fixture
def conn(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return use_sandbox(monkeypatch, sandbox)


@pytest.fixture
def run(conn: dict[str, Any]) -> Run:
    """Run an action on the sandbox; returns its data after checking it against the outputSchema."""

    def run_action(key: str, **inputs: Any) -> Any:
        result = gorgias.run_action(key, inputs, conn)
        assert set(result) == {"data"}
        check_output(key, result["data"])
        return result["data"]

    return run_action
