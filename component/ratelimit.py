"""A proactive request budget that mirrors an API's leaky bucket so that calls never draw a 429.

The API allows `capacity` requests per `window` seconds and leaks capacity/window requests per
second. The budget keeps its own estimate of the bucket's level and hands out send times in order
(each caller reserves its slot, then sleeps until it comes), so threads sharing a budget neither
overflow the bucket nor wake up in a herd. Every `X-...-Call-Limit: used/limit` header the API
sends back corrects the estimate upwards: other processes may draw from the same account. One
budget is shared by every thread that works for the same account (`component.runtime` keeps them).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping

from component.runtime import default_runtime

__all__ = ["RateBudget", "budget_for", "forget_budgets", "parse_call_limit"]


def parse_call_limit(value: str | None) -> tuple[int, int] | None:
    """(used, limit) from a call-limit header such as "12/40"; None when it is missing or malformed."""
    if not value or "/" not in value:
        return None
    used_text, _, limit_text = value.partition("/")
    try:
        used, limit = int(used_text.strip()), int(limit_text.strip())
    except ValueError:
        return None
    if used < 0 or limit < 1:
        return None
    return used, limit


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)


class RateBudget:
    """Leaky-bucket pacing for one account, shared by threads.

    `headroom` requests of the bucket are left unused to absorb jitter between the moment a request
    leaves and the moment the API counts it.
    """

    def __init__(self, capacity: int, window: float, *, header: str, headroom: int = 1,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if capacity < 1 or not (window > 0 and math.isfinite(window)):
            raise ValueError("capacity must be ≥ 1 and window a positive number of seconds")
        self.capacity = capacity
        self.window = window
        self.header = header
        self.headroom = max(0, min(headroom, capacity - 1))
        self._clock = clock
        self._lock = threading.Lock()
        self._level = 0.0
        self._at = clock()

    def __repr__(self) -> str:
        return f"RateBudget({self.capacity}/{self.window:g}s, level={self.level:.1f})"

    @property
    def rate(self) -> float:
        """Requests per second the bucket leaks."""
        return self.capacity / self.window

    @property
    def level(self) -> float:
        """The estimated number of requests in the bucket now, reservations included."""
        with self._lock:
            self._leak(self._clock())
            return self._level

    def _leak(self, now: float) -> None:
        self._level = max(0.0, self._level - (now - self._at) * self.rate)
        self._at = now

    def reserve(self) -> float:
        """Take the next free slot; returns how many seconds the caller must wait before sending."""
        with self._lock:
            self._leak(self._clock())
            limit = self.capacity - self.headroom
            wait = max(0.0, (self._level + 1 - limit) / self.rate)
            self._level += 1
            return wait

    def acquire(self, sleep: Callable[[float], None]) -> float:
        """Reserve room for one request and sleep until it may be sent; returns the seconds slept."""
        wait = self.reserve()
        if wait > 0:
            sleep(wait)
        return wait

    def observe(self, headers: Mapping[str, str], elapsed: float = 0.0) -> None:
        """Correct the estimate from the API's own count, e.g. an `X-Api-Call-Limit: 12/40` header.

        `elapsed` is how long ago the request was sent: the API counted it then, and the bucket has
        leaked since.
        """
        parsed = parse_call_limit(_header(headers, self.header))
        if parsed is None:
            return
        used, limit = parsed
        with self._lock:
            if limit != self.capacity:
                # The API knows the account's real size (OAuth apps, other plans): adopt it.
                self.capacity = limit
                self.headroom = min(self.headroom, limit - 1)
            self._leak(self._clock())
            # Never believe the bucket is emptier than the API says (other clients share it), nor
            # emptier than our own count (requests in flight are not in the API's count yet). The
            # API's count is a whole number, possibly rounded up from a fractional level: only the part
            # above one more than ours shows other clients; the headroom absorbs the rest.
            self._level = max(self._level, used - 1 - max(0.0, elapsed) * self.rate)


def budget_for(account: str, kind: str, capacity: int, window: float, header: str) -> RateBudget:
    """The default runtime's budget for one account, auth kind and configured size, created on first use."""
    return default_runtime().budgets.budget((account, kind, capacity, window),
                                            lambda: RateBudget(capacity, window, header=header))


def forget_budgets() -> None:
    """Drop every budget of the default runtime (tests, or a host that points the same accounts at new servers)."""
    default_runtime().budgets.clear()
