"""Every action and data source ships an example output, and each action's fits its output schema.

The examples are the workflow designer's sample data (`examplePayload`); the output schemas are what it offers to
the next step. Validating one against the other keeps them from drifting apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from component.jsonschemas import _format_checker
from gorgias_component import gorgias

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = gorgias.manifest()
ACTIONS = {entry["key"]: entry for entry in MANIFEST["actions"]}
DATA_SOURCES = {entry["key"]: entry for entry in MANIFEST["dataSources"]}


def _errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=_format_checker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("key", sorted(ACTIONS))
def test_every_action_has_a_data_example_payload(key: str) -> None:
    """examplePayload is {"data": ...}, the file `actions/examples/<key>.json` (Raw Request shows List Tickets')."""
    payload = ACTIONS[key]["examplePayload"]
    assert isinstance(payload, dict) and list(payload) == ["data"]
    shipped = ROOT / "actions" / "examples" / f"{'listTickets' if key == 'rawRequest' else key}.json"
    assert payload == json.loads(shipped.read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", sorted(ACTIONS))
def test_every_action_example_fits_its_output_schema(key: str) -> None:
    """The example's `data` is valid against the action's outputSchema (draft 2020-12, formats checked)."""
    entry = ACTIONS[key]
    Draft202012Validator.check_schema(entry["outputSchema"])
    assert _errors(entry["outputSchema"], entry["examplePayload"]["data"]) == []


@pytest.mark.parametrize("key", sorted(DATA_SOURCES))
def test_every_data_source_has_a_result_example_payload(key: str) -> None:
    """examplePayload is {"result": [...]} of options with a string key and a non-empty label."""
    payload = DATA_SOURCES[key]["examplePayload"]
    assert isinstance(payload, dict) and list(payload) == ["result"]
    assert payload == json.loads((ROOT / "datasources" / "examples" / f"{key}.json").read_text(encoding="utf-8"))
    assert payload["result"]
    for option in payload["result"]:
        assert list(option) == ["key", "label"]
        assert isinstance(option["key"], str) and option["key"]
        assert isinstance(option["label"], str) and option["label"].strip()


def test_every_shipped_example_belongs_to_an_action_or_data_source() -> None:
    """No example file is left behind by a renamed or removed action, and each is written the one way."""
    actions = sorted((ROOT / "actions" / "examples").glob("*.json"))
    data_sources = sorted((ROOT / "datasources" / "examples").glob("*.json"))
    assert {p.stem for p in actions} == set(ACTIONS) - {"rawRequest"}
    assert {p.stem for p in data_sources} == set(DATA_SOURCES)
    for path in actions + data_sources:
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", path.name


@pytest.mark.parametrize(("key", "data"), [
    ("listUsers", {"data": [{"id": "3924"}]}),
    ("getTag", {"id": 1, "name": "urgent", "created_datetime": "yesterday"}),
    ("deleteTag", {"message": "Deleted"}),
    ("updateRulePriorities", {"data": []}),
])
def test_the_output_schemas_refuse_a_wrong_shape(key: str, data: Any) -> None:
    """The check above can fail: a wrong type, datetime, message or envelope is refused."""
    assert _errors(ACTIONS[key]["outputSchema"], data) != []
