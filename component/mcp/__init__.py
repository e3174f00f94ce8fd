"""Serve a component's actions and data sources as Model Context Protocol tools for AI agents.

Importing this package imports the `mcp` SDK; the command line imports it only for `mcp`, so no
other command pays for it.
"""

from component.mcp.effects import Effect, classify
from component.mcp.server import build_server, loopback_socket, serve_http, serve_stdio
from component.mcp.tools import Outcome, Tool, Toolset, tools_of

__all__ = [
    "Effect",
    "Outcome",
    "Tool",
    "Toolset",
    "build_server",
    "classify",
    "loopback_socket",
    "serve_http",
    "serve_stdio",
    "tools_of",
]
