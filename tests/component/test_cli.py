"""The command line prints results as JSON, errors as one line on stderr, and exits 0, 1 or 2."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import responses
from responses import matchers

from component.cli import main
from gorgias_component import gorgias
from tests.support.mocked_gorgias import API_KEY, BASE, BASIC, MockedGorgias

REPO = Path(__file__).resolve().parents[2]
NO_CONNECTION = "error: give --connection FILE (or --sandbox to try the bundled sandbox)"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one command; no output may ever contain the API key."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert API_KEY not in out + err
    assert BASIC[:-2] not in out + err
    return status, out, err


# -- success -----------------------------------------------------------------------------------


def test_manifest_prints_the_manifest_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`manifest` prints exactly gorgias.manifest() and exits 0."""
    status, out, err = run(capsys, "manifest")
    assert (status, err) == (0, "")
    assert json.loads(out) == gorgias.manifest()


def test_run_prints_the_action_result(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                      conn_file: str) -> None:
    """`run KEY --connection FILE --input k=v` prints {"data": ...} and exits 0."""
    gorgias_api.add(responses.GET, "/customers/42", json={"id": 42, "name": "John Smith"})
    status, out, err = run(capsys, "run", "getCustomer", "--connection", conn_file, "--input", "id=42")
    assert (status, err) == (0, "")
    assert json.loads(out) == {"data": {"id": 42, "name": "John Smith"}}


def test_inputs_come_from_a_json_file(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                      conn_file: str, tmp_path: Path) -> None:
    """`--inputs FILE` reads an object of input values; --input overrides the file."""
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"id": 1, "debug": False}), encoding="utf-8")
    gorgias_api.add(responses.GET, "/customers/7", json={"id": 7}, match=[matchers.query_param_matcher({})])
    status, out, _ = run(capsys, "run", "getCustomer", "--connection", conn_file, "--inputs", str(inputs), "--input", "id=7")
    assert (status, json.loads(out)) == (0, {"data": {"id": 7}})


