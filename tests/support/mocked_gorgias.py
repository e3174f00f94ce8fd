"""The mocked Gorgias of the unit tests: the account `acme`, its base URL and the credentials it expects."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import responses
from responses import matchers

__all__ = ["API_KEY", "AUTHORIZATION", "BASE", "USERNAME", "MockedGorgias"]

USERNAME = "me@acme.com"
API_KEY = "k3y-s3cret-value"
BASE = "https://acme.gorgias.com/api"
AUTHORIZATION = "Basic " + base64.b64encode(f"{USERNAME}:{API_KEY}".encode()).decode()


class MockedGorgias:
    """A strict `responses` mock of `BASE`: paths are relative to it, and every answer requires the Basic credentials."""

    def __init__(self, mock: responses.RequestsMock) -> None:
        self.mock = mock

    def add(self, method: str, path: str, *, match: Sequence[Any] = (), **answer: Any) -> responses.BaseResponse:
        """Answer `method BASE+path` only to a request with the connection's Authorization and every other matcher."""
        authenticated = matchers.header_matcher({"Authorization": AUTHORIZATION})
        return self.mock.add(method, BASE + path, match=[authenticated, *match], **answer)

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
