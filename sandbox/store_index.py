"""The store's building blocks: datetimes in one sortable form and sorted (key, id) indexes."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import UTC, datetime

Key = tuple[str, int]


def now_iso() -> str:
    """Current time as live Gorgias writes it: UTC with its offset (microseconds keep the order strict)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def normalize_datetime(value: str) -> str:
    """Parse an ISO-8601 datetime (naive means UTC) into the store's format: UTC, microseconds, `+00:00`.

    Every stored datetime has this one fixed-width form, so comparing two strings compares two instants.
    """
    parsed = datetime.fromisoformat(value)
    parsed = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return parsed.isoformat(timespec="microseconds")


class SortedIndex:
    """Ascending list of (sort key, id) pairs, searched with bisect."""

    __slots__ = ("keys",)

    def __init__(self, keys: Iterable[Key] = ()) -> None:
        self.keys: list[Key] = sorted(keys)

    def add(self, key: Key) -> None:
        bisect.insort(self.keys, key)

    def remove(self, key: Key) -> None:
        i = bisect.bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            del self.keys[i]
