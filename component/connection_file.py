"""Connection files on disk, rewritten atomically so that a crash never leaves one half-written.

A refreshed OAuth token is written to a temporary file in the same directory, flushed and fsynced,
made readable by its owner only (0600), then renamed over the old file; the directory is fsynced
so that the rename itself survives a power cut.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from contextlib import suppress
from pathlib import Path
from typing import Any

__all__ = ["FILE_MODE", "replace_token", "write_json_atomically"]

FILE_MODE = 0o600
_LOCK = threading.RLock()  # one writer at a time per process: concurrent refreshes must not interleave


def write_json_atomically(path: str | os.PathLike[str], value: Any) -> None:
    """Replace the file at `path` with `value` as JSON: the old content or the new, never a mix."""
    target = Path(os.path.realpath(path))  # a symlinked connection file keeps its link
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    with _LOCK:
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


def replace_token(path: str | os.PathLike[str], token: dict[str, Any]) -> None:
    """Store `token` as the `token` of the connection file at `path`, keeping everything else."""
    with _LOCK:
        connection = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(connection, dict):
            raise ValueError(f"the connection file {os.fspath(path)} does not hold a JSON object")
        connection["token"] = token
        write_json_atomically(path, connection)


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
