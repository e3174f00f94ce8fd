"""The component pointed at a bundled sandbox over loopback, as the end-to-end tests set it up."""

from __future__ import annotations

from typing import Any

import pytest

from gorgias_component.sandbox import Sandbox

__all__ = ["use_sandbox"]


def use_sandbox(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> dict[str, Any]:
    """Send the component's requests to `sandbox` with no client-side pacing; answer its API-key connection."""
    monkeypatch.setenv("GORGIAS_API_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("GORGIAS_RATE_LIMIT", "off")
    return sandbox.connection()
