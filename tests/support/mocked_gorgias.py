"""The mocked Gorgias of the unit tests: the account `acme`, its base URL, the credentials it expects and its OAuth app."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from typing import Any

import responses
from responses import matchers

__all__ = ["API_KEY", "AUTHORIZATION", "AUTHORIZE_URL", "BASE", "BASIC", "CLIENT_ID", "CLIENT_SECRET", "ORIGIN", "TOKEN_URL",
           "USERNAME", "MockedGorgias", "api_key_connection", "oauth_connection"]

USERNAME = "me@acme.com"
API_KEY = "k3y-s3cret-value"
ORIGIN = "https://acme.gorgias.com"
BASE = f"{ORIGIN}/api"
BASIC = base64.b64encode(f"{USERNAME}:{API_KEY}".encode()).decode()  # the credentials as HTTP Basic sends them
AUTHORIZATION = f"Basic {BASIC}"

# The account's OAuth app (the tests of tests/oauth build their connections from it).
CLIENT_ID = "acme-client-id"
CLIENT_SECRET = "acme-client-s3cret"
TOKEN_URL = f"{ORIGIN}/oauth/token"
AUTHORIZE_URL = f"{ORIGIN}/oauth/authorize"


def api_key_connection(**fields: Any) -> dict[str, Any]:
    """The API-key connection of the account `acme` (the `connection` fixture), with some fields replaced."""
    return {"key": "apiKey", "fields": {"domain": "acme", "username": USERNAME, "apiKey": API_KEY, **fields}}


def oauth_connection(token: Any = None, **fields: Any) -> dict[str, Any]:
    """The OAuth connection of the account `acme` through its OAuth app, with some fields replaced and the token, if any."""
    connection: dict[str, Any] = {"key": "oauth2", "fields": {
        "domain": "acme", "clientId": CLIENT_ID, "clientSecret": CLIENT_SECRET, "authorizeUrl": AUTHORIZE_URL,
        "tokenUrl": TOKEN_URL, **fields}}
    return connection if token is None else {**connection, "token": token}


class MockedGorgias:
    """A strict `responses` mock of `BASE`: paths are relative to it, and every answer requires the Basic credentials."""

    def __init__(self, mock: responses.RequestsMock) -> None:
        self.mock = mock

    @staticmethod
    def _url(path: str | re.Pattern[str]) -> str | re.Pattern[str]:
        """`BASE + path`; a pattern path matches below BASE only."""
        return re.compile(re.escape(BASE) + path.pattern) if isinstance(path, re.Pattern) else BASE + path

    def add(self, method: str, path: str | re.Pattern[str], *, match: Sequence[Any] = (),
            **answer: Any) -> responses.BaseResponse:
        """Answer `method BASE+path` only to a request with the connection's Authorization and every other matcher."""
        authenticated = matchers.header_matcher({"Authorization": AUTHORIZATION})
        return self.mock.add(method, self._url(path), match=[authenticated, *match], **answer)

    def add_callback(self, method: str, path: str, callback: Callable[[Any], Any], *,
                     match: Sequence[Any] = ()) -> responses.BaseResponse:
        """Answer `method BASE+path` with `callback`, only to a request with the connection's Authorization."""
        authenticated = matchers.header_matcher({"Authorization": AUTHORIZATION})
        return self.mock.add_callback(method, self._url(path), callback=callback, match=[authenticated, *match])

    @property
    def calls(self) -> responses.CallList:
        """Every request the mock received, answered or not."""
        return self.mock.calls

    def expect(self, method: str, path: str, *, query: dict[str, Any] | None = None, body: Any = None,
               answer: Any = None, status: int = 200) -> responses.BaseResponse:
        """Expect one request exactly: method, path, the whole query and the whole JSON body (None: no body)."""
        checks: list[Any] = [matchers.query_param_matcher(query or {})]
        if body is None:
            checks.append(lambda request: (not request.body, f"a body was sent: {request.body!r}"))
        else:
            checks.append(matchers.json_params_matcher(body, strict_match=True))
        return self.add(method, path, match=checks, status=status, **({} if answer is None else {"json": answer}))

    def sent(self) -> int:
        """How many requests were sent."""
        return len(self.mock.calls)
