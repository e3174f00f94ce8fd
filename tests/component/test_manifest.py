"""The manifest describes the component exactly as the interface documents, derived from the declarations."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from component.manifest import SCHEMA_DIALECT, input_schema
from gorgias_component import gorgias
from tests.support.doc_examples import DOC, section_keys

REPO = Path(__file__).resolve().parents[2]
INPUT_KEYS = ["key", "label", "type", "required", "default", "example", "comments", "collection", "dataSource"]
CONNECTION_INPUT = {
    "key": "connection", "label": "Connection", "type": "connection", "required": True, "default": None,
    "example": None, "comments": "Select the Gorgias connection type for this request: OAuth2 or API Key.",
    "collection": None, "dataSource": None,
}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return gorgias.manifest()


def every_input(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for part in ("connections", "actions", "dataSources") for item in manifest[part] for i in item["inputs"]]


def test_the_manifest_has_the_documented_top_level_shape(manifest: dict[str, Any]) -> None:
    """Top-level keys, in order, and the component's own key, label and description."""
    assert list(manifest) == ["key", "label", "description", "connections", "actions", "dataSources", "triggers"]
    assert (manifest["key"], manifest["label"]) == ("gorgias", "Gorgias")
    assert manifest["description"].startswith("Gorgias is a customer support platform")


def test_entries_have_the_documented_keys(manifest: dict[str, Any]) -> None:
    """Connections, actions and data sources list exactly their documented fields."""
    assert all(list(c) == ["key", "label", "description", "inputs"] for c in manifest["connections"])
    assert all(list(a) == ["key", "label", "description", "resource", "inputs", "inputSchema", "examplePayload",
                           "outputSchema", "paging"] for a in manifest["actions"])
    assert all(list(d) == ["key", "label", "description", "dataSourceType", "pageable", "searchable", "inputs",
                           "inputSchema", "examplePayload"] for d in manifest["dataSources"])
    assert all(list(t) == ["key", "label", "description", "resource", "inputs", "inputSchema", "examplePayload",
                           "outputSchema", "modes", "dedupeOn"] for t in manifest["triggers"])
    assert {d["dataSourceType"] for d in manifest["dataSources"]} == {"picklist"}
    assert all(d["pageable"] is True and isinstance(d["searchable"], bool) for d in manifest["dataSources"])
    searchable = {d["key"]: d["searchable"] for d in manifest["dataSources"]}
    assert {k: searchable[k] for k in ("selectCustomer", "selectEvent", "selectMessage", "selectTicket")} == {
        "selectCustomer": True, "selectEvent": False, "selectMessage": False, "selectTicket": False}
    assert all(list(i) == INPUT_KEYS for i in every_input(manifest))


def test_entries_follow_the_documented_order(manifest: dict[str, Any]) -> None:
    """The manifest lists connections, actions and data sources in the order of the component documentation."""
    assert [c["key"] for c in manifest["connections"]] == ["apiKey", "oauth2"]
    assert [c["label"] for c in manifest["connections"]] == ["Gorgias API Key", "Gorgias OAuth 2.0"]
    picklists = set(re.findall(r"\| key: (\w+) \| type: picklist$", DOC.read_text(encoding="utf-8"), re.MULTILINE))
    documented = section_keys()
    actions = [a["key"] for a in manifest["actions"]]
    sources = [d["key"] for d in manifest["dataSources"]]
    assert [key for key in actions if key in documented] == [key for key in documented if key not in picklists]
    assert [key for key in sources if key in documented] == [key for key in documented if key in picklists]
    # The documentation lists by key; the actions and picklists it does not document take their place in that order.
    assert actions == sorted(actions) and sources == sorted(sources)


def test_input_values_have_the_documented_types(manifest: dict[str, Any]) -> None:
    """type, collection, required, default and example take only their documented values."""
    for entry in every_input(manifest):
        assert entry["type"] in {"string", "password", "boolean", "code", "connection"}
        assert entry["collection"] in {None, "valuelist", "keyvaluelist"}
        assert isinstance(entry["required"], bool)
        assert entry["default"] is None or isinstance(entry["default"], str)
        assert entry["example"] is None or isinstance(entry["example"], str)


