"""OAuth in the browser: the state is bound to a connection, single use and expiring; tokens are stored sealed."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import update

from component.host.server import RunningHost
from component.host.store import oauth_states
from gorgias_component.sandbox import Sandbox
from tests.host.conftest import oauth_fields


def add_oauth(client: httpx.Client, sandbox: Sandbox) -> str:
    answer = client.post("/api/connections", json={"key": "oauth2", "fields": oauth_fields(sandbox), "label": "OAuth"})
    assert answer.status_code == 201, answer.text
    identifier: str = answer.json()["id"]
    return identifier


def authorize(client: httpx.Client, connection_id: str) -> str:
    """Start at /oauth/start, let the sandbox approve, and return the callback URL it redirects to."""
    start = client.get("/oauth/start", params={"connectionId": connection_id})
    assert start.status_code == 302
    approved = httpx.get(start.headers["location"])  # the sandbox's authorize page approves at once
    assert approved.status_code == 302
    callback: str = approved.headers["location"]
    assert callback.startswith(str(client.base_url) + "/oauth/callback?")
    return callback


def test_the_flow_stores_a_token_and_the_connection_works(client: httpx.Client, sandbox: Sandbox, tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    """start -> provider -> callback -> 303 to the page; the token is stored (sealed) and used by actions."""
    caplog.set_level(logging.DEBUG)
    identifier = add_oauth(client, sandbox)
    callback = authorize(client, identifier)
    done = client.get(callback)
    assert done.status_code == 303
    assert done.headers["location"] == f"/?connection={identifier}&authorized=1"
    (listed,) = client.get("/api/connections").json()["data"]
    assert listed["authorized"] is True and listed["secretFields"] == ["clientSecret"]
    account = client.post("/api/actions/getAccount", json={"connectionId": identifier})
    assert account.status_code == 200, account.text
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("host.db*"))
    query = parse_qs(urlsplit(callback).query)
    secrets = [sandbox.client_secret, query["code"][0], query["state"][0]]
    assert not [s for s in secrets if s.encode() in raw]
    # What the host and the component logged (the test's own HTTP client logs the URLs it fetched).
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore")))
    assert not [s for s in secrets if s in logged]
    assert "GET /oauth/callback -> 303" in logged


def test_a_replayed_state_is_refused(client: httpx.Client, sandbox: Sandbox) -> None:
    """The second use of a state (same code and all) is a 400: the state was already used."""
    callback = authorize(client, add_oauth(client, sandbox))
    assert client.get(callback).status_code == 303
    replay = client.get(callback)
    assert replay.status_code == 400
    assert replay.json() == {"error": {"type": "oauth_state", "key": "state", "message":
                                       "This OAuth state was already used: start the authorization again from the host."}}


def test_an_unknown_state_is_refused(client: httpx.Client) -> None:
    answer = client.get("/oauth/callback", params={"state": "forged", "code": "abc"})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == "Unknown OAuth state: start the authorization again from the host."


def test_an_expired_state_is_refused(client: httpx.Client, sandbox: Sandbox, running: RunningHost) -> None:
    """A state older than its lifetime is refused even though it was never used."""
    callback = authorize(client, add_oauth(client, sandbox))
    with running.state.store.engine.begin() as db:
        db.execute(update(oauth_states).values(expires_at=time.time() - 1))
    answer = client.get(callback)
    assert answer.status_code == 400
    assert "has expired" in answer.json()["error"]["message"]


def test_authorize_for_a_key_connection_is_an_input_error(client: httpx.Client, api_key_id: str) -> None:
    answer = client.post(f"/api/connections/{api_key_id}/authorize")
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == f"Connection {api_key_id!r} (Gorgias API Key) does not use OAuth 2.0."


def test_a_refreshed_token_is_written_back(client: httpx.Client, sandbox: Sandbox, running: RunningHost) -> None:
    """An expired access token is refreshed during a call and the store then holds the new token."""
    identifier = add_oauth(client, sandbox)
    assert client.get(authorize(client, identifier)).status_code == 303
    store = running.state.store
    first = store.connection("gorgias", identifier)["token"]
    store.save_token(identifier, {**first, "expires_at": int(time.time()) - 10})  # as if a day had passed
    sandbox.expire_access_tokens()
    answer = client.post("/api/actions/getAccount", json={"connectionId": identifier})
    assert answer.status_code == 200, answer.text
    stored = store.connection("gorgias", identifier)["token"]
    assert stored["access_token"] != first["access_token"]
    assert stored["expires_at"] > time.time()


def test_concurrent_calls_refresh_once_and_the_store_keeps_the_newest_token(client: httpx.Client, sandbox: Sandbox,
                                                                            running: RunningHost) -> None:
    """Six calls at once with an expired token: one refresh, all succeed, the store holds the refreshed token."""
    from concurrent.futures import ThreadPoolExecutor

    identifier = add_oauth(client, sandbox)
    assert client.get(authorize(client, identifier)).status_code == 303
    store = running.state.store
    first = store.connection("gorgias", identifier)["token"]
    store.save_token(identifier, {**first, "expires_at": int(time.time()) - 10})
    sandbox.expire_access_tokens()
    refreshes = sandbox.stats.token_refreshes

    def call(_: int) -> int:
        with httpx.Client(base_url=str(client.base_url), timeout=30) as own:
            return own.post("/api/actions/getAccount", json={"connectionId": identifier}).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(call, range(6))) == [200] * 6
    assert sandbox.stats.token_refreshes == refreshes + 1
    stored = store.connection("gorgias", identifier)["token"]
    assert stored["access_token"] != first["access_token"] and stored["expires_at"] > time.time()
    assert client.post("/api/actions/getAccount", json={"connectionId": identifier}).status_code == 200
