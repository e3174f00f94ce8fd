"""Fixtures of the framework tests: every test runs against https://acme.gorgias.com/api without pacing."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture
def conn_file(tmp_path: Path, connection: dict[str, Any]) -> str:
    """The test connection as a connection file."""
    path = tmp_path / "connection.json"
    path.write_text(json.dumps(connection), encoding="utf-8")
    return str(path)
