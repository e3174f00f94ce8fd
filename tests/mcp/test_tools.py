"""Tools derive from the manifest: names, descriptions, schemas, annotations, selection and refusals."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from component import DefinitionError, InputError, UnknownKeyError
from component.mcp.tools import OPTIONS_SCHEMA, PICKLIST_PAGING, Toolset, tools_of
from gorgias_component import gorgias

MANIFEST = gorgias.manifest()


def entry(key: str) -> dict[str, Any]:
    return next(e for e in [*MANIFEST["actions"], *MANIFEST["dataSources"]] if e["key"] == key)


def hinted(key: str) -> dict[str, Any]:
    """The manifest's inputSchema of `key`, each input that names a picklist saying so in its description."""
    schema = copy.deepcopy(entry(key)["inputSchema"])
    for spec in entry(key)["inputs"]:
        if spec["dataSource"] and spec["key"] in schema["properties"]:
            described = schema["properties"][spec["key"]]
            hint = f"Valid values are the option keys of the '{spec['dataSource']}' tool."
            described["description"] = f"{described['description']} {hint}" if "description" in described else hint
    return schema


def test_one_tool_per_action_and_data_source_named_by_its_key() -> None:
    tools = tools_of(MANIFEST)
    assert [t.name for t in tools] == [e["key"] for e in [*MANIFEST["actions"], *MANIFEST["dataSources"]]]
    assert {t.kind for t in tools if t.name.startswith("select")} == {"data source"}


def test_a_tool_is_described_by_its_label_and_description() -> None:
    tools = {t.name: t for t in tools_of(MANIFEST)}
    assert tools["getTicket"].title == "Get Ticket"
    assert tools["getTicket"].description == "Get Ticket: Retrieve a ticket."
    assert tools["listTickets"].description == (
        f"List Tickets: {entry('listTickets')['description']} Returns one page: pass the answer's "
        "meta.next_cursor as 'cursor' for the next one (null on the last page).")
    assert tools["selectTicket"].description == (
        f"Select Ticket: {entry('selectTicket')['description']} Returns one page of options {{key, label}} and the "
        "cursor of the next page (null on the last); a key is the id to give inputs that name this picklist.")


def test_the_input_schema_is_the_manifests_without_connection_and_without_fetch_all() -> None:
    tools = {t.name: t for t in tools_of(MANIFEST)}
    listed = tools["listTickets"].input_schema
    documented = hinted("listTickets")
    assert "connection" not in listed["properties"]
    assert set(documented["properties"]) - set(listed["properties"]) == {"fetchAll"}
    assert tools["getTicket"].input_schema == hinted("getTicket")
    assert "fetchAll" in entry("listTickets")["inputSchema"]["properties"]  # the manifest itself is untouched


def test_fetch_all_is_offered_when_allowed() -> None:
    tools = {t.name: t for t in tools_of(MANIFEST, allow_fetch_all=True)}
    assert tools["listTickets"].input_schema == hinted("listTickets")
    assert tools["listTickets"].pages and not tools["getTicket"].pages


def test_an_input_naming_its_picklist_says_so_in_its_description() -> None:
    manifest = copy.deepcopy(MANIFEST)
    get = next(e for e in manifest["actions"] if e["key"] == "getTicket")
    for spec in get["inputs"]:
        spec["dataSource"] = "selectTicket" if spec["key"] == "id" else None
    tool = next(t for t in tools_of(manifest) if t.name == "getTicket")
    assert tool.input_schema["properties"]["id"]["description"] == (
        "The ID of the ticket. Valid values are the option keys of the 'selectTicket' tool.")
    assert tool.input_schema["properties"]["relationships"] == get["inputSchema"]["properties"]["relationships"]


def test_an_output_schema_describes_the_whole_result_with_its_definitions_at_the_root() -> None:
    manifest = copy.deepcopy(MANIFEST)
    get = next(e for e in manifest["actions"] if e["key"] == "getTicket")
    get["outputSchema"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "ticket.json",
        "type": "object", "properties": {"id": {"type": "integer"}, "customer": {"$ref": "#/$defs/customer"}},
        "required": ["id"], "$defs": {"customer": {"type": "object", "required": ["email"]}},
    }
    schema = next(t for t in tools_of(manifest) if t.name == "getTicket").output_schema
    assert schema == {
        "type": "object", "required": ["data"], "$defs": {"customer": {"type": "object", "required": ["email"]}},
        "properties": {"data": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "integer"}, "customer": {"$ref": "#/$defs/customer"}}}},
    }
    jsonschema.validate({"data": {"id": 1, "customer": {"email": "a@b.c"}}}, schema)
    with pytest.raises(jsonschema.ValidationError, match="'email' is a required property"):
        jsonschema.validate({"data": {"id": 1, "customer": {}}}, schema)


