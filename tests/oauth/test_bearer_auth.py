"""The OAuth Bearer auth: refresh before expiry and once after a 401, keep the old refresh token, hand tokens back."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pytest
import requests
import responses

from component import ApiError, AuthError, InternalError, TransportError
from component.oauth import GrantError
from gorgias_component import gorgias
from tests.oauth.conftest import ACCOUNT, ACCOUNT_URL, CLIENT_SECRET, TOKEN_URL, bearer, client_basic, jwt, refresh_form

Connection = Callable[..., dict[str, Any]]


def _refreshed(exp: float, **extra: Any) -> dict[str, Any]:
    """What Gorgias answers to a refresh: a 24-hour JWT, expires_in 0 and no refresh token."""
    return {"access_token": jwt(exp, jti="new"), "expires_in": 0, "scope": "openid offline write:all",
            "token_type": "Bearer", **extra}


def test_a_token_far_from_expiry_is_sent_as_is_without_asking_for_a_new_one(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-old-1")])
    calls: list[dict[str, Any]] = []
    assert gorgias.run_action("getAccount", {}, make_connection(), on_token_refresh=calls.append) == {"data": ACCOUNT}
    assert calls == []


def test_a_token_within_five_minutes_of_expiry_is_refreshed_first_and_handed_back_once(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    exp = time.time() + 86400
    answer = _refreshed(exp)
    api_mock.post(TOKEN_URL, json=answer, match=[client_basic(), refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer(answer["access_token"])])
    calls: list[dict[str, Any]] = []
    connection = make_connection(expires_at=int(time.time()) + 240)
    assert gorgias.run_action("getAccount", {}, connection, on_token_refresh=calls.append) == {"data": ACCOUNT}
    assert calls == [{"access_token": answer["access_token"], "refresh_token": "refresh-1", "expires_at": int(exp),
                      "scope": "openid offline write:all", "token_type": "Bearer"}]


def test_the_expiry_of_a_stored_token_without_expires_at_is_read_from_its_jwt(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = _refreshed(time.time() + 86400)
    api_mock.post(TOKEN_URL, json=answer, match=[client_basic(), refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer(answer["access_token"])])
    expired = jwt(time.time() - 10)
    assert gorgias.run_action("getAccount", {}, make_connection(access_token=expired, expires_at=None))["data"] == ACCOUNT


def test_a_401_refreshes_once_and_replays_the_request_with_the_new_token(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = _refreshed(time.time() + 86400)
    api_mock.get(ACCOUNT_URL, status=401, json={"error": {"msg": "Unauthorized."}}, match=[bearer("access-old-1")])
    api_mock.post(TOKEN_URL, json=answer, match=[client_basic(), refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer(answer["access_token"])])
    calls: list[dict[str, Any]] = []
    assert gorgias.run_action("getAccount", {}, make_connection(), on_token_refresh=calls.append) == {"data": ACCOUNT}
    assert [c["access_token"] for c in calls] == [answer["access_token"]]


def test_a_second_401_after_the_refresh_is_an_auth_error_that_names_no_token(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = _refreshed(time.time() + 86400)
    echo = {"error": {"msg": f"Token {answer['access_token']} is not valid."}}
    api_mock.get(ACCOUNT_URL, status=401, json={"error": {"msg": "Unauthorized."}}, match=[bearer("access-old-1")])
    api_mock.post(TOKEN_URL, json=answer, match=[client_basic(), refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, status=401, json=echo, match=[bearer(answer["access_token"])])
    with pytest.raises(AuthError) as caught:
        gorgias.run_action("getAccount", {}, make_connection())
    assert str(caught.value) == ("Gorgias answered 401 Unauthorized to GET /account: Token [REDACTED] is not valid."
                                 " Reconnect the Gorgias OAuth connection to authorize it again.")
    assert caught.value.status == 401


def test_without_a_refresh_token_a_401_is_final_and_nothing_is_sent_to_the_token_endpoint(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.get(ACCOUNT_URL, status=401, json={"error": {"msg": "Unauthorized."}}, match=[bearer("access-old-1")])
    with pytest.raises(AuthError, match=r"^Gorgias answered 401 Unauthorized to GET /account: Unauthorized\. "
                                        r"Reconnect the Gorgias OAuth connection to authorize it again\.$"):
        gorgias.run_action("getAccount", {}, make_connection(refresh_token=None))


def test_a_revoked_refresh_token_says_to_reconnect(api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.post(TOKEN_URL, status=400, json={"error": "invalid_grant"}, match=[refresh_form("refresh-1")])
    with pytest.raises(GrantError) as caught:
        gorgias.run_action("getAccount", {}, make_connection(expires_at=int(time.time()) - 5))
    assert str(caught.value) == ("Gorgias refused the OAuth refresh token (invalid_grant): the refresh token was revoked "
                                 "or expired: reconnect the Gorgias OAuth connection to authorize it again.")
    assert (caught.value.status, caught.value.error, caught.value.body) == (400, "invalid_grant", {"error": "invalid_grant"})


def test_refused_client_credentials_say_which_fields_to_check(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.post(TOKEN_URL, status=401, json={"error": "invalid_client"}, match=[refresh_form("refresh-1")])
    with pytest.raises(GrantError, match=r"^Gorgias refused the OAuth client credentials \(invalid_client\): check the "
                                         r"Client ID and Client Secret of the connection\.$"):
        gorgias.run_action("getAccount", {}, make_connection(expires_at=int(time.time()) - 5))


def test_a_token_endpoint_outage_on_an_expired_token_is_an_api_error(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.post(TOKEN_URL, status=503, body="<html>down</html>", match=[refresh_form("refresh-1")])
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("getAccount", {}, make_connection(expires_at=int(time.time()) - 5))
    assert str(caught.value) == "Gorgias answered 503 Service Unavailable to the OAuth refresh request, without a token."
    assert type(caught.value) is ApiError


def test_a_network_failure_of_the_refresh_is_a_transport_error(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.post(TOKEN_URL, body=requests.ConnectionError("refused"), match=[refresh_form("refresh-1")])
    with pytest.raises(TransportError, match=r"^The OAuth refresh request to Gorgias failed: ConnectionError\.$"):
        gorgias.run_action("getAccount", {}, make_connection(expires_at=int(time.time()) - 5))


def test_an_early_refresh_that_fails_uses_the_still_valid_token_and_warns_without_secrets(
        api_mock: responses.RequestsMock, make_connection: Connection, caplog: pytest.LogCaptureFixture) -> None:
    api_mock.post(TOKEN_URL, status=503, body="busy", match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-old-1")])
    with caplog.at_level(logging.WARNING, logger="component.oauth"):
        result = gorgias.run_action("getAccount", {}, make_connection(expires_at=int(time.time()) + 120))
    assert result == {"data": ACCOUNT}
    assert caplog.messages == ["could not refresh the OAuth access token early, using the current one: Gorgias "
                               "answered 503 Service Unavailable to the OAuth refresh request, without a token."]


def test_the_next_call_uses_the_refreshed_token_even_when_the_host_passes_the_old_one(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = _refreshed(time.time() + 86400)
    api_mock.post(TOKEN_URL, json=answer, match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer(answer["access_token"])])
    stale = make_connection(expires_at=int(time.time()) - 5)
    first: list[dict[str, Any]] = []
    second: list[dict[str, Any]] = []
    gorgias.run_action("getAccount", {}, stale, on_token_refresh=first.append)
    gorgias.run_action("getAccount", {}, stale, on_token_refresh=second.append)
    assert (len(first), second) == (1, [])
    assert len(api_mock.calls) == 3  # one refresh, two API calls


def test_a_refresh_no_host_heard_about_is_handed_to_the_next_call_that_listens(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = _refreshed(time.time() + 86400)
    api_mock.post(TOKEN_URL, json=answer, match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer(answer["access_token"])])
    stale = make_connection(expires_at=int(time.time()) - 5)
    gorgias.run_action("getAccount", {}, stale)
    calls: list[dict[str, Any]] = []
    gorgias.run_action("getAccount", {}, stale, on_token_refresh=calls.append)
    gorgias.run_action("getAccount", {}, stale, on_token_refresh=calls.append)
    assert [c["access_token"] for c in calls] == [answer["access_token"]]


def test_a_failing_callback_stops_the_call_and_the_token_is_offered_again_next_time(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = _refreshed(time.time() + 86400)
    api_mock.post(TOKEN_URL, json=answer, match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer(answer["access_token"])])
    stale = make_connection(expires_at=int(time.time()) - 5)

    def disk_full(token: dict[str, Any]) -> None:
        raise OSError(28, f"No space left on device while writing {token['access_token']}")

    with pytest.raises(InternalError) as caught:
        gorgias.run_action("getAccount", {}, stale, on_token_refresh=disk_full)
    assert str(caught.value) == ("on_token_refresh failed, so the refreshed OAuth token was not stored: OSError: "
                                 "[Errno 28] No space left on device while writing [REDACTED]")
    calls: list[dict[str, Any]] = []
    assert gorgias.run_action("getAccount", {}, stale, on_token_refresh=calls.append) == {"data": ACCOUNT}
    assert [c["access_token"] for c in calls] == [answer["access_token"]]


def test_a_token_with_only_a_refresh_token_is_refreshed_before_the_first_request(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = _refreshed(time.time() + 86400)
    api_mock.post(TOKEN_URL, json=answer, match=[refresh_form("refresh-1")])
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer(answer["access_token"])])
    assert gorgias.run_action("getAccount", {}, make_connection(access_token=None, expires_at=None))["data"] == ACCOUNT


def test_the_client_secret_never_reaches_the_api_host(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.get(ACCOUNT_URL, json=ACCOUNT)
    gorgias.run_action("getAccount", {}, make_connection())
    sent = api_mock.calls[0].request
    assert CLIENT_SECRET not in f"{sent.url} {sent.headers} {sent.body}"
