"""The view picklist."""

from __future__ import annotations

from component import Inputs, ListRequest, picklist
from gorgias_component.actions.documents import example

__all__ = ["DATA_SOURCES", "view_label"]


class SelectViewInputs(Inputs):
    pass


def view_label(view: dict[str, object]) -> str:
    """The view's emoji and name, or "View {id}": never empty."""
    name = " ".join(str(view.get("name") or "").split()) or f"View {view['id']}"
    decoration = view.get("decoration")
    emoji = str(decoration.get("emoji") or "").strip() if isinstance(decoration, dict) else ""
    return f"{emoji} {name}" if emoji else name


@picklist("selectView", "Select View", "Select one of the views of the account.",
          example=example("selectView", "datasources"), label_of=view_label)
def select_view(inputs: SelectViewInputs) -> ListRequest:
    return ListRequest("/views")


DATA_SOURCES = (select_view,)
