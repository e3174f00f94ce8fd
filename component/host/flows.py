"""OAuth 2.0 in the browser: a state bound to one stored connection, used once, expiring; the code traded for a token."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from component.errors import AuthError, InputError
from component.host.context import Host, host_of
from component.host.problems import problem
from component.host.store import StoreError
from component.oauth import HasOAuthClient, OAuthClient, authorization_url, exchange_code

__all__ = ["api_router", "router"]

router = APIRouter()
api_router = APIRouter(prefix="/api")


def _client(host: Host, connection_id: str) -> OAuthClient:
    """The OAuth app of a stored connection, under the host's settings; InputError when it does not use OAuth."""
    connection, _ = host.connection(connection_id, None)
    definition, fields, _ = host.component.executor.resolve(connection)
    if not isinstance(fields, HasOAuthClient):
        raise InputError("connectionId", f"Connection {connection_id!r} ({definition.label}) does not use OAuth 2.0.")
    return fields.oauth_client(host.component.runtime.settings)


def _authorize_url(request: Request, connection_id: str) -> str:
    """The provider's authorize URL for a stored connection, with a fresh state and nonce kept in the store."""
    host = host_of(request)
    client = _client(host, connection_id)
    redirect_uri = str(request.url_for("oauth_callback"))
    state = secrets.token_urlsafe(32)
    url, state, nonce = authorization_url(client, redirect_uri, state)
    host.store.issue_state(connection_id, redirect_uri, nonce, state)
    return url


@api_router.post("/connections/{connection_id}/authorize", summary="The URL that starts OAuth for a stored connection")
def authorize(connection_id: str, request: Request) -> dict[str, Any]:
    """Answer {"url": ...}: the provider's authorize URL, with a one-time state bound to the connection."""
    return {"url": _authorize_url(request, connection_id)}


@router.get("/oauth/start", summary="Redirect to the provider's authorize URL with a fresh state")
def oauth_start(connectionId: str, request: Request) -> RedirectResponse:
    """Redirect the browser (302) to the provider's authorize URL for the stored connection `connectionId`."""
    return RedirectResponse(_authorize_url(request, connectionId), status_code=302)


@router.get("/oauth/callback", name="oauth_callback", summary="Trade the code for a token and store it")
def oauth_callback(request: Request, state: str = "", code: str = "", error: str = "") -> Any:
    """Consume the state, trade the code for a token, store it, and redirect (303) to the playground page."""
    host = host_of(request)
    try:
        issued = host.store.consume_state(state)  # first, so that a replay is refused whatever else it carries
    except StoreError as exc:
        return problem(400, "oauth_state", str(exc), key="state")
    if error:
        return problem(400, "oauth_denied", f"The authorization was not granted ({error[:100]}).", key="code")
    client = _client(host, issued.connection_id)
    try:
        token = exchange_code(client, code, issued.redirect_uri, nonce=issued.nonce, runtime=host.component.runtime)
    except AuthError as exc:
        return problem(502, "auth_error", str(exc), api_status=exc.status)
    host.store.save_token(issued.connection_id, token)
    return RedirectResponse(f"/?connection={issued.connection_id}&authorized=1", status_code=303)
