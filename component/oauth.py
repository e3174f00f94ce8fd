"""OAuth 2.0 for connections, on authlib: the authorization URL, the code exchange, and a Bearer auth that refreshes.

A connection hands over an `OAuthClient` (its validated endpoints and credentials) and the token the
host stored. `OAuth2BearerAuth` signs every request with the newest access token, refreshes it shortly
before it expires and once after a 401, keeps the old refresh token when the answer has none, and
hands every new token to the host's `on_token_refresh` exactly once. Calls that share a connection
(same token endpoint, client id and refresh token) share one token state in the runtime's token store,
so that many concurrent calls on an expired token refresh it once. While the token is still valid, one call
refreshes it early and the others go on with the valid token rather than wait; a failed early
refresh is not tried again for the runtime's cool-down, and a refused grant (`invalid_grant`) is not tried again
at all, the access token being used until it expires. The token endpoint is never followed through a
redirect, and its answers are read under a deadline and a size cap. Nothing here knows about a
particular API.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token

from component import transport
from component.errors import ApiError, AuthError, ComponentError, InputError, InternalError, TransportError
from component.inputs import describe
from component.payloads import decode_body
from component.redaction import Redactor
from component.runtime import REFRESH_COOL_DOWN_SECONDS, TOKEN_TIMEOUT_SECONDS, Runtime, TokenStore, default_runtime
from component.values import TokenCallback

__all__ = [
    "DEFAULT_LIFETIME_SECONDS",
    "LEEWAY_SECONDS",
    "GrantError",
    "HasOAuthClient",
    "OAuth2BearerAuth",
    "OAuthClient",
    "TokenCallback",
    "authorization_url",
    "exchange_code",
    "jwt_claims",
    "normalised_token",
    "reset_token_cache",
    "token_expiry",
]

log = logging.getLogger("component.oauth")

LEEWAY_SECONDS = 300  # refresh this long before the access token expires
DEFAULT_LIFETIME_SECONDS = 24 * 3600  # when neither the answer nor the JWT says how long the token lives
TOKEN_TIMEOUT = TOKEN_TIMEOUT_SECONDS  # the default of `Runtime.token_timeout`: one token request, whole answer read
COOL_DOWN_SECONDS = REFRESH_COOL_DOWN_SECONDS  # the default of `Runtime.refresh_cool_down`
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


# -- tokens as values ------------------------------------------------------------------------

def jwt_claims(token: Any) -> dict[str, Any] | None:
    """The payload of a JWT, decoded without verifying it (only to read `exp`), or None if it is not one."""
    if not isinstance(token, str) or token.count(".") != 2:
        return None
    payload = token.split(".")[1]
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except ValueError:
        return None
    return claims if isinstance(claims, dict) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def token_expiry(token: Mapping[str, Any], now: float | None = None, *, zero_lifetime_is_unknown: bool = False) -> int:
    """When the access token expires (epoch seconds): expires_at, else expires_in, else JWT exp, else 24 h.

    An `expires_in` of 0 means "expires now" (RFC 6749), unless `zero_lifetime_is_unknown` (see `OAuthClient`).
    """
    now = time.time() if now is None else now
    expires_at = _number(token.get("expires_at"))
    if expires_at is not None and expires_at > 0:
        return int(expires_at)
    expires_in = _number(token.get("expires_in"))
    if expires_in is not None and (expires_in > 0 or (expires_in == 0 and not zero_lifetime_is_unknown)):
        return int(now + expires_in)
    exp = _number((jwt_claims(token.get("access_token")) or {}).get("exp"))
    if exp is not None and exp > 0:
        return int(exp)
    return int(now + DEFAULT_LIFETIME_SECONDS)


def normalised_token(token: Mapping[str, Any], previous: Mapping[str, Any] | None = None, *,
                     zero_lifetime_is_unknown: bool = False) -> dict[str, Any]:
    """The token to store: a plain dict with `expires_at`, the old refresh token kept when none came back."""
    result = {str(k): v for k, v in token.items() if k != "expires_in"}
    refresh = result.get("refresh_token")
    if not (isinstance(refresh, str) and refresh):
        old = (previous or {}).get("refresh_token")
        if isinstance(old, str) and old:
            result["refresh_token"] = old
        else:
            result.pop("refresh_token", None)
    access = result.get("access_token")
    result["expires_at"] = (token_expiry(token, zero_lifetime_is_unknown=zero_lifetime_is_unknown)
                            if isinstance(access, str) and access else 0)
    return result


def _secrets_of(token: Mapping[str, Any]) -> list[str | None]:
    return [v for k, v in token.items() if k in ("access_token", "refresh_token", "id_token") and isinstance(v, str)]


def _for_authlib(token: Mapping[str, Any]) -> dict[str, Any]:
    # Only Bearer is supported; a missing or odd token_type must not break signing.
    return {**token, "token_type": "Bearer", "access_token": token.get("access_token") or ""}


# -- talking to the token endpoint ------------------------------------------------------------

def _session(client: OAuthClient, timeout: float, token: Mapping[str, Any] | None = None,
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
        token=_for_authlib(token) if token is not None else None, update_token=update_token,
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
_TOKEN_REQUEST = MappingProxyType({"allow_redirects": False, "stream": True})


def _token_failure(exc: Exception, client: OAuthClient, what: str, answers: list[requests.Response],
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


_TOKEN_FAILURES = (AuthlibBaseError, requests.RequestException, ValueError, RecursionError)


def _checked(token: Mapping[str, Any], client: OAuthClient, what: str) -> None:
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
    session, answers = _session(client, timeout)
    with session, transport.deadline(timeout):
        try:
            raw = session.fetch_token(client.token_url, grant_type="authorization_code", code=code.strip(),
                                      redirect_uri=redirect_uri, **_TOKEN_REQUEST)
        except _TOKEN_FAILURES as exc:
            raise _token_failure(exc, client, "code exchange", answers, redactor) from None
    _checked(raw, client, "code exchange")
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


# -- the shared token state -----------------------------------------------------------------

class _TokenState:
    """The newest token of one connection identity; its lock serialises refreshes."""

    def __init__(self, client: OAuthClient, token: dict[str, Any], store: TokenStore, key: str | None = None, *,
                 timeout: float = TOKEN_TIMEOUT_SECONDS) -> None:
        self.client = client
        self.store = store
        self.timeout = timeout  # seconds for one refresh request
        self.key = key  # the identity the state is shared under (None: a token without a refresh token)
        self.lock = threading.RLock()  # re-entrant: a host callback may run another call on the same thread
        self.token = token
        self.undelivered = False  # a refreshed token no on_token_refresh has received yet
        self.session: Any = None
        self.answers: list[requests.Response] = []
        self.quiet_until = 0.0  # no early refresh before this time (epoch seconds): the last one failed
        self.refused: GrantError | None = None  # the grant was refused: never refresh again with this token

    def oauth_session(self) -> Any:
        """The authlib session, holding the current token (call with the lock held)."""
        if self.session is None:
            self.session, self.answers = _session(self.client, self.timeout, self.token, self.updated)
        self.answers.clear()
        self.session.token = _for_authlib(self.token)
        return self.session

    def due(self, now: float) -> bool:
        """Whether the token should be refreshed now: it is within the leeway of expiry (or past it)."""
        return bool(self.token.get("refresh_token")) and self.refused is None \
            and now >= self.token.get("expires_at", 0) - LEEWAY_SECONDS

    def refresh(self, redactor: Redactor) -> None:
        """Get a new token (lock held), from another process that just refreshed it or else from the endpoint."""
        if self.key is None:
            self._refresh(redactor)
            return
        # Other processes share the token through the store: one refreshes, the others wait and take its token.
        with self.store.exclusive(self.key):
            newest = self.store.latest(self.key)
            if newest is not None and newest.get("access_token") != self.token.get("access_token") \
                    and _number(newest.get("expires_at")) is not None \
                    and float(newest["expires_at"]) > float(self.token.get("expires_at") or 0):
                self.token = newest
                self.undelivered = True
                self.quiet_until = 0.0
                return
            self._refresh(redactor)
            keys = [self.key, _identity(self.client, str(self.token.get("refresh_token") or ""))]
            self.store.publish(list(dict.fromkeys(keys)), self.token)  # before the lock is released

    def _refresh(self, redactor: Redactor) -> None:
        """Ask the token endpoint for a new token; a ComponentError when it cannot be had."""
        session = self.oauth_session()
        try:
            with transport.deadline(self.timeout):
                session.refresh_token(self.client.token_url, refresh_token=self.token["refresh_token"],
                                      **_TOKEN_REQUEST)
        except _TOKEN_FAILURES as exc:
            failure = _token_failure(exc, self.client, "refresh", self.answers, redactor)
            if isinstance(failure, GrantError) and failure.error == "invalid_grant":
                self.refused = failure
            raise failure from None

    def updated(self, token: Mapping[str, Any], refresh_token: str | None = None, **_: Any) -> None:
        """authlib's update_token: store the refreshed token (the lock is held by the caller)."""
        _checked(token, self.client, "refresh")
        self.token = normalised_token(token, self.token, zero_lifetime_is_unknown=self.client.zero_lifetime_is_unknown)
        self.undelivered = True
        self.quiet_until = 0.0
        new_refresh = self.token.get("refresh_token")
        if isinstance(new_refresh, str) and new_refresh != refresh_token:
            self.store.put(_identity(self.client, new_refresh), self)  # a rotated token leads here too

    def close(self) -> None:
        if self.session is not None:
            self.session.close()


