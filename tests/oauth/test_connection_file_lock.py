"""Writers of one connection file in several processes or threads: it is always whole JSON and no update is lost."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path
from typing import Any

import pytest

from component import connection_file

ROUNDS = 150  # each writer: this many token refreshes, each followed by a read-modify-write of its own counter


def _write(path: str, name: str, without_fcntl: bool) -> None:
    """One writer: alternately store a new token and add one to its counter in the fields."""
    if without_fcntl:
        connection_file.fcntl = None  # type: ignore[assignment]  # this process only: the fallback lock file

    def count(connection: dict[str, Any]) -> None:
        connection["fields"][name] += 1

    for index in range(ROUNDS):
        connection_file.replace_token(path, {"access_token": f"{name}-{index}"})
        connection_file.update_json(path, count)


def _start(path: Path, how: str) -> list[Any]:
    if how == "threads":
        writers: list[Any] = [threading.Thread(target=_write, args=(str(path), name, False)) for name in "ab"]
    else:
        context = multiprocessing.get_context("spawn")  # fresh interpreters, as two CLI or worker processes are
        writers = [context.Process(target=_write, args=(str(path), name, how == "processes, lock file"))
                   for name in "ab"]
    for writer in writers:
        writer.start()
    return writers


@pytest.mark.timeout(180)
@pytest.mark.parametrize("how", ["processes, flock", "processes, lock file", "threads"])
def test_concurrent_writers_never_lose_an_update_nor_leave_half_a_file(tmp_path: Path, how: str) -> None:
    path = tmp_path / "connection.json"
    path.write_text(json.dumps({"key": "oauth2", "fields": {"a": 0, "b": 0}, "token": {}}), encoding="utf-8")
    writers = _start(path, how)
    reads = 0
    while any(writer.is_alive() for writer in writers):
        json.loads(path.read_text(encoding="utf-8"))  # raises if a reader ever saw a partial file
        reads += 1
    for writer in writers:
        writer.join(60)
        assert getattr(writer, "exitcode", 0) == 0
    final = json.loads(path.read_text(encoding="utf-8"))
    assert final["fields"] == {"a": ROUNDS, "b": ROUNDS}  # every read-modify-write saw the one before it
    assert final["token"]["access_token"] in {f"a-{ROUNDS - 1}", f"b-{ROUNDS - 1}"}
    assert reads > 0
    assert [p.name for p in tmp_path.iterdir()] == ["connection.json"]  # no lock or temporary file left


def test_without_fcntl_a_lock_file_left_by_a_crash_is_named_after_the_wait(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "connection.json"
    path.write_text("{}", encoding="utf-8")
    (tmp_path / ".connection.json.lock").write_text("", encoding="utf-8")
    monkeypatch.setattr(connection_file, "fcntl", None)
    monkeypatch.setattr(connection_file, "LOCK_WAIT_SECONDS", 0.05)
    with pytest.raises(TimeoutError) as caught:
        connection_file.replace_token(path, {"access_token": "new"})
    assert str(caught.value) == (f"the lock file {tmp_path / '.connection.json.lock'} was held for more than 0.05 s: "
                                 "delete it if no other process is writing the connection file")
    assert path.read_text(encoding="utf-8") == "{}"
