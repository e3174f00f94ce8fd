"""One runtime per CLI command, host and worker (issue 15): its settings, sessions and budgets are the ones used."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import responses
from fastapi.testclient import TestClient

from component.calls import Call
from component.cli import connected
from component.errors import ComponentError, InputError, TransportError
from component.host.app import create_app
from component.host.store import Store
from component.runtime import Runtime, default_runtime
from gorgias_component import gorgias

ACCOUNT = {"domain": "acme"}
A, B = "https://a.example.test/api", "https://b.example.test/api"


def _runtime(waits: list[float] | None = None, **settings: str) -> Runtime:
    return Runtime(settings={"GORGIAS_RATE_LIMIT": "off", **settings},
                   sleep=(waits if waits is not None else []).append)


# -- Component.using ---------------------------------------------------------------------------------


def test_using_binds_a_copy_and_leaves_the_component_on_the_default_runtime() -> None:
    runtime = _runtime()
    bound = gorgias.using(runtime)
    assert bound.runtime is runtime and bound.executor.component is bound
    assert gorgias.runtime is default_runtime()
    assert (bound.key, bound.actions, bound.manifest()) == (gorgias.key, gorgias.actions, gorgias.manifest())


def test_two_runtimes_in_one_process_each_use_their_own_base_url_and_timeout(
        api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    api_mock.get(f"{A}/account", json=ACCOUNT)
    api_mock.get(f"{B}/account", body=requests.ConnectTimeout("slow"))
    first = gorgias.using(_runtime(GORGIAS_API_BASE_URL=A, GORGIAS_TIMEOUT="7"))
    second = gorgias.using(_runtime(GORGIAS_API_BASE_URL=B, GORGIAS_TIMEOUT="3"))
    assert first.run_action("getAccount", {}, connection) == {"data": ACCOUNT}
    with pytest.raises(TransportError) as caught:
        second.run_action("getAccount", {}, connection)
    assert str(caught.value).startswith("GET /account to Gorgias could not connect to b.example.test within 3 s")
    assert {call.request.url for call in api_mock.calls} == {f"{A}/account", f"{B}/account"}


def test_two_runtimes_keep_their_own_rate_budgets(api_mock: responses.RequestsMock,
                                                  connection: dict[str, Any]) -> None:
    """One request per minute: the second call on a runtime waits, a first call on another one does not."""
    api_mock.get("https://acme.gorgias.com/api/account", json=ACCOUNT)
    waits: dict[str, list[float]] = {"a": [], "b": []}
    bound = {name: gorgias.using(_runtime(waits[name], GORGIAS_RATE_LIMIT="1/60")) for name in waits}
    bound["a"].run_action("getAccount", {}, connection)
    bound["b"].run_action("getAccount", {}, connection)
    assert waits == {"a": [], "b": []}
    bound["a"].run_action("getAccount", {}, connection)
    assert len(waits["a"]) == 1 and waits["a"][0] > 50 and waits["b"] == []


def test_a_malformed_setting_of_one_runtime_fails_only_its_calls(api_mock: responses.RequestsMock,
                                                                 connection: dict[str, Any]) -> None:
    api_mock.get("https://acme.gorgias.com/api/account", json=ACCOUNT)
    with pytest.raises(InputError, match=r"^Environment variable GORGIAS_TIMEOUT: expected seconds"):
        gorgias.using(_runtime(GORGIAS_TIMEOUT="soon")).run_action("getAccount", {}, connection)
    assert gorgias.using(_runtime()).run_action("getAccount", {}, connection) == {"data": ACCOUNT}


# -- the executor's one path ------------------------------------------------------------------------------


def test_perform_parses_before_opening_and_scrubs_what_the_work_raises(connection: dict[str, Any]) -> None:
    executor = gorgias.using(_runtime()).executor
    ran: list[Any] = []
    with pytest.raises(InputError):
        executor.perform(Call("getTicket", {"id": "x"}, connection), gorgias.action("getTicket").inputs, ran.append)
    assert ran == []

    def work(client: Any, values: Any) -> Any:
        raise ValueError(f"broke with {connection['fields']['apiKey']} for ticket {values.id}")

    with pytest.raises(Exception) as caught:
        executor.perform(Call("getTicket", {"id": "5"}, connection), gorgias.action("getTicket").inputs, work)
    assert str(caught.value) == "'getTicket' failed unexpectedly: ValueError: broke with [REDACTED] for ticket 5"


# -- the CLI ------------------------------------------------------------------------------------------------


def _args(connection_file: str | None = None, sandbox: bool = False) -> argparse.Namespace:
    return argparse.Namespace(connection=connection_file, sandbox=sandbox)


def test_the_cli_command_makes_its_runtime_once_and_later_environment_changes_are_not_seen(
        api_mock: responses.RequestsMock, conn_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_API_BASE_URL", A)
    api_mock.get(f"{A}/account", json=ACCOUNT)
    with connected(gorgias, _args(conn_file)) as (bound, connection):
        monkeypatch.setenv("GORGIAS_API_BASE_URL", B)
        monkeypatch.setenv("GORGIAS_TIMEOUT", "never")
        assert bound.run_action("getAccount", {}, connection) == {"data": ACCOUNT}
        assert bound.check_connection(connection) == {"data": ACCOUNT}
    assert bound.runtime is not default_runtime() and bound.runtime.setting("GORGIAS_API_BASE_URL") == A


def test_the_cli_sandbox_settings_are_in_the_command_runtime_and_gone_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    with connected(gorgias, _args(sandbox=True)) as (bound, connection):
        base_url = bound.runtime.setting("GORGIAS_API_BASE_URL")
        assert base_url.startswith("http://127.0.0.1:")
        assert bound.run_action("getAccount", {}, connection)["data"]["domain"] == "sandbox"
    assert "GORGIAS_API_BASE_URL" not in os.environ
    assert bound.runtime.setting("GORGIAS_API_BASE_URL") == base_url  # a copy taken when the command started


# -- the host -------------------------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    return Store.open(str(tmp_path / "host.db"))


@pytest.fixture
def hosts(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TestClient, TestClient]]:
    """Two hosts in one process: the first made while the base URL is A, the second while it is B."""
    monkeypatch.setenv("GORGIAS_API_BASE_URL", A)
    first = create_app(gorgias, store)
    monkeypatch.setenv("GORGIAS_API_BASE_URL", B)
    second = create_app(gorgias, store)
    monkeypatch.setenv("GORGIAS_API_BASE_URL", "https://neither.example.test/api")
    with TestClient(first) as one, TestClient(second) as two:
        yield one, two


def _runtime_of(client: TestClient) -> Runtime:
    runtime: Runtime = client.app.state.host.component.runtime  # type: ignore[attr-defined]
    return runtime


def test_each_host_calls_with_the_settings_it_was_made_with(api_mock: responses.RequestsMock,
                                                            hosts: tuple[TestClient, TestClient],
                                                            connection: dict[str, Any]) -> None:
    api_mock.get(f"{A}/account", json={"domain": "a"})
    api_mock.get(f"{B}/account", json={"domain": "b"})
    one, two = hosts
    assert one.post("/api/actions/getAccount", json={"connection": connection}).json() == {"data": {"domain": "a"}}
    assert two.post("/api/actions/getAccount", json={"connection": connection}).json() == {"data": {"domain": "b"}}


def test_two_hosts_share_no_session_and_no_budget(api_mock: responses.RequestsMock, store: Store,
                                                 connection: dict[str, Any], sleeps: list[float],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_RATE_LIMIT", "1/60")
    api_mock.get("https://acme.gorgias.com/api/account", json=ACCOUNT)
    with TestClient(create_app(gorgias, store)) as one, TestClient(create_app(gorgias, store)) as two:
        assert one.post("/api/actions/getAccount", json={"connection": connection}).status_code == 200
        assert _runtime_of(one).sessions.identities() and not _runtime_of(two).sessions.identities()
        assert two.post("/api/actions/getAccount", json={"connection": connection}).status_code == 200
        assert sleeps == []  # the second host's budget is its own: its first call does not wait
        assert one.post("/api/actions/getAccount", json={"connection": connection}).status_code == 200
        assert len(sleeps) == 1 and sleeps[0] > 50


def test_a_host_given_a_runtime_runs_every_call_on_it(api_mock: responses.RequestsMock, store: Store,
                                                      connection: dict[str, Any]) -> None:
    runtime = _runtime(GORGIAS_API_BASE_URL=A)
    api_mock.get(f"{A}/account", json=ACCOUNT)
    with TestClient(create_app(gorgias, store, runtime=runtime)) as client:
        stored = client.post("/api/connections", json=connection).json()["id"]
        assert client.post(f"/api/connections/{stored}/check").json() == {"data": ACCOUNT}
    assert _runtime_of(client) is runtime and runtime.sessions.identities()


# -- workers ----------------------------------------------------------------------------------------------


def test_a_worker_runs_every_task_on_one_runtime(api_mock: responses.RequestsMock, store: Store, tmp_path: Path,
                                                 connection: dict[str, Any]) -> None:
    from component.workers import READ_TASK, celery_app

    identifier = store.add_connection("gorgias", "apiKey", "Key", {k: v for k, v in connection["fields"].items()
                                                                   if k != "apiKey"},
                                      {"apiKey": connection["fields"]["apiKey"]}, None)
    runtime = _runtime(GORGIAS_API_BASE_URL=A)
    api_mock.get(f"{A}/account", json=ACCOUNT)
    other = celery_app("memory://", database=str(tmp_path / "other.db"), runtime=_runtime(GORGIAS_API_BASE_URL=B))
    app = celery_app("memory://", database=str(tmp_path / "host.db"), runtime=runtime)
    task = app.tasks[READ_TASK]
    assert other.tasks[READ_TASK] is not task  # an app made earlier in the process keeps its own tasks
    for _ in range(2):
        assert task("gorgias", "action", "getAccount", {}, identifier, {}) == {"ok": {"data": ACCOUNT}}
    assert len(api_mock.calls) == 2 and len(runtime.sessions.identities()) == 1



# -- the component's check hooks read the runtime's settings -----------------------------------------


def test_a_failed_check_names_the_host_of_the_runtime_not_of_the_environment(
        api_mock: responses.RequestsMock, connection: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GORGIAS_API_BASE_URL", raising=False)
    api_mock.get(f"{A}/account", status=404, body="<html>Not Found</html>", content_type="text/html")
    with pytest.raises(ComponentError) as caught:
        gorgias.using(_runtime(GORGIAS_API_BASE_URL=A)).check_connection(connection)
    assert str(caught.value).startswith("Connection check failed: no Gorgias account at a.example.test: check the "
                                        "Domain")


def test_the_check_summary_names_the_host_of_the_runtime() -> None:
    from gorgias_component.connections.check import check_summary

    bound = gorgias.using(_runtime(GORGIAS_API_BASE_URL=B))
    definition, fields, _ = bound.executor.resolve({"key": "apiKey", "fields": {
        "domain": "acme", "username": "me@acme.com", "apiKey": "k"}})
    assert check_summary(ACCOUNT, definition.key, fields, bound.runtime.settings) == (
        "Connected to b.example.test (account acme) as me@acme.com")
