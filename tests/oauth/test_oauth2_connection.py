"""The Gorgias OAuth connection: its token and authorize URLs may only point at the account's own host."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import responses

from component import InputError
from component.oauth import OAuthClient
from gorgias_component import gorgias
from gorgias_component.connections.oauth2 import DEFAULT_SCOPES, OAuth2Fields
from tests.oauth.conftest import ACCOUNT, ACCOUNT_URL, CLIENT_ID, CLIENT_SECRET, bearer
from tests.support.mocked_gorgias import oauth_connection

Connection = Callable[..., dict[str, Any]]


def _fields(**changes: Any) -> OAuth2Fields:
    return OAuth2Fields.parse(oauth_connection(**changes)["fields"])


@pytest.mark.usefixtures("unit_env")
def test_the_oauth_client_of_a_connection_holds_its_endpoints_and_the_default_scopes() -> None:
    client = _fields().oauth_client()
    assert client == OAuthClient(CLIENT_ID, CLIENT_SECRET, "https://acme.gorgias.com/oauth/authorize",
                                 "https://acme.gorgias.com/oauth/token", DEFAULT_SCOPES, service="Gorgias",
                                 zero_lifetime_is_unknown=True)
    assert DEFAULT_SCOPES == "openid profile email write:all offline"
    assert CLIENT_SECRET not in repr(client)


@pytest.mark.usefixtures("unit_env")
def test_the_documented_domain_placeholder_and_a_default_port_are_accepted() -> None:
    client = _fields(tokenUrl="https://<DOMAIN>.gorgias.com/oauth/token",
                     authorizeUrl=" https://ACME.gorgias.com:443/oauth/authorize ").oauth_client()
    assert (client.token_url, client.authorize_url) == (
        "https://acme.gorgias.com/oauth/token", "https://ACME.gorgias.com:443/oauth/authorize")


@pytest.mark.usefixtures("unit_env")
@pytest.mark.parametrize("url", [
    "https://evil.example.com/oauth/token",
    "https://other.gorgias.com/oauth/token",
    "http://acme.gorgias.com/oauth/token",
    "https://acme.gorgias.com:8443/oauth/token",
    "https://acme.gorgias.com.evil.example/oauth/token",
    "https://user@acme.gorgias.com/oauth/token",
    "https://acme.gorgias.com/api/token",
    "https://acme.gorgias.com/oauth/",
    "https://acme.gorgias.com/oauth/%2e%2e/api/x",
    "https://acme.gorgias.com/oauth/token?x=1",
    "https://acme.gorgias.com/oauth/to ken",
    "acme.gorgias.com/oauth/token",
])
def test_a_token_url_off_the_accounts_own_host_is_refused_naming_the_field(url: str) -> None:
    with pytest.raises(InputError) as caught:
        _fields(tokenUrl=url).oauth_client()
    assert caught.value.key == "tokenUrl"
    shown = url if len(url) <= 40 else url[:37] + "..."
    assert str(caught.value) == ("Connection field 'tokenUrl' (Token URL): expected an OAuth URL of the account's own "
                                 f'Gorgias host such as https://acme.gorgias.com/oauth/token, received "{shown}".')


@pytest.mark.usefixtures("unit_env")
def test_an_authorize_url_off_the_accounts_own_host_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError) as caught:
        _fields(authorizeUrl="https://login.example.com/oauth/authorize").oauth_client()
    assert caught.value.key == "authorizeUrl"
    assert str(caught.value).startswith("Connection field 'authorizeUrl' (Authorize URL): expected an OAuth URL of the "
                                        "account's own Gorgias host such as https://acme.gorgias.com/oauth/authorize, ")


def test_with_a_base_url_override_only_that_origin_may_receive_the_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_API_BASE_URL", "http://127.0.0.1:8765/api")
    client = _fields(tokenUrl="http://127.0.0.1:8765/oauth/token",
                     authorizeUrl="http://127.0.0.1:8765/oauth/authorize").oauth_client()
    assert client.token_url == "http://127.0.0.1:8765/oauth/token"
    with pytest.raises(InputError, match=r"such as http://127\.0\.0\.1:8765/oauth/token, received "):
        _fields(authorizeUrl="http://127.0.0.1:8765/oauth/authorize").oauth_client()


def test_a_bad_token_url_fails_before_any_request(api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    connection = make_connection()
    connection["fields"]["tokenUrl"] = "https://collector.example.com/oauth/token"
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getAccount", {}, connection)
    assert caught.value.key == "tokenUrl"


def test_a_connection_without_any_token_says_to_authorize_first(
        api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    connection = make_connection(access_token=None, refresh_token=None)
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getAccount", {}, connection)
    assert (caught.value.key, str(caught.value)) == ("token", "Connection 'oauth2' has no access token: authorize it "
                                                     "first (gorgias-component oauth authorize-url, then oauth exchange).")


def test_the_access_token_is_sent_as_a_bearer_header(api_mock: responses.RequestsMock, make_connection: Connection) -> None:
    api_mock.get(ACCOUNT_URL, json=ACCOUNT, match=[bearer("access-old-1")])
    assert gorgias.run_action("getAccount", {}, make_connection()) == {"data": ACCOUNT}
