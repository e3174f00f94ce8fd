"""Fixtures of the framework tests: every test runs against https://acme.gorgias.com/api without pacing.

The shared fixtures (`connection`, `conn_file`, the mocks, the logging reset) are in tests/conftest.py.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _unit_environment(unit_env: None) -> None:
    """No base-URL override and no rate budget, whether or not the test mocks HTTP (see tests/conftest.py)."""
