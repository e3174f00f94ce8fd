"""The ticket picklist."""

from __future__ import annotations

from component import Inputs, ListRequest, picklist
from component.inputs import Id
from gorgias_component.actions import fields
from gorgias_component.actions.documents import example

__all__ = ["select_ticket"]


class SelectTicketInputs(Inputs):
    customer_id: Id | None = fields.customer_id(
        "The ID of a customer used to select their tickets.", example="4", required=False
    )
    rule_id: Id | None = fields.rule_id(
        "The ID of a rule used to select tickets matching the filters of this one.", required=False
    )
    view_id: Id | None = fields.view_id(
        "The ID of a view used to select tickets matching the filters of this one.", required=False
    )


def ticket_label(ticket: dict[str, object]) -> str:
    """The subject with the ticket number, or the number alone."""
    subject = " ".join(str(ticket.get("subject") or "").split())
    return f"#{ticket['id']} {subject}" if subject else f"Ticket #{ticket['id']}"


@picklist(
    "selectTicket", "Select Ticket", "Select a ticket from a list of tickets.",
    label_of=ticket_label,
    example=example("selectTicket", "datasources"),
)
def select_ticket(inputs: SelectTicketInputs) -> ListRequest:
    return ListRequest("/tickets", inputs.set_values())


DATA_SOURCES = (select_ticket,)
