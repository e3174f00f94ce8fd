"""`python -m benchmarks [--quick] [--only NAME]`: run the benchmarks against the sandbox and print the table."""

from __future__ import annotations

import argparse
import platform
import sys
import time
import traceback
from collections.abc import Callable

from benchmarks import (
    cold_start,
    executor_overhead,
    fetch_all,
    mcp_calls,
    picklist,
    picklist_pages,
    rate_budget,
    triggers,
)
from benchmarks.common import Row
from benchmarks.table import render

BENCHMARKS: dict[str, Callable[[bool], list[Row]]] = {
    module.NAME: module.run for module in (executor_overhead, fetch_all, rate_budget, cold_start, picklist,
                                            picklist_pages, mcp_calls, triggers)
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sandboxes and few rounds: proves they run")
    parser.add_argument("--only", choices=list(BENCHMARKS), action="append", metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    failed = []
    for name in args.only or BENCHMARKS:
        started = time.perf_counter()
        print(f"running {name}...", file=sys.stderr, flush=True)
        try:
            rows.extend(BENCHMARKS[name](args.quick))
        except Exception:
            traceback.print_exc()
            failed.append(name)
        print(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(f"Python {platform.python_version()} on {platform.platform()}, {'quick' if args.quick else 'full'} run")
    print(render(rows))
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
