"""Pooled sessions: one keep-alive session per origin and credential, shared, bounded, never reading the environment."""

from __future__ import annotations

import pytest

from component import http


def test_the_same_identity_gets_the_same_session_and_another_gets_its_own() -> None:
    """Calls for one account reuse one connection pool; another credential never shares it."""
    first = http.session_for("https://acme.gorgias.com/api", "apiKey", "fingerprint-a")
    again = http.session_for("https://acme.gorgias.com/api", "apiKey", "fingerprint-a")
    other = http.session_for("https://acme.gorgias.com/api", "apiKey", "fingerprint-b")
    assert first is again
    assert other is not first
    assert first.trust_env is False  # no proxies or .netrc credentials picked up implicitly


def test_sessions_are_bounded_and_the_least_recently_used_is_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    """A host serving many accounts keeps only the most recently used sessions."""
    monkeypatch.setattr(http, "_SESSIONS", {})
    monkeypatch.setattr(http, "MAX_SESSIONS", 3)
    a, b, c = (http.session_for("origin", name) for name in ("a", "b", "c"))
    assert http.session_for("origin", "a") is a  # a is now the most recently used
    d = http.session_for("origin", "d")  # evicts b, the least recently used
    assert list(http._SESSIONS) == [("origin", "c"), ("origin", "a"), ("origin", "d")]
    assert http.session_for("origin", "b") is not b
    for session in (a, b, c, d):
        session.close()
