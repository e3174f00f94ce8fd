"""Against the sandbox: refresh on expiry and on 401 (Raw Request too), a revoked refresh token, concurrent refresh."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from component import AuthError
from component.oauth import GrantError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox

REFRESH_TOKEN_STAYS = "the refresh token Gorgias never rotates"


def _valid(sb: Sandbox, token: dict[str, Any]) -> bool:
    return sb.oauth.verify(token["access_token"]) is not None


def test_a_token_about_to_expire_is_refreshed_before_the_call_and_handed_back(sb: Sandbox) -> None:
    token = sb.issue_token(expires_in_seconds=60)
    calls: list[dict[str, Any]] = []
    result = gorgias.run_action("getAccount", {}, sb.oauth_connection(token), on_token_refresh=calls.append)
    assert result["data"]["domain"] == "sandbox"
    assert (sb.stats.token_refreshes, sb.stats.unauthorized, len(calls)) == (1, 0, 1)
    new = calls[0]
    assert new["refresh_token"] == token["refresh_token"], REFRESH_TOKEN_STAYS
    assert new["access_token"] != token["access_token"] and _valid(sb, new)
    assert new["expires_at"] - token["expires_at"] >= 86400 - 60 - 5  # from the JWT exp, since expires_in is 0


def test_a_401_on_a_token_that_looks_valid_refreshes_once_and_replays_the_call(sb: Sandbox) -> None:
    token = sb.issue_token()
    sb.expire_access_tokens()
    calls: list[dict[str, Any]] = []
    result = gorgias.run_action("listCustomers", {"limit": "2"}, sb.oauth_connection(token), on_token_refresh=calls.append)
    assert len(result["data"]["data"]) == 2
    assert (sb.stats.token_refreshes, sb.stats.unauthorized, len(calls)) == (1, 1, 1)
    assert _valid(sb, calls[0])


def test_a_raw_request_that_meets_a_401_is_replayed_after_the_refresh(sb: Sandbox) -> None:
    token = sb.issue_token()
    sb.expire_access_tokens()
    calls: list[dict[str, Any]] = []
    result = gorgias.run_action("rawRequest", {"method": "GET", "url": "/account"}, sb.oauth_connection(token),
                                on_token_refresh=calls.append)
    assert result["data"]["domain"] == "sandbox"
    assert (sb.stats.token_refreshes, sb.stats.unauthorized, len(calls)) == (1, 1, 1)


def test_a_revoked_refresh_token_is_an_auth_error_that_says_to_reconnect(sb: Sandbox) -> None:
    token = sb.issue_token()
    sb.revoke_all_refresh_tokens()
    sb.expire_access_tokens()
    calls: list[dict[str, Any]] = []
    with pytest.raises(GrantError) as caught:
        gorgias.run_action("getAccount", {}, sb.oauth_connection(token), on_token_refresh=calls.append)
    assert isinstance(caught.value, AuthError)
    assert str(caught.value) == ("Gorgias refused the OAuth refresh token (invalid_grant): the refresh token was revoked "
                                 "or expired: reconnect the Gorgias OAuth connection to authorize it again.")
    assert calls == [] and sb.stats.token_refreshes == 0


def test_a_revoked_refresh_token_still_lets_an_unexpired_access_token_work(sb: Sandbox) -> None:
    token = sb.issue_token()
    sb.revoke_all_refresh_tokens()
    assert gorgias.run_action("getAccount", {}, sb.oauth_connection(token))["data"]["domain"] == "sandbox"


def _in_parallel(count: int, call: Any) -> tuple[list[Any], list[BaseException]]:
    barrier = threading.Barrier(count)
    results: list[Any] = []
    errors: list[BaseException] = []

    def worker() -> None:
        barrier.wait()
        try:
            results.append(call())
        except BaseException as exc:  # collected and asserted on by the test
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_eight_concurrent_calls_on_an_expired_token_refresh_it_once_and_all_succeed(sb: Sandbox) -> None:
    connection = sb.oauth_connection(sb.issue_token(expires_in_seconds=-30))
    calls: list[dict[str, Any]] = []
    results, errors = _in_parallel(8, lambda: gorgias.run_action("getAccount", {}, connection,
                                                                 on_token_refresh=calls.append))
    assert errors == []
    assert [r["data"]["domain"] for r in results] == ["sandbox"] * 8
    assert (sb.stats.token_refreshes, sb.stats.unauthorized, len(calls)) == (1, 0, 1)


def test_eight_concurrent_calls_that_meet_a_401_refresh_once_and_all_succeed(sb: Sandbox) -> None:
    connection = sb.oauth_connection(sb.issue_token())
    sb.expire_access_tokens()
    calls: list[dict[str, Any]] = []
    results, errors = _in_parallel(8, lambda: gorgias.run_action("getAccount", {}, connection,
                                                                 on_token_refresh=calls.append))
    assert errors == []
    assert len(results) == 8
    assert (sb.stats.token_refreshes, len(calls)) == (1, 1)
    # Only first requests can be refused: a call that starts after the refresh already carries the new token.
    assert 1 <= sb.stats.unauthorized <= 8
