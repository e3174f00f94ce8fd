"""One OAuth refresh per connection across processes: the others wait for the Redis lock and take its token."""

from __future__ import annotations

import pytest

from component.redis_stores import RedisTokens, redis_client
from gorgias_component.sandbox import Sandbox
from tests.scale.children import call_with_token, run_processes


@pytest.mark.timeout(150)
def test_eight_processes_with_an_expired_token_refresh_it_once_and_all_succeed(redis_url: str, prefix: str) -> None:
    from component.oauth import _identity

    with Sandbox(latency_ms=20) as sandbox:
        expired = sandbox.issue_token(expires_in_seconds=-60)
        connection = sandbox.oauth_connection(expired)
        sandbox.reset_stats()
        outcomes = run_processes(call_with_token,
                                 [(redis_url, prefix, sandbox.base_url, connection, 1) for _ in range(8)], 120)
        refreshes = sandbox.stats.token_refreshes
    assert [o[:2] for o in outcomes] == [("ok", 1)] * 8, outcomes
    assert refreshes == 1
    # Every process handed the one new token to its host; the store holds that token.
    handed = {o[2][0]["access_token"] for o in outcomes}
    assert len(handed) == 1 and expired["access_token"] not in handed
    client = sandbox.oauth_connection(expired)["fields"]
    from component.oauth import OAuthClient

    key = _identity(OAuthClient(client["clientId"], client["clientSecret"], client["authorizeUrl"], client["tokenUrl"],
                                client["scopes"]), expired["refresh_token"])
    stored = RedisTokens(redis_client(redis_url), prefix).latest(key)
    assert stored is not None and stored["access_token"] in handed
    assert stored["refresh_token"] == expired["refresh_token"]  # the sandbox does not rotate it
