"""An MCP server over a toolset, on the official SDK's low-level `Server`, served over stdio or streamable HTTP.

The low-level server is used because the tools come from the manifest: their JSON Schemas and
annotations are published as they are, not inferred from Python signatures. Actions are blocking
(one HTTP client, `requests`), so each call runs in a worker thread and the event loop stays free
for other requests.
"""

from __future__ import annotations

import json
import logging
import socket
import sys
from functools import partial
from typing import Any

import anyio
import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server

from component.mcp.tools import Outcome, Tool, Toolset

__all__ = ["build_server", "instructions", "loopback_socket", "serve_http", "serve_stdio"]

log = logging.getLogger("component.mcp")
LOOPBACK = "127.0.0.1"
PATH = "/mcp"


def _annotations(tool: Tool) -> types.ToolAnnotations:
    effect = tool.effect
    return types.ToolAnnotations(
        title=tool.title,
        read_only_hint=effect.read_only,
        destructive_hint=effect.destructive,
        idempotent_hint=effect.idempotent,
        open_world_hint=True,  # every tool talks to a remote API
    )


def _listed(tool: Tool) -> types.Tool:
    return types.Tool(
        name=tool.name,
        title=tool.title,
        description=tool.description,
        input_schema=tool.input_schema,
        output_schema=tool.output_schema,
        annotations=_annotations(tool),
    )


def _result(tool: Tool | None, outcome: Outcome) -> types.CallToolResult:
    if outcome.result is None:
        return types.CallToolResult(content=[types.TextContent(text=outcome.error or "")], is_error=True)
    text = types.TextContent(text=json.dumps(outcome.result, ensure_ascii=False))
    if tool is not None and tool.output_schema is not None:
        return types.CallToolResult(content=[text], structured_content=outcome.result)
    return types.CallToolResult(content=[text])


def build_server(toolset: Toolset, *, name: str, version: str = "") -> Server[Any]:
    """A low-level MCP server that lists the toolset's tools and runs their calls in worker threads.

    The calls run on the toolset's component: a server binds it to its runtime first (`component.using`), as the
    `mcp` command does with the runtime it makes once.
    """
    listed = [_listed(tool) for tool in toolset.tools.values()]

    async def list_tools(ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
                         ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=listed)

    async def call_tool(ctx: ServerRequestContext[Any], params: types.CallToolRequestParams) -> types.CallToolResult:
        try:
            outcome = await anyio.to_thread.run_sync(partial(toolset.call, params.name, params.arguments))
        except Exception as exc:
            # Not a ComponentError: a bug. Its text may hold anything, so only its type is shown.
            log.error("tool %s failed unexpectedly: %s", params.name, type(exc).__name__)
            outcome = Outcome(error=f"Tool '{params.name}' failed unexpectedly ({type(exc).__name__}).")
        return _result(toolset.tools.get(params.name), outcome)

    return Server(name, version=version, instructions=instructions(toolset), on_list_tools=list_tools,
                  on_call_tool=call_tool)


def instructions(toolset: Toolset) -> str:
    """What an agent should know before its first call: the API, how ids and pages work, what is left out."""
    component = toolset.component
    text = (f"{component.label}: {component.description} Tools named select... are picklists: they turn a name "
            "into the id other tools take. List tools answer one page and a cursor for the next.")
    if toolset.refused:
        text += f" This server leaves out {len(toolset.refused)} of the component's tools (read-only or --only)."
    return text


def serve_stdio(server: Server[Any]) -> None:
    """Serve MCP on standard input and output until the client closes them."""
    from mcp.server.stdio import stdio_server

    async def main() -> None:
        # stdio_server points file descriptor 1 at stderr while serving: stray output never corrupts the wire.
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())

    anyio.run(main)


def loopback_socket(port: int) -> socket.socket:
    """A listening TCP socket on 127.0.0.1:`port` (0: any free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
        sock.listen(128)  # clients that connect before the server starts wait in the backlog
    except OSError:
        sock.close()
        raise
    return sock


def serve_http(server: Server[Any], sock: socket.socket) -> None:
    """Serve MCP over streamable HTTP at http://127.0.0.1:PORT/mcp on `sock` until interrupted."""
    import uvicorn

    app = server.streamable_http_app(streamable_http_path=PATH, host=LOOPBACK)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    port = sock.getsockname()[1]
    print(f"MCP server listening on http://{LOOPBACK}:{port}{PATH}", file=sys.stderr, flush=True)
    uvicorn.Server(config).run(sockets=[sock])
