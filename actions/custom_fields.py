"""Ticket custom-field actions: list a ticket's field values and delete one."""

from __future__ import annotations

from component import ActionInputs, HttpClient, Input, action
from component.inputs import Id
from gorgias_component.actions.documents import example

__all__ = ["delete_ticket_custom_field", "list_ticket_custom_fields"]


class ListTicketCustomFieldsInputs(ActionInputs):
    ticket_id: Id = Input("Ticket ID", required=True, comments="The ID of the ticket.", example="1234567890")


@action(
    "listTicketCustomFields", "List Ticket Custom Fields", "List all custom fields for a ticket.",
    example=example("listTicketCustomFields"),
)
def list_ticket_custom_fields(api: HttpClient, inputs: ListTicketCustomFieldsInputs) -> object:
    values = api.get(f"/tickets/{inputs.ticket_id}/custom-fields")
    # Documented as a bare array; the live API wraps it in {"data": [...]}. Both give the list.
    if isinstance(values, dict) and isinstance(values.get("data"), list):
        return values["data"]
    return values


class DeleteTicketCustomFieldInputs(ActionInputs):
    id: Id = Input("Custom Field ID", required=True, comments="The ID of the custom field.", example="1234567890")
    ticket_id: Id = Input("Ticket ID", required=True, comments="The ID of the ticket.", example="1234567890")


@action(
    "deleteTicketCustomField", "Delete Ticket Custom Field", "Delete a ticket's custom field value.",
    example=example("deleteTicketCustomField"),
)
def delete_ticket_custom_field(api: HttpClient, inputs: DeleteTicketCustomFieldInputs) -> object:
    api.delete(f"/tickets/{inputs.ticket_id}/custom-fields/{inputs.id}")
    return {"message": "Success"}
