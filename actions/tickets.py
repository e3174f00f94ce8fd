"""Ticket actions: create, get, delete and list Gorgias tickets."""

from __future__ import annotations

from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, InputError, ListRequest, action, list_action
from component.inputs import (
    Code,
    CodeList,
    DateTime,
    Id,
    IdList,
    KeyValues,
    StringBool,
    Text,
    TextList,
    choice,
    choice_list,
)
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_ticket", "delete_ticket", "get_ticket", "list_tickets", "update_ticket"]

RESOURCE = "Tickets"

WHEN = "2020-01-27T10:42:21.468912"
TicketOrder = Annotated[
    str, choice("created_datetime:asc", "created_datetime:desc", "updated_datetime:asc", "updated_datetime:desc")
]
TicketStatus = Annotated[str, choice("open", "closed")]


class CreateTicketInputs(ActionInputs):
    assignee_team: Code | None = Input(
        "Assignee Team", comments="The team assigned to the ticket.", schema=schema("assignee_team"),
        data_source="selectTeam",  # a picked team's key is its id: {"id": key}
    )
    assignee_user: Code | None = Input(
        "Assignee User", comments="The user assigned to the ticket.", schema=schema("assignee_user"),
        data_source="selectUser",  # a picked user's key is its id: {"id": key}
    )
    # Documented as "Assignee User ID" with key `channel`: the key is what Gorgias receives.
    channel: Text | None = Input("Assignee User ID", comments="The team assigned to the ticket.")
    closed_datetime: DateTime | None = Input("Closed Datetime", comments="When the ticket was closed.", example=WHEN)
    created_datetime: DateTime | None = Input("Created Datetime", comments="When the ticket was created.", example=WHEN)
    customer: Code | None = Input("Customer", comments="The customer linked to the ticket.", schema=schema("customer"),
                                  data_source="selectCustomer")  # a picked customer's key is its id: {"id": key}
    external_id: Text | None = Input(
        "External ID", example="RETURN#4213",
        comments="External ID of the ticket in a foreign system. "
                 "This field is not used by Gorgias, feel free to set it as you wish.",
    )
    from_agent: StringBool | None = Input(
        "From Agent", example="true",
        comments="Whether the first message of the ticket was sent by your company to a customer, or the opposite.",
    )
    language: Text | None = Input(
        "Language", example="en",
        comments="The language primarily used in the ticket. The language is automatically detected on the first "
                 "messages by Gorgias if not set explicitly.Once the language has been set, it won't be updated "
                 "according to future messages.",
    )
    last_message_datetime: DateTime | None = Input(
        "Last Message Datetime", comments="When the last message was sent.", example=WHEN
    )
    last_received_message_datetime: DateTime | None = Input(
        "Last Received Message Datetime", comments="When the last customer's message was sent.", example=WHEN
    )
    messages: CodeList = Input(
        "Messages", required=True, comments="Messages of the ticket.", schema=schema("messages"),
        json_example=[{"channel": "email", "from_agent": False, "via": "api", "subject": "Order issue",
                       "body_text": "Where is my order?",
                       "sender": {"email": "john@example.com"},
                       "source": {"type": "email", "from": {"address": "john@example.com"},
                                  "to": [{"address": "support@acme.com"}]}}],
    )
    meta: KeyValues | None = Input(
        "Meta", example="key1:value1",
        comments="Data associated with the ticket. You can use this field to store structured information "
                 "(key-value data) about the ticket.",
    )
    opened_datetime: DateTime | None = Input(
        "Opened Datetime", comments="When the ticket was opened for the first time by a user.", example=WHEN
    )
    snooze_datetime: DateTime | None = Input(
        "Snooze Datetime", comments="When the ticket will be re-opened.", example=WHEN
    )
    spam: StringBool | None = Input("Spam", comments="Whether the ticket is considered as spam or not.", example="false")
    status: TicketStatus = Input("Status", default="open", comments="The status of the ticket.", example="open")
    subject: Text | None = Input("Subject", comments="The subject of the ticket.", example="Can I get a refund?")
    tags: TextList | None = Input("Tags", comments="Tags linked to the ticket.", example="tag1")
    trashed_datetime: DateTime | None = Input(
        "Trashed Datetime", comments="When the ticket was moved to the trash.", example=WHEN
    )
    updated_datetime: DateTime | None = Input(
        "Updated Datetime", comments="When the ticket was lastly updated.", example=WHEN
    )
    via: Text | None = Input(
        "Via", comments="How the first message of the ticket has been received or sent from Gorgias."
    )


@action("createTicket", "Create Ticket", "Create a new ticket.", example=example("createTicket"), resource=RESOURCE,
        output=output("ticket"))
def create_ticket(api: HttpClient, inputs: CreateTicketInputs) -> object:
    body: dict[str, Any] = inputs.set_values()
    if inputs.tags is not None:
        body["tags"] = [{"name": name} for name in inputs.tags]
    return api.post("/tickets", body)


class GetTicketInputs(ActionInputs):
    id: Id = fields.ticket_id(example=None)
    relationships: TextList | None = Input(
        "Relationships", comments="Names of relations that should be included in returned data.",
        example="custom_fields",
    )


@action("getTicket", "Get Ticket", "Retrieve a ticket.", example=example("getTicket"), resource=RESOURCE,
        output=output("ticket"))
