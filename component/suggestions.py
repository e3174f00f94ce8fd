"""Did-you-mean hints for unknown keys."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["did_you_mean"]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' Did you mean 'x'?' sentence, or '' when nothing is close."""
    import difflib  # only a mistyped key needs it: keep it off the import path

    options = list(candidates)
    lowered = {c.lower(): c for c in options}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return f" Did you mean '{lowered[close[0]]}'?"
    return ""
