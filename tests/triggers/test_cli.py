"""`poll` and `watch`: results on standard output, the state file written only after them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from component import trigger_cli
from component.cli import main
from gorgias_component.sandbox import Sandbox
from tests.support.on_sandbox import use_sandbox


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=10, tickets=12) as server:
        yield server


@pytest.fixture
def connection_file(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    use_sandbox(monkeypatch, sandbox)
    path = tmp_path / "connection.json"
    path.write_text(json.dumps(sandbox.connection()))
    return str(path)


def test_poll_prints_the_batch_and_saves_the_state_for_the_next_poll(
        connection_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "state.json"
    args = ["poll", "newCustomer", "--state", str(state), "--connection", connection_file,
            "--input", "since=2000-01-01T00:00:00Z", "--input", "maxItems=4"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in first["data"]] == [1, 2, 3, 4] and first["more"] is True
    assert json.loads(state.read_text()) == first["state"]
    assert main(args) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)["data"]] == [5, 6, 7, 8]


def test_a_failed_poll_leaves_the_state_file_as_it_was(
        connection_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"v": 1, "trigger": "newCustomer"}))
    assert main(["poll", "newTicket", "--state", str(state), "--connection", connection_file]) == 2
    assert 'received the state of trigger "newCustomer"' in capsys.readouterr().err
    assert json.loads(state.read_text()) == {"v": 1, "trigger": "newCustomer"}


def test_watch_writes_one_item_a_line_and_saves_the_state_after_each_batch(
        connection_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    state = tmp_path / "state.json"
    saved: list[Any] = []
    real_save = trigger_cli.save_state

    def save(path: str, value: Any) -> None:
        saved.append(len(capsys.readouterr().out.splitlines()))  # lines already written when the state is saved
        real_save(path, value)

    def stop(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(trigger_cli, "save_state", save)
    monkeypatch.setattr(trigger_cli.time, "sleep", stop)
    status = main(["watch", "newCustomer", "--state", str(state), "--connection", connection_file,
                   "--input", "since=2000-01-01T00:00:00Z", "--input", "maxItems=4"])
    assert status == 130
    assert saved[:3] == [4, 4, 2]  # 10 customers: batches of 4, 4 and 2, each saved after it was written
    assert json.loads(state.read_text())["mark"][1] == 10