def test_without_an_output_schema_an_action_declares_none_and_a_picklist_declares_its_options() -> None:
    tools = {t.name: t for t in tools_of(MANIFEST)}
    documented = entry("getTicket").get("outputSchema")
    assert (tools["getTicket"].output_schema is None) == (documented is None)
    assert tools["selectTicket"].output_schema == OPTIONS_SCHEMA
    jsonschema.validate({"result": [{"key": "1", "label": "#1 Refund"}], "cursor": None}, OPTIONS_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"result": [{"key": "1", "label": ""}], "cursor": None}, OPTIONS_SCHEMA)


def test_a_picklist_tool_takes_its_inputs_and_the_paging_arguments() -> None:
    tool = next(t for t in tools_of(MANIFEST) if t.name == "selectTicket")
    documented = hinted("selectTicket")
    assert tool.input_schema["properties"] == {**documented["properties"], **PICKLIST_PAGING}
    assert tool.input_schema["required"] == documented["required"]


def test_a_picklist_input_named_like_a_paging_argument_is_a_definition_error() -> None:
    manifest = copy.deepcopy(MANIFEST)
    manifest["dataSources"][0]["inputSchema"]["properties"]["search"] = {"type": "string"}
    with pytest.raises(DefinitionError) as error:
        tools_of(manifest)
    assert str(error.value) == (f"Data source '{manifest['dataSources'][0]['key']}': its input 'search' clashes "
                                "with the paging argument of its MCP tool.")


def test_read_only_keeps_reads_and_picklists_and_says_why_the_rest_is_refused() -> None:
    toolset = Toolset.select(gorgias, read_only=True)
    assert "getTicket" in toolset.tools and "selectTicket" in toolset.tools and "search" in toolset.tools
    assert not {"deleteTicket", "createTicket", "updateCustomer", "rawRequest"} & set(toolset.tools)
    assert all(tool.effect.read_only for tool in toolset.tools.values())
    assert toolset.call("deleteTicket", {"id": 1}).error == "Tool 'deleteTicket' is not served: this server is read-only."


def test_only_narrows_to_the_given_keys() -> None:
    toolset = Toolset.select(gorgias, only=["getTicket", "selectTicket", "getTicket"])
    assert list(toolset.tools) == ["getTicket", "selectTicket"]
    assert toolset.call("listTickets", {}).error == (
        "Tool 'listTickets' is not served: the server was started with --only getTicket selectTicket.")


def test_only_with_an_unknown_key_names_it_and_suggests_the_closest() -> None:
    with pytest.raises(UnknownKeyError) as error:
        Toolset.select(gorgias, only=["getTicket", "getTiket"])
    assert str(error.value) == ("--only: no action or data source 'getTiket' in component 'gorgias'. "
                                "Did you mean 'getTicket'?")


def test_only_a_write_with_read_only_is_a_contradiction() -> None:
    with pytest.raises(InputError) as error:
        Toolset.select(gorgias, read_only=True, only=["deleteTicket"])
    assert str(error.value) == "--only: 'deleteTicket' is not read-only, and --read-only serves only read-only tools."


def test_an_unknown_tool_is_an_error_outcome_with_a_suggestion() -> None:
    assert Toolset.select(gorgias).call("getTickt", {}).error == "Unknown tool 'getTickt'. Did you mean 'getTicket'?"


@pytest.mark.parametrize("value", [True, "true", " TRUE "])
def test_fetch_all_is_refused_before_anything_is_sent(value: Any) -> None:
    """No connection is needed to refuse it: nothing is resolved or sent."""
    outcome = Toolset.select(gorgias).call("listTickets", {"fetchAll": value})
    assert outcome.result is None
    assert outcome.error == (
        "Input 'fetchAll' is refused by this server: one call must not read every page. Page with 'cursor' "
        "and 'limit' instead, or start the server with --allow-fetch-all.")
