"""A host's 429 says how long to wait: the API's Retry-After when it gave one, else the connection's rate window."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from fastapi.testclient import TestClient

from component.errors import RateLimitError
from component.host.app import create_app
from component.host.store import Store
from component.runtime import Runtime
from gorgias_component import gorgias
from tests.support.mocked_gorgias import BASE, api_key_connection

REFUSED = {"error": {"msg": "Too many requests."}}


def _answer(store: Store, settings: dict[str, str], **headers: str) -> tuple[int, dict[str, Any], Any]:
    """POST getAccount through a host whose API answers 429 every time; (status, headers, body) of the host's answer."""
    sleeps: list[float] = []
    runtime = Runtime.from_environ(settings, sleep=sleeps.append)
    with responses.RequestsMock() as api, TestClient(create_app(gorgias, store, runtime=runtime)) as client:
        api.get(f"{BASE}/account", status=429, json=REFUSED, headers=headers)
        answer = client.post("/api/actions/getAccount", json={"connection": api_key_connection()})
        assert len(api.calls) == 7  # sent, then six 429s waited out: the retries ran
    return answer.status_code, dict(answer.headers), answer.json()


@pytest.mark.parametrize(("limit", "wait"), [("40/10", "10"), ("40/7.5", "8"), ("40/20", "20"), ("2/90", "90")])
def test_without_the_apis_wait_retry_after_is_the_rate_window(tmp_path: Any, limit: str, wait: str) -> None:
    status, headers, body = _answer(Store.open(str(tmp_path / "host.db"), {}), {"GORGIAS_RATE_LIMIT": limit})
    assert (status, headers["retry-after"]) == (429, wait)
    assert body["error"]["type"] == "rate_limited" and body["error"]["status"] == 429


def test_the_apis_own_wait_wins(tmp_path: Any) -> None:
    status, headers, body = _answer(Store.open(str(tmp_path / "host.db"), {}), {"GORGIAS_RATE_LIMIT": "40/10"},
                                    **{"Retry-After": "3"})
    assert (status, headers["retry-after"]) == (429, "3")
    assert body["error"]["message"].endswith("Gorgias asked to wait 3 s.")


def test_without_pacing_the_default_wait_is_kept(tmp_path: Any) -> None:
    status, headers, _ = _answer(Store.open(str(tmp_path / "host.db"), {}), {"GORGIAS_RATE_LIMIT": "off"})
    assert (status, headers["retry-after"]) == (429, "20")


def test_the_error_carries_the_window(api_mock: responses.RequestsMock) -> None:
    """The executor puts the budget's window on the RateLimitError: any caller (CLI, MCP, a host) can read it."""
    api_mock.get(f"{BASE}/account", status=429, json=REFUSED)
    runtime = Runtime.from_environ({"GORGIAS_RATE_LIMIT": "40/12"}, sleep=lambda _: None)
    with pytest.raises(RateLimitError) as caught:
        gorgias.using(runtime).run_action("getAccount", {}, api_key_connection())
    assert caught.value.retry_after == 12.0 and caught.value.status == 429
