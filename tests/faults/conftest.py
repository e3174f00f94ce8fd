"""Fixtures of the fault tests: the component pointed at a sandbox over loopback, with a fresh rate budget."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from component.ratelimit import forget_budgets
from gorgias_component.sandbox import Sandbox

Start = Callable[..., Sandbox]


@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch) -> Iterator[Start]:
    """start(pacing="off", timeout=None, **sandbox_options) serves a sandbox and points the component at it."""
    servers: list[Sandbox] = []
    forget_budgets()  # a port reused from an earlier test must not inherit that test's bucket level

    def serve(pacing: str = "off", timeout: float | None = None, **options: Any) -> Sandbox:
        server = Sandbox(**{"customers": 5, "tickets": 10, **options}).start()
        servers.append(server)
        monkeypatch.setenv("GORGIAS_API_BASE_URL", server.base_url)
        monkeypatch.setenv("GORGIAS_RATE_LIMIT", pacing)
        if timeout is None:
            monkeypatch.delenv("GORGIAS_TIMEOUT", raising=False)
        else:
            monkeypatch.setenv("GORGIAS_TIMEOUT", str(timeout))
        return server

    yield serve
    for server in servers:
        server.stop()
    forget_budgets()


def new_customer(number: int) -> dict[str, Any]:
    """Create Customer inputs for a customer nobody else has."""
    email = f"fault-{number}@example.com"
    return {"email": email, "channels": [{"type": "email", "address": email, "preferred": True}]}
