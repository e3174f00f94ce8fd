"""Shared fixtures (the API-key test connection and its file, a strict `responses` mock, an unpaced unit-test environment)
and what makes every run reproducible: the Hypothesis profile and seed, and the line that replays the run."""

from __future__ import annotations

import json
import logging
import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import responses
from hypothesis import settings

from tests.support.mocked_gorgias import MockedGorgias, api_key_connection

# The table-driven action tests assert in tests/support/action_table.py: let pytest show its detailed diffs there too.
pytest.register_assert_rewrite("tests.support.action_table")

# The packages whose every test runs against the mocked real host, unpaced, with no real sleeping.
UNIT_PACKAGES = frozenset(Path(__file__).parent / name for name in ("actions", "datasources"))

# Hypothesis profiles. "ci" (what .ci/run selects, and the default wherever CI is set) derandomizes: every
# run draws the same examples, so a CI failure replays with the same command. "dev" draws fresh examples
# from one seed per run, chosen in pytest_configure and printed in the header. Both print the
# @reproduce_failure blob of a failing example and keep no example database in the working tree.
PROFILE_ENV = "HYPOTHESIS_PROFILE"
settings.register_profile("dev", database=None, print_blob=True)
settings.register_profile("ci", database=None, print_blob=True, derandomize=True)
settings.load_profile(os.environ.get(PROFILE_ENV) or ("ci" if os.environ.get("CI") else "dev"))


ListPage = Callable[..., dict[str, Any]]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """The CLI's main() raises the framework logger to INFO; no test may pass that on to the next one."""
    logger = logging.getLogger("component")
    level = logger.level
    yield
    logger.setLevel(level)


@pytest.fixture
def connection() -> dict[str, Any]:
    """The API-key connection of the account `acme` (base URL https://acme.gorgias.com/api)."""
    return api_key_connection()


@pytest.fixture
def conn_file(tmp_path: Path, connection: dict[str, Any]) -> str:
    """The test connection as a connection file."""
    path = tmp_path / "connection.json"
    path.write_text(json.dumps(connection), encoding="utf-8")
    return str(path)


@pytest.fixture
def unit_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No base-URL override and no request pacing, so unit tests talk to the mocked real host at full speed."""
    monkeypatch.delenv("GORGIAS_API_BASE_URL", raising=False)
    monkeypatch.setenv("GORGIAS_RATE_LIMIT", "off")


@pytest.fixture(autouse=True)
def _unit_package(request: pytest.FixtureRequest) -> None:
    """Apply the unit-test environment (`unit_env`, recorded `sleeps`) to every test of the UNIT_PACKAGES."""
    if request.path.parent in UNIT_PACKAGES:
        request.getfixturevalue("unit_env")
        request.getfixturevalue("sleeps")


@pytest.fixture
def api_mock(unit_env: None) -> Iterator[responses.RequestsMock]:
    """A strict HTTP mock: an unmatched request fails the test, and so does a registered answer never requested."""
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def gorgias_api(api_mock: responses.RequestsMock) -> MockedGorgias:
    """The strict mock as the account `acme` of the `connection` fixture: relative paths, Basic credentials required."""
    return MockedGorgias(api_mock)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every delay the HTTP client waits, recorded instead of slept.

    The Gorgias connections take `sleep` from the runtime of the call: the default runtime's `sleep`
    is replaced for the test, and so is that of every runtime made from the environment meanwhile (a
    CLI command's, a host's); `with_policy` copies the client's field.
    """
    from component.runtime import Runtime, default_runtime

    recorded: list[float] = []
    monkeypatch.setattr(default_runtime(), "sleep", recorded.append)
    made = Runtime.from_environ.__func__  # type: ignore[attr-defined]

    def from_environ(cls: type[Runtime], environ: Any = None, **parts: Any) -> Runtime:
        return made(cls, environ, **{"sleep": recorded.append, **parts})  # type: ignore[no-any-return]

    monkeypatch.setattr(Runtime, "from_environ", classmethod(from_environ))
    return recorded


@pytest.fixture
def list_page() -> ListPage:
    """A factory of Gorgias list envelopes: list_page("/tickets", [items], next_cursor="c2")."""

    def page(uri: str, items: list[Any], *, next_cursor: str | None = None,
             prev_cursor: str | None = None) -> dict[str, Any]:
        return {"data": items, "object": "list", "uri": uri,
                "meta": {"prev_cursor": prev_cursor, "next_cursor": next_cursor}}

    return page


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Outside a derandomized profile, draw this run's Hypothesis seed (before Hypothesis reads the option)."""
    profile = config.getoption("hypothesis_profile", None) or settings.get_current_profile_name()
    if config.getoption("hypothesis_seed", None) is None and not settings.get_profile(profile).derandomize:
        config.option.hypothesis_seed = str(random.SystemRandom().randrange(2**32))


def _replay_options(config: pytest.Config) -> list[str]:
    """This run's arguments, with the seeds that repeat its test order and Hypothesis examples."""
    options: list[str] = []
    skip_next = False
    for arg in config.invocation_params.args:
        seed_option = arg.startswith(("--randomly-seed", "--hypothesis-seed", "--hypothesis-profile"))
        if not (skip_next or seed_option):
            options.append(arg)
        skip_next = seed_option and "=" not in arg
    if config.pluginmanager.has_plugin("randomly") and config.getoption("randomly_seed", None) is not None:
        options.append(f"--randomly-seed={config.getoption('randomly_seed')}")
    options.append(f"--hypothesis-profile={settings.get_current_profile_name()}")
    seed = config.getoption("hypothesis_seed", None)
    if seed is not None:
        options.append(f"--hypothesis-seed={seed}")
    return options


def pytest_report_header(config: pytest.Config) -> str:
    """Say how the property tests draw their examples, so that any run can be replayed."""
    seed = config.getoption("hypothesis_seed", None)
    how = "derandomized (the same examples every run)" if seed is None else f"--hypothesis-seed={seed}"
    return f"hypothesis: profile {settings.get_current_profile_name()!r}, {how}"


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Print the options that replay this run (the header, where plugins print their seeds, is hidden by -q)."""
    options = " ".join(_replay_options(config))
    terminalreporter.write_line(f"Replay this run (same order, same examples): python -m pytest {options}".rstrip())
