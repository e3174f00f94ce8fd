"""The OAuth 2.0 connection: a Bearer access token obtained with the authorization-code flow."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from component import Connection, ConnectionFields, Input, InputError, Opened, OpenOptions
from component.inputs import Password, Text, describe
from component.oauth import OAuth2BearerAuth, OAuthClient
from component.redaction import Redactor
from gorgias_component.connections.api_key import DOMAIN_COMMENTS
from gorgias_component.connections.client import gorgias_client
from gorgias_component.connections.domain import Domain, oauth_url

__all__ = ["DEFAULT_SCOPES", "OAuth2Fields", "oauth2"]

DEFAULT_SCOPES = "openid profile email write:all offline"


class OAuth2Fields(ConnectionFields):
    """The fields of an OAuth 2.0 connection: the account's domain and the app's endpoints, credentials and scopes."""

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

    def oauth_client(self, settings: Mapping[str, str] | None = None) -> OAuthClient:
        """The OAuth app of this connection; its secret only ever goes to the account's own Gorgias host (or the
        base-URL override of `settings`, the process environment when None)."""
        return OAuthClient(
            client_id=self.clientId,
            client_secret=self.clientSecret,
            authorize_url=_own_url(self.domain, "authorizeUrl", "Authorize URL", self.authorizeUrl, "authorize",
                                   settings),
            token_url=_own_url(self.domain, "tokenUrl", "Token URL", self.tokenUrl, "token", settings),
            scope=self.scopes or DEFAULT_SCOPES,
            service="Gorgias",
            zero_lifetime_is_unknown=True,  # Gorgias answers expires_in 0 for its 24-hour JWT access tokens
        )


def _own_url(domain: str, key: str, label: str, value: str, endpoint: str, settings: Mapping[str, str] | None) -> str:
    """The URL when it is an OAuth endpoint of the account's own host (or the override's); else InputError."""
    prefix = oauth_url(domain, "/oauth/", settings)
    expected = urlsplit(prefix)
    text = value.strip().replace("<DOMAIN>", domain)
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        port = -1
    defaults = {"https": 443, "http": 80}
    same_origin = (
        parts.scheme.lower() == expected.scheme
        and (parts.hostname or "").lower() == (expected.hostname or "").lower()
        and (port or defaults.get(parts.scheme.lower())) == (expected.port or defaults.get(expected.scheme))
    )
    if (not same_origin or "@" in parts.netloc or parts.query or parts.fragment or any(c.isspace() for c in text)
            or not parts.path.startswith(expected.path) or parts.path == expected.path
            or any(segment in (".", "..") for segment in unquote(parts.path).split("/"))):
        # The client secret is sent to tokenUrl: it may only ever go to the account's own Gorgias host.
        raise InputError(key, f"Connection field '{key}' ({label}): expected an OAuth URL of the account's own "
                              f"Gorgias host such as {prefix}{endpoint}, received {describe(value)}.")
    return text


def open_oauth2(fields: ConnectionFields, token: Mapping[str, Any] | None, options: OpenOptions) -> Opened:
    """A client sending the newest Bearer token (refreshed as needed) on the runtime's session, budget and tokens."""
    assert isinstance(fields, OAuth2Fields)
    client = fields.oauth_client(options.runtime.settings)
    token = dict(token or {})
    access_token, refresh_token = token.get("access_token"), token.get("refresh_token")
    if not (isinstance(access_token, str) and access_token) and not (isinstance(refresh_token, str) and refresh_token):
        raise InputError(
            "token",
            "Connection 'oauth2' has no access token: authorize it first "
            "(gorgias-component oauth authorize-url, then oauth exchange).",
        )
    redactor = Redactor([fields.clientSecret])
    auth = OAuth2BearerAuth(client, token, on_token_refresh=options.on_token_refresh, redactor=redactor,
                            runtime=options.runtime)
    client_http = gorgias_client(fields.domain, "oauth2", f"{fields.clientId}:{refresh_token or access_token}",
                                 auth, redactor, options)
    return Opened(client_http)


oauth2 = Connection(
    "oauth2",
    "Gorgias OAuth 2.0",
    "Authenticate a Gorgias app with OAuth 2.0 (authorization code); tokens refresh automatically.",
    OAuth2Fields,
    open_oauth2,
)
