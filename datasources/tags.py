"""The tag picklist: every tag by name, searched with Gorgias's search."""

from __future__ import annotations

from component import ListRequest, NoInputs, picklist
from gorgias_component.datasources.search import api_search

__all__ = ["select_tag"]


def tag_label(tag: dict[str, object]) -> str:
    """The tag's name, else its number."""
    name = " ".join(str(tag.get("name") or "").split())
    return name or f"Tag #{tag['id']}"


@picklist("selectTag", "Select Tag", "Select a tag from the list of tags.", label_of=tag_label,
          search=api_search("tag"))
def select_tag(inputs: NoInputs) -> ListRequest:
    return ListRequest("/tags", {"order_by": "name:asc"})


DATA_SOURCES = (select_tag,)
