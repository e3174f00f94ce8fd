"""Celery on Redis: a real worker process runs actions, data sources and trigger polls by key with a connection
given by id."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from component.errors import InputError
from component.host.server import RunningHost
from component.host.store import Store
from component.workers import Broker
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.support.mocked_gorgias import api_key_connection

MESSAGE = {"channel": "email", "from_agent": False, "via": "api", "body_text": "Hello", "source": {
    "type": "email", "from": {"address": "john@example.com"}, "to": [{"address": "s@acme.com"}]}}


@contextmanager
def deployment(redis_url: str, folder: Path, pool: str) -> Iterator[tuple[Sandbox, Store, str, Broker, int]]:
    """A sandbox, a host store holding its API-key connection, one worker process (one slot, its own queue)
    and a Broker; the worker's pid comes last. The worker is always stopped; its log never shows the key."""
    broker_url = redis_url.rsplit("/", 1)[0] + "/9"  # db 9: Celery's queues and results, apart from other tests
    queue = f"test-{uuid.uuid4().hex}"
    database = str(folder / "host.db")
    with Sandbox() as sandbox, (folder / "worker.log").open("wb") as log:
        store = Store.open(database)
        fields = sandbox.connection()["fields"]
        connection_id = store.add_connection("gorgias", "apiKey", "Sandbox",
                                             {k: v for k, v in fields.items() if k != "apiKey"},
                                             {"apiKey": fields["apiKey"]}, None)
        env = {**os.environ, "GORGIAS_API_BASE_URL": sandbox.base_url, "GORGIAS_RATE_LIMIT": "off"}
        env.pop("GORGIAS_HOST_KEY", None)
        worker = subprocess.Popen([sys.executable, "-m", "component", "worker", "--broker", broker_url, "--database",
                                   database, "--concurrency", "1", "--pool", pool, "--queue", queue],
                                  env=env, stdout=log, stderr=log)
        try:
            yield sandbox, store, connection_id, Broker(broker_url, queue=queue, timeout=90), worker.pid
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=10)
    assert "sandbox-api-key" not in (folder / "worker.log").read_text(errors="replace")


@pytest.fixture
def setup(redis_url: str, tmp_path: Path) -> Iterator[tuple[Sandbox, Store, str, Broker]]:
    """A deployment whose worker runs tasks in its own process (the solo pool)."""
    with deployment(redis_url, tmp_path, "solo") as (sandbox, store, connection_id, broker, _):
        yield sandbox, store, connection_id, broker


@pytest.mark.timeout(120)
def test_a_worker_runs_actions_data_sources_and_polls_with_the_stored_connection(
        setup: tuple[Sandbox, Store, str, Broker]) -> None:
    sandbox, _, connection_id, broker = setup
    result = broker.run("gorgias", "action", "getTicket", {"id": "1"}, connection_id)
    assert result["data"]["id"] == 1
    page = broker.run("gorgias", "data source", "selectTag", {}, connection_id, limit=2)
    assert len(page["result"]) == 2 and set(page) == {"result", "cursor"}
    state = broker.run("gorgias", "trigger", "newTicket", {}, connection_id)["state"]
    before = sandbox.stats.received[("POST", "/api/tickets")]
    created = broker.run("gorgias", "action", "createTicket", {"messages": [MESSAGE]}, connection_id)
    assert created["data"]["id"] in sandbox.store.tickets
    assert sandbox.stats.received[("POST", "/api/tickets")] == before + 1
    polled = broker.run("gorgias", "trigger", "newTicket", {}, connection_id, state=state)
    assert [item["id"] for item in polled["data"]] == [created["data"]["id"]] and polled["more"] is False


@pytest.mark.timeout(120)
def test_an_error_in_the_worker_comes_back_as_the_same_component_error(
        setup: tuple[Sandbox, Store, str, Broker]) -> None:
    _, _, connection_id, broker = setup
    with pytest.raises(InputError) as remote:
        broker.run("gorgias", "action", "getTicket", {"id": "abc"}, connection_id)
    with pytest.raises(InputError) as local:
        gorgias.run_action("getTicket", {"id": "abc"}, api_key_connection())
    assert (remote.value.key, str(remote.value)) == (local.value.key, str(local.value))
    with pytest.raises(InputError) as inline:
        broker.run("gorgias", "action", "getTicket", {"id": "1"}, None)
    assert inline.value.key == "connectionId"


@pytest.mark.timeout(120)
def test_the_host_in_broker_mode_enqueues_and_awaits(setup: tuple[Sandbox, Store, str, Broker]) -> None:
    _, store, connection_id, broker = setup
    with RunningHost(gorgias, store) as host:
        host.state.broker = broker
        answer: Any = httpx.post(f"{host.url}/api/actions/getTicket", json={"inputs": {"id": "2"},
                                                                           "connectionId": connection_id}, timeout=60)
        assert answer.status_code == 200 and answer.json()["data"]["id"] == 2
        refused = httpx.post(f"{host.url}/api/actions/getTicket", json={"inputs": {"id": "x"},
                                                                        "connectionId": connection_id}, timeout=60)
        assert refused.status_code == 400 and refused.json()["error"]["key"] == "id"


def _pool_child(worker_pid: int) -> int:
    """The pid of the prefork pool's one child of the worker (Linux /proc)."""
    children = Path(f"/proc/{worker_pid}/task/{worker_pid}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


@pytest.mark.timeout(150)
def test_a_worker_killed_mid_task_reruns_a_read_but_never_a_create(redis_url: str, tmp_path: Path) -> None:
    """The pool child dies while the sandbox holds the request: the read is run again by a new child, the
    create is reported as uncertain and sent once."""
    import signal
    import threading
    import time

    from component.errors import WriteUncertainError

    with deployment(redis_url, tmp_path, "prefork") as (sandbox, _, connection_id, broker, worker_pid):
        def kill_when_received(method: str, template: str) -> None:
            deadline = time.monotonic() + 60
            while sandbox.stats.received[(method, template)] == 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            os.kill(_pool_child(worker_pid), signal.SIGKILL)
            sandbox.set_faults(latency_ms=0)

        sandbox.set_faults(latency_ms=3000)  # the request stays in flight while the child is killed
        killer = threading.Thread(target=kill_when_received, args=("GET", "/api/tickets/{id}"))
        killer.start()
        assert broker.run("gorgias", "action", "getTicket", {"id": "3"}, connection_id)["data"]["id"] == 3
        killer.join(30)
        assert sandbox.stats.received[("GET", "/api/tickets/{id}")] == 2  # run again by the new child

        sandbox.set_faults(latency_ms=3000)
        killer = threading.Thread(target=kill_when_received, args=("POST", "/api/tickets"))
        killer.start()
        with pytest.raises(WriteUncertainError) as caught:
            broker.run("gorgias", "action", "createTicket", {"messages": [MESSAGE]}, connection_id)
        killer.join(30)
        assert str(caught.value).startswith("The workers did not finish action 'createTicket' (WorkerLostError)")
        time.sleep(3)  # a redelivery, if there were one, would have reached the sandbox by now
        assert sandbox.stats.received[("POST", "/api/tickets")] == 1
