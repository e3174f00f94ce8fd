"""Ticket custom-field actions: list a ticket's field values and delete one."""

from __future__ import annotations

from component import ActionInputs, HttpClient, action
from component.inputs import Id
from gorgias_component.actions import fields
from gorgias_component.actions.documents import deleted, example, output

__all__ = ["delete_ticket_custom_field", "list_ticket_custom_fields"]

RESOURCE = "Tickets"
CUSTOM_FIELD_VALUES = output("custom_field_values")


class ListTicketCustomFieldsInputs(ActionInputs):
    ticket_id: Id = fields.ticket_id()


@action(
    "listTicketCustomFields", "List Ticket Custom Fields", "List all custom fields for a ticket.",
    example=example("listTicketCustomFields"), resource=RESOURCE, output=CUSTOM_FIELD_VALUES,
)
def list_ticket_custom_fields(api: HttpClient, inputs: ListTicketCustomFieldsInputs) -> object:
    values = api.get(f"/tickets/{inputs.ticket_id}/custom-fields")
    # Documented as a bare array; the live API wraps it in {"data": [...]}. Both give the list.
    if isinstance(values, dict) and isinstance(values.get("data"), list):
        return values["data"]
    return values


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


ACTIONS = (delete_ticket_custom_field, list_ticket_custom_fields)
