"""`gorgias-component serve --sandbox`, the README's command, starts the host with the sandbox's connections."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from component.host.server import sandbox
from component.host.store import Store
from gorgias_component import gorgias


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_sandbox_starts_and_the_page_works(tmp_path: Path) -> None:
    """The command serves the page, the manifest and two registered sandbox connections that work."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GORGIAS_")}
    process = subprocess.Popen([sys.executable, "-m", "component", "serve", "--sandbox", "--port", str(port),
                                "--database", str(tmp_path / "host.db")], env=environment, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(base + "/api/manifest", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("the host did not start")
        page = httpx.get(base + "/")
        assert page.status_code == 200 and '<script src="/static/app.js"' in page.text
        assert httpx.get(base + "/static/app.js").status_code == 200
        listed = httpx.get(base + "/api/connections").json()["data"]
        assert [(c["key"], c["label"]) for c in listed] == [("apiKey", "Sandbox (Gorgias API Key)"),
                                                           ("oauth2", "Sandbox (Gorgias OAuth 2.0)")]
        ran = httpx.post(base + "/api/actions/listTickets", json={"inputs": {"limit": 2}, "connectionId": listed[0]["id"]})
        assert ran.status_code == 200 and len(ran.json()["data"]["data"]) == 2
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert "sandbox-api-key" not in err and "sandbox-client-secret" not in err
    assert "POST /api/actions/listTickets -> 200" in err


def test_the_sandbox_connections_are_registered_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second start replaces the first run's sandbox connections (new port) instead of adding more."""
    monkeypatch.delenv("GORGIAS_API_BASE_URL", raising=False)
    store = Store.open(str(tmp_path / "host.db"))
    with sandbox(gorgias, store) as first:
        assert os.environ["GORGIAS_API_BASE_URL"].startswith("http://127.0.0.1:")
        url = store.connection("gorgias", first[1])["fields"]["tokenUrl"]
    assert "GORGIAS_API_BASE_URL" not in os.environ
    with sandbox(gorgias, store) as second:
        assert second == first
        assert store.connection("gorgias", second[1])["fields"]["tokenUrl"] != url
    assert len(store.list_connections("gorgias")) == 2
