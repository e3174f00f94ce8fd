"""Every unit test here runs against the real host name, mocked, with request pacing off and no real sleeping."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _unit(unit_env: None, sleeps: list[float]) -> None:
    """Apply the shared unit-test environment to every test of this package."""
