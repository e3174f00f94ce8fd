"""The host and the workers read GORGIAS_HOST_TOKEN, GORGIAS_HOST_KEY and GORGIAS_HOST_DATABASE from the runtime they
are made with, not from the process environment; settings they could run nothing with stop them at start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import responses
from cryptography.fernet import Fernet

from component.host.access import AccessError
from component.host.server import host_app
from component.host.store import Store
from component.runtime import Runtime
from component.vault import Vault
from gorgias_component import gorgias

TOKEN, OTHER_TOKEN = "runtime-token-0123456789", "environ-token-0123456789"
KEY, OTHER_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A process environment whose host settings differ from every runtime's below."""
    monkeypatch.setenv("GORGIAS_HOST_TOKEN", OTHER_TOKEN)
    monkeypatch.setenv("GORGIAS_HOST_KEY", OTHER_KEY)
    monkeypatch.setenv("GORGIAS_HOST_DATABASE", str(tmp_path / "environ.db"))
    monkeypatch.delenv("GORGIAS_REDIS_URL", raising=False)


def _opens(vault: Vault, key: str) -> bool:
    """Whether `vault` seals with `key`."""
    return Vault(key.encode()).open(vault.seal({"probe": 1})) == {"probe": 1}


def test_a_host_made_with_a_runtime_takes_its_token_and_key_from_it(environ: None, tmp_path: Path) -> None:
    runtime = Runtime.from_environ({"GORGIAS_HOST_TOKEN": TOKEN, "GORGIAS_HOST_KEY": KEY})
    app = host_app(gorgias, bind="0.0.0.0", database=str(tmp_path / "host.db"), runtime=runtime)
    host = app.state.host
    assert host.token == TOKEN and host.component.runtime is runtime
    assert _opens(host.store.vault, KEY) and not (tmp_path / "host.key").exists()
    with pytest.raises(AccessError) as caught:  # the environment's token is not the runtime's
        host_app(gorgias, bind="0.0.0.0", database=str(tmp_path / "host.db"), runtime=Runtime.from_environ({}))
    assert str(caught.value).startswith("Binding 0.0.0.0 makes the host reachable from other machines: set "
                                        "GORGIAS_HOST_TOKEN")


def test_a_host_made_without_a_runtime_makes_one_from_the_environment(environ: None, tmp_path: Path) -> None:
    app = host_app(gorgias, bind="0.0.0.0", database=str(tmp_path / "host.db"))
    host = app.state.host
    assert host.token == OTHER_TOKEN and host.component.runtime.setting("GORGIAS_HOST_TOKEN") == OTHER_TOKEN
    assert _opens(host.store.vault, OTHER_KEY)


def test_a_worker_made_with_a_runtime_opens_its_database_with_its_key(
        environ: None, tmp_path: Path, api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    from component.workers import READ_TASK, celery_app

    database = str(tmp_path / "runtime.db")
    fields = connection["fields"]
    identifier = Store.open(database, {"GORGIAS_HOST_KEY": KEY}).add_connection(
        "gorgias", "apiKey", "Key", {k: v for k, v in fields.items() if k != "apiKey"}, {"apiKey": fields["apiKey"]})
    runtime = Runtime.from_environ({"GORGIAS_HOST_DATABASE": database, "GORGIAS_HOST_KEY": KEY,
                                    "GORGIAS_RATE_LIMIT": "off"})
    api_mock.get("https://acme.gorgias.com/api/account", json={"domain": "acme"})
    task = celery_app("memory://", runtime=runtime).tasks[READ_TASK]
    assert task("gorgias", "action", "getAccount", {}, identifier, {}) == {"ok": {"data": {"domain": "acme"}}}
    assert not (tmp_path / "environ.db").exists()


def test_serve_and_worker_refuse_to_start_with_redis_and_no_shared_key(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An in-memory database's key lives in one process: it cannot seal tokens other processes read."""
    from component.cli import main as cli
    from component.host.server import main as serve

    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    monkeypatch.setenv("GORGIAS_REDIS_URL", "redis://:s3cret-pass@127.0.0.1:1/0")
    assert serve(gorgias, ["--database", "sqlite://"]) == 2
    assert cli(["worker", "--broker", "memory://", "--database", "sqlite://"]) == 1
    err = capsys.readouterr().err
    expected = "error: GORGIAS_REDIS_URL is set (redis://127.0.0.1:1/0) but GORGIAS_HOST_KEY is not: "
    assert err.count(expected) == 2 and "s3cret" not in err
