"""The shared rate budget against the sandbox's leaky bucket: not a single 429, every request counted.

How close to the bucket's full throughput the pacing runs is a speed figure, so it is measured in
`benchmarks/` (the rate-budget benchmark), not asserted here where a loaded machine would make it flaky.
"""

from __future__ import annotations

import importlib
from concurrent.futures import ThreadPoolExecutor

from component.ratelimit import forget_budgets
from gorgias_component import gorgias
from tests.faults.conftest import Start


def test_a_long_fetch_all_through_a_small_bucket_draws_no_429(start: Start) -> None:
    """50 pages through a 10-per-second bucket: each page asked for once, no 429."""
    sb = start(pacing="10/1", tickets=5000, rate_limit=(10, 1.0))
    result = gorgias.run_action("listTickets", {"fetchAll": True}, sb.connection())
    assert len(result["data"]["data"]) == 5000
    assert sb.stats.requests == 50
    assert sb.stats.rate_limited == 0


def test_threads_share_one_budget_and_draw_no_429(start: Start) -> None:
    """Four concurrent fetchAll runs of one account pace together: no 429."""
    sb = start(pacing="10/1", tickets=1000, rate_limit=(10, 1.0))
    with ThreadPoolExecutor(4) as pool:
        sizes = list(pool.map(lambda _: len(gorgias.run_action("listTickets", {"fetchAll": True},
                                                               sb.connection())["data"]["data"]), range(4)))
    assert sizes == [1000] * 4
    assert sb.stats.requests == 40
    assert sb.stats.rate_limited == 0


def test_oauth_connections_get_twice_the_api_key_budget(start: Start) -> None:
    """GORGIAS_RATE_LIMIT names the API-key bucket; an OAuth connection paces at twice it, like Gorgias."""
    sb = start(pacing="5/0.5", tickets=4000, rate_limit=(5, 0.5))  # OAuth: 10 per 0.5 s in the sandbox too
    importlib.import_module("authlib.integrations.requests_client")  # imported lazily: keep it out of the timing
    result = gorgias.run_action("listTickets", {"fetchAll": True}, sb.oauth_connection())
    assert len(result["data"]["data"]) == 4000
    assert sb.stats.rate_limited == 0


def test_a_budget_that_starts_too_optimistic_is_corrected_by_the_header(start: Start) -> None:
    """Another client already used the account's bucket: the call-limit header slows us before any 429."""
    sb = start(pacing="10/1", tickets=1500, rate_limit=(10, 1.0))
    for _ in range(8):  # someone else draws 8 of the 10 requests...
        gorgias.run_action("rawRequest", {"method": "GET", "url": "/account"}, sb.connection())
    forget_budgets()  # ...and our process starts afresh, believing the bucket empty
    result = gorgias.run_action("listTickets", {"fetchAll": True}, sb.connection())
    assert len(result["data"]["data"]) == 1500
    assert sb.stats.rate_limited == 0
