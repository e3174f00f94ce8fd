"""The vault's key: GORGIAS_HOST_KEY, else a 0600 file made once beside the database; a wrong key is a clear error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from component.host.store import Store
from component.vault import Vault, VaultError


def test_the_key_file_is_made_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    first = Vault.for_database(tmp_path / "host.key")
    key = (tmp_path / "host.key").read_bytes()
    second = Vault.for_database(tmp_path / "host.key")
    assert (tmp_path / "host.key").read_bytes() == key
    assert second.open(first.seal({"a": 1})) == {"a": 1}
    assert "key" not in repr(first).replace("<key hidden>", "")


def test_a_key_file_others_can_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    path = tmp_path / "host.key"
    path.write_bytes(Fernet.generate_key())
    os.chmod(path, 0o644)
    with pytest.raises(VaultError) as caught:
        Vault.for_database(path)
    assert "readable by other users" in str(caught.value)


def test_the_environment_key_wins_and_no_file_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_HOST_KEY", Fernet.generate_key().decode())
    Store.open(str(tmp_path / "host.db"))
    assert not (tmp_path / "host.key").exists()
    monkeypatch.setenv("GORGIAS_HOST_KEY", "not-a-key")
    with pytest.raises(VaultError) as caught:
        Store.open(str(tmp_path / "other.db"))
    assert "not-a-key" not in str(caught.value) and "not a Fernet key" in str(caught.value)


def test_a_database_read_with_another_key_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_HOST_KEY", Fernet.generate_key().decode())
    store = Store.open(str(tmp_path / "host.db"))
    identifier = store.add_connection("gorgias", "apiKey", "A", {"domain": "acme"}, {"apiKey": "k"})
    monkeypatch.setenv("GORGIAS_HOST_KEY", Fernet.generate_key().decode())
    with pytest.raises(VaultError) as caught:
        Store.open(str(tmp_path / "host.db")).connection("gorgias", identifier)
    assert "another GORGIAS_HOST_KEY" in str(caught.value)
    assert (os.stat(tmp_path / "host.db").st_mode & 0o777) == 0o600
