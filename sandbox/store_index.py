"""The store's building blocks: datetimes in one sortable form and sorted (key, id) indexes."""

from __future__ import annotations

import bisect
import random
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

Key = tuple[str, int]
_BURST: list[str] = []  # test knob: while a burst is on, every datetime the sandbox writes is this one


@contextmanager
def same_instant() -> Iterator[str]:
    """Within it every datetime the sandbox writes is one instant: a burst of equal timestamps (a test knob)."""
    _BURST.append(datetime.now(UTC).isoformat(timespec="microseconds"))
    try:
        yield _BURST[-1]
    finally:
        _BURST.pop()


def now_iso() -> str:
    """Current time as live Gorgias writes it: UTC with its offset (microseconds keep the order strict)."""
    if _BURST:
        return _BURST[-1]
    return datetime.now(UTC).isoformat(timespec="microseconds")


def normalize_datetime(value: str) -> str:
    """Parse an ISO-8601 datetime (naive means UTC) into the store's format: UTC, microseconds, `+00:00`.

    Every stored datetime has this one fixed-width form, so comparing two strings compares two instants.
    """
    parsed = datetime.fromisoformat(value)
    parsed = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return parsed.isoformat(timespec="microseconds")


class SortedIndex:
    """Ascending list of (sort key, id) pairs, searched with bisect.

    With `lag` seconds set (the sandbox's `visibility_lag` knob), an added key shows in `keys` only after a
    random delay of up to `lag`, as Gorgias shows some items a little after their timestamp.
    """

    __slots__ = ("_keys", "_lock", "_pending", "_random", "lag")

    def __init__(self, keys: Iterable[Key] = ()) -> None:
        self._keys: list[Key] = sorted(keys)
        self._pending: list[tuple[float, Key]] = []
        self._lock = threading.Lock()
        self._random = random.Random(0)
        self.lag = 0.0

    @property
    def keys(self) -> list[Key]:
        """The visible keys, ascending."""
        if self._pending:
            with self._lock:
                now = time.monotonic()
                due = [key for at, key in self._pending if at <= now]
                self._pending = [(at, key) for at, key in self._pending if at > now]
                for key in due:
                    bisect.insort(self._keys, key)
        return self._keys

    def add(self, key: Key) -> None:
        if self.lag > 0:
            with self._lock:
                self._pending.append((time.monotonic() + self._random.uniform(0, self.lag), key))
            return
        bisect.insort(self._keys, key)

    def remove(self, key: Key) -> None:
        with self._lock:
            self._pending = [(at, k) for at, k in self._pending if k != key]
        i = bisect.bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            del self._keys[i]
