"""Benchmark 7: `getTicket` as an MCP tool over stdio (SDK client, server subprocess) against `run_action` in process."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from anyio.from_thread import start_blocking_portal

from benchmarks.common import BASE_URL_ENV, RATE_LIMIT_ENV, Row, env, interleaved, repeat
from gorgias_component.sandbox import Sandbox

NAME = "mcp"


def run(quick: bool) -> list[Row]:
    from mcp import Client, StdioServerParameters
    from mcp.client.stdio import stdio_client

    rounds, calls = (4, 10) if quick else (20, 50)
    with Sandbox(customers=20, tickets=50, rate_limit=(1_000_000, 20.0)) as sb, \
            env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: "off"}), \
            tempfile.TemporaryDirectory() as folder, open(os.devnull, "w") as quiet, \
            start_blocking_portal() as portal:
        from gorgias_component import gorgias

        path = Path(folder) / "connection.json"
        connection = sb.connection()
        path.write_text(json.dumps(connection), encoding="utf-8")
        server = StdioServerParameters(command=sys.executable,
                                       args=["-m", "component", "mcp", "--connection", str(path)],
                                       env={BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: "off"})
        inputs = {"id": "1"}
        with portal.wrap_async_context_manager(Client(stdio_client(server, errlog=quiet))) as client:

            def over_mcp() -> None:
                result = portal.call(client.call_tool, "getTicket", inputs)
                if result.is_error:
                    raise RuntimeError(f"getTicket over MCP failed: {result.content}")

            sides = {
                "mcp": repeat(over_mcp),
                "direct": repeat(lambda: gorgias.run_action("getTicket", inputs, connection)),
            }
            medians = {name: seconds * 1e6 for name, seconds in
                       interleaved(sides, rounds=rounds, calls=calls, warmup=calls).items()}
    direct = medians["direct"]
    return [
        Row(NAME, "getTicket over stdio vs run_action", medians["mcp"], direct, "us/call", "-",
            f"+{medians['mcp'] - direct:.0f} us/call: JSON-RPC over two pipes and a worker thread"),
    ]
