"""The vault: Fernet encryption of the secrets a host stores or shares, with its key from the settings or a key file."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from component.runtime import MAKE_KEY, SECRET_KEY_SETTING

__all__ = ["KEY_ENV", "Vault", "VaultError"]

KEY_ENV = SECRET_KEY_SETTING


class VaultError(Exception):
    """The encryption key is missing, malformed or unsafe, or a stored secret cannot be decrypted with it."""


class Vault:
    """Encrypts and decrypts JSON values with one Fernet key (AES-128-CBC with HMAC-SHA256, timestamped)."""

    def __init__(self, key: bytes, *, shared: bool = True) -> None:
        try:
            self._fernet = Fernet(key)
        except (ValueError, TypeError):
            raise VaultError(f"{KEY_ENV} (or the key file) is not a Fernet key: 32 bytes, URL-safe base64 encoded. "
                             f"Make one with: {MAKE_KEY}") from None
        self._key = key
        self._shared = shared

    def __repr__(self) -> str:
        return "Vault(<key hidden>)"

    @property
    def shared_key(self) -> bytes | None:
        """The key, when other processes can have it too (a setting or a key file); None for a process-only key."""
        return self._key if self._shared else None

    @classmethod
    def for_database(cls, key_file: Path | None, settings: Mapping[str, str] | None = None) -> Vault:
        """The key from the `KEY_ENV` setting; else the key file beside the database, made once (mode 0600).

        `settings` are the host's (its runtime's); None reads the process environment. A database without a
        file (PostgreSQL, several hosts) needs the shared key in the settings; an in-memory SQLite database
        gets a key that lives as long as the process.
        """
        configured = ((os.environ if settings is None else settings).get(KEY_ENV) or "").strip()
        if configured:
            return cls(configured.encode())
        if key_file is None:
            return cls(Fernet.generate_key(), shared=False)
        return cls(_key_from_file(key_file))

    def seal(self, value: Any) -> bytes:
        """The encrypted JSON of `value`."""
        return self._fernet.encrypt(json.dumps(value, separators=(",", ":")).encode())

    def open(self, sealed: bytes) -> Any:
        """The value sealed by `seal` with this key."""
        try:
            return json.loads(self._fernet.decrypt(sealed))
        except InvalidToken:
            raise VaultError("A stored secret cannot be decrypted with this key: the database was written with "
                             f"another {KEY_ENV} or key file.") from None


def _key_from_file(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two hosts starting at once cannot both write a key; the loser reads the winner's.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise VaultError(f"The key file {path} is readable by other users (mode {stat.filemode(mode)}): "
                             f"chmod 600 it, or set {KEY_ENV}.") from None
        for _ in range(50):  # another host may have created the file an instant ago and be writing the key
            key = path.read_bytes().strip()
            if key:
                return key
            time.sleep(0.02)
        raise VaultError(f"The key file {path} is empty: delete it (if no secret was stored with it) or set {KEY_ENV}.") \
            from None
    key = Fernet.generate_key()
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key + b"\n")
        handle.flush()
        os.fsync(handle.fileno())
    return key
