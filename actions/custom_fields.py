"""Ticket custom-field actions: list a ticket's field values and delete one."""

from __future__ import annotations

from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, action
from component.inputs import CodeList, Id, Invalid, Kind
from gorgias_component.actions import fields
from gorgias_component.actions.documents import deleted, example, output, schema

__all__ = ["FieldValue", "delete_ticket_custom_field", "list_ticket_custom_fields", "set_ticket_custom_fields",
           "update_ticket_custom_field"]

RESOURCE = "Tickets"
CUSTOM_FIELD_VALUES = output("custom_field_values")


def _field_value(value: Any) -> Any:
    if isinstance(value, str | bool | int | float):
        return value
    raise Invalid("text, a number or true/false")


# A custom field's value: text, a number or a boolean, sent as given (the field's data type decides).
FieldValue = Annotated[Any, Kind("string", _field_value, {"type": ["string", "number", "boolean"]})]


class ListTicketCustomFieldsInputs(ActionInputs):
    ticket_id: Id = fields.ticket_id()


@action(
    "listTicketCustomFields", "List Ticket Custom Fields", "List all custom fields for a ticket.",
    example=example("listTicketCustomFields"), resource=RESOURCE, output=CUSTOM_FIELD_VALUES,
)
def list_ticket_custom_fields(api: HttpClient, inputs: ListTicketCustomFieldsInputs) -> object:
    return _values(api.get(f"/tickets/{inputs.ticket_id}/custom-fields"))


def _values(answer: object) -> object:
    # Documented as a bare array; the live API wraps it in {"data": [...]}. Both give the list.
    if isinstance(answer, dict) and isinstance(answer.get("data"), list):
        return answer["data"]
    return answer


class DeleteTicketCustomFieldInputs(ActionInputs):
    id: Id = fields.custom_field_id(example="1234567890")
    ticket_id: Id = fields.ticket_id()


@action(
    "deleteTicketCustomField", "Delete Ticket Custom Field", "Delete a ticket's custom field value.",
    example=example("deleteTicketCustomField"), resource=RESOURCE, output=deleted(),
)
def delete_ticket_custom_field(api: HttpClient, inputs: DeleteTicketCustomFieldInputs) -> object:
    api.delete(f"/tickets/{inputs.ticket_id}/custom-fields/{inputs.id}")
    return {"message": "Success"}


class UpdateTicketCustomFieldInputs(ActionInputs):
    id: Id = fields.custom_field_id(example="1")
    ticket_id: Id = fields.ticket_id()
    value: FieldValue = Input("Value", required=True, example="Refund",
                              comments="The value: text, a number or true/false, as the field's data type wants.")


@action("updateTicketCustomField", "Update Ticket Custom Field", "Set the value of one custom field of a ticket.",
        example=example("updateTicketCustomField"),
        resource=RESOURCE, output=output("custom_field_value"))
def update_ticket_custom_field(api: HttpClient, inputs: UpdateTicketCustomFieldInputs) -> object:
    return api.put(f"/tickets/{inputs.ticket_id}/custom-fields/{inputs.id}", {"value": inputs.value})


class SetTicketCustomFieldsInputs(ActionInputs):
    ticket_id: Id = fields.ticket_id()
    values: CodeList = Input("Values", required=True, schema=schema("field_values"),
                             example='[{"id": 1, "value": "Refund"}]',
                             comments="Values of the ticket's custom fields, each with the id of its field.")


@action("setTicketCustomFields", "Set Ticket Custom Fields", "Set the values of several custom fields of a ticket.",
        example=example("setTicketCustomFields"),
        resource=RESOURCE, output=CUSTOM_FIELD_VALUES)
def set_ticket_custom_fields(api: HttpClient, inputs: SetTicketCustomFieldsInputs) -> object:
    return _values(api.put(f"/tickets/{inputs.ticket_id}/custom-fields", inputs.values))


ACTIONS = (delete_ticket_custom_field, list_ticket_custom_fields, set_ticket_custom_fields, update_ticket_custom_field)
