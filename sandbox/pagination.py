"""Gorgias cursor pagination over sorted (key, id) indexes, plus shared query-parameter parsing."""

from __future__ import annotations

import base64
import binascii
import bisect
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from gorgias_component.sandbox.router import ApiError, Request
from gorgias_component.sandbox.store import Key, normalize_datetime

T = TypeVar("T")

PAGE_PARAMS = frozenset({"cursor", "limit", "order_by"})
DEFAULT_LIMIT = 30
MAX_LIMIT = 100


def invalid(field: str, message: str) -> ApiError:
    return ApiError(400, "Invalid request.", {field: [message]})


def check_known_params(req: Request, allowed: frozenset[str]) -> None:
    """Gorgias answers 400 for unknown query parameters."""
    unknown = sorted(name for name in req.query if name not in allowed)
    if unknown:
        raise ApiError(400, "Invalid request.", {name: ["Unknown field."] for name in unknown})


def int_arg(req: Request, name: str, *, minimum: int = 1) -> int | None:
    raw = req.arg(name)
    if raw is None:
        return None
    return parse_int(name, raw, minimum)


def int_args(req: Request, name: str, *, minimum: int = 1) -> list[int]:
    return [parse_int(name, raw, minimum) for raw in req.args(name)]


def parse_int(name: str, raw: str, minimum: int = 1) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise invalid(name, "Not a valid integer.") from None
    if value < minimum:
        raise invalid(name, f"Must be greater than or equal to {minimum}.")
    return value


def bool_arg(req: Request, name: str, default: bool) -> bool:
    raw = req.arg(name)
    if raw is None:
        return default
    lowered = raw.lower()
    if lowered in {"true", "1", "yes"}:
        return True
    if lowered in {"false", "0", "no"}:
        return False
    raise invalid(name, "Not a valid boolean.")


def datetime_arg(name: str, raw: str) -> str:
    try:
        return normalize_datetime(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError:
        raise invalid(name, "Not a valid datetime.") from None


@dataclass(frozen=True, slots=True)
class PageParams:
    limit: int
    order_by: str  # e.g. "created_datetime:desc"
    direction: str | None  # None (first page), "next" or "prev"
    anchor: Key | None

    @property
    def field(self) -> str:
        return self.order_by.split(":")[0]

    @property
    def descending(self) -> bool:
        return self.order_by.endswith(":desc")


def encode_cursor(direction: str, order_by: str, key: Key) -> str:
    raw = json.dumps([direction, order_by, key[0], key[1]], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode()


def _decode_cursor(cursor: str) -> tuple[str, str, Key]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor.encode() + b"=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid("cursor", "Invalid cursor.") from None
    if (not isinstance(raw, list) or len(raw) != 4 or raw[0] not in ("next", "prev")
            or not isinstance(raw[1], str) or not isinstance(raw[2], str)
            or not isinstance(raw[3], int) or isinstance(raw[3], bool)):
        raise invalid("cursor", "Invalid cursor.")
    return raw[0], raw[1], (raw[2], raw[3])


def page_params(req: Request, fields: Sequence[str], default: str = "created_datetime:desc") -> PageParams:
    """Validate limit (1-100, default 30), order_by (`field:asc|desc`, default `default`), cursor."""
    raw_limit = req.arg("limit")
    limit = DEFAULT_LIMIT
    if raw_limit is not None:
        try:
            limit = int(raw_limit)
        except ValueError:
            limit = 0
        if not 1 <= limit <= MAX_LIMIT:
            raise invalid("limit", f"Must be between 1 and {MAX_LIMIT}.")
    allowed = [f"{name}:{way}" for name in fields for way in ("asc", "desc")]
    order_by = req.arg("order_by")
    if order_by is not None and order_by not in allowed:
        raise invalid("order_by", "Must be one of: " + ", ".join(allowed) + ".")
    cursor = req.arg("cursor")
    if not cursor:
        return PageParams(limit, order_by or default, None, None)
    direction, cursor_order, anchor = _decode_cursor(cursor)
    if cursor_order not in allowed or (order_by is not None and order_by != cursor_order):
        raise invalid("cursor", "Invalid cursor: it was issued for another order_by.")
    return PageParams(limit, cursor_order, direction, anchor)


@dataclass(slots=True)
class Page:
    items: list[Any]
    prev_cursor: str | None
    next_cursor: str | None

    def envelope(self, req: Request, render: Callable[[Any], Any]) -> dict[str, Any]:
        return {"object": "list", "uri": req.uri, "data": [render(item) for item in self.items],
                "meta": {"prev_cursor": self.prev_cursor, "next_cursor": self.next_cursor}}


def paginate(keys: Sequence[Key], params: PageParams, fetch: Callable[[int], T | None],
             lo: int = 0, hi: int | None = None) -> Page:
    """One page of `keys[lo:hi]` (ascending) in params' order; `fetch(id)` returns None to skip an item.

    Work is proportional to the page (plus skipped items), not to the whole index.
    """
    hi = len(keys) if hi is None else hi
    is_prev = params.direction == "prev"
    forward = params.descending == is_prev
    if params.anchor is None:
        start = lo if forward else hi - 1
    elif forward:
        start = bisect.bisect_right(keys, params.anchor, lo, hi)
    else:
        start = bisect.bisect_left(keys, params.anchor, lo, hi) - 1
    found: list[tuple[Key, T]] = []
    step = 1 if forward else -1
    i = start
    while lo <= i < hi and len(found) <= params.limit:
        key = keys[i]
        item = fetch(key[1])
        if item is not None:
            found.append((key, item))
        i += step
    more = len(found) > params.limit
    del found[params.limit:]
    if is_prev:
        found.reverse()
    first = found[0][0] if found else None
    last = found[-1][0] if found else None
    order = params.order_by
    if is_prev:
        prev_cursor = encode_cursor("prev", order, first) if more and first else None
        next_cursor = encode_cursor("next", order, last) if last else None
    else:
        next_cursor = encode_cursor("next", order, last) if more and last else None
        prev_cursor = None
        if params.anchor is not None:
            prev_cursor = encode_cursor("prev", order, first or params.anchor)
    return Page([item for _, item in found], prev_cursor, next_cursor)


def key_range(keys: Sequence[Key], gt: str | None = None, gte: str | None = None, lt: str | None = None,
              lte: str | None = None) -> tuple[int, int]:
    """Index bounds [lo, hi) of keys whose sort key satisfies the comparisons."""
    lo, hi = 0, len(keys)
    if gte is not None:
        lo = max(lo, bisect.bisect_left(keys, (gte, -1)))
    if gt is not None:
        lo = max(lo, bisect.bisect_right(keys, (gt, sys.maxsize)))
    if lt is not None:
        hi = min(hi, bisect.bisect_left(keys, (lt, -1)))
    if lte is not None:
        hi = min(hi, bisect.bisect_right(keys, (lte, sys.maxsize)))
    return lo, max(lo, hi)
