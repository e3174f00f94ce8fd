"""The Gorgias component: its connections, 20 actions and 4 picklists, ready for a host.

Hosts discover it through the `component.components` entry point named `gorgias`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from component import Component
from component.inputs import InputSpec, Kind
from gorgias_component.actions import ACTIONS
from gorgias_component.actions.triggers import TRIGGERS
from gorgias_component.connections import CONNECTIONS
from gorgias_component.connections.check import check_summary, explain_check_failure, refusal_hint
from gorgias_component.connections.domain import BASE_URL_ENV
from gorgias_component.datasources import DATA_SOURCES

__all__ = ["gorgias"]


@contextmanager
def _sandbox() -> Iterator[tuple[dict[str, Any], dict[str, str]]]:
    """The bundled Gorgias-compatible sandbox, seeded with demo data, on a free loopback port."""
    from gorgias_component.sandbox import Sandbox  # only the CLI's --sandbox needs it

    with Sandbox() as server:
        yield server.connection(), {BASE_URL_ENV: server.base_url}


@contextmanager
def _sandbox_connections() -> Iterator[tuple[list[dict[str, Any]], dict[str, str]]]:
    """The sandbox's API-key connection and its OAuth app (no token: a host authorizes it through its flow)."""
    from gorgias_component.sandbox import Sandbox  # only `serve --sandbox` needs it

    with Sandbox() as server:
        oauth = {k: v for k, v in server.oauth_connection({}).items() if k != "token"}
        yield [server.connection(), oauth], {BASE_URL_ENV: server.base_url}


def _serve_sandbox(argv: list[str]) -> int:
    from gorgias_component.sandbox.cli import main  # only the sandbox command needs it

    return main(argv)


gorgias = Component(
    key="gorgias",
    label="Gorgias",
    description=(
        "Gorgias is a customer support platform designed to help e-commerce businesses manage customer "
        "inquiries and support tickets efficiently."
    ),
    connections=CONNECTIONS,
    actions=ACTIONS,
    data_sources=DATA_SOURCES,
    triggers=TRIGGERS,
    connection_input=InputSpec(
        "connection", "Connection", Kind("connection", lambda value: value, {"type": "object"}), required=True,
        comments="Select the Gorgias connection type for this request: OAuth2 or API Key.",
    ),
    check_action="getAccount",
    sandbox=_sandbox,
    serve_sandbox=_serve_sandbox,
    sandbox_connections=_sandbox_connections,
    explain_check_failure=explain_check_failure,
    refusal_hint=refusal_hint,
    check_summary=check_summary,
)
