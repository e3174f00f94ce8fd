"""Connection files on disk, rewritten atomically so that a crash never leaves one half-written.

A refreshed OAuth token is written to a temporary file in the same directory, flushed and fsynced,
made readable by its owner only (0600), then renamed over the old file; the directory is fsynced
so that the rename itself survives a power cut. Every write holds an exclusive lock on the file's
directory (`flock`; without fcntl, a lock file `.NAME.lock` created exclusively beside it and removed
after), so that two processes or threads refreshing the same connection never interleave their
read-modify-write: neither update is lost, and nothing is left beside the file.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: an exclusively created lock file instead
    fcntl = None  # type: ignore[assignment]

__all__ = ["FILE_MODE", "LOCK_WAIT_SECONDS", "locked", "replace_token", "update_json", "write_json_atomically"]

FILE_MODE = 0o600
LOCK_WAIT_SECONDS = 30.0  # without fcntl: how long a writer waits for another one's lock file to go


def write_json_atomically(path: str | os.PathLike[str], value: Any) -> None:
    """Replace the file at `path` with `value` as JSON: the old content or the new, never a mix."""
    with locked(path):
        _write(_target(path), value)


def update_json(path: str | os.PathLike[str], change: Callable[[dict[str, Any]], None]) -> None:
    """Read the JSON object in the file at `path`, apply `change` to it and write it back, all under its lock."""
    with locked(path):
        value = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(value, dict):
            raise ValueError(f"the connection file {os.fspath(path)} does not hold a JSON object")
        change(value)
        _write(_target(path), value)


def replace_token(path: str | os.PathLike[str], token: dict[str, Any]) -> None:
    """Store `token` as the `token` of the connection file at `path`, keeping everything else."""
    update_json(path, lambda connection: connection.__setitem__("token", token))


@contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the exclusive write lock of the file at `path`, shared by every process and thread that writes it."""
    target = _target(path)
    try:
        descriptor = os.open(target.parent, os.O_RDONLY) if fcntl is not None else -1
    except OSError:
        descriptor = -1
    if descriptor < 0:
        with _created_exclusively(target.parent / f".{target.name}.lock"):
            yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # per open file: threads of one process exclude each other too
        yield
    finally:
        os.close(descriptor)  # releases the lock


@contextmanager
def _created_exclusively(lock: Path) -> Iterator[None]:
    """Without fcntl: the lock is a file only one writer can create; the others wait for it to be removed."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            os.close(os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the lock file {lock} was held for more than {LOCK_WAIT_SECONDS:g} s: delete it "
                                   "if no other process is writing the connection file") from None
            time.sleep(0.005)
    try:
        yield
    finally:
        with suppress(FileNotFoundError):
            os.unlink(lock)


def _target(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.realpath(path))  # a symlinked connection file keeps its link


def _write(target: Path, value: Any) -> None:
    """Write `value` beside `target` and rename it over (the caller holds the lock)."""
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(target.parent)


def _fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open a directory; the rename is still atomic
    try:
        with suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
