"""Fixtures of the framework tests: every test runs against https://acme.gorgias.com/api without pacing."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _unit_environment(unit_env: None) -> None:
    """No base-URL override and no rate budget, whether or not the test mocks HTTP (see tests/conftest.py)."""


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """The CLI's main() raises the framework logger to INFO; later tests must not inherit that."""
    logger = logging.getLogger("component")
    level = logger.level
    yield
    logger.setLevel(level)
