"""Rate limiting, fault injection, latency and keep-alive performance of the sandbox."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from gorgias_component.sandbox import Sandbox


def test_fourth_quick_request_is_429_with_retry_after_and_limit_header_everywhere() -> None:
    with Sandbox(tickets=5, rate_limit=(3, 1.0)) as sb, requests.Session() as api:
        api.auth = (sb.username, sb.api_key)
        responses = [api.get(f"{sb.base_url}/account") for _ in range(4)]
        assert [r.status_code for r in responses] == [200, 200, 200, 429]
        assert [r.headers["X-Gorgias-Account-Api-Call-Limit"] for r in responses] == ["1/3", "2/3", "3/3", "3/3"]
        refused = responses[3]
        assert int(refused.headers["Retry-after"]) >= 1
        assert refused.json() == {"error": {"msg": "Too many requests."}}
        assert sb.stats.rate_limited == 1
        assert sb.stats.processed[("GET", "/api/account")] == 3
        time.sleep(0.4)  # leaks 3 calls per second
        assert api.get(f"{sb.base_url}/account").status_code == 200


def test_oauth_calls_get_twice_the_api_key_capacity() -> None:
    with Sandbox(tickets=5, rate_limit=(2, 60.0)) as sb, requests.Session() as api:
        headers = {"Authorization": f"Bearer {sb.issue_token()['access_token']}"}
        codes = [api.get(f"{sb.base_url}/account", headers=headers).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 200, 429]
        ok = api.get(f"{sb.base_url}/account", auth=(sb.username, sb.api_key))  # separate bucket
        assert ok.headers["X-Gorgias-Account-Api-Call-Limit"] == "1/2"


def test_without_a_rate_limit_calls_are_metered_but_never_refused(sb: Sandbox, api: requests.Session) -> None:
    """Every answer carries Gorgias's call-limit header (40 calls per 20 s for an API key); none is a 429."""
    answers = [api.get(f"{sb.base_url}/account") for _ in range(45)]
    assert {a.status_code for a in answers} == {200}
    assert answers[0].headers["X-Gorgias-Account-Api-Call-Limit"] == "1/40"
    assert answers[-1].headers["X-Gorgias-Account-Api-Call-Limit"] == "40/40"


def test_missing_or_wrong_credentials_are_401(sb: Sandbox) -> None:
    anonymous = requests.get(f"{sb.base_url}/tickets")
    assert (anonymous.status_code, anonymous.json()) == (401, {"error": {"msg": "Unauthorized."}})
    assert requests.get(f"{sb.base_url}/tickets", auth=(sb.username, "wrong")).status_code == 401
    assert requests.get(f"{sb.base_url}/tickets", headers={"Authorization": "Basic !!!"}).status_code == 401
    assert sb.stats.unauthorized == 3


def test_injected_faults_are_503_unprocessed_and_deterministic() -> None:
    def run() -> list[int]:
        with Sandbox(tickets=5, fault_rate=0.3, seed=7) as sb, requests.Session() as api:
            api.auth = (sb.username, sb.api_key)
            codes = [api.post(f"{sb.base_url}/customers", json={"email": f"c{i}@example.com"}).status_code
                     for i in range(40)]
            assert sb.stats.faults == codes.count(503)
            assert sb.stats.processed[("POST", "/api/customers")] == codes.count(201)
            assert sb.stats.received[("POST", "/api/customers")] == 40
            assert len(sb.store.customers) == 40 + codes.count(201)
            return codes

    first = run()
    assert 3 <= first.count(503) <= 25
    assert set(first) == {201, 503}
    assert run() == first


def test_fault_body_is_the_service_unavailable_error(sb: Sandbox, api: requests.Session) -> None:
    sb.set_faults(fault_rate=1.0)
    response = api.get(f"{sb.base_url}/account")
    assert (response.status_code, response.json()) == (
        503, {"error": {"msg": "Service unavailable (injected fault)."}})
    sb.set_faults(fault_rate=0.0)
    assert api.get(f"{sb.base_url}/account").status_code == 200


def test_dropped_requests_close_the_connection_without_processing(sb: Sandbox, api: requests.Session) -> None:
    sb.set_faults(drop_rate=1.0)
    with pytest.raises(requests.ConnectionError):
        api.post(f"{sb.base_url}/customers", json={"email": "dropped@example.com"})
    assert sb.stats.drops == 1
    assert sb.stats.processed[("POST", "/api/customers")] == 0
    sb.set_faults(drop_rate=0.0)
    assert api.get(f"{sb.base_url}/account").status_code == 200  # a fresh connection works


def test_latency_is_added_to_api_requests(sb: Sandbox, api: requests.Session) -> None:
    sb.set_faults(latency_ms=60)
    started = time.perf_counter()
    api.get(f"{sb.base_url}/account")
    assert time.perf_counter() - started >= 0.06


def test_fifty_keep_alive_gets_finish_well_under_a_second(sb: Sandbox, api: requests.Session) -> None:
    api.get(f"{sb.base_url}/tickets/1")  # open the connection
    timings = []
    started = time.perf_counter()
    for _ in range(50):
        t0 = time.perf_counter()
        response = api.get(f"{sb.base_url}/tickets/1")
        timings.append(time.perf_counter() - t0)
        assert response.status_code == 200
    total = time.perf_counter() - started
    assert total < 1.0, f"50 keep-alive GETs took {total:.3f}s (median {statistics.median(timings) * 1000:.1f} ms)"
    assert statistics.median(timings) < 0.02
    created = [api.post(f"{sb.base_url}/customers", json={"email": f"k{i}@example.com"}) for i in range(20)]
    assert all(r.status_code == 201 for r in created)


def test_concurrent_clients_get_unique_ids_and_consistent_counts(sb: Sandbox) -> None:
    def worker(n: int) -> list[int]:
        with requests.Session() as session:
            session.auth = (sb.username, sb.api_key)
            return [session.post(f"{sb.base_url}/customers", json={"email": f"w{n}-{i}@example.com"}).json()["id"]
                    for i in range(15)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = [cid for batch in pool.map(worker, range(8)) for cid in batch]
    assert len(set(ids)) == 120
    assert len(sb.store.customers) == 40 + 120
    assert sb.stats.processed[("POST", "/api/customers")] == 120