def get_ticket(api: HttpClient, inputs: GetTicketInputs) -> object:
    return api.get(f"/tickets/{inputs.id}", params={"relationships": inputs.relationships})


class DeleteTicketInputs(ActionInputs):
    id: Id = fields.ticket_id("The ID of the ticket to delete.", example=None)


@action("deleteTicket", "Delete Ticket", "Delete a ticket.", example=example("deleteTicket"), resource=RESOURCE,
        output=deleted())
def delete_ticket(api: HttpClient, inputs: DeleteTicketInputs) -> object:
    api.delete(f"/tickets/{inputs.id}")
    return {"message": "Success"}


class ListTicketsInputs(ListInputs):
    customer_id: Id | None = fields.customer_id(
        "The ID of a customer used to select their tickets.", example="4", required=False
    )
    external_id: Text | None = Input(
        "External ID", comments="ID of the ticket in a foreign system you're looking for.", example="ticket-ge432d"
    )
    order_by: TicketOrder | None = Input(
        "Order By", comments="Attribute used to order tickets.", example="created_datetime:desc"
    )
    rule_id: Id | None = fields.rule_id(
        "The ID of a rule used to select tickets matching the filters of this one.", required=False
    )
    ticket_ids: IdList | None = fields.ticket_id(
        "The IDs of tickets to select.", label="Ticket IDs", required=False
    )
    view_id: Id | None = fields.view_id(
        "The ID of a view used to select tickets matching the filters of this one.", required=False
    )


@list_action(
    "listTickets", "List Tickets", "List tickets, paginated and ordered by the attribute of the given view.",
    example=example("listTickets"), resource=RESOURCE, output=output_list("ticket"),
    paging=paging.of("tickets", fetch_all_example="true"),
)
def list_tickets(inputs: ListTicketsInputs) -> ListRequest:
    return ListRequest("/tickets", inputs.filters())


TicketPriority = Annotated[str, choice("critical", "high", "normal", "low")]


class UpdateTicketInputs(ActionInputs):
    assignee_team_id: Id | None = fields.team_id("The team to assign the ticket to.", label="Assignee Team ID",
                                                  required=False)
    assignee_user_id: Id | None = fields.user_id("The user (agent) to assign the ticket to.",
                                                  label="Assignee User ID", required=False)
    custom_fields: CodeList | None = Input(
        "Custom Fields", schema=schema("field_values"), example='[{"id": 1, "value": "Refund"}]',
        comments="Values of the ticket's custom fields, each with the id of its field.")
    customer_id: Id | None = fields.customer_id("The customer to link the ticket to.", required=False)
    external_id: Text | None = Input("External ID", comments="ID of the ticket in a foreign system.",
                                     example="RETURN#4213")
    id: Id = fields.ticket_id("The ID of the ticket to update.")
    language: Text | None = Input("Language", comments="The language primarily used in the ticket (ISO 639-1).",
                                  example="en")
    meta: KeyValues | None = Input("Meta", comments="Data associated with the ticket (key-value data).",
                                   example="key1:value1")
    priority: TicketPriority | None = Input("Priority", comments="Priority: critical, high, normal or low.",
                                            example="high")
    snooze_datetime: DateTime | None = Input("Snooze Datetime", comments="When the snoozed ticket re-opens.",
                                             example="2024-12-04T15:18:56+00:00")
    spam: StringBool | None = Input("Spam", comments="Whether the ticket is spam.", example="false")
    status: TicketStatus | None = Input("Status", comments="The status of the ticket: open or closed.",
                                        example="closed")
    subject: Text | None = Input("Subject", comments="The subject of the ticket.", example="Refund for order #1042")
    tags: TextList | None = Input("Tags", comments="Names of the ticket's tags (replace the current ones).",
                                  example="refund")
    unassign: Annotated[list[str], choice_list("user", "team")] | None = Input(
        "Unassign", comments="Remove the assigned user and/or team (user, team).", example="team")

    def body(self) -> dict[str, Any]:
        """Only the set inputs, in Gorgias's shapes; an id and its unassignment together are refused."""
        values = self.set_values(exclude=("id", "unassign"))
        for who in self.unassign or []:
            if f"assignee_{who}_id" in values:
                raise InputError("unassign", f"Input 'unassign' (Unassign): cannot both assign and unassign the {who}.")
            values[f"assignee_{who}"] = None
        for who in ("user", "team"):
            if (ident := values.pop(f"assignee_{who}_id", None)) is not None:
                values[f"assignee_{who}"] = {"id": ident}
        if (customer := values.pop("customer_id", None)) is not None:
            values["customer"] = {"id": customer}
        if "tags" in values:
            values["tags"] = [{"name": name} for name in values["tags"]]
        return values


@action("updateTicket", "Update Ticket", "Update a ticket: status, priority, assignees, tags, fields and more; only "
        "the inputs that are set change.", example=example("updateTicket"), resource=RESOURCE, output=output("ticket"))
def update_ticket(api: HttpClient, inputs: UpdateTicketInputs) -> object:
    body = inputs.body()
    if not body:
        raise InputError("id", "updateTicket: set at least one input to change besides the ticket id.")
    return api.put(f"/tickets/{inputs.id}", body)


ACTIONS = (create_ticket, delete_ticket, get_ticket, list_tickets, update_ticket)