def _identity(client: OAuthClient, refresh_token: str) -> str:
    return hashlib.sha256(f"{client.token_url}\0{client.client_id}\0{refresh_token}".encode()).hexdigest()


def _state_for(client: OAuthClient, token: dict[str, Any], store: TokenStore, timeout: float) -> _TokenState:
    refresh = token.get("refresh_token")
    if not isinstance(refresh, str):
        return _TokenState(client, token, store, timeout=timeout)  # nothing to refresh, nothing to share
    key = _identity(client, refresh)
    state, created = store.setdefault(key, lambda: _TokenState(client, token, store, key, timeout=timeout))
    # Never wait here: a call holding the lock is refreshing, which gives a newer token than the host's anyway.
    if not created and state.lock.acquire(blocking=False):
        try:
            if token["expires_at"] > state.token.get("expires_at", 0):
                state.token = token  # the host holds a newer token than this process has seen
                state.undelivered = False
        finally:
            state.lock.release()
    return state


def reset_token_cache() -> None:
    """Forget every token state of the default runtime (tests; a host that wants to start clean)."""
    for state in default_runtime().tokens.clear():
        state.close()


def _again(refused: GrantError) -> GrantError:
    """A fresh copy of a remembered refusal, so that each call raises its own exception."""
    return GrantError(str(refused), error=refused.error, status=refused.status, body=refused.body)


