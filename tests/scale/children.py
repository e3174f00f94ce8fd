"""What the child processes of the scale-out tests run (importable, for the spawn start method)."""

from __future__ import annotations

import time
from typing import Any

from component.executor import Executor
from component.redis_stores import RedisBudgets, RedisTokens, redis_client
from component.runtime import Runtime

KEY = "5pkwTYqHw3xVCG9XQc6ZMfkaUW1m0C6iC5mU8D7IY4s="  # the Fernet key the shared tokens are sealed with


def runtime(redis_url: str, prefix: str, base_url: str, rate_limit: str, key: str = KEY) -> Runtime:
    """A runtime whose budgets and tokens (sealed with `key`) live in Redis under `prefix`, pointed at the sandbox."""
    import os

    os.environ["GORGIAS_API_BASE_URL"] = base_url  # the OAuth fields are checked against the process environment
    client = redis_client(redis_url)
    return Runtime.from_environ({"GORGIAS_API_BASE_URL": base_url, "GORGIAS_RATE_LIMIT": rate_limit},
                                budgets=RedisBudgets(client, prefix), tokens=RedisTokens(client, prefix, key=key))


def _executor(redis_url: str, prefix: str, base_url: str, rate_limit: str, key: str = KEY) -> Executor:
    from gorgias_component import gorgias

    return Executor(gorgias, runtime(redis_url, prefix, base_url, rate_limit, key))


def call_with_token(redis_url: str, prefix: str, base_url: str, connection: dict[str, Any], ticket_id: int, key: str,
                    start: Any, results: Any) -> None:
    """Wait for the start signal, run getTicket once with the shared tokens sealed with `key`, report
    ("ok" | "error", detail, tokens handed back)."""
    executor = _executor(redis_url, prefix, base_url, "off", key)
    saved: list[dict[str, Any]] = []
    start.wait(30)
    try:
        data = executor.run_action("getTicket", {"id": str(ticket_id)}, connection, on_token_refresh=saved.append)
        results.put(("ok", data["data"]["id"], saved))
    except Exception as exc:
        results.put(("error", f"{type(exc).__name__}: {exc}", saved))


def get_tickets(redis_url: str, prefix: str, base_url: str, connection: dict[str, Any], ids: list[int],
                rate_limit: str, start: Any, results: Any) -> None:
    """Wait for the start signal, run getTicket for each id in turn, report (ok count, errors, seconds)."""
    executor = _executor(redis_url, prefix, base_url, rate_limit)
    errors: list[str] = []
    start.wait(30)
    began = time.monotonic()
    ok = 0
    for ticket_id in ids:
        try:
            executor.run_action("getTicket", {"id": str(ticket_id)}, connection)
            ok += 1
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
    results.put((ok, errors[:5], time.monotonic() - began))


def run_processes(target: Any, argument_lists: list[tuple[Any, ...]], timeout: float) -> list[Any]:
    """Start one spawned process per argument list (each gets `start` and `results` appended), release
    them together, and collect one result each within `timeout` seconds; the processes never outlive this."""
    import multiprocessing
    import queue

    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    processes = [context.Process(target=target, args=(*args, start, results), daemon=True) for args in argument_lists]
    try:
        for process in processes:
            process.start()
        start.set()
        deadline = time.monotonic() + timeout
        collected = []
        for _ in processes:
            try:
                collected.append(results.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"only {len(collected)} of {len(processes)} processes answered within "
                                     f"{timeout:g} s") from None
        return collected
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
