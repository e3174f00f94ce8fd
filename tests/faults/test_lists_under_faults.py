"""Long list fetches against a misbehaving sandbox lose nothing: 5xx bursts, drops and 429 storms are ridden out."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from gorgias_component import gorgias
from tests.faults.conftest import Start


def all_ids(sb_tickets: dict[int, object]) -> list[int]:
    return sorted(sb_tickets)


def test_fetch_all_loses_nothing_through_a_5xx_burst(start: Start) -> None:
    """A 0.3 s outage of 503s in the middle of a paced fetchAll: every ticket arrives exactly once, no 429."""
    sb = start(pacing="10/1", tickets=2000, rate_limit=(10, 1.0))
    threading.Timer(0.3, sb.set_faults, kwargs={"fault_rate": 1.0}).start()
    threading.Timer(0.6, sb.set_faults, kwargs={"fault_rate": 0.0}).start()
    result = gorgias.run_action("listTickets", {"fetchAll": True}, sb.connection())
    ids = [ticket["id"] for ticket in result["data"]["data"]]
    assert len(ids) == len(set(ids)) == 2000
    assert sorted(ids) == all_ids(sb.store.tickets)
    assert sb.stats.faults >= 1
    assert sb.stats.rate_limited == 0


def test_fetch_all_loses_nothing_under_random_faults_and_drops(start: Start) -> None:
    """With 10 % 503s and 5 % dropped connections, the retried GETs still bring every ticket once."""
    sb = start(tickets=1500, fault_rate=0.1, seed=3)
    sb.set_faults(drop_rate=0.05)
    result = gorgias.run_action("listTickets", {"fetchAll": "true"}, sb.connection())
    ids = [ticket["id"] for ticket in result["data"]["data"]]
    assert len(ids) == len(set(ids)) == 1500
    assert sb.stats.faults + sb.stats.drops >= 1


def test_streaming_loses_nothing_under_faults(start: Start) -> None:
    """iter_items rides out the same faults page by page."""
    sb = start(customers=450, fault_rate=0.15, seed=5)
    ids = [customer["id"] for customer in gorgias.iter_items("listCustomers", {}, sb.connection())]
    assert len(ids) == len(set(ids)) == len(sb.store.customers) == 450
    assert sb.stats.faults >= 1


def test_picklists_lose_nothing_under_faults(start: Start) -> None:
    """A picklist walks every page too, retrying 5xx answers."""
    sb = start(tickets=300, fault_rate=0.2, seed=11)
    options = gorgias.run_data_source("selectTicket", {}, sb.connection())["result"]
    assert sorted(int(option["key"]) for option in options) == all_ids(sb.store.tickets)
    assert sb.stats.faults >= 1


def test_fetch_all_rides_out_a_429_storm_without_pacing(start: Start) -> None:
    """Four unpaced fetchAll runs on a 5-per-second bucket draw 429s, wait them out, and all complete."""
    sb = start(tickets=400, rate_limit=(5, 1.0))

    def fetch(_: int) -> list[int]:
        result = gorgias.run_action("listTickets", {"fetchAll": True}, sb.connection())
        return sorted(ticket["id"] for ticket in result["data"]["data"])

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(fetch, range(4)))
    assert results == [all_ids(sb.store.tickets)] * 4
    assert sb.stats.rate_limited >= 1
    assert sb.stats.processed[("GET", "/api/tickets")] == 4 * 4  # each page processed once per run