# -- the auth ---------------------------------------------------------------------------------

class OAuth2BearerAuth(requests.auth.AuthBase):
    """Authorization: Bearer with the newest access token; refreshes before expiry and after a 401.

    Token states are shared through `tokens` (else the runtime's token store), and the runtime's
    `token_timeout` and `refresh_cool_down` apply (the default runtime's when none is given).
    """

    def __init__(self, client: OAuthClient, token: Mapping[str, Any], *, on_token_refresh: TokenCallback | None = None,
                 redactor: Redactor | None = None, tokens: TokenStore | None = None,
                 runtime: Runtime | None = None) -> None:
        runtime = runtime or default_runtime()
        self._client = client
        self._callback = on_token_refresh
        self._cool_down = runtime.refresh_cool_down
        self.redactor = redactor if redactor is not None else Redactor()
        self.redactor.add(client.client_secret, *_secrets_of(token))
        stored = normalised_token(token, zero_lifetime_is_unknown=client.zero_lifetime_is_unknown)
        self._state = _state_for(client, stored, tokens or runtime.tokens, runtime.token_timeout)
        self._sent = threading.local()  # the access token this thread's last request carried
        self.redactor.add(*_secrets_of(self._state.token))

    def __repr__(self) -> str:
        return "OAuth2BearerAuth(***)"

    @property
    def token(self) -> dict[str, Any]:
        """A copy of the newest token of this connection."""
        return dict(self._state.token)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        access = self._current_access_token()
        request.headers["Authorization"] = f"Bearer {access}"
        self._sent.access_token = access
        return request

    def _current_access_token(self) -> str:
        """The access token to send: refreshed first when due, unless another call is already refreshing it."""
        state = self._state
        now = time.time()
        valid = bool(state.token.get("access_token")) and state.token.get("expires_at", 0) > now
        if valid and not ((state.due(now) and now >= state.quiet_until) or (state.undelivered and self._callback)):
            return str(state.token["access_token"])
        # A still-valid token never waits: if another call holds the lock (refreshing), go on with it.
        if not state.lock.acquire(blocking=not valid):
            return str(state.token["access_token"])
        try:
            now = time.time()
            valid = bool(state.token.get("access_token")) and state.token.get("expires_at", 0) > now
            if not valid and state.refused is not None:
                raise _again(state.refused)
            if state.due(now) and (not valid or now >= state.quiet_until):
                try:
                    state.refresh(self.redactor)
                except ComponentError as failure:
                    if not valid:
                        raise
                    # The current token still works for a while: use it, and let a later call try again.
                    state.quiet_until = now + self._cool_down
                    log.warning("could not refresh the OAuth access token early, using the current one: %s", failure)
            self._deliver(state)
            return str(state.token.get("access_token") or "")
        finally:
            state.lock.release()

    def refresh_after_unauthorized(self) -> bool:
        """Get a new access token after a 401; True when the request should be sent again."""
        state = self._state
        with state.lock:
            if state.token.get("access_token") != getattr(self._sent, "access_token", None):
                self._deliver(state)
                return True  # another call refreshed meanwhile: replay with its token
            if state.refused is not None:
                raise _again(state.refused)
            if not state.token.get("refresh_token"):
                return False
            state.refresh(self.redactor)
            log.debug("refreshed the OAuth access token after a 401")
            self._deliver(state)
            return True

    def _deliver(self, state: _TokenState) -> None:
        """Learn the newest token's secrets and hand a refreshed token to the host once (lock held)."""
        self.redactor.add(*_secrets_of(state.token))
        if not state.undelivered or self._callback is None:
            return
        try:
            self._callback(dict(state.token))
        except Exception as exc:
            raise InternalError(self.redactor.text(
                f"on_token_refresh failed, so the refreshed OAuth token was not stored: {type(exc).__name__}: {exc}"
            )) from None
        state.undelivered = False
