"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright against a host running on the sandbox.

Outside CI the tests skip, saying why, when Chromium or Playwright is missing; with CI=true they must run.
Screenshots go to tests/artifacts/ (ignored by git, kept by CI as artifacts).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from component.host.server import RunningHost, register_sandbox
from component.host.store import Store
from component.ratelimit import forget_budgets
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.support.on_sandbox import use_sandbox

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install -y chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install playwright)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one module: Playwright's sync API runs an event loop in this thread while it is open, which
    would break later tests that start their own (anyio.run), so it is closed before the next module."""
    missing = _missing()
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=80, tickets=30) as server:
        yield server


@pytest.fixture
def host(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningHost]:
    use_sandbox(monkeypatch, sandbox)
    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    forget_budgets()
    store = Store.open(str(tmp_path / "host.db"))
    oauth = {k: v for k, v in sandbox.oauth_connection({}).items() if k != "token"}
    register_sandbox(gorgias, store, [sandbox.connection(), oauth])
    with RunningHost(gorgias, store) as running:
        yield running


@pytest.fixture
def page(browser: Any, host: RunningHost, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(host.url + "/")
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def shot(page: Any, name: str) -> None:
    """Save a screenshot under tests/artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
