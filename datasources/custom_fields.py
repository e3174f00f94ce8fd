"""The custom field picklist: the custom fields of tickets or of customers, by priority."""

from __future__ import annotations

from typing import Annotated

from component import Input, Inputs, ListRequest, picklist
from component.inputs import choice
from gorgias_component.actions.documents import example
from gorgias_component.datasources.labels import by_name

__all__ = ["select_custom_field"]


class SelectCustomFieldInputs(Inputs):
    object_type: Annotated[str, choice("Ticket", "Customer")] = Input(
        "Object Type", required=True, example="Ticket", comments="Whose custom fields: Ticket or Customer.")


@picklist("selectCustomField", "Select Custom Field", "Select a custom field of tickets or customers.",
          example=example("selectCustomField", "datasources"),
          label_of=by_name("Custom field", "label"))
def select_custom_field(inputs: SelectCustomFieldInputs) -> ListRequest:
    return ListRequest("/custom-fields", {"order_by": "priority:asc", **inputs.set_values()})


DATA_SOURCES = (select_custom_field,)