def test_list_actions_name_their_paging_inputs_and_other_actions_have_none(manifest: dict[str, Any]) -> None:
    """A list action's `paging` names its page token, page size and fetch-all inputs; any other action's is null."""
    lists = {action.key for action in gorgias.actions if action.stream is not None}
    paging = {a["key"]: a["paging"] for a in manifest["actions"]}
    assert {key for key, value in paging.items() if value is not None} == lists
    assert len(lists) == 20  # searchViewItems (a PUT search) pages too
    assert {json.dumps(paging[key]) for key in lists} == {json.dumps(
        {"token": "cursor", "size": "limit", "all": "fetchAll", "next": "meta.next_cursor"})}
    for entry in manifest["actions"]:
        if entry["paging"] is not None:
            names = {entry["paging"][part] for part in ("token", "size", "all")}
            assert names <= set(entry["inputSchema"]["properties"]), entry["key"]


def test_inputs_are_alphabetical_by_key_ignoring_case(manifest: dict[str, Any]) -> None:
    """Inputs keep the documentation's order: alphabetical by key, case ignored."""
    for part in ("connections", "actions", "dataSources"):
        for item in manifest[part]:
            keys = [i["key"] for i in item["inputs"]]
            assert keys == sorted(keys, key=str.casefold), item["key"]
    list_customers = next(a for a in manifest["actions"] if a["key"] == "listCustomers")
    assert [i["key"] for i in list_customers["inputs"]] == [
        "connection", "cursor", "debug", "email", "external_id", "fetchAll", "id", "language", "limit", "order_by",
        "timezone", "view_id"]


def test_actions_and_data_sources_include_the_connection_input(manifest: dict[str, Any]) -> None:
    """Each action and data source lists the connection input; connections do not."""
    for part in ("actions", "dataSources"):
        for item in manifest[part]:
            assert [i for i in item["inputs"] if i["key"] == "connection"] == [CONNECTION_INPUT], item["key"]
    assert all(i["key"] != "connection" for c in manifest["connections"] for i in c["inputs"])


def test_get_customer_is_described_exactly(manifest: dict[str, Any]) -> None:
    """One action in full: its entry, inputs and schema."""
    entry = next(a for a in manifest["actions"] if a["key"] == "getCustomer")
    assert (entry["label"], entry["description"]) == ("Get Customer", "Retrieve a customer.")
    assert entry["inputs"] == [
        CONNECTION_INPUT,
        {"key": "debug", "label": "Debug Request", "type": "boolean", "required": False, "default": "false",
         "example": None, "comments": "Enabling this flag will log out the current request.", "collection": None,
         "dataSource": None},
        {"key": "id", "label": "Customer ID", "type": "string", "required": True, "default": None, "example": "3924",
         "comments": "ID of the customer you're looking for.", "collection": None, "dataSource": "selectCustomer"},
    ]
    assert entry["resource"] == "Customers"
    assert entry["outputSchema"]["title"] == "Customer"
    assert entry["inputSchema"] == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
            "debug": {"title": "Debug Request", "type": "boolean",
                      "description": "Enabling this flag will log out the current request.", "default": False},
            "id": {"title": "Customer ID", "type": ["string", "integer"], "pattern": r"^\s*[1-9][0-9]*\s*$",
                   "minimum": 1, "description": "ID of the customer you're looking for.", "examples": ["3924"]},
        },
        "required": ["id"],
        "additionalProperties": False,
    }


def test_the_api_key_connection_is_described_exactly(manifest: dict[str, Any]) -> None:
    """The API-key connection lists its three fields, the key as a password without example."""
    entry = manifest["connections"][0]
    assert [(i["key"], i["label"], i["type"], i["required"], i["example"]) for i in entry["inputs"]] == [
        ("apiKey", "API Key", "password", True, None),
        ("domain", "Domain", "string", True, "green-garden"),
        ("username", "Username", "string", True, None),
    ]


