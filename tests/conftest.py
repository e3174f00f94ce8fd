"""Shared fixtures: the API-key test connection, a strict `responses` mock and an unpaced unit-test environment."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import responses

USERNAME = "me@acme.com"
API_KEY = "k3y-s3cret-value"

ListPage = Callable[..., dict[str, Any]]


@pytest.fixture
def connection() -> dict[str, Any]:
    """The API-key connection of the account `acme` (base URL https://acme.gorgias.com/api)."""
    return {"key": "apiKey", "fields": {"domain": "acme", "username": USERNAME, "apiKey": API_KEY}}


@pytest.fixture
def unit_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No base-URL override and no request pacing, so unit tests talk to the mocked real host at full speed."""
    monkeypatch.delenv("GORGIAS_API_BASE_URL", raising=False)
    monkeypatch.setenv("GORGIAS_RATE_LIMIT", "off")


@pytest.fixture
def api_mock(unit_env: None) -> Iterator[responses.RequestsMock]:
    """A strict HTTP mock: an unmatched request fails the test, and so does a registered answer never requested."""
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every delay the HTTP client waits, recorded instead of slept.

    `HttpClient.sleep` is a dataclass field whose default (`time.sleep`) is bound into the generated
    `__init__` when the class is defined, so patching `time.sleep` afterwards changes nothing. The
    Gorgias connections build their client through the name `connections.client.HttpClient`; replacing
    it with a factory that passes `sleep=` reaches every client (and `with_policy` copies the field).
    """
    from component.http import HttpClient
    from gorgias_component.connections import client

    recorded: list[float] = []
    monkeypatch.setattr(client, "HttpClient", functools.partial(HttpClient, sleep=recorded.append))
    return recorded


@pytest.fixture
def list_page() -> ListPage:
    """A factory of Gorgias list envelopes: list_page("/tickets", [items], next_cursor="c2")."""

    def page(uri: str, items: list[Any], *, next_cursor: str | None = None,
             prev_cursor: str | None = None) -> dict[str, Any]:
        return {"data": items, "object": "list", "uri": uri,
                "meta": {"prev_cursor": prev_cursor, "next_cursor": next_cursor}}

    return page


class MockedGorgias:
    """The strict mock of the Gorgias API of the test connection: each expected call matched exactly."""

    BASE = "https://acme.gorgias.com/api"

    def __init__(self, mock: responses.RequestsMock) -> None:
        self.mock = mock

    def expect(self, method: str, path: str, *, query: dict[str, Any] | None = None, body: Any = None,
               answer: Any = None, status: int = 200) -> None:
        """Expect one request: method, path, the whole query and the whole JSON body (None: no body at all)."""
        import base64

        from responses import matchers

        auth = "Basic " + base64.b64encode(f"{USERNAME}:{API_KEY}".encode()).decode()
        checks: list[Any] = [matchers.header_matcher({"Authorization": auth}),
                             matchers.query_param_matcher(query or {})]
        if body is None:
            checks.append(lambda request: (not request.body, f"a body was sent: {request.body!r}"))
        else:
            checks.append(matchers.json_params_matcher(body, strict_match=True))
        kwargs: dict[str, Any] = {"status": status, "match": checks}
        if answer is not None:
            kwargs["json"] = answer
        self.mock.add(method, self.BASE + path, **kwargs)

    def sent(self) -> int:
        """How many requests were sent."""
        return len(self.mock.calls)


@pytest.fixture
def gorgias_api(api_mock: responses.RequestsMock) -> MockedGorgias:
    """The strict Gorgias mock for the `connection` fixture's account: `gorgias_api.expect("GET", "/tags", ...)`."""
    return MockedGorgias(api_mock)
