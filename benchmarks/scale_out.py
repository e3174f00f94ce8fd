"""Scale-out benchmark: getTicket throughput of 1, 2 and 4 worker processes sharing one budget in Redis.

`python -m benchmarks.scale_out [--quick]` (from the repository root; needs Redis at GORGIAS_REDIS_URL,
default redis://127.0.0.1:6379/0). Not part of `python -m benchmarks`, which must run without Redis.
Each worker is a spawned process whose runtime keeps budgets and tokens in Redis (as with
GORGIAS_REDIS_URL); the sandbox runs in this process. Two sandboxes: unthrottled (the baseline is one
worker: the ratio is the speed-up) and with Gorgias's bucket scaled tenfold, 40 per 2 s (the baseline
is the bucket's maximum: it starts empty, lets 39 calls through at once, one being headroom, then 20
per second).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import time
import uuid
from typing import Any

from cryptography.fernet import Fernet

from benchmarks.common import Row
from benchmarks.table import render
from gorgias_component.sandbox import Sandbox

NAME = "scaleout"
CAPACITY, WINDOW = 40, 2.0


def worker(redis_url: str, prefix: str, base_url: str, rate_limit: str, connection: dict[str, Any], ids: list[int],
           key: str, start: Any, results: Any) -> None:
    """One worker process: getTicket for each id in turn; reports (calls, 429s, errors, seconds).

    `key` seals the tokens shared in Redis, as GORGIAS_HOST_KEY does (the API-key connection refreshes none)."""
    os.environ["GORGIAS_API_BASE_URL"] = base_url
    from component.errors import ComponentError, RateLimitError
    from component.executor import Executor
    from component.redis_stores import RedisBudgets, RedisTokens, redis_client
    from component.runtime import Runtime
    from gorgias_component import gorgias

    client = redis_client(redis_url)
    runtime = Runtime.from_environ({"GORGIAS_API_BASE_URL": base_url, "GORGIAS_RATE_LIMIT": rate_limit},
                                   budgets=RedisBudgets(client, prefix), tokens=RedisTokens(client, prefix, key=key))
    executor = Executor(gorgias, runtime)
    if rate_limit == "off":  # warm the session (under the bucket a warm-up call would spend the budget)
        executor.run_action("getAccount", {}, connection)
    limited = failed = 0
    start.wait(60)
    began = time.monotonic()
    for ticket_id in ids:
        try:
            executor.run_action("getTicket", {"id": str(ticket_id)}, connection)
        except RateLimitError:
            limited += 1
        except ComponentError:
            failed += 1
    results.put((len(ids), limited, failed, time.monotonic() - began))


def _run(redis_url: str, workers: int, calls: int, throttled: bool) -> tuple[float, int, int, float]:
    """(calls per second, 429s seen by the sandbox, failed calls, seconds) of one run."""
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    prefix = f"bench-scale:{uuid.uuid4().hex}:"
    key = Fernet.generate_key().decode()
    with Sandbox(tickets=max(calls, 50), rate_limit=(CAPACITY, WINDOW) if throttled else None) as sandbox:
        ids = sorted(sandbox.store.tickets)
        share = [[ids[i % len(ids)] for i in range(w, calls, workers)] for w in range(workers)]
        setting = f"{CAPACITY}/{WINDOW:g}" if throttled else "off"
        processes = [context.Process(target=worker, daemon=True, args=(
            redis_url, prefix, sandbox.base_url, setting, sandbox.connection(), share[w], key, start,
            results))
            for w in range(workers)]
        try:
            for process in processes:
                process.start()
            time.sleep(0.5)  # let every worker import and connect before the clock starts
            start.set()
            answers = [results.get(timeout=600) for _ in processes]
        except queue.Empty:
            raise RuntimeError("a worker did not answer within 10 minutes") from None
        finally:
            for process in processes:
                process.join(timeout=10)
                if process.is_alive():
                    process.terminate()
        refused = sandbox.stats.rate_limited
    elapsed = max(seconds for *_, seconds in answers)
    return calls / elapsed, refused, sum(a[2] for a in answers), elapsed


def run(quick: bool, redis_url: str) -> list[Row]:
    """The rows: throughput unthrottled (vs one worker) and under the bucket (vs its maximum)."""
    free_calls, bucket_calls = (120, 80) if quick else (600, 240)
    rows = []
    single = 0.0
    for workers in (1, 2, 4):
        rate, _, failed, elapsed = _run(redis_url, workers, free_calls, throttled=False)
        single = single or rate
        rows.append(Row(NAME, f"{workers} worker(s), unthrottled sandbox, {free_calls} getTicket", rate, single,
                        "calls/s", "-", f"{failed} failed, {elapsed:.1f} s; baseline: 1 worker"))
    best = bucket_calls / ((bucket_calls - (CAPACITY - 1)) / (CAPACITY / WINDOW))
    for workers in (1, 2, 4):
        rate, refused, failed, elapsed = _run(redis_url, workers, bucket_calls, throttled=True)
        rows.append(Row(NAME, f"{workers} worker(s), bucket {CAPACITY}/{WINDOW:g}s, {bucket_calls} getTicket", rate,
                        best, "calls/s", ">= 0.90x", f"{refused} x 429, {failed} failed, {elapsed:.1f} s; "
                        "baseline: the bucket's maximum"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale_out", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer calls: proves it runs")
    args = parser.parse_args(argv)
    redis_url = os.environ.get("GORGIAS_REDIS_URL") or "redis://127.0.0.1:6379/0"
    print(render(run(args.quick, redis_url)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
