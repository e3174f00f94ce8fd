"""Hints for unknown keys: the close match, or else the keys that are valid."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["did_you_mean"]


def did_you_mean(word: str, candidates: Iterable[str], *, noun: str = "keys") -> str:
    """A ' Did you mean 'x'?' sentence, or, when nothing is close, ' Valid {noun}: a, b, c.'"""
    import difflib  # only a mistyped key needs it: keep it off the import path

    options = list(candidates)
    lowered = {c.lower(): c for c in options}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return f" Did you mean '{lowered[close[0]]}'?"
    if not options:
        return f" There are no {noun}."
    return f" Valid {noun}: {', '.join(options)}."