def test_input_schemas_are_valid_draft_2020_12_without_the_connection(manifest: dict[str, Any]) -> None:
    """Each inputSchema is a valid 2020-12 schema of the non-connection inputs, closed to other keys."""
    for part in ("actions", "dataSources"):
        for item in manifest[part]:
            schema = item["inputSchema"]
            jsonschema.Draft202012Validator.check_schema(schema)
            assert schema["$schema"] == SCHEMA_DIALECT == "https://json-schema.org/draft/2020-12/schema"
            assert (schema["type"], schema["additionalProperties"]) == ("object", False)
            keys = [i["key"] for i in item["inputs"] if i["key"] != "connection"]
            assert list(schema["properties"]) == keys, item["key"]
            assert schema["required"] == [i["key"] for i in item["inputs"] if i["required"] and i["key"] != "connection"]
            assert all(schema["properties"][i["key"]]["title"] == i["label"] for i in item["inputs"]
                       if i["key"] != "connection")


def test_a_code_input_with_a_schema_embeds_it(manifest: dict[str, Any]) -> None:
    """A structured input's schema is inlined without its $schema and $id header."""
    create = next(a for a in manifest["actions"] if a["key"] == "createCustomer")
    channels = create["inputSchema"]["properties"]["channels"]
    assert channels["type"] == "array"
    assert channels["items"]["required"] == ["type", "address"]
    assert "$schema" not in channels and "$id" not in channels
    assert channels["title"] == "Channels"
    assert create["inputSchema"]["required"] == ["channels"]


def test_input_schemas_accept_the_values_the_executor_accepts() -> None:
    """A form filled per the schema (ids as strings or numbers, booleans) is valid input."""
    schema = input_schema(gorgias.action("getCustomer").inputs)
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"id": "42", "debug": True})
    assert validator.is_valid({"id": 42})
    assert not validator.is_valid({"id": "abc"})
    assert not validator.is_valid({"connection": {}, "id": "1"})
    assert not validator.is_valid({})


def example_files() -> dict[str, Path]:
    return {path.stem: path for folder in ("actions", "datasources")
            for path in sorted((REPO / folder / "examples").glob("*.json"))}


@pytest.mark.parametrize("key", sorted(example_files()))
def test_the_example_payload_is_the_shipped_example_document(manifest: dict[str, Any], key: str) -> None:
    """Every action or data source with a documented example shows it as examplePayload."""
    entries = {item["key"]: item for part in ("actions", "dataSources") for item in manifest[part]}
    expected = json.loads(example_files()[key].read_text(encoding="utf-8"))
    assert entries[key]["examplePayload"] == expected


def test_example_payloads_are_wrapped_like_results(manifest: dict[str, Any]) -> None:
    """Action examples are {"data": ...}; data source examples are {"result": [...]}."""
    for item in manifest["actions"]:
        assert item["examplePayload"] is None or list(item["examplePayload"]) == ["data"], item["key"]
    for item in manifest["dataSources"]:
        assert item["examplePayload"] is None or list(item["examplePayload"]) == ["result"], item["key"]


def test_the_manifest_is_json_serialisable_and_stable(manifest: dict[str, Any]) -> None:
    """The manifest survives a JSON round trip and is the same each time it is built."""
    assert json.loads(json.dumps(manifest)) == manifest
    assert gorgias.manifest() == manifest


def test_the_manifest_carries_no_secret_looking_values(manifest: dict[str, Any]) -> None:
    """Passwords have no default or example, and no credential appears anywhere in the text."""
    for entry in every_input(manifest):
        if entry["type"] == "password":
            assert (entry["default"], entry["example"]) == (None, None), entry["key"]
    text = json.dumps(manifest)
    assert not re.search(r"\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}", text)
    assert not re.search(r"(?i)\"(api_?key|client_?secret|access_token|refresh_token|password)\":\s*\"[^\"]+\"", text)
