"""Pooled sessions: one keep-alive session per origin and credential, shared, bounded, never reading the environment."""

from __future__ import annotations

from component import http
from component.runtime import SessionPool


def test_the_same_identity_gets_the_same_session_and_another_gets_its_own() -> None:
    """Calls for one account reuse one connection pool; another credential never shares it."""
    first = http.session_for("https://acme.gorgias.com/api", "apiKey", "fingerprint-a")
    again = http.session_for("https://acme.gorgias.com/api", "apiKey", "fingerprint-a")
    other = http.session_for("https://acme.gorgias.com/api", "apiKey", "fingerprint-b")
    assert first is again
    assert other is not first
    assert first.trust_env is False  # no proxies or .netrc credentials picked up implicitly


def test_sessions_are_bounded_and_the_least_recently_used_is_forgotten() -> None:
    """A host serving many accounts keeps only the most recently used sessions."""
    pool = SessionPool(max_sessions=3)  # a runtime's pool, instead of the process-wide one
    a, b, c = (pool.session("origin", name) for name in ("a", "b", "c"))
    assert pool.session("origin", "a") is a  # a is now the most recently used
    d = pool.session("origin", "d")  # evicts b, the least recently used
    assert pool.identities() == [("origin", "c"), ("origin", "a"), ("origin", "d")]
    assert pool.session("origin", "b") is not b
    for session in (a, b, c, d):
        session.close()
