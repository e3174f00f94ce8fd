"""Gorgias's own search (`POST /api/search`) as the search of a picklist whose resource it covers."""

from __future__ import annotations

from typing import Any

from component import HttpClient, Inputs, Search

__all__ = ["MAX_RESULTS", "api_search"]

MAX_RESULTS = 50  # `size` is 1-50 and the search has no cursor


def api_search(kind: str, *, unless: tuple[str, ...] = ()) -> Search[Any]:
    """Search `kind` (customer, agent, team, tag, integration, ...) with Gorgias's search.

    The search knows no list filters: when one of the inputs named in `unless` is set, it cannot
    honour them and the picklist filters its pages instead.
    """

    def run(api: HttpClient, inputs: Inputs, text: str, size: int) -> list[Any] | None:
        if any(getattr(inputs, name, None) is not None for name in unless):
            return None
        found = api.post("/search", {"type": kind, "query": text, "size": size})
        # The reference says "list of the found resources": live answers are a bare list or {"data": [...]}.
        items = found.get("data") if isinstance(found, dict) else found
        return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []

    return Search(run, MAX_RESULTS)
