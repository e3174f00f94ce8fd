"""The tag picklist."""

from __future__ import annotations

from component import HttpClient, Input, Inputs, data_source
from component.inputs import Text
from datasources.picklist import picklist

__all__ = ["select_tag"]


class SelectTagInputs(Inputs):
    search: Text | None = Input("Search", comments="Text the tag names must contain (case insensitive).",
                                example="urg")


@data_source("selectTag", "Select Tag", "Select a tag from the list of tags.")
def select_tag(api: HttpClient, inputs: SelectTagInputs) -> list[dict[str, str]]:
    return picklist(api.items("/tags", {"order_by": "name:asc", **inputs.set_values()}), tag_label)


def tag_label(tag: dict[str, object]) -> str:
    """The tag's name, else its number."""
    name = " ".join(str(tag.get("name") or "").split())
    return name or f"Tag #{tag['id']}"


DATA_SOURCES = (select_tag,)
