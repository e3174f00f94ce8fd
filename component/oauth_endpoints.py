"""The OAuth endpoints: the authorization URL, and the token requests (code exchange, refresh) with their failures.

`OAuthClient` is the OAuth app a connection describes. Its token endpoint is asked through an authlib
session that never follows a redirect (the refresh token would go along) and reads each answer under
a deadline and a size cap; every failure becomes a ComponentError that carries no secret (a
`GrantError` when the grant was refused). Separate from the tokens as values (`component.oauth_tokens`)
and from the auth that decides when to refresh and shares the new token (`component.oauth`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token

from component import transport
from component.errors import ApiError, AuthError, InputError, TransportError
from component.input_kinds import describe
from component.oauth_tokens import LEEWAY_SECONDS, jwt_claims, normalised_token
from component.payloads import decode_body
from component.redaction import Redactor
from component.runtime import Runtime, default_runtime

__all__ = ["TOKEN_FAILURES", "TOKEN_REQUEST", "GrantError", "HasOAuthClient", "OAuthClient", "authorization_url",
           "exchange_code", "for_authlib", "require_access_token", "token_failure", "token_session"]

MAX_TOKEN_BODY = 1024 * 1024  # a token answer is a few hundred bytes


@dataclass(frozen=True)
class OAuthClient:
    """An OAuth app as a connection knows it: credentials and endpoints, already validated by the connection."""

    client_id: str
    client_secret: str = field(repr=False)
    authorize_url: str
    token_url: str
    scope: str
    service: str = "the API"  # names the API in messages ("Gorgias")
    # RFC 6749: `expires_in` is the token's lifetime, so 0 means it expires at once. Some APIs send 0 for
    # long-lived tokens: True reads 0 as "not said" (the JWT's exp claim, else 24 hours, is used instead).
    zero_lifetime_is_unknown: bool = False


@runtime_checkable
class HasOAuthClient(Protocol):
    """Connection fields that describe an OAuth app (what the `oauth` CLI commands need)."""

    def oauth_client(self, settings: Mapping[str, str] | None = None) -> OAuthClient:
        """The OAuth client these fields describe (client id and secret, endpoints, scopes), under the runtime's
        `settings` (the process environment when None)."""
        ...


class GrantError(AuthError):
    """The token endpoint refused a grant: `error` is the OAuth error code such as "invalid_grant"."""

    def __init__(self, message: str, *, error: str, status: int, body: Any = None) -> None:
        super().__init__(message, status=status, body=body)
        self.error = error


def for_authlib(token: Mapping[str, Any]) -> dict[str, Any]:
    """The token as authlib signs with it: always Bearer, with an access token string."""
    # Only Bearer is supported; a missing or odd token_type must not break signing.
    return {**token, "token_type": "Bearer", "access_token": token.get("access_token") or ""}


# -- talking to the token endpoint ------------------------------------------------------------

def token_session(client: OAuthClient, timeout: float, token: Mapping[str, Any] | None = None,
             update_token: Callable[..., None] | None = None) -> tuple[Any, list[requests.Response]]:
    """An authlib session for the token endpoint (client credentials by HTTP Basic) and its last answers."""
    # authlib's requests client pulls in ~100 modules: import it when a token endpoint is first needed.
    from authlib.integrations.requests_client import OAuth2Session

    answers: list[requests.Response] = []

    def keep(response: requests.Response) -> requests.Response:
        answers[:] = [response]
        if 300 <= response.status_code < 400:
            response.close()
            raise _Redirected(response=response)
        try:
            transport.read_body(response, MAX_TOKEN_BODY)
        except transport.BodyTooLarge:
            raise _TooLarge(response=response) from None
        return response

    session = OAuth2Session(
        client.client_id, client.client_secret, token_endpoint_auth_method="client_secret_basic",
        token=for_authlib(token) if token is not None else None, update_token=update_token,
        leeway=LEEWAY_SECONDS, token_endpoint=client.token_url, default_timeout=timeout,
    )
    transport.guard(session)  # deadlines on every read; no proxies or .netrc credentials picked up implicitly
    session.register_compliance_hook("access_token_response", keep)
    session.register_compliance_hook("refresh_token_response", keep)
    return session, answers


class _Redirected(requests.RequestException):
    """The token endpoint answered with a redirect: it is never followed (the refresh token would go along)."""


class _TooLarge(requests.RequestException):
    """The token endpoint's answer is larger than any token."""


# Sent with every token request: redirects are refused, the body is read by `keep` under the cap.
TOKEN_REQUEST = MappingProxyType({"allow_redirects": False, "stream": True})


