"""Benchmark 2: every ticket via `listTickets` with fetchAll (and streamed) against a hand-written cursor loop."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

from benchmarks.common import BASE_URL_ENV, RATE_LIMIT_ENV, Row, bare_session, env, hand_pages, interleaved, repeat
from gorgias_component.sandbox import Sandbox

NAME = "fetchall"
MIB = 1024 * 1024


def peak_mib(call: Callable[[], int]) -> tuple[float, int]:
    """Peak traced memory while `call` runs (its result included), and what it returned."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = call()
        return tracemalloc.get_traced_memory()[1] / MIB, result
    finally:
        tracemalloc.stop()


def run(quick: bool) -> list[Row]:
    tickets, rounds = (2_000, 3) if quick else (20_000, 7)
    with Sandbox(customers=50, tickets=tickets) as sb, env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: "off"}):
        from gorgias_component import gorgias

        connection, session, url = sb.connection(), bare_session(sb), f"{sb.base_url}/tickets"

        def fetch_all() -> int:
            return len(gorgias.run_action("listTickets", {"fetchAll": "true"}, connection)["data"]["data"])

        def stream() -> int:
            return sum(1 for _ in gorgias.iter_items("listTickets", {}, connection))

        def hand_all() -> int:
            items: list[object] = []
            for page in hand_pages(session, url):
                items.extend(page)
            return len(items)

        def hand_stream() -> int:
            return sum(len(page) for page in hand_pages(session, url))

        sides = {"fetchAll": fetch_all, "stream": stream, "hand": hand_all, "hand_stream": hand_stream}
        for name, call in sides.items():
            if (count := call()) != tickets:
                raise AssertionError(f"{name} returned {count} tickets, expected {tickets}")
        seconds = interleaved({name: repeat(call) for name, call in sides.items()}, rounds=rounds, calls=1, warmup=0)
        memory = {name: peak_mib(call)[0] for name, call in sides.items()}
    what = f"{tickets:,} tickets"
    return [
        Row(NAME, f"fetchAll time, {what}", seconds["fetchAll"], seconds["hand"], "s", "<= 1.05x",
            f"{tickets / seconds['fetchAll']:,.0f} items/s"),
        Row(NAME, "iter_items time", seconds["stream"], seconds["hand_stream"], "s", "-",
            "vs a hand loop that keeps no page"),
        Row(NAME, "fetchAll peak memory", memory["fetchAll"], memory["hand"], "MiB", "-",
            "vs a hand loop that keeps every item"),
        Row(NAME, "iter_items peak memory", memory["stream"], memory["hand_stream"], "MiB", "one page",
            f"{memory['stream'] / memory['fetchAll']:.1%} of fetchAll's peak"),
    ]

