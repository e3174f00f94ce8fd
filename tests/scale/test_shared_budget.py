"""Many processes share one budget: 4 processes, 400 getTicket calls, the bucket never overflows and stays busy.

Gorgias's bucket is 40 requests per 20 s; the window is scaled down tenfold (40 per 2 s, the same shape
and burst) so the test takes about 18 s instead of 3 minutes.
"""

from __future__ import annotations

import pytest

from gorgias_component.sandbox import Sandbox
from tests.scale.children import get_tickets, run_processes

CAPACITY, WINDOW = 40, 2.0
CALLS, PROCESSES = 400, 4


@pytest.mark.timeout(150)
def test_four_processes_draw_400_calls_from_one_bucket_without_a_429(redis_url: str, prefix: str) -> None:
    with Sandbox(rate_limit=(CAPACITY, WINDOW)) as sandbox:
        ids = sorted(sandbox.store.tickets)[:CALLS // PROCESSES]
        args = [(redis_url, prefix, sandbox.base_url, sandbox.connection(), ids, f"{CAPACITY}/{WINDOW:g}")
                for _ in range(PROCESSES)]
        outcomes = run_processes(get_tickets, args, 120)
        rate_limited = sandbox.stats.rate_limited
    assert [(ok, errors) for ok, errors, _ in outcomes] == [(CALLS // PROCESSES, [])] * PROCESSES
    assert rate_limited == 0
    # At best the bucket lets the first capacity-1 calls (one is headroom) go at once and the rest at its
    # leak rate; the processes together must come within 90% of that.
    best = (CALLS - (CAPACITY - 1)) / (CAPACITY / WINDOW)
    elapsed = max(seconds for _, _, seconds in outcomes)
    print(f"{CALLS} calls in {elapsed:.2f} s: {best / elapsed:.1%} of the bucket's maximum throughput")
    assert best / elapsed >= 0.9
