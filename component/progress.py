"""Progress of long list fetches: the HTTP client reports each page, a terminal line shows pages, items and rate.

The client calls `page_fetched(n)` for every list page it receives; nothing happens unless a
listener is installed for the current context (the CLI installs `ProgressLine` on standard error
when it is a terminal and the command fetches every page of a list).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol, TextIO

__all__ = ["ProgressLine", "fetch_progress", "page_fetched", "reporting", "wanted"]

Listener = Callable[[int], None]

_listener: ContextVar[Listener | None] = ContextVar("component_progress_listener", default=None)


def page_fetched(items: int) -> None:
    """Tell the current listener, if any, that one more page of `items` items arrived."""
    listener = _listener.get()
    if listener is not None:
        listener(items)


@contextmanager
def reporting(listener: Listener) -> Iterator[None]:
    """Send the pages fetched in this context (this thread) to `listener`."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


class ProgressLine:
    """One line on a terminal, redrawn in place: "12 pages, 1,200 items, 340 items/s"."""

    def __init__(self, stream: TextIO, *, label: str = "fetching", clock: Callable[[], float] = time.monotonic,
                 interval: float = 0.1) -> None:
        self.stream = stream
        self.label = label
        self.clock = clock
        self.interval = interval
        self.started = clock()
        self.pages = 0
        self.items = 0
        self._drawn_at: float | None = None

    def __call__(self, items: int) -> None:
        self.pages += 1
        self.items += items
        now = self.clock()
        # A one-page answer needs no progress: draw from the second page on, at most every `interval` s.
        if self.pages >= 2 and (self._drawn_at is None or now - self._drawn_at >= self.interval):
            self._draw(now)

    def text(self, now: float) -> str:
        """The line as drawn at `now`: pages, items and items per second."""
        elapsed = now - self.started
        rate = f", {self.items / elapsed:,.0f} items/s" if elapsed > 0 else ""
        pages = f"{self.pages:,} page{'s' if self.pages != 1 else ''}"
        return f"{self.label}: {pages}, {self.items:,} item{'s' if self.items != 1 else ''}{rate}"

    def _draw(self, now: float) -> None:
        self._drawn_at = now
        self.stream.write("\r" + self.text(now) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final count and end the line, if anything was drawn."""
        if self._drawn_at is not None:
            self._draw(self.clock())
            self.stream.write("\n")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or unusual streams
        return False


@contextmanager
def fetch_progress(stream: TextIO, enabled: bool = True) -> Iterator[None]:
    """Show a `ProgressLine` on `stream` while the body runs, when enabled and `stream` is a terminal."""
    if not enabled or not _is_terminal(stream):
        yield
        return
    line = ProgressLine(stream)
    try:
        with reporting(line):
            yield
    finally:
        line.close()


class _Actions(Protocol):
    """What `wanted` reads of a component (a protocol: the HTTP client's layer knows no definitions)."""

    @property
    def actions(self) -> Sequence[Any]:
        """The declared actions; a list action has a `stream` and its `paging` (`component.definitions.Paging`)."""
        ...


def wanted(component: _Actions, command: str, key: Any, inputs: Mapping[str, Any]) -> bool:
    """Whether a CLI command fetches every page of a list: `run` of a list action with its fetch-all input true."""
    if command != "run" or not isinstance(key, str):
        return False
    action = next((a for a in component.actions if a.key == key), None)
    if action is None or action.stream is None or action.paging is None:
        return False
    value = inputs.get(action.paging.every)
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")
