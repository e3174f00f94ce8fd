"""Legacy statistics (`POST /api/stats/{name}`), computed from the sandbox's own tickets and messages."""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from component.instants import instant
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response
from gorgias_component.sandbox.store import JSON, Message, Store, Ticket

# Gorgias's list, written out again on purpose: the sandbox is the other side of the wire, not the client.
NAMES = (
    "overview", "total-tickets-created", "total-tickets-replied", "total-tickets-closed", "total-messages-sent",
    "total-messages-received", "median-first-response-time", "median-resolution-time", "total-one-touch-tickets",
    "support-volume", "resolution-time", "first-response-time", "tickets-created-per-hour-per-weekday",
    "tickets-per-tag", "tickets-created-per-channel", "tickets-created-per-channel-per-day",
    "tickets-closed-per-agent", "tickets-closed-per-agent-per-day", "messages-sent-per-macro",
    "satisfaction-surveys", "latest-satisfaction-surveys", "revenue-overview", "revenue-per-agent",
    "revenue-per-day", "revenue-per-ticket",
)
MAX_PERIOD = timedelta(days=366)  # Gorgias shows at most a year of statistics at a time
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def stamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Scope:
    """What a statistic counts: a half-open period and the tickets the filters keep."""

    start: datetime
    end: datetime
    agents: frozenset[int] | None
    teams: frozenset[int] | None
    channels: frozenset[str] | None
    tags: frozenset[int] | None
    integrations: frozenset[int] | None = None

    def keeps(self, ticket: Ticket, messages: list[Message]) -> bool:
        return ((self.agents is None or ticket.assignee_user_id in self.agents)
                and (self.teams is None or ticket.assignee_team_id in self.teams)
                and (self.channels is None or ticket.channel in self.channels)
                and (self.tags is None or bool(self.tags.intersection(ticket.tag_ids)))
                and (self.integrations is None or any(m.integration_id in self.integrations for m in messages)))

    def within(self, value: str | None) -> bool:
        return value is not None and self.start <= instant(value) < self.end

    def previous(self) -> Scope:
        length = self.end - self.start
        return Scope(self.start - length, self.start, self.agents, self.teams, self.channels, self.tags,
                     self.integrations)

    def days(self) -> list[datetime]:
        first = self.start.replace(hour=0, minute=0, second=0, microsecond=0)
        count = max(1, (self.end - first + timedelta(days=1) - timedelta(microseconds=1)).days)
        return [first + timedelta(days=i) for i in range(count)]


def parse_scope(body: JSON) -> Scope:
    """The `filters` of a statistic request, validated as Gorgias does (400 with field errors)."""
    filters = body.get("filters")
    if not isinstance(filters, dict):
        raise ApiError(400, "Invalid request.", {"filters": ["Missing data for required field."]})
    period = filters.get("period")
    if not isinstance(period, dict):
        raise ApiError(400, "Invalid request.", {"filters": {"period": ["Missing data for required field."]}})
    bounds: dict[str, datetime] = {}
    for key in ("start_datetime", "end_datetime"):
        raw = period.get(key)
        try:
            bounds[key] = instant(raw) if isinstance(raw, str) else _missing()
        except ValueError:
            raise ApiError(400, "Invalid request.",
                           {"filters": {"period": {key: ["Not a valid datetime."]}}}) from None
    start, end = bounds["start_datetime"], bounds["end_datetime"]
    if end <= start:
        raise ApiError(400, "Invalid request.", {"filters": {"period": ["end_datetime must be after start_datetime."]}})
    if end - start > MAX_PERIOD:
        raise ApiError(400, "Invalid request.", {"filters": {"period": ["The period cannot exceed one year."]}})
    return Scope(start, end, _ids(filters, "agents"), _ids(filters, "teams"), _strings(filters, "channels"),
                 _ids(filters, "tags"), _ids(filters, "integrations"))


def _missing() -> datetime:
    raise ValueError("missing")


