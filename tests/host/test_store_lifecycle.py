"""The store closes (its pool emptied, later use refused), as a context manager and when the host shuts down; `serve`
finds it through GORGIAS_HOST_DATABASE when `--database` is not given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.pool import QueuePool

from component.host.app import create_app
from component.host.server import RunningHost, host_app
from component.host.server import main as serve
from component.host.store import Store, StoreClosedError
from component.runtime import Runtime
from gorgias_component import gorgias

FIELDS = ({"domain": "acme", "username": "me@acme.com"}, {"apiKey": "k3y"})


def _used(store: Store) -> QueuePool:
    """The store's pool, after one transaction left a connection in it."""
    store.add_connection("gorgias", "apiKey", "Key", *FIELDS)
    pool = store.engine.pool
    assert isinstance(pool, QueuePool) and pool.checkedin() == 1 and pool.checkedout() == 0
    return pool


def test_close_empties_the_pool_and_later_use_is_refused(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "host.db"), {})
    pool = _used(store)
    store.close()
    assert (pool.checkedin(), pool.checkedout()) == (0, 0) and store.closed
    with pytest.raises(StoreClosedError) as caught:
        store.list_connections("gorgias")
    assert str(caught.value) == (f"The host's store (sqlite:///{tmp_path / 'host.db'}) is closed: open a new Store to "
                                 "use the database again.")
    assert store.engine.pool.checkedin() == 0  # refused before any connection was made
    store.close()  # twice is harmless
    assert Store.open(str(tmp_path / "host.db"), {}).list_connections("gorgias")[0]["label"] == "Key"


def test_a_store_is_a_context_manager(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "host.db"), {}) as store:
        pool = _used(store)
    assert store.closed and (pool.checkedin(), pool.checkedout()) == (0, 0)


def test_the_application_closes_its_store_on_shutdown(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "host.db"), {})
    with TestClient(create_app(gorgias, store, runtime=Runtime.from_environ({}))) as client:
        assert client.post("/api/connections", json={"key": "apiKey", "fields": {**FIELDS[0], **FIELDS[1]}}
                           ).status_code == 201
        pool = store.engine.pool
        assert not store.closed and pool.checkedin() == 1
    assert store.closed and (pool.checkedin(), pool.checkedout()) == (0, 0)


def test_a_running_host_closes_its_store_when_stopped(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "host.db"), {})
    with RunningHost(gorgias, store, runtime=Runtime.from_environ({})) as host:
        assert httpx.get(f"{host.url}/api/connections", timeout=30).json() == {"data": []}
        pool = store.engine.pool
    assert store.closed and (pool.checkedin(), pool.checkedout()) == (0, 0)


def test_serve_opens_the_database_named_by_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GORGIAS_HOST_DATABASE, read from the runtime's settings (a copy of the environment): as for workers."""
    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    setting, option = tmp_path / "setting.db", tmp_path / "option.db"
    monkeypatch.setenv("GORGIAS_HOST_DATABASE", str(setting))
    served: list[Any] = []
    monkeypatch.setattr("uvicorn.Server.run", lambda self: served.append(self.config.app))
    assert serve(gorgias, ["--port", "0"]) == 0
    assert serve(gorgias, ["--port", "0", "--database", str(option)]) == 0
    assert [app.state.host.store.engine.url.database for app in served] == [str(setting), str(option)]
    assert setting.with_suffix(".key").exists() and option.with_suffix(".key").exists()
    for app in served:
        app.state.host.store.close()


def test_host_app_reads_the_database_setting_of_its_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_HOST_DATABASE", str(tmp_path / "environ.db"))
    runtime = Runtime.from_environ({"GORGIAS_HOST_DATABASE": f" {tmp_path / 'runtime.db'} "})
    app = host_app(gorgias, bind="127.0.0.1", database=None, runtime=runtime)
    assert app.state.host.store.engine.url.database == str(tmp_path / "runtime.db")
    assert not (tmp_path / "environ.db").exists()
    app.state.host.store.close()
