"""OAuth timings come from the runtime (issue 15), and `expires_in: 0` is read as RFC 6749 says unless the API's
`OAuthClient` says that 0 tells nothing (Gorgias)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any

import pytest
import responses

from component.oauth import OAuthClient, exchange_code, token_expiry
from component.runtime import Runtime
from gorgias_component import gorgias
from tests.oauth.conftest import ACCOUNT, ACCOUNT_URL, TOKEN_URL, bearer, jwt, refresh_form

Connection = Callable[..., dict[str, Any]]
REDIRECT = "https://app.example.com/callback"
NOW = 1_767_225_600.0


def _runtime(**timings: float) -> Runtime:
    return Runtime(settings={"GORGIAS_RATE_LIMIT": "off"}, **timings)  # type: ignore[arg-type]


def test_the_defaults_are_the_former_constants() -> None:
    assert (Runtime().token_timeout, Runtime().refresh_cool_down) == (30.0, 60.0)


def test_the_code_exchange_waits_the_runtime_token_timeout(api_mock: responses.RequestsMock,
                                                           oauth_client: OAuthClient) -> None:
    api_mock.post(TOKEN_URL, json={"access_token": jwt(NOW + 3600), "token_type": "Bearer"})
    api_mock.post(TOKEN_URL, json={"access_token": jwt(NOW + 3600), "token_type": "Bearer"})
    exchange_code(oauth_client, "code-1", REDIRECT, runtime=_runtime(token_timeout=4.0))
    exchange_code(oauth_client, "code-2", REDIRECT)
    assert [call.request.req_kwargs["timeout"] for call in api_mock.calls] == [4.0, 30.0]


def test_a_refresh_waits_the_runtime_token_timeout(api_mock: responses.RequestsMock,
                                                   make_connection: Connection) -> None:
    api_mock.post(TOKEN_URL, json={"access_token": "access-new-2", "expires_in": 3600}, match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-new-2")])
    connection = make_connection(expires_at=int(time.time()) - 1)
    assert gorgias.using(_runtime(token_timeout=5.0)).run_action("getAccount", {}, connection) == {"data": ACCOUNT}
    assert api_mock.calls[0].request.req_kwargs["timeout"] == 5.0


def test_a_runtime_without_cool_down_tries_the_early_refresh_again_on_the_next_call(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    """The default cool-down (60 s) allows one failed early refresh a minute (see test_refresh_backoff); 0, one a call."""
    api_mock.post(TOKEN_URL, status=503, body="busy", match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-old-1")])
    connection = make_connection(expires_at=int(time.time()) + 120)
    bound = gorgias.using(_runtime(refresh_cool_down=0.0))
    for _ in range(3):
        assert bound.run_action("getAccount", {}, connection) == {"data": ACCOUNT}
    assert [c.request.url for c in api_mock.calls].count(TOKEN_URL) == 3


# -- expires_in: 0 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("access_token", [jwt(NOW + 86400), "opaque-token-value"])
def test_by_default_a_lifetime_of_zero_means_the_token_expires_now(access_token: str) -> None:
    """RFC 6749 5.1: expires_in is the lifetime in seconds from the response: 0 is already expired."""
    assert token_expiry({"access_token": access_token, "expires_in": 0}, NOW) == int(NOW)


def test_a_client_that_reads_zero_as_unknown_takes_the_jwt_exp_instead() -> None:
    token = {"access_token": jwt(NOW + 86400), "expires_in": 0}
    assert token_expiry(token, NOW, zero_lifetime_is_unknown=True) == int(NOW + 86400)
    assert token_expiry({"access_token": jwt(NOW + 86400), "expires_in": -5}, NOW) == int(NOW + 86400)  # nonsense


def test_an_exchange_keeps_the_jwt_exp_for_gorgias_and_is_expired_at_once_for_a_generic_client(
        api_mock: responses.RequestsMock, oauth_client: OAuthClient) -> None:
    exp = int(time.time()) + 86400
    answer = {"access_token": jwt(exp), "expires_in": 0, "refresh_token": "r", "token_type": "Bearer"}
    api_mock.post(TOKEN_URL, json=answer)
    api_mock.post(TOKEN_URL, json=answer)
    assert oauth_client.zero_lifetime_is_unknown  # the fixture is Gorgias's app, as connections/oauth2.py builds it
    assert exchange_code(oauth_client, "code-1", REDIRECT)["expires_at"] == exp
    before = int(time.time())
    generic = dataclasses.replace(oauth_client, zero_lifetime_is_unknown=False)
    assert before <= exchange_code(generic, "code-2", REDIRECT)["expires_at"] <= int(time.time())
