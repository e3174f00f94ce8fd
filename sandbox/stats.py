"""Thread-safe request counters exposed as `Sandbox.stats`."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any


class Stats:
    """Counters; `received` counts every request per (METHOD, route template), `processed` only handled ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.requests = 0
            self.received: Counter[tuple[str, str]] = Counter()
            self.processed: Counter[tuple[str, str]] = Counter()
            self.statuses: Counter[int] = Counter()
            self.unauthorized = 0
            self.rate_limited = 0
            self.faults = 0
            self.drops = 0
            self.token_grants = 0
            self.token_refreshes = 0

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + amount)

    def count(self, counter: str, key: tuple[str, str] | int) -> None:
        with self._lock:
            getattr(self, counter)[key] += 1

    def on_grant(self, kind: str) -> None:
        self.add("token_refreshes" if kind == "refresh_token" else "token_grants")

    def snapshot(self) -> dict[str, Any]:
        """A plain-dict copy (route keys rendered as "METHOD /template")."""
        with self._lock:
            return {
                "requests": self.requests, "unauthorized": self.unauthorized, "rate_limited": self.rate_limited,
                "faults": self.faults, "drops": self.drops, "token_grants": self.token_grants,
                "token_refreshes": self.token_refreshes, "statuses": dict(self.statuses),
                "received": {f"{m} {p}": n for (m, p), n in self.received.items()},
                "processed": {f"{m} {p}": n for (m, p), n in self.processed.items()},
            }

    def __getitem__(self, name: str) -> Any:
        return self.snapshot()[name]
