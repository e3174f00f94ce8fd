"""Gorgias's paging inputs: every list action's cursor, fetchAll and limit, and their documented wording."""

from __future__ import annotations

from typing import Annotated, Any

from component import Input, Paging
from component.inputs import Bool, Text, int_range
from component.listing import ListInputs as FrameworkListInputs
from gorgias_component.connections.answers import GORGIAS_PAGES

__all__ = ["CURSOR_EXAMPLE", "PAGING", "Limit", "ListInputs", "cursor", "fetch_all", "limit", "of"]

CURSOR_EXAMPLE = "cHJldl9fNl9fMjAyMS0wMy0wMyAwNjowMDowMA=="
# ?cursor=&limit= ask for a page; the next page's cursor is in the answer's meta.next_cursor.
PAGING = Paging("cursor", "limit", "fetchAll", next=GORGIAS_PAGES.next_at)
Limit = Annotated[int, int_range(1, GORGIAS_PAGES.max_size)]  # items per page: Gorgias gives at most 100


class ListInputs(FrameworkListInputs):
    """Inputs every Gorgias list action has; `list_action(paging=paging.of(noun))` words them for its list."""

    __paging__ = PAGING

    cursor: Text | None = Input("Cursor")
    fetchAll: Bool = Input("Fetch All", default="false")
    limit: Limit | None = Input("Limit")


def cursor(noun: str, example: str | None = CURSOR_EXAMPLE) -> Any:
    """The documented Cursor input of a list of `noun`."""
    return Input(
        "Cursor", example=example,
        comments=f"Value indicating your position in the list of all {noun}. "
                 f"If omitted, the first {noun} of the list will be returned.",
    )


def fetch_all(noun: str, example: str | None = None) -> Any:
    """The documented Fetch All input of a list of `noun`."""
    return Input(
        "Fetch All", default="false", example=example,
        comments=f"When enabled, all {noun} will be fetched. This can be slow if you have a lot of {noun}. "
                 "Cursor and limit will be ignored.",
    )


def limit(noun: str, example: str | None = "30") -> Any:
    """The documented Limit input of a list of `noun`."""
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
