"""The authorization step: the authorize URL (scopes, redirect URI, state, nonce) and the code exchange at the token URL."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses
from responses import matchers

from component import ApiError, AuthError, InputError, TransportError
from component.oauth import GrantError, OAuthClient, authorization_url, exchange_code
from tests.oauth.conftest import CLIENT_ID, CLIENT_SECRET, SCOPES, TOKEN_URL, client_basic, jwt

REDIRECT = "https://app.example.com/oauth/callback"


def _code_form(code: str = "the-code") -> Any:
    return matchers.urlencoded_params_matcher({"grant_type": "authorization_code", "code": code,
                                               "redirect_uri": REDIRECT})


def test_the_authorize_url_carries_client_scopes_redirect_state_and_nonce(oauth_client: OAuthClient) -> None:
    url, state, nonce = authorization_url(oauth_client, REDIRECT)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "acme.gorgias.com", "/oauth/authorize")
    assert parse_qs(parts.query) == {"response_type": ["code"], "client_id": [CLIENT_ID], "redirect_uri": [REDIRECT],
                                     "scope": [SCOPES], "state": [state], "nonce": [nonce]}
    assert CLIENT_SECRET not in url


def test_state_and_nonce_are_random_unless_the_caller_gives_the_state(oauth_client: OAuthClient) -> None:
    _, state_1, nonce_1 = authorization_url(oauth_client, REDIRECT)
    _, state_2, nonce_2 = authorization_url(oauth_client, REDIRECT)
    assert state_1 != state_2 and nonce_1 != nonce_2 and min(len(state_1), len(nonce_1)) >= 30
    url, state, _ = authorization_url(oauth_client, REDIRECT, state="mine")
    assert state == "mine" and parse_qs(urlsplit(url).query)["state"] == ["mine"]


@pytest.mark.parametrize("uri", ["", "callback", "ftp://app.example.com/cb", "https://app.example.com/cb#x", None])
def test_a_redirect_uri_that_is_not_an_absolute_http_url_is_refused(oauth_client: OAuthClient, uri: str | None) -> None:
    with pytest.raises(InputError) as caught:
        authorization_url(oauth_client, uri)  # type: ignore[arg-type]
    assert caught.value.key == "redirect_uri"
    assert str(caught.value).startswith("Redirect URI: expected an absolute http(s) URL registered for the app, received ")


def test_the_code_exchange_sends_client_basic_auth_and_returns_the_token_with_its_expiry(
        api_mock: responses.RequestsMock, oauth_client: OAuthClient) -> None:
    exp = int(time.time()) + 86400
    answer = {"access_token": jwt(exp), "expires_in": 0, "id_token": jwt(exp, nonce="n-1"),
              "refresh_token": "refresh-new", "scope": SCOPES, "token_type": "Bearer"}
    api_mock.post(TOKEN_URL, json=answer, match=[client_basic(), _code_form()])
    token = exchange_code(oauth_client, "the-code", REDIRECT, nonce="n-1")
    assert token == {**{k: v for k, v in answer.items() if k != "expires_in"}, "expires_at": exp}


def test_an_id_token_for_another_nonce_is_refused(api_mock: responses.RequestsMock, oauth_client: OAuthClient) -> None:
    answer = {"access_token": jwt(None), "id_token": jwt(None, nonce="other"), "refresh_token": "r", "token_type": "Bearer"}
    api_mock.post(TOKEN_URL, json=answer, match=[_code_form()])
    with pytest.raises(AuthError, match=r"^Gorgias returned an id_token for another authorization request \(nonce "
                                        r"mismatch\): authorize again\.$"):
        exchange_code(oauth_client, "the-code", REDIRECT, nonce="n-1")


def test_a_used_or_expired_code_says_to_authorize_again(api_mock: responses.RequestsMock, oauth_client: OAuthClient) -> None:
    api_mock.post(TOKEN_URL, status=400, json={"error": "invalid_grant"}, match=[_code_form()])
    with pytest.raises(GrantError) as caught:
        exchange_code(oauth_client, "the-code", REDIRECT)
    assert str(caught.value) == ("Gorgias refused the authorization code (invalid_grant): it was already used, has "
                                 "expired or was issued for another redirect URI: authorize again.")


def test_another_oauth_error_is_reported_with_its_description_and_no_secret(
        api_mock: responses.RequestsMock, oauth_client: OAuthClient) -> None:
    body = {"error": "invalid_request", "error_description": f"bad secret {CLIENT_SECRET} for code the-code"}
    api_mock.post(TOKEN_URL, status=400, json=body, match=[_code_form()])
    with pytest.raises(GrantError) as caught:
        exchange_code(oauth_client, "the-code", REDIRECT)
    assert str(caught.value) == ("Gorgias refused the OAuth code exchange request (invalid_request: bad secret "
                                 "[REDACTED] for code [REDACTED]).")
    assert caught.value.body == {"error": "invalid_request",
                                 "error_description": "bad secret [REDACTED] for code [REDACTED]"}


def test_an_answer_without_an_access_token_is_an_error(api_mock: responses.RequestsMock, oauth_client: OAuthClient) -> None:
    api_mock.post(TOKEN_URL, json={"token_type": "Bearer"}, match=[_code_form()])
    with pytest.raises(ApiError, match=r"^Gorgias answered the OAuth code exchange request without an access_token\.$"):
        exchange_code(oauth_client, "the-code", REDIRECT)


def test_a_timeout_of_the_exchange_is_a_transport_error(api_mock: responses.RequestsMock, oauth_client: OAuthClient) -> None:
    api_mock.post(TOKEN_URL, body=requests.ReadTimeout("slow"), match=[_code_form()])
    with pytest.raises(TransportError, match=r"^The OAuth code exchange request to Gorgias timed out: ReadTimeout\.$"):
        exchange_code(oauth_client, "the-code", REDIRECT)


def test_an_empty_code_is_refused_before_anything_is_sent(oauth_client: OAuthClient) -> None:
    with pytest.raises(InputError, match=r'^Authorization code: expected the `code` of the redirect, received " "\.$'):
        exchange_code(oauth_client, " ", REDIRECT)
