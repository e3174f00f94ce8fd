"""Thread-safe leaky-bucket rate limiting per account, with Gorgias' call-limit header values."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    used: int
    capacity: int
    retry_after: int  # seconds, >= 1 when refused

    @property
    def header(self) -> str:
        return f"{self.used}/{self.capacity}"


class LeakyBucket:
    """Holds up to `capacity` calls and leaks `capacity / window` calls per second."""

    def __init__(self, capacity: int, window: float) -> None:
        self.capacity = capacity
        self.rate = capacity / window
        self.level = 0.0
        self.last = time.monotonic()

    def hit(self, now: float) -> Decision:
        self.level = max(0.0, self.level - (now - self.last) * self.rate)
        self.last = now
        if self.level + 1 > self.capacity + 1e-9:
            wait = (self.level + 1 - self.capacity) / self.rate
            return Decision(False, self.capacity, self.capacity, max(1, math.ceil(wait)))
        self.level += 1
        return Decision(True, min(self.capacity, math.ceil(self.level - 1e-9)), self.capacity, 0)


class RateLimiter:
    """One bucket per account key; OAuth accounts get `oauth_multiplier` times the capacity."""

    def __init__(self, capacity: int, window: float, oauth_multiplier: int = 2) -> None:
        if capacity < 1 or window <= 0:
            raise ValueError("rate_limit needs capacity >= 1 and window > 0")
        self.capacity = capacity
        self.window = window
        self.oauth_multiplier = oauth_multiplier
        self._buckets: dict[tuple[str, str], LeakyBucket] = {}
        self._lock = threading.Lock()

    def hit(self, kind: str, account: str) -> Decision:
        with self._lock:
            bucket = self._buckets.get((kind, account))
            if bucket is None:
                capacity = self.capacity * (self.oauth_multiplier if kind == "oauth" else 1)
                bucket = self._buckets[(kind, account)] = LeakyBucket(capacity, self.window)
            return bucket.hit(time.monotonic())
