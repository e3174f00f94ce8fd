"""A newcomer's first hour on the command line: lists and objects as values, clear refusals, errors that say where."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path
from typing import Any

import pytest
import responses
from responses import matchers

from component.cli import main
from tests.component.test_cli import run
from tests.support.mocked_gorgias import ORIGIN, MockedGorgias, oauth_connection

ACCOUNT = {"domain": "acme", "status": {"status": "active"}}


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one stderr line of a command that must exit 2 and print nothing on stdout."""
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, ""), err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err.removeprefix("error: ").rstrip("\n")


# -- lists and objects as --input values (items 15, 16) -----------------------------------------------


def test_a_key_value_input_takes_a_json_object(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                               conn_file: str) -> None:
    """`--input 'queryParams={"limit":1}'` sends ?limit=1, not a key '{"limit"' split at the colon."""
    gorgias_api.add(responses.GET, "/tickets", json={"data": []},
                    match=[matchers.query_string_matcher("limit=1&order_by=x")])
    status, out, err = run(capsys, "run", "rawRequest", "--connection", conn_file, "--input", "method=GET",
                           "--input", "url=/tickets", "--input", 'queryParams={"limit":1, "order_by": "x"}')
    assert (status, err) == (0, "")
    assert json.loads(out) == {"data": {"data": []}}


def test_a_key_value_input_keeps_key_colon_value(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                                 conn_file: str) -> None:
    """`--input queryParams=limit:1` (repeatable) still gives key-value pairs."""
    gorgias_api.add(responses.GET, "/tickets", json={"data": []}, match=[matchers.query_string_matcher("limit=1&cursor=c")])
    status, _, err = run(capsys, "run", "rawRequest", "--connection", conn_file, "--input", "method=GET",
                         "--input", "url=/tickets", "--input", "queryParams=limit:1", "--input", "queryParams=cursor:c")
    assert (status, err) == (0, "")


def test_a_list_input_takes_a_json_array(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                         conn_file: str) -> None:
    """`--input 'ticket_ids=[1,2]'` gives the list, as `--input ticket_ids=1 --input ticket_ids=2` does."""
    for _ in range(2):
        gorgias_api.add(responses.GET, "/tickets", json={"data": [], "meta": {"next_cursor": None}},
                        match=[matchers.query_string_matcher("ticket_ids=1&ticket_ids=2")])
    assert run(capsys, "run", "listTickets", "--connection", conn_file, "--input", "ticket_ids=[1,2]")[0] == 0
    assert run(capsys, "run", "listTickets", "--connection", conn_file, "--input", "ticket_ids=1",
               "--input", "ticket_ids=2")[0] == 0


def test_a_comma_separated_list_says_how_to_give_a_list(capsys: pytest.CaptureFixture[str],
                                                        api_mock: responses.RequestsMock, conn_file: str) -> None:
    """`--input ticket_ids=1,2` is refused with how to repeat --input or pass a JSON array; nothing is sent."""
    line = usage_error(capsys, "run", "listTickets", "--connection", conn_file, "--input", "ticket_ids=1,2")
    assert line == ("Input 'ticket_ids' (Ticket IDs): expected a list of positive integer ids, received \"1,2\". "
                    "To give a list, repeat --input ticket_ids=VALUE once per item, or pass a JSON array: "
                    "--input 'ticket_ids=[1,2]'.")


def test_a_value_that_starts_like_json_but_is_not_is_refused(capsys: pytest.CaptureFixture[str],
                                                             api_mock: responses.RequestsMock, conn_file: str) -> None:
    """A list input's value starting with '[' must be JSON."""
    line = usage_error(capsys, "run", "listTickets", "--connection", conn_file, "--input", "ticket_ids=[1,")
    assert line.startswith("--input ticket_ids: the value starts like JSON but is not valid JSON: Expecting value")


# -- deeply nested files (item 8, CLI half) ----------------------------------------------------------------