def _ids(filters: JSON, key: str) -> frozenset[int] | None:
    values = filters.get(key)
    if values is None:
        return None
    if not isinstance(values, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise ApiError(400, "Invalid request.", {"filters": {key: ["Must be a list of integers."]}})
    return frozenset(values)


def _strings(filters: JSON, key: str) -> frozenset[str] | None:
    values = filters.get(key)
    if values is None:
        return None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ApiError(400, "Invalid request.", {"filters": {key: ["Must be a list of strings."]}})
    return frozenset(values)


class Figures:
    """The sandbox's tickets and messages seen through one scope (read under the store's lock)."""

    def __init__(self, store: Store, scope: Scope) -> None:
        self.store, self.scope = store, scope
        self.by_ticket: dict[int, list[Message]] = {}
        for message in store.messages.values():
            self.by_ticket.setdefault(message.ticket_id, []).append(message)
        for messages in self.by_ticket.values():
            messages.sort(key=lambda m: instant(m.created_datetime))
        self.tickets = [t for t in store.tickets.values() if scope.keeps(t, self.by_ticket.get(t.id, []))]

    def created(self) -> list[Ticket]:
        return [t for t in self.tickets if self.scope.within(t.created_datetime)]

    def closed(self) -> list[Ticket]:
        return [t for t in self.tickets if t.status == "closed" and self.scope.within(t.closed_datetime)]

    def messages(self, from_agent: bool) -> list[Message]:
        return [m for t in self.tickets for m in self.by_ticket.get(t.id, [])
                if m.from_agent == from_agent and self.scope.within(m.created_datetime)]

    def replied(self) -> list[Ticket]:
        return [t for t in self.tickets if any(m.from_agent and self.scope.within(m.created_datetime)
                                               for m in self.by_ticket.get(t.id, []))]

    def first_response_seconds(self, ticket: Ticket) -> float | None:
        messages = self.by_ticket.get(ticket.id, [])
        asked = next((m for m in messages if not m.from_agent), None)
        answer = next((m for m in messages if m.from_agent and asked is not None
                       and instant(m.created_datetime) >= instant(asked.created_datetime)), None)
        if asked is None or answer is None:
            return None
        return (instant(answer.created_datetime) - instant(asked.created_datetime)).total_seconds()

    def resolution_seconds(self, ticket: Ticket) -> float | None:
        messages = self.by_ticket.get(ticket.id, [])
        asked = next((m for m in messages if not m.from_agent), None)
        if asked is None or ticket.closed_datetime is None or not any(m.from_agent for m in messages):
            return None
        return (instant(ticket.closed_datetime) - instant(asked.created_datetime)).total_seconds()

    def one_touch_percent(self) -> float:
        closed = self.closed()
        one = [t for t in closed if sum(m.from_agent for m in self.by_ticket.get(t.id, [])) == 1]
        return round(100 * len(one) / len(closed), 1) if closed else 0.0

    def agent_name(self, user_id: int | None) -> str:
        user = self.store.users.get(user_id) if user_id is not None else None
        return str(user.get("name") or user.get("email") or f"User {user_id}") if user else "Unassigned"


def _median(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return round(statistics.median(kept)) if kept else None


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))])


KEY_METRICS: dict[str, tuple[str, str, Callable[[Figures], float | None]]] = {
    "total-tickets-created": ("total_new_tickets", "number", lambda f: len(f.created())),
    "total-tickets-replied": ("total_replied_tickets", "number", lambda f: len(f.replied())),
    "total-tickets-closed": ("total_closed_tickets", "number", lambda f: len(f.closed())),
    "total-messages-sent": ("total_messages_sent", "number", lambda f: len(f.messages(True))),
    "total-messages-received": ("total_messages_received", "number", lambda f: len(f.messages(False))),
    "median-first-response-time": ("median_first_response_time", "duration",
                                   lambda f: _median(f.first_response_seconds(t) for t in f.created())),
    "median-resolution-time": ("median_resolution_time", "duration",
                               lambda f: _median(f.resolution_seconds(t) for t in f.closed())),
    "total-one-touch-tickets": ("total_one_touch_tickets", "percent", lambda f: f.one_touch_percent()),
}


