"""Benchmark 8: requests a trigger poll costs: an idle poll (target 1) and catching up a backlog (vs its floor)."""

from __future__ import annotations

import math

from benchmarks.common import BASE_URL_ENV, RATE_LIMIT_ENV, Row, env
from gorgias_component.sandbox import Sandbox

NAME = "triggers"
PAGE = 100  # the most items one Gorgias list page holds


def run(quick: bool) -> list[Row]:
    tickets = 1_000 if quick else 10_000
    with Sandbox(customers=50, tickets=tickets) as sb, env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: "off"}):
        from gorgias_component import gorgias

        connection = sb.connection()

        def requests() -> int:
            count: int = sb.stats.snapshot()["requests"]
            return count

        before = requests()
        state = None
        delivered: list[int] = []
        polls = 0
        while True:  # the whole history is the backlog: since a date before the first ticket
            batch = gorgias.run_trigger("newTicket", {"since": "2000-01-01T00:00:00Z"}, connection, state)
            delivered += [item["id"] for item in batch["data"]]
            state, polls = batch["state"], polls + 1
            if not batch["more"]:
                break
        catch_up = requests() - before
        if delivered != sorted(sb.store.tickets, key=lambda i: (sb.store.tickets[i].created_datetime, i)):
            raise AssertionError("the backlog was not delivered once each, oldest first")
        before = requests()
        idle_polls = 20
        for _ in range(idle_polls):
            batch = gorgias.run_trigger("newTicket", {}, connection, state)
            if batch["data"]:
                raise AssertionError("an idle poll returned items")
            state = batch["state"]
        idle = (requests() - before) / idle_polls
    floor = math.ceil(tickets / PAGE) + 1
    return [
        Row(NAME, "requests per idle poll", idle, 1, "requests", "1", "nothing changed since the last poll"),
        Row(NAME, f"catching up {tickets:,} tickets", catch_up, floor, "requests", "-",
            f"{polls} polls of at most 500; floor ceil({tickets:,}/{PAGE})+1"),
    ]
