"""The OAuth 2.0 connection: a Bearer access token obtained with the authorization-code flow."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests

from component import Connection, ConnectionFields, Input, InputError, Opened, OpenOptions
from component.inputs import Password, Text
from component.redaction import Redactor
from connections.api_key import DOMAIN_COMMENTS
from connections.client import gorgias_client
from connections.domain import Domain

__all__ = ["DEFAULT_SCOPES", "OAuth2Fields", "oauth2"]

DEFAULT_SCOPES = "openid profile email write:all offline"


class OAuth2Fields(ConnectionFields):
    authorizeUrl: Text = Input(
        "Authorize URL", required=True, example="https://<DOMAIN>.gorgias.com/oauth/authorize",
        comments="The URL to which the user will be redirected to authorize your application. "
                 "This URL should be provided by the service provider.",
    )
    clientId: Text = Input("Client ID", required=True)
    clientSecret: Password = Input("Client Secret", required=True)
    domain: Domain = Input("Domain", required=True, comments=DOMAIN_COMMENTS, example="green-garden")
    scopes: Text = Input(
        "Scopes", default=DEFAULT_SCOPES, example=DEFAULT_SCOPES,
        comments="A space-separated list of permissions or access levels that your application is "
                 "requesting. Each scope is a string that represents a specific permission or set of permissions.",
    )
    tokenUrl: Text = Input(
        "Token URL", required=True, example="https://<DOMAIN>.gorgias.com/oauth/token",
        comments="The URL used to obtain an access token from the service provider. "
                 "This URL should be provided by the service provider.",
    )


class BearerAuth(requests.auth.AuthBase):
    """Authorization: Bearer <access token>; the token never appears in its repr."""

    def __init__(self, access_token: str) -> None:
        self._token = access_token

    def __repr__(self) -> str:
        return "BearerAuth(***)"

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request


def open_oauth2(fields: ConnectionFields, token: Mapping[str, Any] | None, options: OpenOptions) -> Opened:
    assert isinstance(fields, OAuth2Fields)
    access_token = (token or {}).get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise InputError(
            "token",
            "Connection 'oauth2' has no access token: authorize it first "
            "(gorgias-component oauth authorize-url, then oauth exchange).",
        )
    redactor = Redactor([fields.clientSecret, access_token, (token or {}).get("refresh_token")])
    client = gorgias_client(fields.domain, "oauth2", f"{fields.clientId}:{access_token}",
                            BearerAuth(access_token), redactor, options)
    return Opened(client)


oauth2 = Connection(
    "oauth2",
    "Gorgias OAuth 2.0",
    "Authenticate a Gorgias app with OAuth 2.0 (authorization code); tokens refresh automatically.",
    OAuth2Fields,
    open_oauth2,
)
