"""`component mcp --sandbox` over stdio, driven by the MCP SDK's own client: tools, calls, errors, narrowing."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import pytest
from mcp import Client

from component.mcp.effects import classify
from component.mcp.tools import tools_of
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.mcp.session import over_stdio, text_of

MANIFEST = gorgias.manifest()
EVERY_KEY = [e["key"] for e in [*MANIFEST["actions"], *MANIFEST["dataSources"]]]
FETCH_ALL_REFUSED = ("Input 'fetchAll' is refused by this server: one call must not read every page. Page with "
                     "'cursor' and 'limit' instead, or start the server with --allow-fetch-all.")


def _any_port(value: Any) -> Any:
    return json.loads(re.sub(r"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT", json.dumps(value)))


def _names(listed: Any) -> list[str]:
    assert listed.next_cursor is None
    return [tool.name for tool in listed.tools]


def test_every_action_and_data_source_is_listed_with_its_annotations() -> None:
    async def session(client: Client) -> Any:
        return await client.list_tools()

    listed, _ = over_stdio(["--sandbox"], session)
    tools = {tool.name: tool for tool in listed.tools}
    assert len(listed.tools) == len(MANIFEST["actions"]) + len(MANIFEST["dataSources"])
    assert _names(listed) == EVERY_KEY
    hints = {name: (t.annotations.read_only_hint, t.annotations.destructive_hint, t.annotations.idempotent_hint)
             for name, t in tools.items() if t.annotations is not None}
    assert hints["getTicket"] == (True, False, True)
    assert hints["selectTicket"] == (True, False, True)
    assert hints["search"] == (True, False, True)
    assert hints["createTicket"] == (False, False, False)
    assert hints["updateCustomer"] == (False, False, True)
    assert hints["deleteTicket"] == (False, True, True)
    assert hints["rawRequest"] == (False, True, False)
    for action in MANIFEST["actions"]:
        effect = classify(action["key"])
        assert hints[action["key"]] == (effect.read_only, effect.destructive, effect.idempotent)
    assert tools["getTicket"].input_schema == next(t for t in tools_of(MANIFEST) if t.name == "getTicket").input_schema
    assert tools["getTicket"].title == "Get Ticket"


def test_get_ticket_returns_the_actions_json() -> None:
    """The text is the action's result, the same as the component answers on an identically seeded sandbox."""
    async def session(client: Client) -> Any:
        return await client.call_tool("getTicket", {"id": "2"})

    result, _ = over_stdio(["--sandbox"], session)
    assert not result.is_error
    answer = json.loads(text_of(result))
    with Sandbox() as sandbox, pytest.MonkeyPatch.context() as env:
        env.setenv("GORGIAS_API_BASE_URL", sandbox.base_url)
        direct = gorgias.run_action("getTicket", {"id": "2"}, sandbox.connection())
    assert _any_port(answer) == _any_port(direct)  # attachment URLs name each sandbox's own port
    assert answer["data"]["id"] == 2
    if result.structured_content is not None:  # where the manifest gives an output schema
        assert result.structured_content == answer


def test_bad_input_and_api_errors_are_tool_errors_with_the_components_message() -> None:
    async def session(client: Client) -> Any:
        return [await client.call_tool("getTicket", {"id": "abc"}),
                await client.call_tool("getTicket", {"id": 999999}),
                await client.call_tool("getTicket", {"id": 1, "colour": "red"})]

    (bad, missing, unknown), stderr = over_stdio(["--sandbox"], session)
    assert bad.is_error and missing.is_error and unknown.is_error
    assert text_of(bad) == "Input 'id' (Ticket ID): expected a positive integer id, received \"abc\"."
    assert text_of(missing) == "Gorgias answered 404 Not Found to GET /tickets/999999: Resource not found."
    assert text_of(unknown) == "Unknown input 'colour' for 'getTicket'. Valid inputs: debug, id, relationships."
    assert "Traceback" not in stderr


