"""The one way a Gorgias picklist turns API objects into options: {"key": str(id), "label": ...}."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["picklist"]


def picklist(items: Iterable[Any], label: Callable[[Any], str]) -> list[dict[str, str]]:
    """Options keyed by each object's id and labelled by `label` (which must never give an empty label)."""
    return [{"key": str(item["id"]), "label": label(item)} for item in items]
