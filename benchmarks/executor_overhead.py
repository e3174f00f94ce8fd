"""Benchmark 1: `run_action("getTicket")` against a bare `requests` GET of the same URL with the same auth."""

from __future__ import annotations

from benchmarks.common import (
    BASE_URL_ENV,
    RATE_LIMIT_ENV,
    Batch,
    Row,
    bare_session,
    env,
    get_json,
    interleaved,
    repeat,
)
from gorgias_component.sandbox import Sandbox

NAME = "executor"


def run(quick: bool) -> list[Row]:
    rounds, calls = (6, 20) if quick else (40, 100)
    # A huge bucket: the sandbox sends call-limit headers (so the default budget is exercised and
    # adopts the account's size, as with a real Enterprise account) but never refuses a call.
    with Sandbox(customers=20, tickets=50, rate_limit=(1_000_000, 20.0)) as sb, \
            env(**{BASE_URL_ENV: sb.base_url, RATE_LIMIT_ENV: "off"}):
        from gorgias_component import gorgias

        connection = sb.connection()
        session, defaults = bare_session(sb), bare_session(sb, trust_env=True)
        ticket_id = get_json(session, f"{sb.base_url}/tickets", {"limit": 1})["data"][0]["id"]
        url, inputs = f"{sb.base_url}/tickets/{ticket_id}", {"id": str(ticket_id)}

        def framework(rate_limit: str | None) -> Batch:
            def batch(n: int) -> None:
                with env(**{RATE_LIMIT_ENV: rate_limit}):
                    for _ in range(n):
                        gorgias.run_action("getTicket", inputs, connection)

            return batch

        sides = {
            "off": framework("off"),
            "default": framework(None),
            "bare": repeat(lambda: get_json(session, url)),
            "defaults": repeat(lambda: get_json(defaults, url)),
        }
        medians = {name: seconds * 1e6 for name, seconds in
                   interleaved(sides, rounds=rounds, calls=calls, warmup=calls).items()}
    bare = medians["bare"]
    return [
        Row(NAME, "getTicket, budget off", medians["off"], bare, "us/call", "<= 1.10x",
            f"+{medians['off'] - bare:.0f} us/call"),
        Row(NAME, "getTicket, default budget", medians["default"], bare, "us/call", "<= 1.10x",
            f"+{medians['default'] - bare:.0f} us/call"),
        Row(NAME, "bare Session() defaults vs bare", medians["defaults"], bare, "us/call", "-",
            "trust_env=True: proxy/.netrc lookups"),
    ]