def test_read_only_hides_and_refuses_writes() -> None:
    async def session(client: Client) -> Any:
        listed = await client.list_tools()
        refused = await client.call_tool("deleteTicket", {"id": 3})
        still_there = await client.call_tool("getTicket", {"id": 3})
        return listed, refused, still_there

    (listed, refused, still_there), _ = over_stdio(["--sandbox", "--read-only"], session)
    names = _names(listed)
    assert "deleteTicket" not in names and "rawRequest" not in names and "createTicket" not in names
    assert {"getTicket", "listTickets", "search", "selectTicket"} <= set(names)
    assert all(tool.annotations is not None and tool.annotations.read_only_hint for tool in listed.tools)
    assert len(names) == sum(classify(a["key"]).read_only for a in MANIFEST["actions"]) + len(MANIFEST["dataSources"])
    assert refused.is_error and text_of(refused) == "Tool 'deleteTicket' is not served: this server is read-only."
    assert not still_there.is_error and json.loads(text_of(still_there))["data"]["id"] == 3


def test_only_narrows_the_tools() -> None:
    async def session(client: Client) -> Any:
        return await client.list_tools(), await client.call_tool("listTickets", {})

    (listed, refused), _ = over_stdio(["--sandbox", "--only", "getTicket", "selectTicket"], session)
    assert _names(listed) == ["getTicket", "selectTicket"]
    assert text_of(refused) == "Tool 'listTickets' is not served: the server was started with --only getTicket selectTicket."


def test_list_tools_return_one_page_and_its_cursor_and_refuse_fetch_all() -> None:
    async def session(client: Client) -> Any:
        first = await client.call_tool("listTickets", {"limit": 2})
        cursor = json.loads(text_of(first))["data"]["meta"]["next_cursor"]
        second = await client.call_tool("listTickets", {"limit": "2", "cursor": cursor})
        refused = await client.call_tool("listTickets", {"fetchAll": True})
        options = await client.call_tool("selectTicket", {})
        cursor = json.loads(text_of(options))["cursor"]
        more = await client.call_tool("selectTicket", {"cursor": cursor, "limit": 5})
        found = await client.call_tool("selectCustomer", {"search": "young"})
        return first, second, refused, options, more, found

    (first, second, refused, options, more, found), _ = over_stdio(["--sandbox"], session)
    one, two = (json.loads(text_of(page))["data"] for page in (first, second))
    assert len(one["data"]) == len(two["data"]) == 2
    assert one["meta"]["next_cursor"] and not {t["id"] for t in one["data"]} & {t["id"] for t in two["data"]}
    assert refused.is_error and text_of(refused) == FETCH_ALL_REFUSED
    assert not options.is_error and options.structured_content == json.loads(text_of(options))
    page, following = options.structured_content, json.loads(text_of(more))
    assert len(page["result"]) == 50 and page["cursor"]  # one page of the sandbox's 300 tickets, by default
    assert len(following["result"]) == 5 and not {o["key"] for o in page["result"]} & {o["key"] for o in following["result"]}
    matches = json.loads(text_of(found))["result"]
    assert matches and all("young" in option["label"].lower() for option in matches)


@pytest.mark.parametrize("api_key", ["mcp-s3cret-key-4242", "wrong-s3cret-key-4242"])
def test_no_secret_reaches_any_result_or_log(tmp_path: Any, api_key: str) -> None:
    """With the right key and with a refused one: debug logs, errors and results never carry it."""
    with Sandbox(api_key="mcp-s3cret-key-4242") as sandbox:
        connection = sandbox.connection()
        connection["fields"]["apiKey"] = api_key
        path = tmp_path / "connection.json"
        path.write_text(json.dumps(connection), encoding="utf-8")

        async def session(client: Client) -> Any:
            return [await client.call_tool("getAccount", {"debug": True}),
                    await client.call_tool("getTicket", {"id": 999999, "debug": "true"}),
                    await client.call_tool("rawRequest", {"method": "GET", "url": "/account", "debugRequest": True}),
                    await client.call_tool("getTicket", {"id": "abc"})]

        results, stderr = over_stdio(["--connection", str(path)], session,
                                     env={"GORGIAS_API_BASE_URL": sandbox.base_url})
    basic = base64.b64encode(f"{connection['fields']['username']}:{api_key}".encode()).decode()
    texts = [text_of(result) for result in results]
    assert (results[0].is_error, results[3].is_error) == (api_key.startswith("wrong"), True)
    assert "GET" in stderr  # the debug lines were written, redacted
    for output in [*texts, stderr]:
        assert api_key not in output and basic not in output
