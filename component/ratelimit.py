"""A proactive request budget that mirrors an API's leaky bucket so that calls never draw a 429.

The API allows `capacity` requests per `window` seconds and leaks capacity/window requests per
second. The budget keeps its own estimate of the bucket's level, corrected by every
`X-...-Call-Limit: used/limit` header the API sends back, and makes a caller wait only when the
next request would overflow the bucket. One budget is shared by every thread of a process that
works for the same account.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping

__all__ = ["RateBudget", "budget_for"]


class RateBudget:
    """Leaky-bucket pacing for one account, shared by threads."""

    def __init__(self, capacity: int, window: float, *, header: str, headroom: int = 2,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if capacity < 1 or window <= 0:
            raise ValueError("capacity must be ≥ 1 and window > 0")
        self.capacity = capacity
        self.window = window
        self.header = header
        self.headroom = min(headroom, capacity - 1)
        self._clock = clock
        self._lock = threading.Lock()
        self._level = 0.0
        self._at = clock()

    def __repr__(self) -> str:
        return f"RateBudget({self.capacity}/{self.window:g}s, level={self._level:.1f})"

    @property
    def rate(self) -> float:
        return self.capacity / self.window

    def _leak(self, now: float) -> None:
        self._level = max(0.0, self._level - (now - self._at) * self.rate)
        self._at = now

    def acquire(self, sleep: Callable[[float], None]) -> float:
        """Reserve room for one request, sleeping while the bucket is full; returns seconds slept."""
        slept = 0.0
        while True:
            with self._lock:
                now = self._clock()
                self._leak(now)
                limit = self.capacity - self.headroom
                if self._level + 1 <= limit:
                    self._level += 1
                    return slept
                wait = (self._level + 1 - limit) / self.rate
            sleep(wait)
            slept += wait

    def observe(self, headers: Mapping[str, str]) -> None:
        """Correct the estimate from the API's own count, e.g. `X-Gorgias-Account-Api-Call-Limit: 12/40`."""
        value = headers.get(self.header)
        if not value or "/" not in value:
            return
        used_text, _, limit_text = value.partition("/")
        try:
            used, limit = int(used_text.strip()), int(limit_text.strip())
        except ValueError:
            return
        with self._lock:
            if limit >= 1 and limit != self.capacity:
                # The API knows the account's real size (OAuth apps, Enterprise plans): adopt it.
                self.capacity = limit
                self.headroom = min(self.headroom, limit - 1)
            self._leak(self._clock())
            # Other processes may share the account: never believe the bucket is emptier than the API
            # says; requests in flight are not in its count yet, so never lower our own estimate either.
            self._level = max(self._level, float(used))


_BUDGETS: dict[tuple[str, str], RateBudget] = {}
_BUDGETS_LOCK = threading.Lock()


def budget_for(account: str, kind: str, capacity: int, window: float, header: str) -> RateBudget:
    """The process-wide budget for one account and auth kind, created on first use."""
    key = (account, kind)
    with _BUDGETS_LOCK:
        budget = _BUDGETS.get(key)
        if budget is None or budget.window != window:
            budget = RateBudget(capacity, window, header=header)
            _BUDGETS[key] = budget
        return budget
