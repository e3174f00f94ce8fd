"""Datetimes as instants: APIs write ISO 8601 with or without a UTC offset; compare instants, never strings."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["instant", "utc_text"]


def instant(text: str) -> datetime:
    """The aware UTC instant of an ISO 8601 text; a naive text is UTC (as in many APIs' reference examples).

    Accepts `2024-12-04T15:18:56`, `2024-12-04T15:18:56+00:00`, `...Z` and other offsets; raises ValueError.
    """
    parsed = datetime.fromisoformat(text.strip())
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def utc_text(text: str) -> str:
    """The same instant as `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`, so that two texts sort like their instants."""
    return instant(text).isoformat()
