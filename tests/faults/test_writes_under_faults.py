"""Writes against a misbehaving sandbox: a POST is never processed twice, and timeouts end in bounded time."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from component.errors import ApiError, RateLimitError, TransportError, WriteUncertainError
from gorgias_component import gorgias
from tests.faults.conftest import Start, new_customer

CREATE = ("POST", "/api/customers")
UNCERTAIN = ("The write may or may not have happened; it was not sent again to avoid a duplicate: check before "
             "retrying.")


def test_no_post_is_sent_twice_when_connections_drop_or_fail(start: Start) -> None:
    """Under 40 % drops and 20 % 503s every create is sent exactly once; failures say the write is uncertain."""
    sb = start(seed=2)
    sb.set_faults(drop_rate=0.4, fault_rate=0.2)
    before = len(sb.store.customers)
    outcomes: list[str] = []
    for number in range(20):
        try:
            gorgias.run_action("createCustomer", new_customer(number), sb.connection())
            outcomes.append("created")
        except WriteUncertainError as error:
            assert str(error) == ("POST /customers to Gorgias failed: the connection closed before an answer "
                                  f"arrived. {UNCERTAIN}")
            outcomes.append("dropped")
        except ApiError as error:
            assert error.status == 503
            assert str(error).endswith(UNCERTAIN)
            outcomes.append("503")
    assert sb.stats.received[CREATE] == 20  # one request per create, whatever happened to it
    assert sb.stats.processed[CREATE] == outcomes.count("created")
    assert len(sb.store.customers) == before + outcomes.count("created")
    assert sb.stats.drops == outcomes.count("dropped") >= 1
    assert sb.stats.faults == outcomes.count("503") >= 1


def test_a_post_past_the_timeout_is_uncertain_and_processed_once(start: Start) -> None:
    """The sandbox answers after 0.6 s, the client gives up at 0.2 s: WriteUncertainError, and exactly one customer."""
    sb = start(timeout=0.2)
    sb.set_faults(latency_ms=600)
    began = time.monotonic()
    with pytest.raises(WriteUncertainError) as caught:
        gorgias.run_action("createCustomer", new_customer(1), sb.connection())
    assert time.monotonic() - began < 0.6
    assert str(caught.value) == f"POST /customers to Gorgias timed out: no answer within 0.2 s. {UNCERTAIN}"
    deadline = time.monotonic() + 2.0
    while sb.stats.processed[CREATE] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sb.stats.received[CREATE] == sb.stats.processed[CREATE] == 1  # it did happen, once


def test_a_get_past_the_timeout_fails_in_bounded_time(start: Start) -> None:
    """Three attempts of 0.2 s and two short backoffs: a TransportError well within two seconds."""
    sb = start(timeout=0.2)
    sb.set_faults(latency_ms=500)
    began = time.monotonic()
    with pytest.raises(TransportError) as caught:
        gorgias.run_action("getAccount", {}, sb.connection())
    elapsed = time.monotonic() - began
    assert 0.6 <= elapsed < 2.0
    assert str(caught.value) == "GET /account to Gorgias timed out: no answer within 0.2 s (3 attempts)."
    assert sb.stats.received[("GET", "/api/account")] == 3


def test_creates_in_a_429_storm_are_each_processed_once(start: Start) -> None:
    """Twelve unpaced creates from four threads on a 4-per-second bucket: 429s are retried, no duplicate."""
    sb = start(rate_limit=(4, 1.0))
    before = len(sb.store.customers)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda n: gorgias.run_action("createCustomer", new_customer(n), sb.connection()),
                                range(12)))
    assert len({result["data"]["id"] for result in results}) == 12
    assert sb.stats.rate_limited >= 1
    assert sb.stats.processed[CREATE] == 12
    assert len(sb.store.customers) == before + 12


def test_a_paced_client_draws_no_429_for_writes(start: Start) -> None:
    """With the budget matching the bucket, twenty creates go through without a single 429."""
    sb = start(pacing="10/1", rate_limit=(10, 1.0))
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda n: gorgias.run_action("createCustomer", new_customer(n), sb.connection()), range(20)))
    assert sb.stats.rate_limited == 0
    assert sb.stats.processed[CREATE] == 20


def test_raw_request_resends_a_post_only_as_its_inputs_say(start: Start) -> None:
    """maxRetries=2 on a POST whose connection drops: sent three times, as asked, and the error says so."""
    sb = start()
    sb.set_faults(drop_rate=1.0)
    inputs = {"method": "POST", "url": "/customers", "data": new_customer(1), "maxRetries": 2, "retryDelayMS": 10}
    with pytest.raises(WriteUncertainError) as caught:
        gorgias.run_action("rawRequest", inputs, sb.connection())
    assert sb.stats.received[CREATE] == 3
    assert str(caught.value) == ("POST /customers to Gorgias failed: the connection closed before an answer arrived "
                                 "(3 attempts). The write may or may not have happened (it was sent 3 times): "
                                 "check before retrying.")


def test_raw_request_sends_once_by_default(start: Start) -> None:
    """Raw Request's default is exactly one request, even for a GET answered 503."""
    sb = start()
    sb.set_faults(fault_rate=1.0)
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("rawRequest", {"method": "GET", "url": "/account"}, sb.connection())
    assert caught.value.status == 503
    assert sb.stats.received[("GET", "/api/account")] == 1


def test_a_429_is_not_retried_by_raw_request_without_retry_all_errors(start: Start) -> None:
    """Raw Request leaves 429s to retryAllErrors: a storm gives a RateLimitError after one request."""
    sb = start(rate_limit=(1, 60.0))
    gorgias.run_action("rawRequest", {"method": "GET", "url": "/account"}, sb.connection())
    with pytest.raises(RateLimitError):
        gorgias.run_action("rawRequest", {"method": "GET", "url": "/account"}, sb.connection())
    assert sb.stats.received[("GET", "/api/account")] == 2


def test_a_server_that_is_gone_is_a_transport_error_not_an_uncertain_write(start: Start) -> None:
    """Nothing listens: the create could not have happened, so it is retried and then reported plainly."""
    sb = start()
    sb.stop()
    began = time.monotonic()
    with pytest.raises(TransportError) as caught:
        gorgias.run_action("createCustomer", new_customer(1), sb.connection())
    assert not isinstance(caught.value, WriteUncertainError)
    assert str(caught.value) == f"POST /customers to Gorgias could not connect to 127.0.0.1:{sb.port} (3 attempts)."
    assert time.monotonic() - began < 2.0
