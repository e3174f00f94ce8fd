"""The README's MCP client configuration works as written, with its connection path pointed at the sandbox."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import anyio
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from gorgias_component.sandbox import Sandbox
from tests.mcp.session import SESSION_SECONDS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_readme_configuration_starts_a_read_only_stdio_server(tmp_path: Path) -> None:
    block = next(b for b in re.findall(r"```json\n(.*?)```", README, re.S) if "mcpServers" in b)
    server = json.loads(block)["mcpServers"]["gorgias"]
    assert server["command"] == "gorgias-component"
    args = list(server["args"])
    connection_path = tmp_path / "conn.json"
    args[args.index("--connection") + 1] = str(connection_path)
    command = Path(sys.executable).parent / server["command"]  # the console script installed beside python

    with Sandbox() as sandbox:
        connection_path.write_text(json.dumps(sandbox.connection()), encoding="utf-8")

        async def session() -> Any:
            params = StdioServerParameters(command=str(command), args=args,
                                           env={"GORGIAS_API_BASE_URL": sandbox.base_url})
            with anyio.fail_after(SESSION_SECONDS), (tmp_path / "stderr").open("w") as errlog:
                async with Client(stdio_client(params, errlog=errlog), read_timeout_seconds=30) as client:
                    return await client.list_tools(), await client.call_tool("getAccount", {})

        listed, account = anyio.run(session)
    assert "getTicket" in {tool.name for tool in listed.tools}
    assert all(tool.annotations is not None and tool.annotations.read_only_hint for tool in listed.tools)
    assert not account.is_error and json.loads(account.content[0].text)["data"]["domain"] == "sandbox"
