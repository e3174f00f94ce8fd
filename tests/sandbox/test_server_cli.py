"""Server lifecycle, routing errors, stats, seeding and the command line."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from gorgias_component.sandbox import Sandbox
from gorgias_component.sandbox.cli import main, parse_rate_limit


def test_context_manager_serves_then_stops(sb: Sandbox) -> None:
    assert sb.base_url == f"http://127.0.0.1:{sb.port}/api"
    assert sb.port > 0
    other = Sandbox(tickets=1).start()
    assert requests.get(other.origin + "/api/account", auth=(other.username, other.api_key)).status_code == 200
    other.stop()
    other.stop()  # idempotent
    with pytest.raises(requests.ConnectionError):
        requests.get(other.origin + "/api/account", timeout=2)


def test_stop_closes_idle_keep_alive_connections() -> None:
    sb = Sandbox(tickets=1).start()
    with requests.Session() as session:
        session.auth = (sb.username, sb.api_key)
        assert session.get(sb.base_url + "/account").status_code == 200
        sb.stop()
        with pytest.raises(requests.ConnectionError):
            session.get(sb.base_url + "/account", timeout=2)


def test_unknown_route_is_404_and_wrong_method_is_405(sb: Sandbox, api: requests.Session) -> None:
    missing = api.get(f"{sb.base_url}/nothing-here")
    assert (missing.status_code, missing.json()) == (404, {"error": {"msg": "Resource not found."}})
    wrong = api.patch(f"{sb.base_url}/customers/1", json={})
    assert wrong.status_code == 405
    assert "PUT" in wrong.headers["Allow"]


def test_bad_json_body_is_400(sb: Sandbox, api: requests.Session) -> None:
    response = api.post(f"{sb.base_url}/customers", data=b"{not json",
                        headers={"Content-Type": "application/json"})
    assert (response.status_code, response.json()) == (400, {"error": {"msg": "Invalid JSON body."}})
    assert api.post(f"{sb.base_url}/customers", json=[1, 2]).status_code == 400


def test_stats_count_requests_per_route_and_reset(sb: Sandbox, api: requests.Session) -> None:
    api.get(f"{sb.base_url}/customers/1")
    api.get(f"{sb.base_url}/customers/2")
    api.post(f"{sb.base_url}/customers", json={"email": "st@example.com"})
    assert sb.stats.received[("GET", "/api/customers/{id}")] == 2
    assert sb.stats.processed[("POST", "/api/customers")] == 1
    assert sb.stats.requests == 3
    assert sb.stats.snapshot()["statuses"] == {200: 2, 201: 1}
    sb.reset_stats()
    assert sb.stats.requests == 0 and not sb.stats.received


def test_connection_dicts_match_the_component_inputs(sb: Sandbox) -> None:
    assert sb.connection() == {"key": "apiKey", "fields": {"domain": "sandbox", "username": sb.username,
                                                           "apiKey": sb.api_key}}


def test_seed_is_deterministic_and_sized_by_options() -> None:
    first, second = Sandbox(customers=12, tickets=50, seed=3), Sandbox(customers=12, tickets=50, seed=3)
    other = Sandbox(customers=12, tickets=50, seed=4)
    try:
        assert len(first.store.customers) == 12 and len(first.store.tickets) == 50
        assert [c.email for c in first.store.customers.values()] == [c.email for c in second.store.customers.values()]
        assert [t.subject for t in first.store.tickets.values()] == [t.subject for t in second.store.tickets.values()]
        assert [c.email for c in first.store.customers.values()] != [c.email for c in other.store.customers.values()]
        assert all(1 <= len(t.message_ids) <= 4 for t in first.store.tickets.values())
        assert len(first.store.users) == 10 and len(first.store.teams) == 3 and len(first.store.tags) == 10
    finally:
        for sandbox in (first, second, other):
            sandbox.stop()


def test_rate_limit_option_parses_calls_per_window() -> None:
    assert parse_rate_limit("40/20") == (40, 20.0)
    assert parse_rate_limit("80/10.5") == (80, 10.5)


def test_cli_prints_the_connection_and_base_url(capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(main(["--port", "0", "--tickets", "3"], stop_event=stop)))
    thread.start()
    out, deadline = "", time.monotonic() + 5
    while "GORGIAS_API_BASE_URL=" not in out and time.monotonic() < deadline:
        time.sleep(0.02)
        out += capsys.readouterr().out
    stop.set()
    thread.join(5)
    assert result == [0]
    assert '"apiKey": "sandbox-api-key"' in out
    assert re.search(r"^GORGIAS_API_BASE_URL=http://127\.0\.0\.1:\d+/api$", out, re.MULTILINE)


def test_python_dash_m_sandbox_serves_until_ctrl_c() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "gorgias_component.sandbox", "--port", "0", "--tickets", "3",
                             "--rate-limit", "40/20"],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert proc.stdout is not None
        line = ""
        while not line.startswith("GORGIAS_API_BASE_URL="):
            line = proc.stdout.readline()
            assert line, "the sandbox exited early"
        base_url = line.strip().split("=", 1)[1]
        response = requests.get(base_url + "/account", auth=("demo@sandbox.gorgias.local", "sandbox-api-key"))
        assert response.headers["X-Gorgias-Account-Api-Call-Limit"] == "1/40"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=5) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
