"""Connection files are rewritten atomically, owner-only (0600), and a failed write leaves the old file intact."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from component import connection_file
from component.connection_file import replace_token, write_json_atomically

OLD = {"key": "oauth2", "fields": {"domain": "acme"}, "token": {"access_token": "old", "refresh_token": "r"}}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "connection.json"
    file.write_text(json.dumps(OLD), encoding="utf-8")
    file.chmod(0o644)
    return file


def test_replace_token_swaps_only_the_token_and_keeps_every_other_key(path: Path) -> None:
    replace_token(path, {"access_token": "new", "refresh_token": "r", "expires_at": 5})
    assert json.loads(path.read_text(encoding="utf-8")) == {**OLD, "token": {"access_token": "new", "refresh_token": "r",
                                                                             "expires_at": 5}}


def test_the_rewritten_file_is_readable_by_its_owner_only(path: Path) -> None:
    replace_token(path, {"access_token": "new"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_temporary_file_is_left_next_to_the_connection_file(path: Path) -> None:
    write_json_atomically(path, {"a": 1})
    assert [p.name for p in path.parent.iterdir()] == ["connection.json"]


def test_the_data_is_fsynced_before_the_rename_and_the_directory_after(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(connection_file.os, "fsync", fsync)
    monkeypatch.setattr(connection_file.os, "replace", replace)
    write_json_atomically(path, {"a": 1})
    assert events == ["fsync-file", "rename", "fsync-dir"]


def test_a_failure_in_the_middle_of_the_write_leaves_the_old_file_whole(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = path.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(connection_file.os, "fsync", crash)
    with pytest.raises(OSError, match="Input/output error"):
        replace_token(path, {"access_token": "new"})
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["connection.json"]


def test_a_value_that_is_not_json_fails_before_the_file_is_touched(path: Path) -> None:
    before = path.read_bytes()
    with pytest.raises(TypeError):
        write_json_atomically(path, {"token": object()})
    assert path.read_bytes() == before


def test_a_symlinked_connection_file_keeps_its_link_and_the_target_is_rewritten(path: Path) -> None:
    link = path.parent / "link.json"
    link.symlink_to(path)
    replace_token(link, {"access_token": "new"})
    assert link.is_symlink()
    assert json.loads(path.read_text(encoding="utf-8"))["token"] == {"access_token": "new"}


def test_a_connection_file_that_no_longer_holds_an_object_is_not_overwritten(path: Path) -> None:
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match="does not hold a JSON object"):
        replace_token(path, {"access_token": "new"})
    assert path.read_text(encoding="utf-8") == "[1, 2]"
