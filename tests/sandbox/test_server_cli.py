"""Server lifecycle, routing errors, stats, seeding and the command line."""

from __future__ import annotations

import json
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from component.connection_file import write_json_atomically
from gorgias_component.sandbox import Sandbox
from gorgias_component.sandbox.cli import build_parser, main, parse_rate_limit


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


def _serve(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the sandbox command until it has printed its base URL, stop it; (status, stdout, stderr)."""
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(main(list(argv), stop_event=stop)))
    thread.start()
    out = err = ""
    deadline = time.monotonic() + 10
    while "GORGIAS_API_BASE_URL=" not in err and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
        captured = capsys.readouterr()
        out, err = out + captured.out, err + captured.err
    stop.set()
    thread.join(5)
    captured = capsys.readouterr()
    return result[0], out + captured.out, err + captured.err


def test_cli_prints_only_the_connection_on_stdout_and_the_base_url_on_stderr(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Standard output is exactly the connection JSON, so `sandbox > conn.json` is a connection file."""
    status, out, err = _serve(capsys, "--port", "0", "--tickets", "3")
    assert status == 0
    assert json.loads(out) == {"key": "apiKey", "fields": {"domain": "sandbox", "username": "demo@sandbox.gorgias.local",
                                                           "apiKey": "sandbox-api-key"}}
    assert re.search(r"^GORGIAS_API_BASE_URL=http://127\.0\.0\.1:\d+/api$", err, re.MULTILINE)


def test_cli_writes_the_api_key_and_oauth_connection_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--write-connection and --write-oauth-connection write usable connection files, readable by the owner only."""
    key_file, oauth_file = tmp_path / "sandbox.json", tmp_path / "oauth.json"
    status, out, err = _serve(capsys, "--port", "0", "--tickets", "3", "--write-connection", str(key_file),
                              "--write-oauth-connection", str(oauth_file))
    assert status == 0
    assert json.loads(key_file.read_text(encoding="utf-8")) == json.loads(out)
    oauth = json.loads(oauth_file.read_text(encoding="utf-8"))
    origin = re.search(r"GORGIAS_API_BASE_URL=(http://\S+)/api", err)
    assert origin is not None
    assert oauth["key"] == "oauth2"
    assert oauth["fields"] == {"domain": "sandbox", "clientId": "sandbox-client-id",
                               "clientSecret": "sandbox-client-secret", "scopes": oauth["fields"]["scopes"],
                               "authorizeUrl": origin[1] + "/oauth/authorize", "tokenUrl": origin[1] + "/oauth/token"}
    assert set(oauth["token"]) >= {"access_token", "refresh_token"}
    for path in (key_file, oauth_file):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_oauth_connection_file_works_with_the_oauth_commands(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The written OAuth client authorizes through `oauth authorize-url` against a running sandbox."""
    from component.cli import main as cli

    oauth_file = tmp_path / "oauth.json"
    with Sandbox(tickets=1) as sb:
        write_json_atomically(oauth_file, sb.oauth_connection())
        monkeypatch.setenv("GORGIAS_API_BASE_URL", sb.base_url)
        assert cli(["oauth", "authorize-url", "--connection", str(oauth_file),
                    "--redirect-uri", "http://127.0.0.1:9/callback"]) == 0
        url = json.loads(capsys.readouterr().out)["url"]
        assert url.startswith(sb.origin + "/oauth/authorize?")
        assert requests.get(url, allow_redirects=False, timeout=10).status_code == 302


def test_a_busy_port_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A port another server holds gives one error line naming it, not a traceback."""
    with Sandbox(tickets=1) as other:
        status = main(["--port", str(other.port), "--tickets", "1"])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert err == f"error: cannot listen on 127.0.0.1:{other.port}: Address already in use\n"


def test_an_unwritable_connection_file_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    """A connection file in a missing directory is refused before anything is printed."""
    target = tmp_path / "missing" / "conn.json"
    status = main(["--port", "0", "--tickets", "1", "--write-connection", str(target)])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert err == f"error: cannot write the connection file {target}: No such file or directory\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "99999"], "argument --port: expected a TCP port from 0 to 65535, got '99999'"),
        (["--port", "-1"], "argument --port: expected a TCP port from 0 to 65535, got '-1'"),
        (["--fault-rate", "-0.1"], "argument --fault-rate: expected a share from 0 to 1, such as 0.05, got '-0.1'"),
        (["--fault-rate", "2"], "argument --fault-rate: expected a share from 0 to 1, such as 0.05, got '2'"),
        (["--latency-ms", "-5"], "argument --latency-ms: expected milliseconds from 0 to 60,000, got '-5'"),
        (["--latency-ms", "nan"], "argument --latency-ms: expected milliseconds from 0 to 60,000, got 'nan'"),
        (["--latency-ms", "1e12"], "argument --latency-ms: expected milliseconds from 0 to 60,000, got '1e12'"),
        (["--tickets", "-1"], "argument --tickets: expected a whole number from 0 to 100,000, got '-1'"),
        (["--tickets", "1000000000"],
         "argument --tickets: expected a whole number from 0 to 100,000, got '1000000000'"),
        (["--customers", "-3"], "argument --customers: expected a whole number from 0 to 100,000, got '-3'"),
        (["--rate-limit", "40/inf"], "argument --rate-limit: expected CALLS/SECONDS like 40/20, got '40/inf'"),
    ],
)
def test_impossible_options_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str],
                                                    message: str) -> None:
    """Negative or absurd numbers are refused by the parser: one line, exit status 2, nothing served."""
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert capsys.readouterr() == ("", f"error: {message} (see gorgias-component sandbox --help)\n")


def test_help_names_the_command_and_gives_every_option_a_help_and_default(capsys: pytest.CaptureFixture[str]) -> None:
    """`gorgias-component sandbox --help` shows that name; every option has a help text and its default."""
    from component.cli import main as cli

    with pytest.raises(SystemExit):
        cli(["sandbox", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: gorgias-component sandbox ")
    options = [a for a in build_parser()._actions if a.option_strings and a.dest != "help"]
    assert len(options) == 10
    for action in options:
        assert action.help, action.dest
    text = " ".join(out.split())
    for expected in ("(default: 127.0.0.1)", "(default: 8765)", "(default: 300)", "(default: 40)", "(default: 1)",
                     "(default: 0.0)", "(default: none)"):
        assert expected in text
    assert text.count("(default: ") == len(options)


def test_python_dash_m_sandbox_serves_until_ctrl_c() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "gorgias_component.sandbox", "--port", "0", "--tickets", "3",
                             "--rate-limit", "40/20"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    try:
        assert proc.stderr is not None
        line = ""
        while not line.startswith("GORGIAS_API_BASE_URL="):
            line = proc.stderr.readline()
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
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
