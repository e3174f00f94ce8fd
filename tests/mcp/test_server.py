"""In process, the SDK's client checks every structured result against its tool's output schema; a mismatch is loud."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from mcp import Client

from component.mcp import Toolset, build_server, classify, tools_of
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.mcp.session import SESSION_SECONDS
from tests.support.on_sandbox import use_sandbox

# A ticket schema written the way the manifest bundles one: the referenced object under $defs.
TICKET = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {"id": {"type": "integer"}, "status": {"enum": ["open", "closed"]},
                   "customer": {"$ref": "#/$defs/customer"}},
    "required": ["id", "status", "customer"],
    "$defs": {"customer": {"type": "object", "properties": {"email": {"type": "string"}}, "required": ["email"]}},
}


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with Sandbox() as server:
        use_sandbox(monkeypatch, server)
        yield server


def serve_with_output_schema(sandbox: Sandbox, schema: dict[str, Any], call: dict[str, Any]) -> Any:
    manifest = copy.deepcopy(gorgias.manifest())
    next(a for a in manifest["actions"] if a["key"] == "getTicket")["outputSchema"] = schema
    tools = {tool.name: tool for tool in tools_of(manifest) if tool.name == "getTicket"}
    server = build_server(Toolset(gorgias, tools).connect(sandbox.connection()), name="gorgias")

    async def session() -> Any:
        with anyio.fail_after(SESSION_SECONDS):
            async with Client(server) as client:
                listed = await client.list_tools()
                try:
                    return listed, await client.call_tool("getTicket", call)
                except RuntimeError as refused:  # the client's own check of the result
                    return listed, refused

    return anyio.run(session)


def test_a_result_is_structured_content_valid_against_the_output_schema(sandbox: Sandbox) -> None:
    listed, result = serve_with_output_schema(sandbox, TICKET, {"id": 4})
    assert listed.tools[0].output_schema["properties"]["data"]["required"] == ["id", "status", "customer"]
    assert not result.is_error
    assert result.structured_content["data"]["id"] == 4
    assert result.structured_content["data"]["customer"]["email"]


def test_an_error_carries_no_structured_content_and_is_not_checked_against_the_schema(sandbox: Sandbox) -> None:
    _, result = serve_with_output_schema(sandbox, TICKET, {"id": 999999})
    assert result.is_error and result.structured_content is None


def test_an_answer_that_breaks_the_schema_is_refused_by_the_client(sandbox: Sandbox) -> None:
    """The client guards the schema: a drift between schema and API cannot pass silently."""
    wrong = {**TICKET, "properties": {**TICKET["properties"], "status": {"enum": ["pending"]}}}
    _, refused = serve_with_output_schema(sandbox, wrong, {"id": 4})
    assert isinstance(refused, RuntimeError)
    assert str(refused).startswith("Invalid structured content returned by tool getTicket: 'closed' is not one of")


def no_input_reads() -> list[str]:
    """Read-only tools that need no input: each can be called with {} on the sandbox."""
    return [tool.name for tool in tools_of(gorgias.manifest())
            if tool.effect.read_only and not tool.input_schema.get("required")]


def test_every_read_that_needs_no_input_answers_structured_content_its_schema_accepts(sandbox: Sandbox) -> None:
    """The manifest's output schemas, their wrapping and the sandbox's answers agree, as the client checks them."""
    tools = {tool.name: tool for tool in tools_of(gorgias.manifest())}
    server = build_server(Toolset(gorgias, tools).connect(sandbox.connection()), name="gorgias")
    names = no_input_reads()

    async def session() -> dict[str, Any]:
        with anyio.fail_after(SESSION_SECONDS):
            async with Client(server) as client:
                await client.list_tools()
                return {name: await client.call_tool(name, {}) for name in names}

    results = anyio.run(session)
    assert {"getAccount", "listTickets", "selectTicket"} <= set(results)
    for name, result in results.items():
        assert not result.is_error, (name, result.content)
        if tools[name].output_schema is not None:
            assert result.structured_content is not None, name


def test_the_server_tells_the_agent_how_ids_and_pages_work_and_what_is_left_out(sandbox: Sandbox) -> None:
    toolset = Toolset.select(gorgias, read_only=True).connect(sandbox.connection())

    async def session() -> Any:
        with anyio.fail_after(SESSION_SECONDS):
            async with Client(build_server(toolset, name="gorgias")) as client:
                return client.instructions

    left_out = len(toolset.refused)
    assert left_out == sum(not classify(a.key).read_only for a in gorgias.actions) > 0
    assert anyio.run(session) == (
        f"Gorgias: {gorgias.description} Tools named select... are picklists: they turn a name into the id other "
        f"tools take. List tools answer one page and a cursor for the next. This server leaves out {left_out} of "
        "the component's tools (read-only or --only).")
