"""Option labels shared by picklists: never empty, whatever the API leaves blank."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["by_name"]


def by_name(noun: str, field: str = "name") -> Callable[[dict[str, Any]], str]:
    """A label function: the item's `field` with its whitespace tidied, else "<noun> #<id>"."""

    def label(item: dict[str, Any]) -> str:
        return " ".join(str(item.get(field) or "").split()) or f"{noun} #{item['id']}"

    return label
