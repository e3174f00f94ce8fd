"""When a request is sent again and how long to wait first: retry policies and Retry-After.

Modelled on urllib3's `Retry`: the HTTP client describes what one attempt came back with (an
`Outcome`) and how the call has gone so far (an `Attempt`); the policy's `delay_for` alone decides
whether to send again, and after how long.
"""

from __future__ import annotations

import email.utils
import math
import random
from dataclasses import dataclass, replace
from datetime import UTC

__all__ = ["TYPED_POLICY", "Attempt", "Outcome", "RetryPolicy", "retry_after_seconds"]


@dataclass(frozen=True)
class Outcome:
    """What one attempt came back with: a status, or no answer at all (`status` None, `error` the failure)."""

    idempotent: bool  # the method may be sent twice without doing the work twice
    status: int | None = None
    error: str = ""  # the failure's type name when no answer came
    never_sent: bool = False  # no answer, and the request certainly never reached the server
    retry_after: float | None = None  # seconds the answer asked to wait (429)

    @property
    def reason(self) -> str:
        """How the log names it: "ReadTimeout", "429 Too Many Requests", "503"."""
        if self.status is None:
            return self.error
        return "429 Too Many Requests" if self.status == 429 else str(self.status)


@dataclass(frozen=True)
class Attempt:
    """How a call has gone so far: retries spent, 429s waited out, seconds since it started."""

    retries: int = 0  # on 5xx, network errors and (retry_all_errors) other answers
    rate_limited: int = 0  # 429s waited out on top of retries
    elapsed: float = 0.0

    def at(self, elapsed: float) -> Attempt:
        return replace(self, elapsed=elapsed)

    def after(self, outcome: Outcome, policy: RetryPolicy) -> Attempt:
        """The record once `outcome` has been waited out and the request is sent again."""
        if outcome.status == 429 and not policy.retry_all_errors:
            return replace(self, rate_limited=self.rate_limited + 1)
        return replace(self, retries=self.retries + 1)


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

    def delay_for(self, outcome: Outcome, attempt: Attempt) -> float | None:
        """Seconds to wait before sending again, or None when the call must fail with this outcome."""
        delay = self._delay(outcome, attempt)
        if delay is None or attempt.elapsed + delay > self.budget:
            return None
        return delay

    def _delay(self, outcome: Outcome, attempt: Attempt) -> float | None:
        told = outcome.retry_after
        if outcome.status is None:  # no answer: a write is sent again only if it never left, or if allowed
            retry = outcome.idempotent or self.retry_writes or outcome.never_sent
            return self.backoff(attempt.retries + 1) if retry and attempt.retries < self.max_retries else None
        if outcome.status == 429 and not self.retry_all_errors:
            # The request was not processed: waiting and sending it again is safe for any method.
            if attempt.rate_limited >= self.rate_limit_retries or (told is not None and told > self.retry_after_cap):
                return None
            base = told if told is not None else max(1.0, self.backoff(attempt.rate_limited + 1))
            return self.with_jitter(base)  # only adds: workers told the same second must not all come back at once
        retryable = self.retry_all_errors or (outcome.status >= 500 and (outcome.idempotent or self.retry_writes))
        if not retryable or attempt.retries >= self.max_retries or (told is not None and told > self.retry_after_cap):
            return None
        delay = self.backoff(attempt.retries + 1)
        return delay if told is None else max(delay, self.with_jitter(told))  # at least what the API asked for


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
