"""Command line: serve the sandbox in the foreground; its connection goes to standard output or to files.

Standard output carries only the API-key connection (JSON), so `gorgias-component sandbox > conn.json`
gives a usable connection file; the base URL and the hints go to standard error. A wrong option
(a busy or impossible port, a negative count or rate) is one line on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import threading
from collections.abc import Callable
from typing import Any, NoReturn

from component.connection_file import write_json_atomically
from gorgias_component.sandbox.server import Sandbox

__all__ = ["build_parser", "main", "parse_rate_limit"]

PROG = "gorgias-component sandbox"
EXIT_USAGE = 2
MAX_RECORDS = 100_000  # seeding takes about 10 s at this size; more is a typo, not a test
MAX_LATENCY_MS = 60_000.0


def parse_rate_limit(text: str) -> tuple[int, float]:
    """Parse "40/20" (calls per window seconds)."""
    calls, sep, window = text.partition("/")
    try:
        parsed = (int(calls), float(window or "20"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected CALLS/SECONDS like 40/20, got {text!r}") from None
    if parsed[0] < 1 or not 0 < parsed[1] < math.inf or (sep and not window):
        raise argparse.ArgumentTypeError(f"expected CALLS/SECONDS like 40/20, got {text!r}")
    return parsed


def _number(kind: Callable[[str], Any], low: float, high: float, expected: str) -> Callable[[str], Any]:
    """An argparse type: `kind(text)` between `low` and `high` inclusive, else "expected ..., got ..."."""

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:  # NaN fails both comparisons
            raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}")
        return value

    return parse


class _Help(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help ends with its default; an unset one says "none"."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = super()._get_help_string(action) or ""
        return text.replace("%(default)s", "none") if action.default is None else text


class _Parser(argparse.ArgumentParser):
    """One-line errors ("error: argument --port: ...") with exit status 2, as the rest of the command line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"error: {message} (see {self.prog} --help)\n")


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    """The sandbox's options, each with its help and default."""
    parser = _Parser(prog=prog, description="Serve a local Gorgias-compatible API with demo data until Ctrl-C. "
                                            "Standard output gets the API-key connection (JSON); standard error "
                                            "gets GORGIAS_API_BASE_URL=..., which commands using it need.",
                     formatter_class=_Help)
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    parser.add_argument("--port", type=_number(int, 0, 65535, "a TCP port from 0 to 65535"), default=8765,
                        help="the port to listen on (0: any free port)")
    parser.add_argument("--tickets", type=_number(int, 0, MAX_RECORDS, f"a whole number from 0 to {MAX_RECORDS:,}"),
                        default=300, help="demo tickets to create")
    parser.add_argument("--customers", type=_number(int, 0, MAX_RECORDS, f"a whole number from 0 to {MAX_RECORDS:,}"),
                        default=40, help="demo customers to create")
    parser.add_argument("--seed", type=int, default=1, help="seed of the demo data (same seed, same data)")
    parser.add_argument("--rate-limit", type=parse_rate_limit, default=None, metavar="CALLS/SECONDS",
                        help="leaky bucket for API-key calls, e.g. 40/20 (OAuth gets twice the calls)")
    parser.add_argument("--fault-rate", type=_number(float, 0.0, 1.0, "a share from 0 to 1, such as 0.05"), default=0.0,
                        help="share of API calls answered 503")
    parser.add_argument("--latency-ms", default=0.0, help="milliseconds added to every API call",
                        type=_number(float, 0.0, MAX_LATENCY_MS, f"milliseconds from 0 to {MAX_LATENCY_MS:,.0f}"))
    parser.add_argument("--write-connection", metavar="FILE", default=None,
                        help="also write the API-key connection to FILE (mode 0600)")
    parser.add_argument("--write-oauth-connection", metavar="FILE", default=None,
                        help="write an OAuth 2.0 connection to FILE: the sandbox's OAuth client and a fresh token, "
                             "for the `oauth authorize-url` and `oauth exchange` commands")
    return parser


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _write(path: str | None, connection: dict[str, Any]) -> None:
    if path is None:
        return
    try:
        write_json_atomically(path, connection)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, path) from None


def main(argv: list[str] | None = None, *, stop_event: threading.Event | None = None, prog: str = PROG) -> int:
    """Serve until Ctrl-C (or until `stop_event` is set, for tests); 2 when an option is wrong."""
    args = build_parser(prog).parse_args(argv)
    try:
        sandbox = Sandbox(args.host, args.port, customers=args.customers, tickets=args.tickets, seed=args.seed,
                          rate_limit=args.rate_limit, fault_rate=args.fault_rate, latency_ms=args.latency_ms)
    except OSError as exc:
        return _fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    with sandbox:
        try:
            _write(args.write_connection, sandbox.connection())
            _write(args.write_oauth_connection, sandbox.oauth_connection())
        except OSError as exc:
            return _fail(f"cannot write the connection file {exc.filename}: {exc.strerror or exc}")
        try:  # Ctrl-C may come as soon as the base URL is out: everything after it stops cleanly
            print(json.dumps(sandbox.connection(), indent=2), flush=True)
            print("Serving the Gorgias sandbox until Ctrl-C; commands that use it need GORGIAS_API_BASE_URL:",
                  file=sys.stderr, flush=True)
            print(f"GORGIAS_API_BASE_URL={sandbox.base_url}", file=sys.stderr, flush=True)
            waiter = stop_event or threading.Event()
            while not waiter.wait(0.5):
                pass
        except KeyboardInterrupt:
            print("Stopping sandbox.", file=sys.stderr, flush=True)
    return 0