def token_failure(exc: Exception, client: OAuthClient, what: str, answers: list[requests.Response],
                   redactor: Redactor) -> Exception:
    """A ComponentError for a failed token request; never carries a secret."""
    from authlib.integrations.base_client import OAuthError

    service = client.service
    response = answers[0] if answers else getattr(exc, "response", None)
    status = response.status_code if isinstance(response, requests.Response) else 0
    if isinstance(exc, _Redirected | _TooLarge) and isinstance(response, requests.Response):
        what_came = (f"a redirect ({status} {response.reason or ''}".rstrip() + "), which is never followed"
                     if isinstance(exc, _Redirected) else f"an answer larger than {MAX_TOKEN_BODY:,} bytes")
        return ApiError(f"{service} answered the OAuth {what} request with {what_came}: nothing more was sent; "
                        "check the Token URL of the connection.", status=status, body=None)
    if isinstance(exc, RecursionError):
        return ApiError(f"{service} answered the OAuth {what} request with JSON nested too deeply: the answer could "
                        "not be read.", status=status, body=None)
    body = redactor.value(decode_body(response)) if isinstance(response, requests.Response) else None
    if isinstance(exc, OAuthError):
        error = str(exc.error or "oauth_error")
        if error == "invalid_grant" and what == "refresh":
            return GrantError(f"{service} refused the OAuth refresh token (invalid_grant): the refresh token was "
                              f"revoked or expired: reconnect the {service} OAuth connection to authorize it again.",
                              error=error, status=status or 400, body=body)
        if error == "invalid_grant":
            return GrantError(f"{service} refused the authorization code (invalid_grant): it was already used, "
                              "has expired or was issued for another redirect URI: authorize again.",
                              error=error, status=status or 400, body=body)
        if error == "invalid_client":
            return GrantError(f"{service} refused the OAuth client credentials (invalid_client): check the "
                              "Client ID and Client Secret of the connection.",
                              error=error, status=status or 401, body=body)
        detail = f"{error}: {exc.description}" if exc.description else error
        return GrantError(redactor.text(f"{service} refused the OAuth {what} request ({detail})."),
                          error=error, status=status or 400, body=body)
    if isinstance(exc, requests.HTTPError | ValueError) and status:
        reason = response.reason if isinstance(response, requests.Response) else ""
        return ApiError(f"{service} answered {status} {reason or ''}".rstrip()
                        + f" to the OAuth {what} request, without a token.", status=status, body=body)
    if isinstance(exc, requests.RequestException):
        kind = "timed out" if isinstance(exc, requests.Timeout) else "failed"
        return TransportError(redactor.text(f"The OAuth {what} request to {service} {kind}: {type(exc).__name__}."))
    return AuthError(redactor.text(f"The OAuth {what} request to {service} failed: {type(exc).__name__}: {exc}."),
                     status=status, body=body)


TOKEN_FAILURES = (AuthlibBaseError, requests.RequestException, ValueError, RecursionError)


def require_access_token(token: Mapping[str, Any], client: OAuthClient, what: str) -> None:
    """Refuse (ApiError) a token answer of the `what` request that holds no access token."""
    access = token.get("access_token")
    if not (isinstance(access, str) and access):
        raise ApiError(f"{client.service} answered the OAuth {what} request without an access_token.",
                       status=200, body=None)


def authorization_url(client: OAuthClient, redirect_uri: str, state: str | None = None) -> tuple[str, str, str]:
    """The URL to send the user to, with a random `state` (unless given) and a random `nonce`."""
    _check_redirect_uri(redirect_uri)
    nonce = generate_token(32)
    from authlib.integrations.requests_client import OAuth2Session

    with OAuth2Session(client.client_id, scope=client.scope, redirect_uri=redirect_uri) as session:
        url, state = session.create_authorization_url(client.authorize_url, state=state or None, nonce=nonce)
    return str(url), str(state), nonce


def exchange_code(client: OAuthClient, code: str, redirect_uri: str, *, nonce: str | None = None,
                  runtime: Runtime | None = None) -> dict[str, Any]:
    """Trade an authorization code for a token to store (with `expires_at`); checks the id_token nonce if given.

    The request takes at most the `token_timeout` of `runtime` (of the default runtime when None).
    """
    _check_redirect_uri(redirect_uri)
    if not isinstance(code, str) or not code.strip():
        raise InputError("code", f"Authorization code: expected the `code` of the redirect, received {describe(code)}.")
    redactor = Redactor([client.client_secret, code])
    timeout = (runtime or default_runtime()).token_timeout
    session, answers = token_session(client, timeout)
    with session, transport.deadline(timeout):
        try:
            raw = session.fetch_token(client.token_url, grant_type="authorization_code", code=code.strip(),
                                      redirect_uri=redirect_uri, **TOKEN_REQUEST)
        except TOKEN_FAILURES as exc:
            raise token_failure(exc, client, "code exchange", answers, redactor) from None
    require_access_token(raw, client, "code exchange")
    token = normalised_token(raw, zero_lifetime_is_unknown=client.zero_lifetime_is_unknown)
    if nonce is not None:
        claims = jwt_claims(token.get("id_token"))
        if claims is not None and claims.get("nonce") != nonce:
            raise AuthError(f"{client.service} returned an id_token for another authorization request (nonce "
                            "mismatch): authorize again.", status=200, body=None)
    return token


def _check_redirect_uri(redirect_uri: Any) -> None:
    parts = urlsplit(redirect_uri) if isinstance(redirect_uri, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.fragment \
            or any(c.isspace() for c in redirect_uri):
        raise InputError("redirect_uri", "Redirect URI: expected an absolute http(s) URL registered for the app, "
                                         f"received {describe(redirect_uri)}.")
