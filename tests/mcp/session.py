"""Run the SDK's own MCP client against `python -m component mcp ...` spawned over stdio, every step time-bounded."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import anyio
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

T = TypeVar("T")
COMMAND = [sys.executable, "-m", "component", "mcp"]
SESSION_SECONDS = 60  # spawn, handshake and every call of one test; a hang fails the test instead of the suite


def over_stdio(args: list[str], session: Callable[[Client], Awaitable[T]], *,
               env: Mapping[str, str] | None = None) -> tuple[T, str]:
    """Spawn the MCP server with `args`, run `session` with a connected client; its value and the server's stderr."""
    params = StdioServerParameters(command=COMMAND[0], args=[*COMMAND[1:], *args],
                                   env={"GORGIAS_RATE_LIMIT": "off", **(env or {})})
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errlog:

        async def main() -> T:
            with anyio.fail_after(SESSION_SECONDS):
                async with Client(stdio_client(params, errlog=errlog), read_timeout_seconds=30) as client:
                    return await session(client)

        result = anyio.run(main)
        errlog.seek(0)
        return result, errlog.read()


def text_of(result: Any) -> str:
    """The one text block of a tool result."""
    assert len(result.content) == 1 and result.content[0].type == "text"
    return str(result.content[0].text)
