"""Fixtures of the HTTP unit tests: a fake clock that sleeps instantly and clients built on it.

The clients talk to the mocked Gorgias of tests/support/mocked_gorgias.py (the `gorgias_api` fixture).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests
from requests.auth import HTTPBasicAuth

from component.http import HttpClient
from component.redaction import Redactor
from gorgias_component.connections.answers import GORGIAS_PAGES, gorgias_error_detail
from tests.support.mocked_gorgias import API_KEY, BASE, USERNAME

WALL = 1_700_000_000.0  # the fake wall clock: Tue, 14 Nov 2023 22:13:20 GMT


class FakeTime:
    """A monotonic clock that only moves when the code under test sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


MakeClient = Callable[..., HttpClient]


@pytest.fixture
def make_client(fake_time: FakeTime) -> MakeClient:
    """A Gorgias-like client on the fake clock: Basic auth, the API key known to its redactor."""

    def make(**overrides: Any) -> HttpClient:
        redactor = Redactor()
        redactor.add_basic(USERNAME, API_KEY)
        settings: dict[str, Any] = {
            "base_url": BASE, "session": requests.Session(), "auth": HTTPBasicAuth(USERNAME, API_KEY),
            "service": "Gorgias", "redactor": redactor, "sleep": fake_time.sleep, "clock": fake_time.clock,
            "wall_clock": lambda: WALL, "paginator": GORGIAS_PAGES, "explain": gorgias_error_detail,
        }
        settings.update(overrides)
        return HttpClient(**settings)

    return make
