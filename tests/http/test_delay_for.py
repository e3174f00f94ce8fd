"""The one retry decision (issue 15): RetryPolicy.delay_for(outcome, attempt) -> seconds, or None to fail."""

from __future__ import annotations

from component.retries import Attempt, Outcome, RetryPolicy

POLICY = RetryPolicy(jitter=False)


def test_a_5xx_on_a_read_backs_off_then_gives_up_after_max_retries() -> None:
    outcome = Outcome(idempotent=True, status=503)
    assert [POLICY.delay_for(outcome, Attempt(retries=n)) for n in range(3)] == [0.25, 0.5, None]


def test_a_write_without_an_answer_is_sent_again_only_if_it_never_left() -> None:
    assert POLICY.delay_for(Outcome(idempotent=False, error="ReadTimeout"), Attempt()) is None
    assert POLICY.delay_for(Outcome(idempotent=False, error="ConnectTimeout", never_sent=True), Attempt()) == 0.25


def test_a_429_waits_what_it_was_told_unless_over_the_cap_or_the_budget() -> None:
    assert POLICY.delay_for(Outcome(idempotent=False, status=429, retry_after=7.0), Attempt()) == 7.0
    assert POLICY.delay_for(Outcome(idempotent=True, status=429, retry_after=500.0), Attempt()) is None
    assert POLICY.delay_for(Outcome(idempotent=True, status=429, retry_after=7.0), Attempt(elapsed=295.0)) is None
    assert POLICY.delay_for(Outcome(idempotent=True, status=429), Attempt(rate_limited=6)) is None


def test_the_attempt_counts_429s_apart_from_other_retries() -> None:
    attempt = Attempt().after(Outcome(True, 429), POLICY).after(Outcome(True, 503), POLICY)
    assert (attempt.rate_limited, attempt.retries) == (1, 1)
    assert Attempt().after(Outcome(True, 429), RetryPolicy(retry_all_errors=True)).retries == 1
