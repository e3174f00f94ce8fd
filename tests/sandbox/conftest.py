"""Fixtures: a freshly seeded sandbox per test and authenticated `requests` sessions against it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from gorgias_component.sandbox import Sandbox


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def api(sb: Sandbox) -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.auth = (sb.username, sb.api_key)
        yield session


Walker = Callable[..., list[dict[str, Any]]]


@pytest.fixture
def walk(api: requests.Session) -> Walker:
    """A function that follows next_cursor from the first page until it is null and returns every item."""

    def all_pages(url: str, **params: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        cursor = None
        while True:
            response = api.get(url, params={**params, **({"cursor": cursor} if cursor else {})})
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["object"] == "list"
            items.extend(body["data"])
            cursor = body["meta"]["next_cursor"]
            if cursor is None:
                return items

    return all_pages
