"""The macro picklist, searched with the macros list's own `search` filter."""

from __future__ import annotations

from typing import Any

from component import HttpClient, Input, Inputs, ListRequest, Search, picklist
from component.inputs import TextList
from gorgias_component.actions.documents import example

__all__ = ["DATA_SOURCES", "macro_label"]

PAGE = 100  # the most macros one list page holds, so the most one search answers


class SelectMacroInputs(Inputs):
    languages: TextList | None = Input(
        "Languages", comments="Only macros in any of these languages (ISO 639-1).", example="en"
    )


def macro_label(macro: dict[str, object]) -> str:
    """The macro's name with its language, or "Macro {id}": never empty."""
    name = " ".join(str(macro.get("name") or "").split()) or f"Macro {macro['id']}"
    language = str(macro.get("language") or "").strip()
    return f"{name} ({language})" if language else name


def _search(api: HttpClient, inputs: SelectMacroInputs, text: str, size: int) -> list[Any] | None:
    found = api.get("/macros", {**inputs.set_values(), "search": text, "order_by": "usage:desc", "limit": size})
    items = found.get("data") if isinstance(found, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


@picklist(
    "selectMacro", "Select Macro", "Select one of the macros, most used first.",
    example=example("selectMacro", "datasources"),
    label_of=macro_label, search=Search(_search, PAGE),
)
def select_macro(inputs: SelectMacroInputs) -> ListRequest:
    return ListRequest("/macros", {**inputs.set_values(), "order_by": "usage:desc"})


DATA_SOURCES = (select_macro,)
