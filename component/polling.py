"""The polling algorithm of triggers: a high-water mark on an instant plus the ids seen in a lookback window.

A trigger's list is read newest first, page by page, down to the window's lower bound; what was not
delivered yet is returned oldest first. The state is small JSON (under `MAX_STATE_BYTES` whatever the
history) and records instants in one unambiguous form (UTC, microseconds, `+00:00`):

- `floor`: nothing at or before this instant is ever delivered (the start: "now", or `since` minus 1 µs);
- `mark`: `[instant, id]`, the newest item delivered: anything after it, in (instant, id) order, is new;
- `low` and `seen`: ids delivered with an instant from `low` on; an item from `low` on that is not in
  `seen` is new too, which catches items an API makes visible late (the lookback window);
- `resume`: page tokens, oldest first, that let the next polls of a large backlog start near it
  instead of re-reading it from the newest item (a token the API refuses is dropped).

Each item is therefore delivered once over a sequence of polls given each returned state, even when
items arrive during paging, share one instant across pages or become visible late; a failed poll
raises and its old state is still good. Only when `seen` would outgrow the state's budget does the
window shrink (from its oldest instants), which the docstring of `MAX_STATE_BYTES` states.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from component.errors import ApiError, InputError
from component.input_kinds import describe
from component.instants import instant

__all__ = ["MAX_STATE_BYTES", "Batch", "Feed", "poll", "read_state"]

VERSION = 1
# The state's size limit; past it the lookback window loses its oldest instants (a late item there is missed).
MAX_STATE_BYTES = 8000
MAX_RESUME = 16  # resume tokens kept: a backlog of up to 16 batches is read without re-reading it
MAX_TOKEN = 300  # a longer page token is not kept (the poll then re-reads from the newest item)
TICK = timedelta(microseconds=1)
Position = tuple[datetime, tuple[int, Any]]


@dataclass(frozen=True)
class Feed:
    """One list read newest first: a page at a token (None: the first), and each item's instant and id."""

    page: Callable[[str | None], tuple[list[Any], str | None]]
    stamp: Callable[[Any], str]
    ident: Callable[[Any], Any]


@dataclass(frozen=True)
class Batch:
    """What one poll returns: items oldest first, the next state, and whether more are waiting."""

    items: list[Any]
    state: dict[str, Any]
    more: bool


