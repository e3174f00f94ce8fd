"""A fake list API for the polling algorithm: items ordered newest first, keyset page tokens, a request count."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from component.errors import ApiError
from component.polling import Feed

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def at(seconds: float) -> str:
    """The instant `seconds` after T0, written with an offset as Gorgias does."""
    return (T0 + timedelta(seconds=seconds)).isoformat()


class FakeList:
    """Items {"id", "at", "visible"}; a page holds `size` visible items, newest first, after a keyset token."""

    def __init__(self, size: int = 100) -> None:
        self.size = size
        self.items: dict[int, dict[str, Any]] = {}
        self.requests = 0
        self._sorted: list[dict[str, Any]] | None = None
        self.now = 0.0  # visibility clock, in seconds after T0
        self.fail_at: int | None = None  # the request number that fails with a 429
        self.during_page: Callable[[], None] | None = None  # runs after each page is read (arrivals while paging)

    def put(self, ident: int, seconds: float, *, visible_after: float | None = None) -> None:
        self._sorted = None
        self.items[ident] = {"id": ident, "at": at(seconds), "visible": -1e18 if visible_after is None else visible_after}

    def page(self, token: str | None) -> tuple[list[Any], str | None]:
        self.requests += 1
        if self.fail_at is not None and self.requests == self.fail_at:
            raise ApiError("Too many requests", status=429)
        if self._sorted is None:
            self._sorted = sorted(self.items.values(), key=lambda item: (item["at"], item["id"]), reverse=True)
        start = 0
        if token is not None:
            anchor = tuple(json.loads(base64.b64decode(token)))
            start = _first_below(self._sorted, anchor)
        page = []
        more = False
        for row in self._sorted[start:]:
            if row["visible"] > self.now:
                continue
            if len(page) == self.size:
                more = True
                break
            page.append(row)
        following = None
        if more:
            following = base64.b64encode(json.dumps([page[-1]["at"], page[-1]["id"]]).encode()).decode()
        if self.during_page is not None:
            self.during_page()
        return [{"id": row["id"], "at": row["at"]} for row in page], following

    def feed(self) -> Feed:
        """The feed the polling algorithm reads."""
        return Feed(self.page, lambda item: item["at"], lambda item: item["id"])


def _first_below(rows: list[dict[str, Any]], anchor: tuple[Any, ...]) -> int:
    """The index of the first row (newest first) strictly before `anchor`: a binary search."""
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi) // 2
        if (rows[mid]["at"], rows[mid]["id"]) < anchor:
            hi = mid
        else:
            lo = mid + 1
    return lo
