"""The whole OAuth flow through the command line against the sandbox, with no secret in any output."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from component.cli import main
from gorgias_component.sandbox import Sandbox

REDIRECT = "http://127.0.0.1:9/callback"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _write(path: Path, connection: dict[str, Any]) -> Path:
    path.write_text(json.dumps(connection), encoding="utf-8")
    return path


def _authorize(capsys: pytest.CaptureFixture[str], file: Path) -> tuple[str, dict[str, str]]:
    status, out, err = _cli(capsys, "oauth", "authorize-url", "--connection", str(file), "--redirect-uri", REDIRECT)
    assert (status, err) == (0, "")
    shown = json.loads(out)
    answer = requests.get(shown["url"], allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    query = parse_qs(urlsplit(answer.headers["Location"]).query)
    assert query["state"] == [shown["state"]]
    return query["code"][0], shown


def test_authorize_exchange_call_and_refresh_through_the_cli_leave_no_secret_in_any_output(
        sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    connection = sb.oauth_connection()
    del connection["token"]
    file = _write(tmp_path / "gorgias.json", connection)
    outputs: list[str] = []
    with caplog.at_level(logging.DEBUG):
        code, shown = _authorize(capsys, file)
        assert set(shown) == {"url", "state", "nonce"}
        status, out, err = _cli(capsys, "oauth", "exchange", "--connection", str(file), f"--code={code}",
                                "--redirect-uri", REDIRECT, "--nonce", shown["nonce"])
        outputs += [out, err]
        assert (status, err) == (0, "")
        stored = json.loads(file.read_text(encoding="utf-8"))
        first = stored["token"]
        assert json.loads(out) == {"stored": str(file), "expires_at": first["expires_at"], "scope": first["scope"]}
        assert stored["fields"] == connection["fields"]
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert sb.oauth.verify(first["access_token"]) is not None

        status, out, err = _cli(capsys, "run", "getAccount", "--connection", str(file), "--input", "debug=true")
        outputs += [out, err]
        assert (status, json.loads(out)["data"]["domain"]) == (0, "sandbox")

        sb.expire_access_tokens()
        status, out, err = _cli(capsys, "check", "--connection", str(file))
        outputs += [out, err]
        assert (status, json.loads(out)["data"]["domain"]) == (0, "sandbox")
        second = json.loads(file.read_text(encoding="utf-8"))["token"]
        assert second["access_token"] != first["access_token"] and second["refresh_token"] == first["refresh_token"]
        assert sb.oauth.verify(second["access_token"]) is not None
        assert (sb.stats.token_grants, sb.stats.token_refreshes) == (1, 1)
    outputs += [record.getMessage() for record in caplog.records]
    everything = "\n".join(outputs)
    assert "request headers: {" in everything and "'Authorization': '[REDACTED]'" in everything  # debug=true logged
    for secret in (sb.client_secret, code, first["access_token"], first["refresh_token"], second["access_token"],
                   first["id_token"]):
        assert secret not in everything


def test_a_refresh_during_datasource_writes_the_new_token_into_the_file(
        sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = _write(tmp_path / "c.json", sb.oauth_connection(sb.issue_token(expires_in_seconds=30)))
    status, out, _ = _cli(capsys, "datasource", "selectCustomer", "--connection", str(file))
    assert status == 0 and json.loads(out)["result"]
    assert sb.oauth.verify(json.loads(file.read_text(encoding="utf-8"))["token"]["access_token"]) is not None


def test_a_code_used_twice_fails_with_status_1_and_leaves_the_file_as_it_was(
        sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connection = sb.oauth_connection()
    del connection["token"]
    file = _write(tmp_path / "c.json", connection)
    code, _ = _authorize(capsys, file)
    exchange = ("oauth", "exchange", "--connection", str(file), f"--code={code}", "--redirect-uri", REDIRECT)
    assert _cli(capsys, *exchange)[0] == 0
    before = file.read_bytes()
    status, out, err = _cli(capsys, *exchange)
    assert (status, out) == (1, "")
    assert err == ("error: Gorgias refused the authorization code (invalid_grant): it was already used, has expired or "
                   "was issued for another redirect URI: authorize again.\n")
    assert file.read_bytes() == before


def test_a_revoked_refresh_token_makes_check_fail_with_status_1_and_say_reconnect(
        sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    token = sb.issue_token()
    file = _write(tmp_path / "c.json", sb.oauth_connection(token))
    sb.revoke_all_refresh_tokens()
    sb.expire_access_tokens()
    status, out, err = _cli(capsys, "check", "--connection", str(file))
    assert (status, out) == (1, "")
    assert err == ("error: Gorgias refused the OAuth refresh token (invalid_grant): the refresh token was revoked or "
                   "expired: reconnect the Gorgias OAuth connection to authorize it again.\n")
    assert token["refresh_token"] not in err and sb.client_secret not in err


def test_oauth_commands_refuse_an_api_key_connection_and_a_foreign_token_url_with_status_2(
        sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = _write(tmp_path / "key.json", sb.connection())
    assert _cli(capsys, "oauth", "authorize-url", "--connection", str(file), "--redirect-uri", REDIRECT) == (
        2, "", "error: connection 'apiKey' does not use OAuth 2.0\n")
    connection = sb.oauth_connection()
    connection["fields"]["tokenUrl"] = "https://collector.example.com/oauth/token"
    file = _write(tmp_path / "bad.json", connection)
    status, out, err = _cli(capsys, "oauth", "exchange", "--connection", str(file), "--code", "c", "--redirect-uri",
                            REDIRECT)
    assert (status, out) == (2, "")
    assert err.startswith("error: Connection field 'tokenUrl' (Token URL): expected an OAuth URL of the account's own "
                          f"Gorgias host such as {sb.origin}/oauth/token, received ")
    assert sb.stats.token_grants == 0


def test_oauth_commands_need_a_connection_file_not_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(capsys, "oauth", "authorize-url", "--connection", "-", "--redirect-uri", REDIRECT) == (
        2, "", "error: oauth commands need --connection FILE, not standard input\n")
