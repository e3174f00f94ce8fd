"""The sandbox's OAuth 2.0 server and bearer-token authentication of the API."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import requests

from gorgias_component.sandbox import Sandbox

REDIRECT = "http://127.0.0.1:9/callback"


def _authorize(sb: Sandbox, **extra: str) -> str:
    params = {"response_type": "code", "client_id": sb.client_id, "redirect_uri": REDIRECT,
              "scope": "openid profile email write:all offline", "state": "s1", "nonce": "n1", **extra}
    response = requests.get(f"{sb.origin}/oauth/authorize", params=params, allow_redirects=False)
    assert response.status_code == 302, response.text
    location = response.headers["Location"]
    assert location.startswith(REDIRECT + "?")
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == ["s1"]
    return query["code"][0]


def _claims(jwt: str) -> dict[str, object]:
    payload = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))  # type: ignore[no-any-return]


def test_authorize_token_refresh_revoke_cycle(sb: Sandbox) -> None:
    code = _authorize(sb)
    client = (sb.client_id, sb.client_secret)
    token = requests.post(f"{sb.origin}/oauth/token", auth=client,
                          data={"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT})
    assert token.status_code == 200, token.text
    body = token.json()
    assert set(body) == {"access_token", "expires_in", "id_token", "refresh_token", "scope", "token_type"}
    assert body["expires_in"] == 0 and body["token_type"] == "Bearer"
    claims = _claims(body["access_token"])
    assert claims["exp"] - claims["iat"] == 86400  # type: ignore[operator]
    assert claims["azp"] == sb.client_id and claims["aud"] == sb.base_url
    assert _claims(body["id_token"])["nonce"] == "n1"
    bearer = {"Authorization": f"Bearer {body['access_token']}"}
    assert requests.get(f"{sb.base_url}/account", headers=bearer).status_code == 200

    refreshed = requests.post(f"{sb.origin}/oauth/token", auth=client,
                              data={"grant_type": "refresh_token", "refresh_token": body["refresh_token"]})
    assert refreshed.status_code == 200
    assert "refresh_token" not in refreshed.json()
    assert refreshed.json()["expires_in"] == 0
    new_bearer = {"Authorization": f"Bearer {refreshed.json()['access_token']}"}
    assert requests.get(f"{sb.base_url}/account", headers=new_bearer).status_code == 200

    revoked = requests.post(f"{sb.origin}/oauth/revoke", auth=client, data={"token": body["refresh_token"]})
    assert (revoked.status_code, revoked.json()) == (200, {})
    again = requests.post(f"{sb.origin}/oauth/token", auth=client,
                          data={"grant_type": "refresh_token", "refresh_token": body["refresh_token"]})
    assert (again.status_code, again.json()) == (400, {"error": "invalid_grant"})
    assert (sb.stats.token_grants, sb.stats.token_refreshes) == (1, 1)


def test_codes_are_single_use_and_bound_to_the_redirect_uri(sb: Sandbox) -> None:
    code = _authorize(sb)
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": "http://127.0.0.1:9/other",
            "client_id": sb.client_id, "client_secret": sb.client_secret}  # client credentials in the form
    assert requests.post(f"{sb.origin}/oauth/token", data=form).json() == {"error": "invalid_grant"}
    code = _authorize(sb)
    form.update(code=code, redirect_uri=REDIRECT)
    assert requests.post(f"{sb.origin}/oauth/token", data=form).status_code == 200
    assert requests.post(f"{sb.origin}/oauth/token", data=form).status_code == 400


def test_bad_client_unknown_grant_and_bad_authorize_requests(sb: Sandbox) -> None:
    bad_client = requests.post(f"{sb.origin}/oauth/token", auth=(sb.client_id, "wrong"),
                               data={"grant_type": "refresh_token", "refresh_token": "x"})
    assert (bad_client.status_code, bad_client.json()) == (401, {"error": "invalid_client"})
    unsupported = requests.post(f"{sb.origin}/oauth/token", auth=(sb.client_id, sb.client_secret),
                                data={"grant_type": "password"})
    assert (unsupported.status_code, unsupported.json()) == (400, {"error": "unsupported_grant_type"})
    authorize = f"{sb.origin}/oauth/authorize"
    assert requests.get(authorize, params={"response_type": "code", "client_id": "nope",
                                           "redirect_uri": REDIRECT}, allow_redirects=False).status_code == 400
    assert requests.get(authorize, params={"response_type": "code", "client_id": sb.client_id},
                        allow_redirects=False).status_code == 400


def test_expired_or_forged_tokens_are_401(sb: Sandbox) -> None:
    expired = sb.issue_token(expires_in_seconds=-5)
    assert requests.get(f"{sb.base_url}/account",
                        headers={"Authorization": f"Bearer {expired['access_token']}"}).status_code == 401
    token = sb.issue_token()
    header, payload, _ = token["access_token"].split(".")
    forged = f"{header}.{payload}.AAAA"
    response = requests.get(f"{sb.base_url}/account", headers={"Authorization": f"Bearer {forged}"})
    assert (response.status_code, response.json()) == (401, {"error": {"msg": "Unauthorized."}})


def test_expire_access_tokens_forces_a_refresh(sb: Sandbox) -> None:
    token = sb.issue_token()
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    assert requests.get(f"{sb.base_url}/account", headers=bearer).status_code == 200
    sb.expire_access_tokens()
    assert requests.get(f"{sb.base_url}/account", headers=bearer).status_code == 401
    refreshed = requests.post(f"{sb.origin}/oauth/token", auth=(sb.client_id, sb.client_secret),
                              data={"grant_type": "refresh_token", "refresh_token": token["refresh_token"]})
    new_bearer = {"Authorization": f"Bearer {refreshed.json()['access_token']}"}
    assert requests.get(f"{sb.base_url}/account", headers=new_bearer).status_code == 200
    sb.revoke_all_refresh_tokens()
    assert requests.post(f"{sb.origin}/oauth/token", auth=(sb.client_id, sb.client_secret),
                         data={"grant_type": "refresh_token",
                               "refresh_token": token["refresh_token"]}).status_code == 400


def test_oauth_connection_carries_a_working_token(sb: Sandbox) -> None:
    connection = sb.oauth_connection()
    assert connection["key"] == "oauth2"
    assert connection["fields"]["tokenUrl"] == f"{sb.origin}/oauth/token"
    assert connection["fields"]["scopes"] == "openid profile email write:all offline"
    token = connection["token"]
    assert token["expires_at"] > 0 and token["token_type"] == "Bearer"
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    assert requests.get(f"{sb.base_url}/tickets", headers=headers).status_code == 200


def test_granular_scopes_are_enforced_when_write_all_is_absent(sb: Sandbox) -> None:
    token = sb.issue_token(scope="openid customers:read")
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    assert requests.get(f"{sb.base_url}/customers", headers=headers).status_code == 200
    denied = requests.post(f"{sb.base_url}/customers", headers=headers, json={"email": "s@example.com"})
    assert (denied.status_code, denied.json()) == (403, {"error": {"msg": "Missing scope: customers:write"}})
    assert sb.stats.processed[("POST", "/api/customers")] == 0