def _metric(name: str, now: Figures, before: Figures) -> JSON:
    key, kind, compute = KEY_METRICS[name]
    value, previous = compute(now), compute(before)
    delta = None if value is None or not previous else round(100 * (value - previous) / previous, 1)
    return {"name": key, "type": kind, "value": value, "delta": delta}


def _lines_per_day(figures: Figures, series: dict[str, Callable[[datetime, datetime], float]]) -> JSON:
    days = figures.scope.days()
    return {"axes": {"x": [int(day.timestamp()) for day in days]},
            "lines": [{"name": name, "data": [count(day, day + timedelta(days=1)) for day in days]}
                      for name, count in series.items()]}


def _count_between(values: Iterable[str | None]) -> Callable[[datetime, datetime], float]:
    stamps = [instant(v) for v in values if v is not None]
    return lambda start, end: sum(start <= s < end for s in stamps)


def _table(headers: list[tuple[str, str]], rows: list[list[Any]]) -> JSON:
    return {"axes": {"x": [{"name": name, "type": kind} for name, kind in headers]},
            "lines": [[{"type": kind, "value": value} for (_, kind), value in zip(headers, row, strict=True)]
                      for row in rows]}


def compute(name: str, store: Store, scope: Scope) -> JSON:
    """The `data` of a statistic, as the helpdesk's statistics pages read it."""
    with store.lock:
        figures, before = Figures(store, scope), Figures(store, scope.previous())
        if name == "overview":
            return {"label": "Overview", "data": [_metric(n, figures, before) for n in KEY_METRICS]}
        if name in KEY_METRICS:
            return {"label": name.replace("-", " ").capitalize(), "data": [_metric(name, figures, before)]}
        if name == "satisfaction-surveys":
            # The sandbox sends no surveys: Gorgias answers zeros for an account without any.
            return {"label": "Satisfaction surveys", "data": [
                {"name": key, "type": kind, "value": 0, "delta": None}
                for key, kind in (("total_sent", "number"), ("response_rate", "percent"),
                                  ("average_rating", "number"))]}
        return _chart(name, figures)


def _chart(name: str, f: Figures) -> JSON:
    created, closed = f.created(), f.closed()
    per_day: dict[str, dict[str, Callable[[datetime, datetime], float]]] = {
        "support-volume": {
            "created": _count_between(t.created_datetime for t in created),
            "replied": _count_between(m.created_datetime for m in f.messages(True)),
            "closed": _count_between(t.closed_datetime for t in closed)},
        "tickets-created-per-channel-per-day": {
            channel: _count_between(t.created_datetime for t in created if t.channel == channel)
            for channel in sorted({t.channel for t in created})},
        "tickets-closed-per-agent-per-day": {
            f.agent_name(agent): _count_between(t.closed_datetime for t in closed if t.assignee_user_id == agent)
            for agent in sorted({t.assignee_user_id for t in closed}, key=lambda a: (a is None, a or 0))},
    }
    if name in per_day:
        return {"label": name.replace("-", " ").capitalize(), "legend": {"axes": {"x": "Day", "y": "Tickets"}},
                "data": _lines_per_day(f, per_day[name])}
    if name in ("resolution-time", "first-response-time"):
        seconds = f.resolution_seconds if name == "resolution-time" else f.first_response_seconds
        pool = closed if name == "resolution-time" else created
        stamp_of: Callable[[Ticket], str | None] = ((lambda t: t.closed_datetime) if name == "resolution-time"
                                                     else (lambda t: t.created_datetime))

        def quantile(fraction: float) -> Callable[[datetime, datetime], float]:
            def value(start: datetime, end: datetime) -> float:
                found = [s for t in pool if (s := seconds(t)) is not None
                         and start <= instant(stamp_of(t) or "") < end]
                return _percentile(found, fraction)
            return value
        return {"label": name.replace("-", " ").capitalize(), "legend": {"axes": {"x": "Day", "y": "Time"}},
                "data": _lines_per_day(f, {"50%": quantile(0.5), "90%": quantile(0.9)})}
    return {"label": name.replace("-", " ").capitalize(), "data": _tables(name, f, created, closed)}


