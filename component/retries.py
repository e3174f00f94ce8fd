"""When a request is sent again and how long to wait first: retry policies and Retry-After."""

from __future__ import annotations

import email.utils
import math
import random
from dataclasses import dataclass
from datetime import UTC

__all__ = ["TYPED_POLICY", "RetryPolicy", "retry_after_seconds"]


@dataclass(frozen=True)
class RetryPolicy:
    """When to send a request again and how long to wait first."""

    max_retries: int = 2  # for 5xx and network errors
    retry_writes: bool = False  # also re-send POST/PATCH (Raw Request: the user decides)
    retry_all_errors: bool = False  # retry any non-2xx, 429 included, within max_retries
    exponential: bool = True
    fixed_delay: float = 0.0  # seconds, when not exponential
    backoff_base: float = 0.25  # seconds; 0.25, 0.5, 1, ... (plus jitter when enabled)
    backoff_cap: float = 30.0
    jitter: bool = True  # add up to 20 % (never subtract) so that workers do not come back in step
    rate_limit_retries: int = 6  # 429s waited out on top of max_retries (typed actions)
    retry_after_cap: float = 120.0  # a longer Retry-After is not waited for: the call fails at once
    budget: float = 300.0  # total seconds one call may take, waits included, before it gives up

    def backoff(self, attempt: int) -> float:
        """Delay before retry number `attempt` (1-based): grows even when fixed_delay is 0."""
        if not self.exponential:
            return self.fixed_delay
        delay: float = min(self.backoff_cap, self.backoff_base * 2.0 ** (attempt - 1))
        return delay + (random.uniform(0, delay * 0.2) if self.jitter else 0.0)

    def with_jitter(self, delay: float) -> float:
        """`delay` plus a small random extra when jitter is on; never less than `delay`."""
        return delay + (random.uniform(0, 0.1 * delay + 0.1) if self.jitter else 0.0)


TYPED_POLICY = RetryPolicy()


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header given as seconds or as an HTTP date (`now`: epoch seconds)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    if seconds is not None:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" and obsolete zones: the HTTP date is in UTC
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)
