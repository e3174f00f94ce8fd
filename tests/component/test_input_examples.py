"""Every input has a usable example: the JSON Schema's `examples` are valid JSON for the input's schema.

The manifest's `example` of an input stays as documented (a string, JavaScript in one case); the input's
JSON Schema carries a JSON value a host or person can use as is, and required code inputs the
documentation gives no example for get one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.support.on_sandbox import use_sandbox
from tests.test_manifest_doc import DOCUMENTED as DOCUMENTED_SECTIONS

MANIFEST = gorgias.manifest()
ENTRIES = [entry for kind in ("actions", "dataSources") for entry in MANIFEST[kind]]
DOCUMENTED = {key for (kind, key) in DOCUMENTED_SECTIONS if kind == "action"}
PROPERTIES = [(entry["key"], key, prop) for entry in ENTRIES for key, prop in entry["inputSchema"]["properties"].items()]


def schema_example(action: str, key: str) -> Any:
    entry = next(entry for entry in MANIFEST["actions"] if entry["key"] == action)
    (example,) = entry["inputSchema"]["properties"][key]["examples"]
    return example


@pytest.mark.parametrize(("entry", "key", "prop"), PROPERTIES, ids=[f"{e}.{k}" for e, k, _ in PROPERTIES])
def test_every_schema_example_is_valid_for_its_input(entry: str, key: str, prop: dict[str, Any]) -> None:
    """An example in an input's JSON Schema validates against that schema ("true" is true, a tag is a list)."""
    for example in prop.get("examples", []):
        errors = [error.message for error in Draft202012Validator(prop).iter_errors(example)]
        assert errors == [], f"{entry}.{key}: {example!r}"


@pytest.mark.parametrize(("action", "key"), [("createTicket", "messages"), ("createCustomer", "channels"),
                                              ("createTicketMessage", "source")])
def test_required_code_inputs_without_a_documented_example_get_a_json_one(action: str, key: str) -> None:
    """The three required code inputs the documentation shows no example for have one in their schema."""
    entry = next(entry for entry in MANIFEST["actions"] if entry["key"] == action)
    documented = next(spec for spec in entry["inputs"] if spec["key"] == key)
    assert (documented["type"], documented["required"], documented["example"]) == ("code", True, None)
    assert isinstance(schema_example(action, key), dict | list)


def test_every_required_code_input_has_an_example() -> None:
    """No required code input is left without an example in its schema."""
    for entry in ENTRIES:
        for spec in entry["inputs"]:
            if spec["type"] == "code" and spec["required"]:
                assert entry["inputSchema"]["properties"][spec["key"]].get("examples"), f"{entry['key']}.{spec['key']}"


def test_raw_request_form_data_keeps_its_documented_example_and_gets_a_json_one() -> None:
    """formData's documented example is JavaScript: kept in `example`, replaced by JSON in the schema."""
    raw = next(entry for entry in MANIFEST["actions"] if entry["key"] == "rawRequest")
    documented = {spec["key"]: spec["example"] for spec in raw["inputs"]}
    assert documented["formData"] == '[{"key": "Example Key", "value": new Buffer("Hello World")}]'
    assert schema_example("rawRequest", "formData") == [{"key": "Example Key", "value": "Hello World"}]
    assert schema_example("rawRequest", "fileData") == [{"key": "example.txt", "value": "My File Contents"}]
    assert schema_example("rawRequest", "headers") == [{"key": "User-Agent", "value": "curl/7.64.1"}]


def test_every_documented_action_has_a_data_example_payload() -> None:
    """examplePayload is {"data": ...} for the 20 documented actions, Raw Request included (GET of /tickets)."""
    documented = [entry for entry in MANIFEST["actions"] if entry["key"] in DOCUMENTED]
    assert len(documented) == 20
    for entry in documented:
        assert isinstance(entry["examplePayload"], dict) and list(entry["examplePayload"]) == ["data"], entry["key"]
    raw = next(entry for entry in MANIFEST["actions"] if entry["key"] == "rawRequest")
    tickets = next(entry for entry in MANIFEST["actions"] if entry["key"] == "listTickets")
    assert raw["examplePayload"] == tickets["examplePayload"]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=3, tickets=2) as server:
        yield server


def test_the_examples_are_accepted_by_the_sandbox(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Creating a customer, a ticket and a message from the schema examples works end to end."""
    connection = use_sandbox(monkeypatch, sandbox)
    customer = gorgias.run_action("createCustomer", {"channels": schema_example("createCustomer", "channels"),
                                                     "email": "example-check@example.com"}, connection)["data"]
    assert {"type": "email", "address": "john@example.com"}.items() <= next(
        channel for channel in customer["channels"] if channel["address"] == "john@example.com").items()
    ticket = gorgias.run_action("createTicket", {"messages": schema_example("createTicket", "messages")},
                                connection)["data"]
    assert ticket["messages"][0]["body_text"] == "Where is my order?"
    message = gorgias.run_action("createTicketMessage", {
        "ticket_id": ticket["id"], "channel": "email", "via": "api", "from_agent": "true",
        "source": schema_example("createTicketMessage", "source"), "body_text": "On its way.",
        "sender": {"email": "support@acme.com"},
    }, connection)["data"]
    assert message["source"]["to"] == [{"name": "John Smith", "address": "john@example.com"}]
