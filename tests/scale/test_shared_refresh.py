"""One OAuth refresh per connection across processes: the others wait for the Redis lock and take its token,
which Redis holds sealed with the processes' shared key; a process with another key refreshes on its own."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.fernet import Fernet

from component.redis_stores import RedisTokens, redis_client
from gorgias_component.sandbox import Sandbox
from tests.scale.children import KEY, call_with_token, run_processes


def _identity(sandbox: Sandbox, token: dict[str, Any]) -> str:
    """The key the connection's token state is shared under."""
    from component.oauth import OAuthClient, _identity

    client = sandbox.oauth_connection(token)["fields"]
    return _identity(OAuthClient(client["clientId"], client["clientSecret"], client["authorizeUrl"],
                                 client["tokenUrl"], client["scopes"]), token["refresh_token"])


@pytest.mark.timeout(150)
def test_eight_processes_with_an_expired_token_refresh_it_once_and_all_succeed(redis_url: str, prefix: str) -> None:
    with Sandbox(latency_ms=20) as sandbox:
        expired = sandbox.issue_token(expires_in_seconds=-60)
        connection = sandbox.oauth_connection(expired)
        sandbox.reset_stats()
        outcomes = run_processes(call_with_token,
                                 [(redis_url, prefix, sandbox.base_url, connection, 1, KEY) for _ in range(8)], 120)
        refreshes = sandbox.stats.token_refreshes
    assert [o[:2] for o in outcomes] == [("ok", 1)] * 8, outcomes
    assert refreshes == 1
    # Every process handed the one new token to its host; the store holds that token.
    handed = {o[2][0]["access_token"] for o in outcomes}
    assert len(handed) == 1 and expired["access_token"] not in handed
    key = _identity(sandbox, expired)
    stored = RedisTokens(redis_client(redis_url), prefix, key=KEY).latest(key)
    assert stored is not None and stored["access_token"] in handed
    assert stored["refresh_token"] == expired["refresh_token"]  # the sandbox does not rotate it
    # Redis holds it sealed: no token field, name or value, in clear (shorter ones could occur in base64 by chance).
    raw = redis_client(redis_url).get(f"{prefix}token:{key}")
    assert isinstance(raw, bytes) and json.loads(Fernet(KEY).decrypt(raw)) == stored
    texts = [text for text in (*stored, *(str(value) for value in stored.values())) if len(text) >= 5]
    assert len(texts) >= 8 and [text for text in texts if text.encode() in raw] == []


@pytest.mark.timeout(150)
def test_a_process_whose_key_opens_no_shared_token_refreshes_its_own(redis_url: str, prefix: str) -> None:
    """Two processes with different keys: neither can read the other's token, so each refreshes once."""
    other = Fernet.generate_key().decode()
    with Sandbox(latency_ms=20) as sandbox:
        expired = sandbox.issue_token(expires_in_seconds=-60)
        connection = sandbox.oauth_connection(expired)
        sandbox.reset_stats()
        outcomes = run_processes(call_with_token, [(redis_url, prefix, sandbox.base_url, connection, 1, key)
                                                   for key in (KEY, other)], 120)
        refreshes = sandbox.stats.token_refreshes
    assert [o[:2] for o in outcomes] == [("ok", 1)] * 2, outcomes
    assert refreshes == 2
    assert len({o[2][0]["access_token"] for o in outcomes}) == 2
