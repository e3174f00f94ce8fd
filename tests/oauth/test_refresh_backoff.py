"""Early refreshes that fail (issue 9): a cool-down before the next try, and none at all after invalid_grant."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
import responses

from component.oauth import COOL_DOWN_SECONDS, GrantError
from gorgias_component import gorgias
from tests.oauth.conftest import ACCOUNT, ACCOUNT_URL, TOKEN_URL, bearer, refresh_form

Connection = Callable[..., dict[str, Any]]


def test_after_a_failed_early_refresh_the_next_calls_do_not_try_again_during_the_cool_down(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.post(TOKEN_URL, status=503, body="busy", match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-old-1")])
    connection = make_connection(expires_at=int(time.time()) + 120)
    for _ in range(3):  # the strict mock allows one token request only
        assert gorgias.run_action("getAccount", {}, connection) == {"data": ACCOUNT}
    assert [c.request.url for c in api_mock.calls].count(TOKEN_URL) == 1
    assert COOL_DOWN_SECONDS == 60.0


def test_after_the_cool_down_an_early_refresh_is_tried_again(api_mock: responses.RequestsMock,
                                                              make_connection: Connection,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    api_mock.post(TOKEN_URL, status=503, body="busy", match=[refresh_form("refresh-1")])
    api_mock.post(TOKEN_URL, json={"access_token": "access-new-2", "expires_in": 3600}, match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-old-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-new-2")])
    connection = make_connection(expires_at=int(time.time()) + 200)
    gorgias.run_action("getAccount", {}, connection)
    later = time.time() + COOL_DOWN_SECONDS + 1
    monkeypatch.setattr("component.oauth.time.time", lambda: later)
    stored: list[dict[str, Any]] = []
    assert gorgias.run_action("getAccount", {}, connection, on_token_refresh=stored.append) == {"data": ACCOUNT}
    assert [t["access_token"] for t in stored] == ["access-new-2"]


def test_after_invalid_grant_the_access_token_is_used_until_it_expires_and_never_refreshed_again(
        api_mock: responses.RequestsMock, make_connection: Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    api_mock.post(TOKEN_URL, status=400, json={"error": "invalid_grant"}, match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-old-1")])
    expires_at = int(time.time()) + 120
    connection = make_connection(expires_at=expires_at)
    assert gorgias.run_action("getAccount", {}, connection) == {"data": ACCOUNT}
    later = time.time() + COOL_DOWN_SECONDS + 1  # past any cool-down, still before expiry
    monkeypatch.setattr("component.oauth.time.time", lambda: later)
    assert gorgias.run_action("getAccount", {}, connection) == {"data": ACCOUNT}
    expired = expires_at + 1.0
    monkeypatch.setattr("component.oauth.time.time", lambda: expired)
    with pytest.raises(GrantError, match=r"^Gorgias refused the OAuth refresh token \(invalid_grant\).*reconnect"):
        gorgias.run_action("getAccount", {}, connection)
    assert [c.request.url for c in api_mock.calls].count(TOKEN_URL) == 1