@pytest.mark.parametrize("option", ["--inputs", "--connection"])
def test_deeply_nested_json_files_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          conn_file: str, option: str) -> None:
    """100,000 nested brackets in --inputs or --connection: exit 2 with one line, no traceback."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    argv = ["run", "getAccount", "--connection", conn_file, option, str(deep)]
    if option == "--connection":
        argv = ["run", "getAccount", "--connection", str(deep)]
    what = "inputs" if option == "--inputs" else "connection"
    assert usage_error(capsys, *argv) == f"the {what} file {deep} nests JSON too deeply to read"


def test_deeply_nested_input_value_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                          api_mock: responses.RequestsMock, conn_file: str) -> None:
    """The same for a JSON value given with --input."""
    line = usage_error(capsys, "run", "rawRequest", "--connection", conn_file, "--input", "method=GET",
                       "--input", "url=/x", "--input", "queryParams=" + "{" * 100_000)
    assert line.startswith("--input queryParams: the value starts like JSON but ")


# -- --sandbox with --connection or GORGIAS_API_BASE_URL (item 14) -----------------------------------------


def test_sandbox_with_a_connection_is_refused(capsys: pytest.CaptureFixture[str], conn_file: str) -> None:
    """--sandbox no longer silently wins over --connection."""
    assert usage_error(capsys, "run", "getAccount", "--sandbox", "--connection", conn_file) == (
        "--sandbox and --connection cannot be combined: --sandbox brings its own connection")


def test_sandbox_with_the_base_url_variable_set_is_refused(capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """--sandbox would replace GORGIAS_API_BASE_URL: refused, and the variable is left as it was."""
    monkeypatch.setenv("GORGIAS_API_BASE_URL", "http://127.0.0.1:1/api")
    assert usage_error(capsys, "check", "--sandbox") == (
        "--sandbox sets GORGIAS_API_BASE_URL, which is already set in the environment: unset it, or drop "
        "--sandbox to use it")
    import os

    assert os.environ["GORGIAS_API_BASE_URL"] == "http://127.0.0.1:1/api"


def test_help_documents_sandbox_per_command_and_input_over_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    """`run --help` says --sandbox is fresh per command and that --input overrides --inputs."""
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "start a fresh bundled sandbox with demo data for this one command (nothing it creates lasts" in text
    assert "one input value, overriding --inputs" in text


# -- errors that say where (item 19) ----------------------------------------------------------------------------


def test_could_not_connect_names_the_host(capsys: pytest.CaptureFixture[str], conn_file: str, sleeps: list[float],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused connection names the host and port it tried."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("GORGIAS_API_BASE_URL", f"http://127.0.0.1:{port}/api")
    monkeypatch.setenv("GORGIAS_RATE_LIMIT", "off")
    status, out, err = run(capsys, "check", "--connection", conn_file)
    assert (status, out) == (1, "")
    assert err == f"error: GET /account to Gorgias could not connect to 127.0.0.1:{port} (3 attempts).\n"


@pytest.mark.parametrize("value", ["htp://x/api", "127.0.0.1:8765/api", "http:///api", "http://h:99x/api",
                                   "http://u:secret@h/api?x=1"])
def test_a_malformed_base_url_variable_is_exit_2_naming_it(capsys: pytest.CaptureFixture[str],
                                                           api_mock: responses.RequestsMock, conn_file: str,
                                                           sleeps: list[float], monkeypatch: pytest.MonkeyPatch,
                                                           value: str) -> None:
    """A malformed GORGIAS_API_BASE_URL is named, not echoed, and nothing is sent or retried."""
    monkeypatch.setenv("GORGIAS_API_BASE_URL", value)
    line = usage_error(capsys, "run", "getAccount", "--connection", conn_file)
    assert line == ("Environment variable GORGIAS_API_BASE_URL: expected an http(s) URL such as "
                    "http://127.0.0.1:8765/api (the API's base URL), received a value that is not one. Fix or unset it.")
    assert sleeps == []


def test_a_base_url_without_api_answering_html_404_says_the_base_url_looks_wrong(
        capsys: pytest.CaptureFixture[str], api_mock: responses.RequestsMock, conn_file: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """GORGIAS_API_BASE_URL without /api reaches the web app, which answers an HTML 404."""
    monkeypatch.setenv("GORGIAS_API_BASE_URL", ORIGIN)  # not the mocked BASE, on purpose
    api_mock.get(f"{ORIGIN}/customers/1", status=404, body="<html>Not found</html>", content_type="text/html")
    status, out, err = run(capsys, "run", "getCustomer", "--connection", conn_file, "--input", "id=1")
    assert (status, out) == (1, "")
    assert err == ("error: Gorgias answered 404 Not Found to GET /customers/1: <html>Not found</html> (an HTML page, "
                   "not an API answer: the base URL https://acme.gorgias.com looks wrong; check the account domain).\n")


def test_run_with_a_refused_key_gives_the_hint_check_gives(capsys: pytest.CaptureFixture[str],
                                                           gorgias_api: MockedGorgias, conn_file: str) -> None:
    """A 401 on `run` says which connection fields to check, in the words of `check`."""
    gorgias_api.add(responses.GET, "/customers/1", status=401, json={"error": {"msg": "Unauthorized."}})
    gorgias_api.add(responses.GET, "/account", status=401, json={"error": {"msg": "Unauthorized."}})
    hint = ("check the Username (the email you sign in to Gorgias with) and the API Key (Settings → REST API)")
    status, _, err = run(capsys, "run", "getCustomer", "--connection", conn_file, "--input", "id=1")
    assert (status, err) == (1, "error: Gorgias answered 401 Unauthorized to GET /customers/1: Unauthorized. "
                                f"{hint[0].upper()}{hint[1:]}.\n")
    status, _, err = run(capsys, "check", "--connection", conn_file)
    assert (status, err) == (1, f"error: Connection check failed: Gorgias refused the username or API key (401): {hint}.\n")


@pytest.mark.parametrize(
    ("connection", "missing"),
    [({"fields": {"domain": "acme"}}, '"key" is'), ({"key": "apiKey"}, '"fields" is'),
     ({"domain": "acme", "username": "u", "apiKey": "k"}, '"key" and "fields" are')],
)
def test_a_connection_file_without_key_or_fields_says_what_it_holds(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path, connection: dict[str, Any],
                                                                    missing: str) -> None:
    """A connection file is {"key": ..., "fields": {...}}: the error says so and lists the connection keys."""
    path = tmp_path / "conn.json"
    path.write_text(json.dumps(connection), encoding="utf-8")
    assert usage_error(capsys, "check", "--connection", str(path)) == (
        'Connection: expected an object with "key" (one of: apiKey, oauth2) and "fields" (an object of that '
        f"connection's fields), but {missing} missing.")


# -- check on a terminal (item 20) ---------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_check_prints_one_line_on_a_terminal(gorgias_api: MockedGorgias, conn_file: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal `check` says where it connected and as whom; piped, it prints the account JSON."""
    gorgias_api.add(responses.GET, "/account", json=ACCOUNT)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert main(["check", "--connection", conn_file]) == 0
    assert terminal.getvalue() == "Connected to acme.gorgias.com as me@acme.com\n"


def test_check_prints_json_when_piped(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                      conn_file: str) -> None:
    gorgias_api.add(responses.GET, "/account", json=ACCOUNT)
    status, out, _ = run(capsys, "check", "--connection", conn_file)
    assert (status, json.loads(out)) == (0, {"data": ACCOUNT})


def test_check_on_a_terminal_against_the_sandbox_names_its_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a base-URL override the line names the server it reached and the account."""
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert main(["check", "--sandbox"]) == 0
    line = terminal.getvalue()
    assert line.startswith("Connected to 127.0.0.1:") and line.endswith(
        " (account sandbox) as demo@sandbox.gorgias.local\n")


def test_the_check_line_of_an_oauth_connection_says_oauth(monkeypatch: pytest.MonkeyPatch) -> None:
    """An OAuth connection has no username: the line says how it connected instead."""
    from gorgias_component import gorgias
    from gorgias_component.connections.check import check_summary

    monkeypatch.delenv("GORGIAS_API_BASE_URL", raising=False)
    definition, fields, _ = gorgias.executor.resolve(oauth_connection())
    assert check_summary(ACCOUNT, definition.key, fields) == "Connected to acme.gorgias.com with OAuth 2.0"
