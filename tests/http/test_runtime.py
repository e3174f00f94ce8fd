"""The runtime (issue 15): settings, pools and stores come from the runtime a host passes, not from process globals."""

from __future__ import annotations

from typing import Any

import pytest
import responses

from component.executor import Executor
from component.runtime import Runtime
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias


def test_a_host_runtime_reads_its_own_settings_not_the_environment(api_mock: responses.RequestsMock,
                                                                   connection: dict[str, Any],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = Runtime.from_environ({"GORGIAS_API_BASE_URL": "https://sandbox.test/api", "GORGIAS_RATE_LIMIT": "off"})
    monkeypatch.setenv("GORGIAS_API_BASE_URL", "https://elsewhere.test/api")  # later changes are not seen
    api_mock.get("https://sandbox.test/api/account", json={"domain": "acme"})  # the runtime's own base URL, not acme's
    assert Executor(gorgias, runtime).run_action("getAccount", {}, connection) == {"data": {"domain": "acme"}}


def test_two_runtimes_share_no_session_or_sleep(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    waits: dict[str, list[float]] = {"a": [], "b": []}
    runtimes = {name: Runtime(settings={"GORGIAS_RATE_LIMIT": "40/20"}, sleep=waits[name].append) for name in waits}
    gorgias_api.add(responses.GET, "/account", status=503)
    gorgias_api.add(responses.GET, "/account", json={})
    assert Executor(gorgias, runtimes["a"]).run_action("getAccount", {}, connection) == {"data": {}}
    assert len(waits["a"]) == 1 and waits["b"] == []  # the retry slept through runtime a only
    assert runtimes["a"].sessions.identities() and not runtimes["b"].sessions.identities()


def test_a_malformed_setting_of_the_runtime_names_it(connection: dict[str, Any]) -> None:
    from component import InputError

    runtime = Runtime(settings={"GORGIAS_MAX_PAGES": "many"})
    with pytest.raises(InputError, match=r"^Environment variable GORGIAS_MAX_PAGES: expected a whole number above 0 "):
        Executor(gorgias, runtime).run_action("getAccount", {}, connection)
