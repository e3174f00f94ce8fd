"""How Gorgias answers: its cursor-paginated list envelope and its error messages (`error.msg`, `error.data`)."""

from __future__ import annotations

from typing import Any

from component.pagination import CursorPaginator
from component.payloads import cut, error_detail

__all__ = ["GORGIAS_PAGES", "gorgias_error_detail"]

# {"data": [...], "object": "list", "uri": ..., "meta": {"prev_cursor": ..., "next_cursor": ...}}; ?cursor=&limit=
GORGIAS_PAGES = CursorPaginator(
    token_param="cursor", size_param="limit", items_key="data", next_path=("meta", "next_cursor"),
    cleared=(("meta", "prev_cursor"), ("meta", "next_cursor")),
)


def gorgias_error_detail(body: Any) -> str:
    """Gorgias's explanation of an error: error.msg with the fields of error.data; else the usual readings."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return error_detail(body)
    msg = str(error.get("msg") or error.get("message") or "").strip()
    data = error.get("data")
    if isinstance(data, dict) and data:
        fields = "; ".join(f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in data.items())
        msg = f"{msg} ({fields})" if msg else fields
    return cut(msg)
