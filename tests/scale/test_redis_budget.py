"""The Redis budget store: one leaky bucket per account host shared by every process, or a clear failure."""

from __future__ import annotations

import pytest

from component.executor import Executor
from component.ratelimit import RateBudget
from component.redis_stores import RedisBudget, RedisBudgets, RedisTokens, SharedStoreError, public_url, redis_client
from component.runtime import InMemoryBudgets, InMemoryTokens, Runtime
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.scale.children import KEY

HEADER = "X-Gorgias-Account-Api-Call-Limit"


def _pair(redis_url: str, prefix: str, capacity: int = 4, window: float = 40.0) -> tuple[RateBudget, RateBudget]:
    """The same account's budget as two processes see it (two clients, two store objects)."""
    key = ("https://acme.gorgias.com/api", "apiKey", capacity, window)

    def create() -> RateBudget:
        return RateBudget(capacity, window, header=HEADER)

    first = RedisBudgets(redis_client(redis_url), prefix).budget(key, create)
    second = RedisBudgets(redis_client(redis_url), prefix).budget(key, create)
    return first, second


def test_two_stores_draw_from_one_bucket_keyed_by_the_account_host(redis_url: str, prefix: str) -> None:
    first, second = _pair(redis_url, prefix)
    assert isinstance(first, RedisBudget) and first.name == f"{prefix}budget:acme.gorgias.com:apiKey"
    # 4 per 40 s with one request of headroom: three go at once, the fourth waits a tenth of the window.
    waits = [first.reserve(), second.reserve(), first.reserve(), second.reserve()]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3] == pytest.approx(10.0, abs=0.5)  # less what leaked while the four were reserved
    assert second.level == pytest.approx(4.0, abs=0.1)


def test_the_call_limit_header_corrects_the_shared_level_upwards_only(redis_url: str, prefix: str) -> None:
    first, second = _pair(redis_url, prefix, capacity=40, window=40_000.0)  # leaks 1 per 1000 s: steady levels
    first.reserve()
    first.observe({HEADER: "30/40"})  # other clients of the account used 29 more
    assert second.level == pytest.approx(29.0, abs=0.01)
    second.observe({HEADER: "2/40"})  # an older count never lowers it
    assert first.level == pytest.approx(29.0, abs=0.01)
    first.observe({HEADER.lower(): "80/80"})  # the account's real size is adopted
    assert first.capacity == 80 and first.level == pytest.approx(79.0, abs=0.01)


def test_redis_url_setting_turns_the_shared_stores_on(redis_url: str) -> None:
    shared = Runtime.from_environ({"GORGIAS_REDIS_URL": redis_url, "GORGIAS_HOST_KEY": KEY})
    assert isinstance(shared.budgets, RedisBudgets) and isinstance(shared.tokens, RedisTokens)
    local = Runtime.from_environ({})
    assert isinstance(local.budgets, InMemoryBudgets) and isinstance(local.tokens, InMemoryTokens)


def test_unreachable_redis_fails_the_call_before_anything_is_sent_without_the_password() -> None:
    url = "redis://:s3cret-pass@127.0.0.1:1/0"  # nothing listens on port 1
    runtime = Runtime.from_environ({"GORGIAS_REDIS_URL": url, "GORGIAS_HOST_KEY": KEY})
    with Sandbox() as sandbox:
        runtime.settings["GORGIAS_API_BASE_URL"] = sandbox.base_url  # type: ignore[index]
        with pytest.raises(SharedStoreError) as caught:
            Executor(gorgias, runtime).run_action("getTicket", {"id": "1"}, sandbox.connection())
        assert sandbox.stats.requests == 0
    message = str(caught.value)
    assert message.startswith("Redis at 127.0.0.1:1/0 (GORGIAS_REDIS_URL) could not be used for the shared rate "
                              "budget: ConnectionError: ")
    assert message.endswith("Nothing was sent; start Redis, or unset GORGIAS_REDIS_URL to keep budgets and tokens "
                            "in this process.")
    assert "s3cret" not in message and "s3cret" not in repr(caught.value)
    assert public_url(url) == "redis://127.0.0.1:1/0"


def test_a_url_that_is_not_redis_is_an_input_error_naming_the_setting() -> None:
    from component.errors import InputError

    with pytest.raises(InputError) as caught:
        Runtime.from_environ({"GORGIAS_REDIS_URL": "http://user:pw@example.com/"})
    assert caught.value.key == "GORGIAS_REDIS_URL"
    assert str(caught.value) == ("Setting GORGIAS_REDIS_URL: expected a Redis URL such as redis://127.0.0.1:6379/0, "
                                 "received 'http://example.com/'.")
