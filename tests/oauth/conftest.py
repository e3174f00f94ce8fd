"""Fixtures of the OAuth tests: a clean process-wide token cache, the `acme` OAuth connection, JWTs and the sandbox."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from responses import matchers

from component.oauth import OAuthClient, reset_token_cache
from gorgias_component.sandbox import Sandbox
from tests.support.mocked_gorgias import AUTHORIZE_URL, BASE, CLIENT_ID, CLIENT_SECRET, TOKEN_URL, oauth_connection
from tests.support.on_sandbox import use_sandbox

__all__ = ["ACCOUNT", "ACCOUNT_URL", "AUTHORIZE_URL", "CLIENT_ID", "CLIENT_SECRET", "SCOPES", "TOKEN_URL", "bearer",
           "client_basic", "jwt", "refresh_form"]

ACCOUNT_URL = f"{BASE}/account"  # OAuth requests carry a Bearer token, not the Basic credentials gorgias_api requires
ACCOUNT = {"domain": "acme", "status": {"status": "active"}}
SCOPES = "openid profile email write:all offline"


def jwt(exp: float | None, **claims: Any) -> str:
    """An unsigned-looking JWT whose payload carries `exp` (the component never verifies the signature)."""

    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    payload = {**claims, **({"exp": int(exp)} if exp is not None else {})}
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(payload)}.c2lnbmF0dXJl"


def client_basic() -> Any:
    """A matcher: the token request authenticates the client with HTTP Basic client_id:client_secret."""
    credentials = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    return matchers.header_matcher({"Authorization": f"Basic {credentials}"})


def bearer(token: str) -> Any:
    """A matcher: the API request carries this access token."""
    return matchers.header_matcher({"Authorization": f"Bearer {token}"})


def refresh_form(refresh_token: str) -> Any:
    """A matcher: the body of a refresh request, and nothing else (no scope, no client secret)."""
    return matchers.urlencoded_params_matcher({"grant_type": "refresh_token", "refresh_token": refresh_token})


@pytest.fixture(autouse=True)
def _fresh_token_cache() -> Iterator[None]:
    """Every test starts and ends with no token shared from another test."""
    reset_token_cache()
    yield
    reset_token_cache()


@pytest.fixture
def oauth_client() -> OAuthClient:
    """The `acme` OAuth app as the Gorgias connection describes it (expires_in 0 says nothing: JWT exp)."""
    return OAuthClient(CLIENT_ID, CLIENT_SECRET, AUTHORIZE_URL, TOKEN_URL, SCOPES, service="Gorgias",
                       zero_lifetime_is_unknown=True)


@pytest.fixture
def make_connection() -> Callable[..., dict[str, Any]]:
    """The `acme` OAuth connection with the given token fields (access token valid for an hour by default)."""

    def build(**token: Any) -> dict[str, Any]:
        token.setdefault("access_token", "access-old-1")
        token.setdefault("refresh_token", "refresh-1")
        token.setdefault("expires_at", int(time.time()) + 3600)
        return oauth_connection({k: v for k, v in token.items() if v is not None})

    return build


@pytest.fixture
def sb(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A fresh sandbox the component talks to (GORGIAS_API_BASE_URL), without client-side pacing."""
    with Sandbox(customers=5, tickets=5) as sandbox:
        use_sandbox(monkeypatch, sandbox)
        yield sandbox