def test_inputs_come_from_standard_input(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                         conn_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--inputs -` reads the inputs object from standard input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "9", "debug": "false"}'))
    gorgias_api.add(responses.GET, "/customers/9", json={"id": 9}, match=[matchers.query_param_matcher({})])
    status, out, _ = run(capsys, "run", "getCustomer", "--connection", conn_file, "--inputs", "-")
    assert (status, json.loads(out)) == (0, {"data": {"id": 9}})


def test_the_connection_comes_from_standard_input(capsys: pytest.CaptureFixture[str], api_mock: responses.RequestsMock,
                                                  connection: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """`--connection -` reads the connection from standard input, and its credentials are the ones sent."""
    # Other credentials than the fixture's, on purpose: the ones read from stdin must be the ones sent.
    fields = {**connection["fields"], "username": "stdin@acme.com", "apiKey": "stdin-k3y-value"}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({**connection, "fields": fields})))
    sent = base64.b64encode(b"stdin@acme.com:stdin-k3y-value").decode()
    api_mock.get(f"{BASE}/account", json={"domain": "acme"}, match=[
        matchers.header_matcher({"Authorization": f"Basic {sent}"})])
    status, out, _ = run(capsys, "check", "--connection", "-")
    assert (status, json.loads(out)) == (0, {"data": {"domain": "acme"}})


def test_a_repeated_input_key_gives_a_list(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                           conn_file: str) -> None:
    """`--input k=a --input k=b` passes ["a", "b"]; a value may itself contain "="."""
    gorgias_api.add(responses.GET, "/tickets/5", json={"id": 5},
                    match=[matchers.query_string_matcher("relationships=custom_fields&relationships=a%3Db")])
    status, out, _ = run(capsys, "run", "getTicket", "--connection", conn_file, "--input", "id=5",
                         "--input", "relationships=custom_fields", "--input", "relationships=a=b")
    assert (status, json.loads(out)) == (0, {"data": {"id": 5}})


def test_datasource_prints_the_options(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                       conn_file: str) -> None:
    """`datasource KEY` prints {"result": [...]}."""
    gorgias_api.add(responses.GET, "/customers", match=[matchers.query_param_matcher({"limit": "100"})],
                    json={"data": [{"id": 3, "name": "Ada"}], "meta": {"next_cursor": None}})
    status, out, _ = run(capsys, "datasource", "selectCustomer", "--connection", conn_file)
    assert (status, json.loads(out)) == (0, {"result": [{"key": "3", "label": "Ada"}]})


def test_check_prints_the_account(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                  conn_file: str) -> None:
    """`check` runs getAccount and prints the account."""
    gorgias_api.add(responses.GET, "/account", json={"domain": "acme"})
    status, out, err = run(capsys, "check", "--connection", conn_file)
    assert (status, json.loads(out), err) == (0, {"data": {"domain": "acme"}}, "")


# -- usage errors: exit 2, nothing sent ---------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["run", "getCustomer", "--connection", "{conn}", "--input", "id=abc"],
         "error: Input 'id' (Customer ID): expected a positive integer id, received \"abc\"."),
        (["run", "getCustomer", "--connection", "{conn}"],
         "error: Input 'id' (Customer ID) is required, but no value was given."),
        (["run", "getCustomer", "--connection", "{conn}", "--input", "idd=1"],
         "error: Unknown input 'idd' for 'getCustomer'. Did you mean 'id'?"),
        (["run", "getCustomr", "--connection", "{conn}"],
         "error: Unknown action \"getCustomr\" in component 'gorgias'. Did you mean 'getCustomer'?"),
        (["datasource", "selectCustomr", "--connection", "{conn}"],
         "error: Unknown data source \"selectCustomr\" in component 'gorgias'. Did you mean 'selectCustomer'?"),
        (["run", "getCustomer", "--input", "id=1"], NO_CONNECTION),
        (["check"], NO_CONNECTION),
        (["check", "--connection", "{tmp}/missing.json"],
         "error: cannot read the connection file {tmp}/missing.json: No such file or directory"),
        (["check", "--connection", "{tmp}/bad.json"],
         "error: the connection file {tmp}/bad.json is not valid JSON: "
         "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        (["run", "getCustomer", "--connection", "{conn}", "--inputs", "{tmp}/list.json"],
         "error: the inputs file {tmp}/list.json must hold a JSON object"),
        (["run", "getCustomer", "--connection", "{conn}", "--input", "id"], "error: --input expects KEY=VALUE, got 'id'"),
        (["run", "getCustomer", "--connection", "{conn}", "--input", "=1"], "error: --input expects KEY=VALUE, got '=1'"),
        (["check", "--connection", "{tmp}/fields.json"],
         "error: Connection field 'apiKey' (API Key) is required, but no value was given."),
    ],
)
def test_invalid_usage_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], api_mock: responses.RequestsMock,
                                             conn_file: str, tmp_path: Path, argv: list[str], line: str) -> None:
    """Every invalid input, key, option or file gives exit 2, one stderr line and nothing on stdout."""
    (tmp_path / "bad.json").write_text("{bad", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1]", encoding="utf-8")
    (tmp_path / "fields.json").write_text(json.dumps({"key": "apiKey", "fields": {"domain": "acme", "username": "u"}}),
                                          encoding="utf-8")
    argv = [arg.replace("{conn}", conn_file).replace("{tmp}", str(tmp_path)) for arg in argv]
    status, out, err = run(capsys, *argv)
    assert (status, out, err) == (2, "", line.replace("{tmp}", str(tmp_path)) + "\n")


def test_an_unknown_command_is_an_argparse_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse refuses an unknown command with exit 2."""
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


# -- API failures: exit 1 ------------------------------------------------------------------------


def test_an_api_error_exits_1_with_gorgias_message(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                                   conn_file: str) -> None:
    """A 404 is reported with Gorgias's own error message and exit 1."""
    gorgias_api.add(responses.GET, "/customers/42", status=404, json={"error": {"msg": "Resource not found."}})
    status, out, err = run(capsys, "run", "getCustomer", "--connection", conn_file, "--input", "id=42")
    assert (status, out) == (1, "")
    assert err == "error: Gorgias answered 404 Not Found to GET /customers/42: Resource not found.\n"


def test_a_server_error_exits_1_after_the_retries(capsys: pytest.CaptureFixture[str], gorgias_api: MockedGorgias,
                                                  conn_file: str, sleeps: list[float]) -> None:
    """A GET that keeps answering 500 is retried, then reported with exit 1."""
    gorgias_api.add(responses.GET, "/account", status=500, body="oops")
    status, out, err = run(capsys, "check", "--connection", conn_file)
    assert (status, out) == (1, "")
    assert err == "error: Gorgias answered 500 Internal Server Error to GET /account: oops.\n"
    assert len(gorgias_api.calls) == 3
    assert len(sleeps) == 2


def test_a_refused_credential_is_reported_without_the_secret(capsys: pytest.CaptureFixture[str],
                                                            gorgias_api: MockedGorgias, conn_file: str) -> None:
    """An API answer that echoes the key and the Authorization header reaches stderr masked."""
    gorgias_api.add(responses.GET, "/customers/1", status=401,
                    json={"error": {"msg": f"Bad key {API_KEY} (Authorization: Basic {BASIC})"}})
    status, out, err = run(capsys, "run", "getCustomer", "--connection", conn_file, "--input", "id=1")
    assert (status, out) == (1, "")
    assert BASIC[:-2] not in err
    assert err.startswith("error: Gorgias answered 401 Unauthorized to GET /customers/1: Bad key [REDACTED]")
    assert err.count("\n") == 1


# -- the bundled sandbox ---------------------------------------------------------------------------


def test_run_against_the_sandbox(capsys: pytest.CaptureFixture[str]) -> None:
    """`run getAccount --sandbox` needs no connection file and prints the sandbox account."""
    status, out, err = run(capsys, "run", "getAccount", "--sandbox")
    assert status == 0, err
    assert isinstance(json.loads(out)["data"]["domain"], str)


def test_datasource_against_the_sandbox(capsys: pytest.CaptureFixture[str]) -> None:
    """`datasource selectCustomer --sandbox` lists the demo customers as options."""
    status, out, err = run(capsys, "datasource", "selectCustomer", "--sandbox")
    assert status == 0, err
    options = json.loads(out)["result"]
    assert options
    assert all(set(option) == {"key", "label"} and option["key"].isdigit() for option in options)


def test_datasource_pages_and_searches_on_the_sandbox(capsys: pytest.CaptureFixture[str]) -> None:
    """`--search TEXT --limit N` prints one page of matching options and a cursor; `--cursor` continues it."""
    status, out, err = run(capsys, "datasource", "selectTicket", "--sandbox", "--search", "REFUND", "--limit", "2")
    assert status == 0, err
    page = json.loads(out)
    assert len(page["result"]) == 2 and all("refund" in o["label"].lower() for o in page["result"])
    status, out, err = run(capsys, "datasource", "selectTicket", "--sandbox", "--search", "refund", "--limit", "2",
                           "--cursor", page["cursor"])
    assert status == 0, err
    following = json.loads(out)["result"]
    assert following and not {o["key"] for o in following} & {o["key"] for o in page["result"]}
    status, _, err = run(capsys, "datasource", "selectTicket", "--sandbox", "--limit", "500")
    assert (status, err) == (2, 'error: Limit: expected a whole number from 1 to 100, received "500".\n')


# -- as installed --------------------------------------------------------------------------------


def test_python_dash_m_component_prints_the_manifest(tmp_path: Path) -> None:
    """`python -m component manifest` works from any directory and prints the manifest."""
    done = subprocess.run([sys.executable, "-m", "component", "manifest"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["key"] == "gorgias"


def test_the_console_script_reports_usage_errors_with_exit_2(tmp_path: Path, conn_file: str) -> None:
    """The installed `gorgias-component` script exits 2 with one stderr line for an invalid input."""
    script = Path(sys.executable).with_name("gorgias-component")
    if not script.exists():
        pytest.skip("the gorgias-component console script is not installed next to this Python")
    done = subprocess.run([str(script), "run", "getCustomer", "--connection", conn_file, "--input", "id=0"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "error: Input 'id' (Customer ID): expected a positive integer id, received \"0\".\n"
