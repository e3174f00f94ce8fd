"""OAuth 2.0 authorization server (authorization code + refresh + revoke) issuing HMAC-signed JWT access tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from gorgias_component.sandbox.router import Request, Response, Router, json_response

DEFAULT_SCOPE = "openid profile email write:all offline"
CODE_LIFETIME_SECONDS = 600


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(slots=True)
class _Grant:
    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None
    expires: float


class OAuthServer:
    """One registered client; refresh tokens live in memory; access tokens are stateless JWTs."""

    def __init__(self, client_id: str, client_secret: str, issuer: str, user_id: int, user_email: str,
                 on_grant: Callable[[str], None] | None = None) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.issuer = issuer
        self.user_id = user_id
        self.user_email = user_email
        self.on_grant = on_grant  # stats hook, called with "authorization_code" or "refresh_token"
        self._secret = secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._codes: dict[str, _Grant] = {}
        self._refresh: dict[str, str] = {}  # refresh token -> scope
        self._generation = 0

    # ------------------------------------------------------------------ tokens
    def _jwt(self, claims: dict[str, Any]) -> str:
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = hmac.new(self._secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
        return f"{header}.{payload}.{_b64(signature)}"

    def _access_token(self, scope: str, lifetime: float) -> tuple[str, int]:
        now = int(time.time())
        exp = int(now + lifetime)
        claims = {"iss": self.issuer, "sub": str(self.user_id), "aud": self.issuer + "/api", "azp": self.client_id,
                  "scope": scope, "iat": now, "exp": exp, "jti": secrets.token_hex(8), "gen": self._generation}
        return self._jwt(claims), exp

    def _id_token(self, nonce: str | None, lifetime: float) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {"iss": self.issuer, "sub": str(self.user_id), "aud": self.client_id,
                                  "iat": now, "exp": int(now + lifetime), "email": self.user_email}
        if nonce:
            claims["nonce"] = nonce
        return self._jwt(claims)

    def issue_token(self, expires_in_seconds: float = 86400, scope: str = DEFAULT_SCOPE) -> dict[str, Any]:
        """Mint a token set directly (test helper): access + refresh token, with `expires_at` (epoch seconds)."""
        with self._lock:
            access, exp = self._access_token(scope, expires_in_seconds)
            refresh = secrets.token_urlsafe(32)
            self._refresh[refresh] = scope
        return {"access_token": access, "refresh_token": refresh, "token_type": "Bearer", "expires_in": 0,
                "expires_at": exp, "scope": scope}

    def verify(self, token: str) -> dict[str, Any] | None:
        """Claims of a valid, unexpired access token issued by this server, else None."""
        parts = token.split(".")
        if len(parts) != 3:
            return None
        expected = hmac.new(self._secret, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
        try:
            if not hmac.compare_digest(expected, _unb64(parts[2])):
                return None
            claims = json.loads(_unb64(parts[1]))
        except ValueError:
            return None
        if not isinstance(claims, dict) or "azp" not in claims or claims.get("exp", 0) <= time.time():
            return None
        if claims.get("gen") != self._generation:
            return None
        return claims

    def expire_access_tokens(self) -> None:
        with self._lock:
            self._generation += 1

    def revoke_all_refresh_tokens(self) -> None:
        with self._lock:
            self._refresh.clear()

    # ----------------------------------------------------------------- endpoints
    def _client_ok(self, req: Request, form: dict[str, str]) -> bool:
        auth = req.headers.get("authorization", "")
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if auth.lower().startswith("basic "):
            try:
                client_id, _, client_secret = base64.b64decode(auth[6:].strip()).decode().partition(":")
            except ValueError:
                return False
        return (client_id == self.client_id and client_secret is not None
                and hmac.compare_digest(client_secret, self.client_secret))

    def authorize(self, req: Request) -> Response:
        client_id, redirect_uri = req.arg("client_id"), req.arg("redirect_uri")
        if client_id != self.client_id:
            return json_response(400, {"error": "invalid_client", "error_description": "Unknown client_id."})
        if not redirect_uri:
            return json_response(400, {"error": "invalid_request", "error_description": "Missing redirect_uri."})
        if req.arg("response_type") != "code":
            return json_response(400, {"error": "unsupported_response_type"})
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = _Grant(client_id, redirect_uri, req.arg("scope") or DEFAULT_SCOPE,
                                       req.arg("nonce"), time.time() + CODE_LIFETIME_SECONDS)
        params = {"code": code}
        if req.arg("state") is not None:
            params["state"] = req.arg("state") or ""
        parts = urlsplit(redirect_uri)
        query = (parts.query + "&" if parts.query else "") + urlencode(params)
        location = urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
        return Response(302, content_type=None, headers=[("Location", location)])

    def token(self, req: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True).items()}
        if not self._client_ok(req, form):
            return json_response(401, {"error": "invalid_client"})
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            with self._lock:
                grant = self._codes.pop(form.get("code", ""), None)
            if (grant is None or grant.expires < time.time() or grant.redirect_uri != form.get("redirect_uri")
                    or grant.client_id != self.client_id):
                return json_response(400, {"error": "invalid_grant"})
            token = self.issue_token(scope=grant.scope)
            if self.on_grant:
                self.on_grant("authorization_code")
            return json_response(200, {"access_token": token["access_token"], "expires_in": 0,
                                       "id_token": self._id_token(grant.nonce, 86400),
                                       "refresh_token": token["refresh_token"], "scope": grant.scope,
                                       "token_type": "Bearer"})
        if grant_type == "refresh_token":
            with self._lock:
                scope = self._refresh.get(form.get("refresh_token", ""))
                if scope is None:
                    return json_response(400, {"error": "invalid_grant"})
                access, _ = self._access_token(scope, 86400)
            if self.on_grant:
                self.on_grant("refresh_token")
            return json_response(200, {"access_token": access, "expires_in": 0, "scope": scope,
                                       "token_type": "Bearer"})
        return json_response(400, {"error": "unsupported_grant_type"})

    def revoke(self, req: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True).items()}
        if not self._client_ok(req, form):
            return json_response(401, {"error": "invalid_client"})
        if "token" not in form:
            return json_response(400, {"error": "invalid_request"})
        with self._lock:
            self._refresh.pop(form["token"], None)
        return json_response(200, {})

    def register(self, router: Router) -> None:
        router.add("GET", "/oauth/authorize", self.authorize, auth=False)
        router.add("POST", "/oauth/token", self.token, auth=False)
        router.add("POST", "/oauth/revoke", self.revoke, auth=False)
