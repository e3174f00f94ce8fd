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
