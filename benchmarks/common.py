"""Shared helpers: result rows, interleaved timing, environment switches and the bare `requests` baseline."""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import requests
from requests.auth import HTTPBasicAuth

from gorgias_component.sandbox import Sandbox

BASE_URL_ENV = "GORGIAS_API_BASE_URL"
RATE_LIMIT_ENV = "GORGIAS_RATE_LIMIT"
PAGE_SIZE = 100  # what the framework asks for when it walks every page


@dataclass(frozen=True)
class Row:
    """One line of the table: the framework's figure beside its baseline, in the same unit."""

    benchmark: str
    case: str
    framework: float
    baseline: float
    unit: str
    target: str = "-"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.framework / self.baseline if self.baseline else float("nan")


@contextmanager
def env(**values: str | None) -> Iterator[None]:
    """Set (or, with None, unset) environment variables for the duration of the block."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            _put(name, value)
        yield
    finally:
        for name, value in saved.items():
            _put(name, value)


def _put(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def bare_session(sb: Sandbox, *, trust_env: bool = False) -> requests.Session:
    """What a hand-written client would use: one keep-alive session with the same HTTP Basic auth."""
    session = requests.Session()
    session.trust_env = trust_env  # the framework's sessions do not consult proxies/.netrc either
    session.auth = HTTPBasicAuth(sb.username, sb.api_key)
    return session


def get_json(session: requests.Session, url: str, params: dict[str, Any] | None = None) -> Any:
    response = session.get(url, params=params)
    response.raise_for_status()
    return response.json()


def hand_pages(session: requests.Session, url: str) -> Iterator[list[Any]]:
    """The hand-written cursor loop: every page's items, following meta.next_cursor."""
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": PAGE_SIZE}
        if cursor:
            params["cursor"] = cursor
        page = get_json(session, url, params)
        yield page["data"]
        cursor = page["meta"].get("next_cursor")
        if not cursor:
            return


Batch = Callable[[int], object]  # performs n calls of one side


def interleaved(sides: dict[str, Batch], *, rounds: int, calls: int, warmup: int) -> dict[str, float]:
    """Median seconds per call of each side, after a warm-up, measured in alternating rounds (A, B, B, A, ...).

    Every round starts from a collected heap, so that no side pays for the garbage of another.
    """
    for batch in sides.values():
        batch(warmup)
    samples: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    for number in range(rounds):
        for name in names if number % 2 == 0 else reversed(names):
            gc.collect()
            started = time.perf_counter()
            sides[name](calls)
            samples[name].append((time.perf_counter() - started) / calls)
    return {name: statistics.median(values) for name, values in samples.items()}


def repeat(call: Callable[[], object]) -> Batch:
    """A batch that makes `call` n times."""

    def batch(n: int) -> None:
        for _ in range(n):
            call()

    return batch
