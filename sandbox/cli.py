"""Command line: run the sandbox in the foreground and print its connection details."""

from __future__ import annotations

import argparse
import json
import threading

from gorgias_component.sandbox.server import Sandbox


def parse_rate_limit(text: str) -> tuple[int, float]:
    """Parse "40/20" (calls per window seconds)."""
    calls, sep, window = text.partition("/")
    try:
        parsed = (int(calls), float(window or "20"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected CALLS/SECONDS like 40/20, got {text!r}") from None
    if parsed[0] < 1 or parsed[1] <= 0 or (sep and not window):
        raise argparse.ArgumentTypeError(f"expected CALLS/SECONDS like 40/20, got {text!r}")
    return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sandbox", description="Run a local Gorgias-compatible API server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--customers", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate-limit", type=parse_rate_limit, default=None, metavar="CALLS/SECONDS",
                        help="leaky bucket for API-key calls, e.g. 40/20 (OAuth gets twice the calls)")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of API calls answered 503")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay added to every API call")
    return parser


def main(argv: list[str] | None = None, *, stop_event: threading.Event | None = None) -> int:
    """Serve until Ctrl-C (or until `stop_event` is set, for tests)."""
    args = build_parser().parse_args(argv)
    sandbox = Sandbox(args.host, args.port, customers=args.customers, tickets=args.tickets, seed=args.seed,
                      rate_limit=args.rate_limit, fault_rate=args.fault_rate, latency_ms=args.latency_ms)
    with sandbox:
        waiter = stop_event or threading.Event()
        try:  # from the first line printed: a Ctrl-C as soon as the URL is out must still stop cleanly
            print(json.dumps(sandbox.connection(), indent=2))
            print(f"GORGIAS_API_BASE_URL={sandbox.base_url}", flush=True)
            while not waiter.wait(0.5):
                pass
        except KeyboardInterrupt:
            print("Stopping sandbox.", flush=True)
    return 0