def _text(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _order(ident: Any) -> tuple[int, Any]:
    """Ids compare as numbers when they are numbers, else as text."""
    if isinstance(ident, int) and not isinstance(ident, bool):
        return (0, ident)
    return (1, str(ident))


@dataclass
class _State:
    floor: datetime | None
    mark: Position | None
    mark_id: Any
    low: datetime | None
    seen: dict[datetime, set[Any]]
    resume: list[str]

    def new(self, moment: datetime, ident: Any) -> bool:
        """Whether the item at (moment, ident) was not delivered yet."""
        if self.floor is not None and moment <= self.floor:
            return False
        if self.mark is None or (moment, _order(ident)) > self.mark:
            return True
        return self.low is not None and moment >= self.low and ident not in self.seen.get(moment, ())

    def bound(self) -> datetime | None:
        """Pages are read down to the first item before this instant (None: to the end of the list)."""
        if self.mark is None:
            return self.floor
        lowest = min(self.low, self.mark[0]) if self.low is not None else self.mark[0]
        return max(lowest, self.floor) if self.floor is not None else lowest

    def dump(self, trigger: str) -> dict[str, Any]:
        seen = {_text(m): sorted(ids, key=_order) for m, ids in sorted(self.seen.items())}
        return {"v": VERSION, "trigger": trigger, "floor": _text(self.floor) if self.floor else None,
                "mark": [_text(self.mark[0]), self.mark_id] if self.mark else None,
                "low": _text(self.low) if self.low else None, "seen": seen, "resume": self.resume}


def read_state(trigger: str, state: Any) -> _State | None:
    """The state a previous poll of `trigger` returned, checked; None for None. Otherwise an InputError."""
    if state is None:
        return None

    def bad(why: str) -> InputError:
        return InputError("state", f"State: expected the state a previous poll of '{trigger}' returned, {why}.")

    if not isinstance(state, Mapping):
        raise bad(f"received {describe(state)}")
    if state.get("v") != VERSION:
        raise bad(f"received a state of version {describe(state.get('v'))} (this version reads {VERSION})")
    if state.get("trigger") != trigger:
        raise bad(f"received the state of trigger {describe(state.get('trigger'))}")
    try:
        floor = _moment(state.get("floor"), optional=True)
        raw_mark = state.get("mark")
        mark = None
        mark_id = None
        if raw_mark is not None:
            if not (isinstance(raw_mark, list) and len(raw_mark) == 2):
                raise ValueError("mark")
            mark_id = raw_mark[1]
            mark = (_moment(raw_mark[0]), _order(mark_id))
        low = _moment(state.get("low"), optional=True)
        seen_raw = state.get("seen", {})
        resume = state.get("resume", [])
        if not isinstance(seen_raw, Mapping) or not isinstance(resume, list):
            raise ValueError("seen")
        seen = {}
        for key, ids in seen_raw.items():
            if not isinstance(ids, list):
                raise ValueError("seen")
            seen[_moment(key)] = set(ids)
        if not all(isinstance(token, str) for token in resume) or (mark is None) != (low is None):
            raise ValueError("resume")
    except (ValueError, TypeError, AttributeError):
        raise bad("but this one is corrupt") from None
    return _State(floor, mark, mark_id, low, seen, list(resume))


def _moment(value: Any, *, optional: bool = False) -> datetime:
    if value is None and optional:
        return None  # type: ignore[return-value]
    if not isinstance(value, str):
        raise ValueError("instant")
    return instant(value)


def start(feed: Feed, since: datetime | None) -> _State:
    """The state of a first poll: after `since` minus 1 µs, or after the newest item now (one request)."""
    if since is not None:
        return _State(since - TICK, None, None, None, {}, [])
    items, _ = feed.page(None)
    newest = max((instant(feed.stamp(item)) for item in items), default=None)
    return _State(newest, None, None, None, {}, [])


def _scan(feed: Feed, state: _State, token: str | None, max_items: int) -> tuple[list[tuple[Position, Any, Any]], bool,
                                                                                      list[tuple[str, int]]]:
    """Deliverable items from the page at `token` down to the state's bound, the oldest `max_items` of them.

    Returns (items sorted oldest first, whether some were left out, [(page token, new items on pages from
    it down)] for the pages after the first).
    """
    bound = state.bound()
    found: dict[Position, tuple[Any, Any]] = {}
    cut = False
    tokens: list[tuple[str, int]] = []
    counted = 0
    for page_token, items in _pages(feed, token):
        if page_token is not None and page_token != token:
            tokens.append((page_token, counted))
        below = False
        for item in items:
            moment = instant(feed.stamp(item))
            ident = feed.ident(item)
            if bound is not None and moment < bound:
                below = True
                continue
            position = (moment, _order(ident))
            if position not in found and state.new(moment, ident):
                found[position] = (ident, item)
                counted += 1
        if len(found) > 2 * max_items:
            kept = sorted(found)[:max_items]
            found = {p: found[p] for p in kept}
            cut = True
        if below:
            break
    ordered = sorted(found)
    cut = cut or len(ordered) > max_items
    # Counted from the top; the resume logic wants the new items on pages from each token down.
    return ([(p, *found[p]) for p in ordered[:max_items]], cut,
            [(t, counted - before) for t, before in tokens])


def _pages(feed: Feed, token: str | None) -> Iterator[tuple[str | None, list[Any]]]:
    seen: set[str] = set()
    while True:
        items, following = feed.page(token)
        yield token, items
        if following is None or following in seen:
            return
        seen.add(following)
        token = following


def poll(feed: Feed, trigger: str, state: Any, *, since: datetime | None = None, max_items: int = 500,
         lookback: timedelta = timedelta(minutes=5)) -> Batch:
    """One poll of `feed`: the items not delivered yet, oldest first, at most `max_items`, and the next state."""
    current = read_state(trigger, state)
    if current is None:
        current = start(feed, since)
        if since is None:  # a start from "now" returns nothing
            return Batch([], _fit(current).dump(trigger), False)
    token = current.resume[0] if current.resume else None
    try:
        found, cut, tokens = _scan(feed, current, token, max_items)
    except ApiError as exc:
        if token is None or exc.status not in (400, 404, 410, 422):
            raise
        # A page token the API no longer accepts (they expire): read from the newest item instead.
        current.resume = []
        token = None
        found, cut, tokens = _scan(feed, current, None, max_items)
    delivered = [item for _, _, item in found]
    rest = current.resume[1:] if token is not None else []
    if cut:
        # Where the next polls start: tokens of pages with about one more batch each below them, oldest first.
        here = [token] if token is not None else []
        current.resume = [*_spaced(tokens, len(found), max_items), *here, *rest][:MAX_RESUME]
    else:
        current.resume = rest
    for position, ident, _ in found:
        moment = position[0]
        current.seen.setdefault(moment, set()).add(ident)
        if current.mark is None or position > current.mark:
            current.mark, current.mark_id = position, ident
    if current.mark is not None:
        window = current.mark[0] - lookback
        current.low = window if current.low is None else max(current.low, window)
        current.seen = {m: ids for m, ids in current.seen.items() if m >= current.low}
    # After a read from a resume token, the items above it are still to be read.
    return Batch(delivered, _fit(current).dump(trigger), cut or bool(current.resume) or token is not None)


def _spaced(tokens: list[tuple[str, int]], delivered: int, max_items: int) -> list[str]:
    """Page tokens, oldest first, each with at most about `max_items` more new items from it down than the last.

    `tokens` pairs each page's token (newest page first) with the new items on the pages from it down;
    the next poll reads from the first token down and so gets about one batch for one batch's pages.
    """
    points: list[str] = []
    base = delivered
    upward = list(reversed(tokens))  # oldest page first: counts grow
    for i, (token, count) in enumerate(upward):
        if count <= base:
            continue
        above = upward[i + 1][1] if i + 1 < len(upward) else None
        if count > base + max_items or above is None or above > base + max_items:
            points.append(token)
            base = count
    return points


def _fit(state: _State) -> _State:
    """The state within MAX_STATE_BYTES: long tokens dropped, then the window's oldest instants."""
    state.resume = [t for t in state.resume if len(t) <= MAX_TOKEN][:MAX_RESUME]
    excess = len(json.dumps(state.dump(""))) - (MAX_STATE_BYTES - 200)
    for moment in sorted(state.seen):
        if excess <= 0:
            break
        excess -= len(json.dumps({_text(moment): sorted(state.seen.pop(moment), key=_order)})) - 1
        if state.seen:
            state.low = min(state.seen)
        elif state.mark is not None:
            state.low = state.mark[0] + TICK  # no lookback left: only what follows the mark is new
    return state
