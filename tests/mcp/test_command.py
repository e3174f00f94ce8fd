"""`mcp` refuses bad options before serving (exit 2, one line), and keeps every refreshed OAuth token."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from component.mcp import Toolset
from component.oauth import reset_token_cache
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.mcp.session import COMMAND
from tests.support.on_sandbox import use_sandbox


def run(*argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `python -m component mcp ARGV` (which must not start serving)."""
    done = subprocess.run([*COMMAND, *argv], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(("argv", "message"), [
    (["--sandbox", "--only", "getTicket", "getTiket"],
     "error: --only: no action or data source 'getTiket' in component 'gorgias'. Did you mean 'getTicket'?\n"),
    (["--sandbox", "--read-only", "--only", "deleteTicket"],
     "error: --only: 'deleteTicket' is not read-only, and --read-only serves only read-only tools.\n"),
    ([], "error: give --connection FILE (or --sandbox to try the bundled sandbox)\n"),
    (["--connection", "-"], "error: mcp over stdio reads the protocol from standard input: give --connection FILE\n"),
])
def test_bad_options_exit_2_with_one_line_before_serving(argv: list[str], message: str) -> None:
    assert run(*argv) == (2, "", message)


def test_a_port_that_cannot_be_bound_exits_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        status, out, err = run("--sandbox", "--http", str(port))
    assert (status, out) == (2, "")
    assert err.startswith(f"error: --http {port}: cannot listen on 127.0.0.1:{port}: ")
    assert err.count("\n") == 1


@pytest.fixture
def sb(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    reset_token_cache()
    with Sandbox() as sandbox:
        use_sandbox(monkeypatch, sandbox)
        yield sandbox
    reset_token_cache()


def test_a_refreshed_token_is_saved_and_used_by_the_next_call(sb: Sandbox) -> None:
    """A long-running server calls with the newest token, and hands every refreshed one to the saver."""
    token = sb.issue_token(expires_in_seconds=60)  # about to expire: refreshed before the first call
    saved: list[dict[str, Any]] = []
    toolset = Toolset.select(gorgias, only=["getAccount"]).connect(sb.oauth_connection(token), saved.append)
    first = toolset.call("getAccount", {})
    assert first.error is None and first.result is not None and first.result["data"]["domain"] == "sandbox"
    assert len(saved) == 1 and saved[0]["access_token"] != token["access_token"]
    assert toolset.connection is not None and toolset.connection["token"] == saved[0]
    reset_token_cache()  # forget the process-wide cache: only the toolset's connection holds the new token
    assert toolset.call("getAccount", {}).error is None
    assert (sb.stats.token_refreshes, len(saved)) == (1, 1)


def test_other_commands_never_import_the_mcp_sdk() -> None:
    """Cold start of `run`, `manifest`, ... is unaffected: the SDK and its server stack load only for `mcp`."""
    code = ("import contextlib, io, sys\n"
            "from component.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['manifest']) == 0\n"
            "print(sorted(m for m in ('mcp', 'mcp_types', 'component.mcp', 'anyio', 'starlette', 'uvicorn')"
            " if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout == "[]\n"
