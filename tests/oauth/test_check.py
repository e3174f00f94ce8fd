"""check_connection turns failures of both connections into messages that say which field to fix."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
import requests
import responses

from component import ApiError, AuthError, TransportError
from component.oauth import GrantError
from gorgias_component import gorgias
from gorgias_component.connections.check import missing_scope
from tests.oauth.conftest import ACCOUNT, ACCOUNT_URL, TOKEN_URL, jwt, refresh_form
from tests.support.mocked_gorgias import MockedGorgias

Connection = Callable[..., dict[str, Any]]
NOT_FOUND_PAGE = "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>"


def test_a_working_connection_returns_the_account(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.add(responses.GET, "/account", json=ACCOUNT)
    assert gorgias.check_connection(connection) == {"data": ACCOUNT}


def test_the_404_html_page_of_an_unknown_subdomain_says_to_check_the_domain(
        gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.add(responses.GET, "/account", status=404, body=NOT_FOUND_PAGE, content_type="text/html")
    with pytest.raises(AuthError) as caught:
        gorgias.check_connection(connection)
    assert str(caught.value) == ("Connection check failed: no Gorgias account at acme.gorgias.com: check the Domain "
                                 "(the part before .gorgias.com, as in https://acme.gorgias.com/api).")
    assert (caught.value.status, caught.value.body) == (404, NOT_FOUND_PAGE)


def test_a_401_with_an_api_key_says_to_check_the_username_and_api_key(
        gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.add(responses.GET, "/account", status=401, json={"error": {"msg": "Unauthorized."}})
    with pytest.raises(AuthError) as caught:
        gorgias.check_connection(connection)
    assert str(caught.value) == ("Connection check failed: Gorgias refused the username or API key (401): check the "
                                 "Username (the email you sign in to Gorgias with) and the API Key (Settings → REST API).")
    assert isinstance(caught.value.__cause__, AuthError) and caught.value.__cause__.status == 401


def test_a_401_with_oauth_after_the_refresh_says_to_reconnect(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    answer = {"access_token": jwt(time.time() + 86400), "expires_in": 0, "token_type": "Bearer"}
    api_mock.get(ACCOUNT_URL, status=401, json={"error": {"msg": "Unauthorized."}})
    api_mock.post(TOKEN_URL, json=answer, match=[refresh_form("refresh-1")])
    with pytest.raises(AuthError) as caught:
        gorgias.check_connection(make_connection())
    assert str(caught.value) == ("Connection check failed: Gorgias refused the OAuth access token even after refreshing "
                                 "it (401): reconnect the Gorgias OAuth connection to authorize it again.")
    assert len(api_mock.calls) == 3


def test_a_403_that_names_the_missing_scope_says_to_add_it(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.get(ACCOUNT_URL, status=403, json={"error": {"msg": "Missing scope: account:read"}})
    with pytest.raises(AuthError) as caught:
        gorgias.check_connection(make_connection())
    assert str(caught.value) == ("Connection check failed: the OAuth token lacks the scope account:read (403): add "
                                 "account:read to Scopes and reconnect the Gorgias OAuth connection.")


def test_a_403_without_a_scope_name_gives_gorgias_words_and_what_to_try(
        api_mock: responses.RequestsMock, make_connection: Connection, connection: dict[str, Any]) -> None:
    api_mock.get(ACCOUNT_URL, status=403, json={"error": {"msg": "Forbidden."}})  # answers both connections' credentials
    with pytest.raises(AuthError) as oauth_error:
        gorgias.check_connection(make_connection())
    assert str(oauth_error.value) == ("Connection check failed: Gorgias refused access to the account (403) (Forbidden.): "
                                      "add account:read (or write:all) to Scopes and reconnect.")
    with pytest.raises(AuthError) as key_error:
        gorgias.check_connection(connection)
    assert str(key_error.value) == ("Connection check failed: Gorgias refused access to the account (403) (Forbidden.): "
                                    "ask a Gorgias admin to give this user a role that can read the account.")


def test_a_revoked_refresh_token_keeps_its_reconnect_message(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.post(TOKEN_URL, status=400, json={"error": "invalid_grant"}, match=[refresh_form("refresh-1")])
    with pytest.raises(GrantError, match=r"the refresh token was revoked or expired: reconnect the Gorgias OAuth "
                                         r"connection to authorize it again\.$"):
        gorgias.check_connection(make_connection(expires_at=int(time.time()) - 5))


def test_other_failures_pass_through_unchanged(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.add(responses.GET, "/account", status=500, json={"error": {"msg": "Boom."}})
    with pytest.raises(ApiError) as caught:
        gorgias.check_connection(connection)
    assert type(caught.value) is ApiError
    assert str(caught.value) == "Gorgias answered 500 Internal Server Error to GET /account: Boom."


def test_a_network_failure_passes_through_as_a_transport_error(
        gorgias_api: MockedGorgias, connection: dict[str, Any], sleeps: list[float]) -> None:
    gorgias_api.add(responses.GET, "/account", body=requests.ConnectionError("refused"))
    with pytest.raises(TransportError):
        gorgias.check_connection(connection)


@pytest.mark.parametrize(("body", "scope"), [
    ({"error": {"msg": "Missing scope: tickets:write"}}, "tickets:write"),
    ({"error": {"msg": "This endpoint requires the account:read scope."}}, "account:read"),
    ({"error": {"msg": "Forbidden."}}, None),
    ("write:all is required", "write:all"),
    (None, None),
])
def test_missing_scope_reads_the_scope_gorgias_names(body: Any, scope: str | None) -> None:
    assert missing_scope(body) == scope
