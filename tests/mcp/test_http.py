"""`component mcp --http PORT` serves streamable HTTP on loopback only, to the SDK's own client."""

from __future__ import annotations

import json
import re
import selectors
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
import requests
from mcp import Client

from tests.mcp.session import COMMAND, SESSION_SECONDS, text_of

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _first_line(process: subprocess.Popen[str], seconds: float) -> str:
    """The server's first stderr line, or a failure once `seconds` have passed without one."""
    assert process.stderr is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if selector.select(timeout=0.1):
                return process.stderr.readline()
    pytest.fail(f"the MCP server printed nothing within {seconds} s")


@pytest.fixture
def served() -> Iterator[str]:
    """The URL of `mcp --sandbox --http 0 --allow-fetch-all`, stopped after the test."""
    process = subprocess.Popen([*COMMAND, "--sandbox", "--http", "0", "--allow-fetch-all"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = _first_line(process, 30)
        match = re.fullmatch(r"MCP server listening on (http://127\.0\.0\.1:[0-9]+/mcp)\n", line)
        assert match, line
        yield match.group(1)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        assert process.stderr is not None
        process.stderr.close()


def test_streamable_http_on_loopback_lists_and_calls_tools(served: str) -> None:
    async def session() -> Any:
        with anyio.fail_after(SESSION_SECONDS):
            async with Client(served, read_timeout_seconds=30) as client:
                listed = await client.list_tools()
                ticket = await client.call_tool("getTicket", {"id": 1})
                everything = await client.call_tool("listTickets", {"fetchAll": True})
                return listed, ticket, everything

    listed, ticket, everything = anyio.run(session)
    assert {"getTicket", "deleteTicket", "selectTicket"} <= {tool.name for tool in listed.tools}
    assert "fetchAll" in next(t for t in listed.tools if t.name == "listTickets").input_schema["properties"]
    assert json.loads(text_of(ticket))["data"]["id"] == 1
    page = json.loads(text_of(everything))["data"]
    assert len(page["data"]) == 300 and page["meta"]["next_cursor"] is None  # every seeded ticket, in one call


def test_a_request_naming_another_host_is_refused(served: str) -> None:
    """DNS rebinding: a web page cannot reach the loopback server under its own host name."""
    answer = requests.post(served, headers={"Host": "attacker.example", "Content-Type": "application/json",
                                            "Accept": "application/json, text/event-stream"},
                           data=json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}), timeout=10)
    assert (answer.status_code, answer.text) == (421, "Invalid Host header")
