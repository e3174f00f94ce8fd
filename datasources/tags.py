"""The tag picklist: every tag by name, searched with Gorgias's search."""

from __future__ import annotations

from component import ListRequest, NoInputs, picklist
from gorgias_component.actions.documents import example
from gorgias_component.datasources.labels import by_name
from gorgias_component.datasources.search import api_search

__all__ = ["select_tag"]


tag_label = by_name("Tag")


@picklist("selectTag", "Select Tag", "Select a tag from the list of tags.",
          example=example("selectTag", "datasources"), label_of=tag_label,
          search=api_search("tag"))
def select_tag(inputs: NoInputs) -> ListRequest:
    return ListRequest("/tags", {"order_by": "name:asc"})


DATA_SOURCES = (select_tag,)
