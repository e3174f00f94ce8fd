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

This module holds the auth and the token state it shares (locks, the store, refreshes); tokens as
values are in `component.oauth_tokens` and the requests to the endpoints in `component.oauth_endpoints`,
both re-exported here.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Mapping
from typing import Any

import requests

from component import transport
from component.errors import ComponentError, InternalError
from component.oauth_endpoints import (
    TOKEN_FAILURES,
    TOKEN_REQUEST,
    GrantError,
    HasOAuthClient,
    OAuthClient,
    authorization_url,
    exchange_code,
    for_authlib,
    require_access_token,
    token_failure,
    token_session,
)
from component.oauth_tokens import (
    DEFAULT_LIFETIME_SECONDS,
    LEEWAY_SECONDS,
    jwt_claims,
    normalised_token,
    number_in,
    secrets_of,
    token_expiry,
)
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

COOL_DOWN_SECONDS = REFRESH_COOL_DOWN_SECONDS  # the default of `Runtime.refresh_cool_down`


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
            self.session, self.answers = token_session(self.client, self.timeout, self.token, self.updated)
        self.answers.clear()
        self.session.token = for_authlib(self.token)
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
                    and number_in(newest.get("expires_at")) is not None \
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
                                      **TOKEN_REQUEST)
        except TOKEN_FAILURES as exc:
            failure = token_failure(exc, self.client, "refresh", self.answers, redactor)
            if isinstance(failure, GrantError) and failure.error == "invalid_grant":
                self.refused = failure
            raise failure from None

    def updated(self, token: Mapping[str, Any], refresh_token: str | None = None, **_: Any) -> None:
        """authlib's update_token: store the refreshed token (the lock is held by the caller)."""
        require_access_token(token, self.client, "refresh")
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
        self.redactor.add(client.client_secret, *secrets_of(token))
        stored = normalised_token(token, zero_lifetime_is_unknown=client.zero_lifetime_is_unknown)
        self._state = _state_for(client, stored, tokens or runtime.tokens, runtime.token_timeout)
        self._sent = threading.local()  # the access token this thread's last request carried
        self.redactor.add(*secrets_of(self._state.token))

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
        self.redactor.add(*secrets_of(state.token))
        if not state.undelivered or self._callback is None:
            return
        try:
            self._callback(dict(state.token))
        except Exception as exc:
            raise InternalError(self.redactor.text(
                f"on_token_refresh failed, so the refreshed OAuth token was not stored: {type(exc).__name__}: {exc}"
            )) from None
        state.undelivered = False
