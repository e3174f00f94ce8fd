"""The manifest keys a designer wires steps with: resource, outputSchema and every input's dataSource.

Output schemas are checked against the documented example payloads here, and against the sandbox's
answers by the end-to-end tests (each result there is validated against its action's outputSchema).
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
RESOURCES = {"Tickets", "Messages", "Customers", "Tags", "Users", "Teams", "Views", "Macros", "Rules",
             "Custom Fields", "Integrations", "Widgets", "Jobs", "Satisfaction Surveys", "Account", "Files",
             "Statistics", "Voice", "Search", "Raw Request"}
EXAMPLES = sorted((ROOT / "actions" / "examples").glob("*.json"))


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=_format_checker())


def test_every_action_has_a_menu_group_from_the_list() -> None:
    """resource is one of the designer's menu groups, for every action."""
    assert {key: entry["resource"] for key, entry in ACTIONS.items() if entry["resource"] not in RESOURCES} == {}


@pytest.mark.parametrize("key", sorted(ACTIONS))
def test_the_output_schema_is_a_self_contained_draft_2020_12_schema(key: str) -> None:
    """outputSchema is valid 2020-12, with every reference resolved inside the document."""
    schema = ACTIONS[key]["outputSchema"]
    assert isinstance(schema, dict), key
    Draft202012Validator.check_schema(schema)
    text = json.dumps(schema)
    assert '.json"' not in text.replace(schema.get("$id", "-"), ""), "a reference to another file is left"
    validator(schema).is_valid(None)  # every $ref resolves, or this raises


def test_list_actions_answer_the_list_envelope_of_their_object() -> None:
    """A paginated list action's data is {"object", "uri", "data": [...], "meta": {...cursors}}."""
    for action in gorgias.actions:
        if action.stream is not None:
            schema = ACTIONS[action.key]["outputSchema"]
            assert schema["properties"]["data"]["type"] == "array", action.key
            assert set(schema["properties"]["meta"]["properties"]) == {"prev_cursor", "next_cursor"}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_documented_example_fits_the_output_schema(path: Path) -> None:
    """The documentation's example output of an action is valid against its outputSchema."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(ACTIONS[path.stem]["outputSchema"])
              .iter_errors(data)]
    assert errors == []


def test_the_output_schema_refuses_a_wrong_shape() -> None:
    """The schemas are not vacuous: a ticket without an id, or with a text id, is refused."""
    ticket = validator(ACTIONS["getTicket"]["outputSchema"])
    assert not ticket.is_valid({"subject": "no id"})
    assert not ticket.is_valid({"id": "12"})
    assert not ticket.is_valid({"id": 1, "tags": [{"id": "x"}]})  # the bundled tag schema applies
    tags = validator(ACTIONS["listTags"]["outputSchema"])
    assert tags.is_valid({"object": "list", "data": [{"id": 1, "name": "vip"}], "meta": {"next_cursor": None}})
    assert not tags.is_valid({"data": [{"name": "no id"}]})
    assert not validator(ACTIONS["getEvent"]["outputSchema"]).is_valid(
        {"id": 1, "created_datetime": "yesterday"})


def test_every_data_source_an_input_names_is_registered() -> None:
    """An input's dataSource is the key of a registered picklist, or null."""
    registered = {source["key"] for source in MANIFEST["dataSources"]}
    named = {(entry["key"], i["key"]): i["dataSource"] for part in ("actions", "dataSources")
             for entry in MANIFEST[part] for i in entry["inputs"]}
    assert {where: key for where, key in named.items() if key is not None and key not in registered} == {}


def test_ids_of_picked_objects_name_their_picklist() -> None:
    """Ticket, customer, message and tag ids point at their picklists wherever they are inputs."""
    def source(action: str, key: str) -> Any:
        return next(i["dataSource"] for i in ACTIONS[action]["inputs"] if i["key"] == key)

    assert source("getTicket", "id") == "selectTicket"
    assert source("createTicketMessage", "ticket_id") == "selectTicket"
    assert source("listTickets", "customer_id") == "selectCustomer"
    assert source("getTicketMessage", "id") == "selectMessage"
    assert source("mergeTags", "source_tags_ids") == "selectTag"
    assert source("getEvent", "id") == "selectEvent"
    assert source("createTicket", "subject") is None


DOCUMENTED = {"createCustomer", "createTicket", "createTicketMessage", "deleteCustomer", "deleteTicket",
              "deleteTicketCustomField", "downloadFile", "getAccount", "getCustomer", "getEvent", "getTicket",
              "getTicketMessage", "listCustomers", "listEvents", "listMessages", "listTicketCustomFields",
              "listTickets", "rawRequest", "search", "updateCustomer"}


@pytest.mark.parametrize("action", [a for a in gorgias.actions if a.key not in DOCUMENTED], ids=lambda a: a.key)
def test_every_required_input_has_an_example_that_passes(action: Any) -> None:
    """Beyond the documented actions (whose examples are the documentation's), required inputs have examples."""
    required = {spec.key: spec.example for spec in action.inputs.specs if spec.required}
    assert [key for key, example in required.items() if example is None] == []
    action.inputs.parse(required)
