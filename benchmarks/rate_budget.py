"""Benchmark 3: a long fetchAll under the sandbox's leaky bucket, against the bucket's theoretical maximum."""

from __future__ import annotations

import time

from benchmarks.common import BASE_URL_ENV, PAGE_SIZE, RATE_LIMIT_ENV, Row, env
from gorgias_component.sandbox import Sandbox

NAME = "ratebudget"


def run(quick: bool) -> list[Row]:
    capacity, window, tickets = (10, 1.0, 3_000) if quick else (10, 2.0, 10_000)
    rows = [_run(capacity, window, tickets, f"{capacity}/{window:g}", "budget matched to bucket", ">= 0.95x")]
    if not quick:  # what the budget buys: the same run waiting out 429s instead
        rows.append(_run(capacity, window, tickets // 2, "off", "budget off (429s waited out)", "-"))
    return rows


def _run(capacity: int, window: float, tickets: int, setting: str, case: str, target: str) -> Row:
    with Sandbox(customers=10, tickets=tickets, rate_limit=(capacity, window)) as sb, \
            env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: setting}):
        from gorgias_component import gorgias

        started = time.perf_counter()
        items = gorgias.run_action("listTickets", {"fetchAll": "true"}, sb.connection())["data"]["data"]
        elapsed = time.perf_counter() - started
        stats = sb.stats.snapshot()
    if len(items) != tickets:
        raise AssertionError(f"fetchAll returned {len(items)} tickets, expected {tickets}")
    refused = stats["rate_limited"]
    failed = sum(n for status, n in stats["statuses"].items() if status >= 400 and status != 429)
    calls = stats["requests"] - refused  # calls the bucket let through
    # Starting empty, the bucket lets `capacity` calls through at once and then leaks capacity/window per second.
    fastest = max(calls - capacity, 0) / (capacity / window)
    best = len(items) / fastest if fastest else float("inf")
    return Row(NAME, f"{case}, {capacity}/{window:g}s, {calls} pages of {PAGE_SIZE}", len(items) / elapsed, best,
               "items/s", target, f"{refused} x 429, {failed} failed, {elapsed:.1f} s")
