"""Ticket message actions: create a message on a ticket, get one, and list messages."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Bool, Code, CodeList, DateTime, Id, Text, choice
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_ticket_message", "delete_ticket_message", "get_ticket_message", "list_messages",
           "update_ticket_message"]

WHEN = "2020-01-27T10:42:21.468912"
MessageOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc")]
FailurePolicy = Annotated[str, choice("force", "retry", "cancel")]
RESOURCE = "Messages"


class CreateTicketMessageInputs(ActionInputs):
    action: FailurePolicy | None = Input(
        "Action", comments="Policy applied on external actions associated with the message if they failed.",
        example="force",
    )
    attachments: CodeList | None = Input(
        "Attachments", comments="A list of files attached to the message.", schema=schema("attachments")
    )
    body_html: Text | None = Input(
        "Body HTML", comments="The full HTML version of the body of the message, if any.",
        example="Hello,<br><br> I can't place an order on your site, it says: I don't have enough credit.<br> "
                "How can I add some credits?<br><br> Cheers,<br> John Doe",
    )
    body_text: Text | None = Input(
        "Body Text", comments="The full text version of the body of the message, if any.",
        example="Hello, I can't place an order on your site, it says: I don't have enough credit. "
                "How can I add some credits? Cheers, John Doe",
    )
    channel: Text = Input("Channel", required=True, comments="The channel where the message was sent.", example="aircall")
    created_datetime: DateTime | None = Input("Created Date", comments="When the message was created.", example=WHEN)
    external_id: Text | None = Input(
        "External ID", example="MSG-78545",
        comments="ID of the message in a foreign system (Aircall, Zendesk, etc...). "
                 "This field is not used by Gorgias, feel free to set it as you wish.",
    )
    failed_datetime: DateTime | None = Input("Failed Date", comments="When the message failed to be sent.", example=WHEN)
    from_agent: Bool = Input(
        "From Agent", default="false", example="true",
        comments="Whether the message was sent by your company to a customer, or the opposite.",
    )
    message_id: Text | None = Input(
        "Message ID", example="<123345676453.2445.234@web>",
        comments="ID of the message on the service that send the message.It can be the ID of an email, "
                 "a Messenger message, a Facebook comment, etc...",
    )
    receiver: Code | None = Input(
        "Receiver ID", schema=schema("receiver"),
        comments="The primary receiver of the message. It can be a user or a customer. "
                 "Optional when the source type is 'internal-note'.",
    )
    sender: Code | None = Input(
        "Sender", comments="The person who sent the message. It can be a user or a customer.", schema=schema("sender")
    )
    sent_datetime: DateTime | None = Input(
        "Sent Date", comments="When the message was sent. If omitted, the message will be sent by Gorgias.",
        example=WHEN,
    )
    source: Code = Input(
        "Source", required=True, schema=schema("source"),
        json_example={"type": "email", "from": {"name": "Support", "address": "support@acme.com"},
                      "to": [{"name": "John Smith", "address": "john@example.com"}]},
        comments="Information used to route the message. It contains the names and the addresses of the sender "
                 "and receivers. https://developers.gorgias.com/reference/create-ticket-message",
    )
    subject: Text | None = Input("Subject", comments="The subject of the message.", example="Order issue")
    ticket_id: Id = fields.ticket_id("The ID of the ticket associated with the message.", example="353768814")
    via: Text = Input(
        "Via", required=True, comments="How the message has been received, or sent from Gorgias.", example="aircall"
    )


@action(
    "createTicketMessage", "Create Ticket Message", "Create a message for a ticket.",
    example=example("createTicketMessage"), resource=RESOURCE, output=output("message"),
)
def create_ticket_message(api: HttpClient, inputs: CreateTicketMessageInputs) -> object:
    body = inputs.set_values(exclude=("action", "ticket_id"))
    return api.post(f"/tickets/{inputs.ticket_id}/messages", body, params={"action": inputs.action})


class GetTicketMessageInputs(ActionInputs):
    id: Id = fields.message_id()
    ticket_id: Id = fields.ticket_id("The ID of the ticket associated with the message.", example="353768814")


@action("getTicketMessage", "Get Ticket Message", "Retrieve a message.", example=example("getTicketMessage"),
        resource=RESOURCE, output=output("message"))
def get_ticket_message(api: HttpClient, inputs: GetTicketMessageInputs) -> object:
    return api.get(f"/tickets/{inputs.ticket_id}/messages/{inputs.id}")


class ListMessagesInputs(ListInputs):
    order_by: MessageOrder | None = Input(
        "Order By", comments="Attribute used to order messages.", example="created_datetime:desc"
    )
    ticket_id: Id | None = fields.ticket_id(
        "The ID of the ticket the messages are associated with.", example="353768814", required=False
    )


@list_action(
    "listMessages", "List Messages", "List messages matching the given parameters.", example=example("listMessages"),
    resource=RESOURCE, output=output_list("message"), paging=paging.of("messages"),
)
def list_messages(inputs: ListMessagesInputs) -> ListRequest:
    return ListRequest("/messages", inputs.filters())


class UpdateTicketMessageInputs(CreateTicketMessageInputs):
    id: Id = fields.message_id("The ID of the message to update.")
    # Optional on update (the message has its source already): the one field the create declaration requires.
    source: Code | None = Input(  # type: ignore[assignment]
        "Source", schema=schema("source"),
        comments="Information used to route the message: the names and addresses of the sender and receivers.",
    )


@action("updateTicketMessage", "Update Ticket Message", "Update a message of a ticket.",
        example=example("updateTicketMessage"), resource=RESOURCE,
        output=output("message"))
def update_ticket_message(api: HttpClient, inputs: UpdateTicketMessageInputs) -> object:
    body = inputs.set_values(exclude=("action", "ticket_id", "id"))
    return api.put(f"/tickets/{inputs.ticket_id}/messages/{inputs.id}", body, params={"action": inputs.action})


class DeleteTicketMessageInputs(ActionInputs):
    id: Id = fields.message_id("The ID of the message to delete.")
    ticket_id: Id = fields.ticket_id("The ID of the ticket associated with the message.", example="353768814")


@action("deleteTicketMessage", "Delete Ticket Message", "Delete a message of a ticket.",
        example=example("deleteTicketMessage"), resource=RESOURCE,
        output=deleted())
def delete_ticket_message(api: HttpClient, inputs: DeleteTicketMessageInputs) -> object:
    api.delete(f"/tickets/{inputs.ticket_id}/messages/{inputs.id}")
    return {"message": "Success"}


ACTIONS = (create_ticket_message, delete_ticket_message, get_ticket_message, list_messages, update_ticket_message)