def _tables(name: str, f: Figures, created: list[Ticket], closed: list[Ticket]) -> JSON:
    if name == "tickets-created-per-hour-per-weekday":
        cells = Counter((instant(t.created_datetime).weekday(), instant(t.created_datetime).hour) for t in created)
        return _table([("Weekday", "string")] + [(f"{h:02d}h", "number") for h in range(24)],
                      [[day, *(cells[(i, h)] for h in range(24))] for i, day in enumerate(WEEKDAYS)])
    if name == "tickets-per-tag":
        tags = Counter(tag for t in created for tag in t.tag_ids)
        return _table([("Tag", "string"), ("Total", "number")],
                      [[str(f.store.tags.get(tag, {}).get("name", f"Tag {tag}")), n] for tag, n in tags.most_common()])
    if name == "tickets-created-per-channel":
        return _table([("Channel", "string"), ("Total", "number")],
                      [[c, n] for c, n in Counter(t.channel for t in created).most_common()])
    if name == "tickets-closed-per-agent":
        return _table([("Agent", "string"), ("Total", "number")],
                      [[f.agent_name(a), n] for a, n in Counter(t.assignee_user_id for t in closed).most_common()])
    if name == "messages-sent-per-macro":
        return _table([("Macro", "string"), ("Total", "number")], [["Without macro", len(f.messages(True))]])
    if name == "latest-satisfaction-surveys":
        return _table([("Customer", "string"), ("Score", "number"), ("Comment", "string")], [])
    # Revenue needs a store integration, which the sandbox has none of: Gorgias shows empty tables then.
    return _table([("Name", "string"), ("Total", "number")], [])


def csv_text(data: JSON) -> str:
    """A statistic as the CSV its download gives: one header row, then one row per line or metric."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    inner = data["data"]
    if isinstance(inner, list):
        writer.writerow(["metric", "value", "delta"])
        writer.writerows([m["name"], m["value"], m["delta"]] for m in inner)
    elif inner["lines"] and isinstance(inner["lines"][0], dict):
        writer.writerow(["date", *(line["name"] for line in inner["lines"])])
        for i, x in enumerate(inner["axes"]["x"]):
            day = datetime.fromtimestamp(x, UTC).date().isoformat()
            writer.writerow([day, *(line["data"][i] for line in inner["lines"])])
    else:
        writer.writerow([axis["name"] for axis in inner["axes"]["x"]])
        writer.writerows([cell["value"] for cell in line] for line in inner["lines"])
    return out.getvalue()


def _answer(store: Store, req: Request) -> tuple[str, JSON]:
    name = req.params["name"]
    if name not in NAMES:
        raise ApiError(400, "Invalid request.", {"name": [f"Must be one of: {', '.join(NAMES)}."]})
    scope = parse_scope(req.json_object())
    meta = {"start_datetime": stamp(scope.start), "end_datetime": stamp(scope.end),
            "previous_start_datetime": stamp(scope.previous().start),
            "previous_end_datetime": stamp(scope.previous().end)}
    return name, {"data": compute(name, store, scope), "meta": meta}


def retrieve(store: Store, req: Request) -> Response:
    return json_response(201, _answer(store, req)[1])


def download(store: Store, req: Request) -> Response:
    name, answer = _answer(store, req)
    filename = f"{name}-{answer['meta']['start_datetime'][:10]}.csv"
    return Response(201, csv_text(answer["data"]).encode(), content_type="text/csv; charset=utf-8",
                    headers=[("Content-Disposition", f'attachment; filename="{filename}"')])


def register(router: Router, store: Store) -> None:
    router.add("POST", "/api/stats/{name}", partial(retrieve, store), scope="statistics:read")
    router.add("POST", "/api/stats/{name}/download", partial(download, store), scope="statistics:read")
