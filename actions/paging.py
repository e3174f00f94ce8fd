"""The documented wording of the paging inputs every Gorgias list action has (cursor, fetchAll, limit)."""

from __future__ import annotations

from typing import Any

from component import Input

__all__ = ["CURSOR_EXAMPLE", "cursor", "fetch_all", "limit", "of"]

CURSOR_EXAMPLE = "cHJldl9fNl9fMjAyMS0wMy0wMyAwNjowMDowMA=="


def cursor(noun: str, example: str | None = CURSOR_EXAMPLE) -> Any:
    return Input(
        "Cursor", example=example,
        comments=f"Value indicating your position in the list of all {noun}. "
                 f"If omitted, the first {noun} of the list will be returned.",
    )


def fetch_all(noun: str, example: str | None = None) -> Any:
    return Input(
        "Fetch All", default="false", example=example,
        comments=f"When enabled, all {noun} will be fetched. This can be slow if you have a lot of {noun}. "
                 "Cursor and limit will be ignored.",
    )


def limit(noun: str, example: str | None = "30") -> Any:
    return Input(
        "Limit", example=example, comments=f"Maximum number of {noun} to return. The max number allowed is 100."
    )


def of(noun: str, *, cursor_example: str | None = CURSOR_EXAMPLE, fetch_all_example: str | None = None,
       limit_example: str | None = "30", limit_noun: str | None = None) -> dict[str, Any]:
    """The paging inputs of a list of `noun`, for `list_action(paging=...)`: declared once, worded per list."""
    return {
        "cursor": cursor(noun, cursor_example),
        "fetchAll": fetch_all(noun, fetch_all_example),
        "limit": limit(limit_noun or noun, limit_example),
    }
