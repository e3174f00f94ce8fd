"""A running host (uvicorn on a loopback port, in a thread) over the bundled sandbox, and a real HTTP client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from component.host.server import RunningHost
from component.host.store import Store
from component.ratelimit import forget_budgets
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.support.on_sandbox import use_sandbox

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=60, tickets=40) as server:
        yield server


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    return Store.open(str(tmp_path / "host.db"))


@pytest.fixture
def running(sandbox: Sandbox, store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningHost]:
    use_sandbox(monkeypatch, sandbox)
    forget_budgets()
    with RunningHost(gorgias, store) as host:
        yield host


@pytest.fixture
def client(running: RunningHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=running.url, timeout=30) as http:
        yield http


@pytest.fixture
def api_key_id(client: httpx.Client, sandbox: Sandbox) -> str:
    """A stored API-key connection to the sandbox."""
    answer = client.post("/api/connections", json={**sandbox.connection(), "label": "Sandbox key"})
    assert answer.status_code == 201, answer.text
    identifier: str = answer.json()["id"]
    return identifier


def oauth_fields(sandbox: Sandbox) -> dict[str, Any]:
    """The sandbox's OAuth app as connection fields."""
    fields: dict[str, Any] = sandbox.oauth_connection({})["fields"]
    return fields
