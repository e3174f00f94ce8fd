"""Benchmark 6: the first page of `selectCustomer` (with and without search) beside the complete list, in requests and time.

A dropdown needs one page. On an account of 100,000 customers the complete list is 1,000 requests,
which the default rate budget (40 calls, then 2 per second for an API key) stretches to minutes; the
first page is one request whatever the account's size. The complete list under the real budget is
measured on a smaller sandbox (every call past the first 40 waits half a second), and at full size with
pacing off, whose request count gives the budget's floor by arithmetic.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.common import BASE_URL_ENV, RATE_LIMIT_ENV, Row, env
from component.ratelimit import forget_budgets
from gorgias_component.sandbox import Sandbox

NAME = "picklistpage"
BURST, PER_SECOND = 40, 2.0  # the default API-key budget: 40 per 20 s


def run(quick: bool) -> list[Row]:
    big, small, rounds = (2_000, 1_000, 3) if quick else (100_000, 10_000, 9)
    rows: list[Row] = []
    with Sandbox(customers=big, tickets=10) as sb:
        connection = sb.connection()
        with env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: None}):  # the default budget
            first, first_calls = _timed(sb, rounds, lambda g: g.run_data_source("selectCustomer", {}, connection, limit=50))
            text = _rare_text(sb)
            searched, search_calls = _timed(
                sb, rounds, lambda g: g.run_data_source("selectCustomer", {}, connection, search=text, limit=50))
        with env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: "off"}):
            whole, whole_calls = _timed(sb, 1, lambda g: g.run_data_source("selectCustomer", {}, connection))
    floor = max(whole_calls - BURST, 0) / PER_SECOND
    note = f"budget off: {whole_calls:,} requests; under 40/20 s at least {floor:,.0f} s (computed)"
    rows.append(Row(NAME, f"first page (50), {big:,} customers, default budget", first * 1000, whole * 1000, "ms", "-",
                    f"{first_calls} request vs complete list, {note}"))
    rows.append(Row(NAME, f"first page searched ({text!r}), {big:,} customers, default budget", searched * 1000,
                    whole * 1000, "ms", "-", f"{search_calls} request (POST /search) vs complete list, budget off"))
    with Sandbox(customers=small, tickets=10) as sb, env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: None}):
        connection = sb.connection()
        first_small, _ = _timed(sb, rounds, lambda g: g.run_data_source("selectCustomer", {}, connection, limit=50))
        paced, paced_calls = _timed(sb, 1, lambda g: g.run_data_source("selectCustomer", {}, connection))
    small_floor = max(paced_calls - BURST, 0) / PER_SECOND
    rows.append(Row(NAME, f"complete list, {small:,} customers, default budget (measured)", paced * 1000,
                    first_small * 1000, "ms", "-",
                    f"{paced_calls} requests vs 1 for the first page; floor {small_floor:.0f} s"))
    return rows


def _timed(sb: Sandbox, rounds: int, call: Callable[[Any], dict[str, Any]]) -> tuple[float, int]:
    """Median seconds of `call` and the requests one call sent; every round starts with a full budget."""
    from gorgias_component import gorgias

    seconds, requests = [], set()
    for _ in range(rounds):
        forget_budgets()
        sb.stats.reset()
        started = time.perf_counter()
        result = call(gorgias)
        seconds.append(time.perf_counter() - started)
        requests.add(sb.stats["requests"])
        if not result["result"]:
            raise AssertionError("the picklist returned no option")
    if len(requests) != 1:
        raise AssertionError(f"the same call sent different numbers of requests: {sorted(requests)}")
    return statistics.median(seconds), requests.pop()


def _rare_text(sb: Sandbox) -> str:
    """A search matching one customer near the end of the store, so the server scans nearly all of them."""
    customers = list(sb.store.customers.values())
    return str(customers[-2].email).split("@")[0]
