"""Gorgias triggers: new and updated tickets and customers, new messages and events, polled or by webhook.

Only the Gorgias facts live here: which list each trigger reads, sorted newest first with `order_by`,
which field orders it, and which HTTP-integration event calls a webhook (`gorgias_component.actions.hooks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from component import ListRequest
from component.inputs import Input, TextList
from component.triggers import Trigger, TriggerInputs, trigger
from gorgias_component.actions.documents import example, output
from gorgias_component.actions.events import EventObjectType
from gorgias_component.actions.hooks import webhook

__all__ = ["TRIGGERS"]


@dataclass(frozen=True)
class ItemsOf:
    """The example payload {"data": [item]} made from a get action's documented example."""

    key: str

    def document(self) -> dict[str, Any]:
        """{"data": [the example's data]}."""
        return {"data": [example(self.key).document()["data"]]}


@dataclass(frozen=True)
class ArrayOf:
    """The JSON Schema of a trigger's `data`: an array of one Gorgias object."""

    name: str

    def document(self) -> dict[str, Any]:
        """{"type": "array", "items": <the object's schema>}."""
        item = dict(output(self.name).document())
        defs = item.pop("$defs", None)
        schema = {"type": "array", "items": {k: v for k, v in item.items() if k not in ("$schema", "$id")}}
        return {**schema, "$defs": defs} if defs else schema


CREATED = "created_datetime"  # the field each trigger's list is sorted on, newest first
CHANGED = "updated_datetime"
NEW = ("id",)
UPDATED = ("id", CHANGED)


class NewTicketInputs(TriggerInputs):
    """A ticket trigger's inputs: the common ones."""


class NewEventInputs(TriggerInputs):
    types: TextList = Input("Types", required=True, comments="The event types to follow, e.g. ticket-closed.",
                            example="ticket-closed")
    object_type: EventObjectType | None = Input("Object Type", comments="Only events about this type of object.")


def _newest_first(path: str, stamp: str, **params: Any) -> ListRequest:
    return ListRequest(path, {**params, "order_by": f"{stamp}:desc"})


@trigger("newTicket", "New Ticket", "Runs when a ticket is created.", stamp=CREATED,
         resource="Tickets", output=ArrayOf("ticket"),
         example=ItemsOf("getTicket"), webhook=webhook("ticket-created", "ticket"))
def new_ticket(inputs: NewTicketInputs) -> ListRequest:
    return _newest_first("/tickets", CREATED)


@trigger("ticketUpdated", "Ticket Updated", "Runs when a ticket is created or changes.", stamp=CHANGED,
         dedupe_on=UPDATED, resource="Tickets", output=ArrayOf("ticket"), example=ItemsOf("getTicket"),
         webhook=webhook("ticket-updated", "ticket"))
def ticket_updated(inputs: NewTicketInputs) -> ListRequest:
    return _newest_first("/tickets", CHANGED)


@trigger("newTicketMessage", "New Ticket Message", "Runs when a message is added to a ticket.",
         stamp=CREATED, resource="Messages",
         output=ArrayOf("message"), example=ItemsOf("getTicketMessage"),
         webhook=webhook("ticket-message-created", "message"))
def new_ticket_message(inputs: NewTicketInputs) -> ListRequest:
    return _newest_first("/messages", CREATED)


@trigger("newCustomer", "New Customer", "Runs when a customer is created.", stamp=CREATED, resource="Customers",
         output=ArrayOf("customer"), example=ItemsOf("getCustomer"))
def new_customer(inputs: NewTicketInputs) -> ListRequest:
    return _newest_first("/customers", CREATED)


@trigger("customerUpdated", "Customer Updated", "Runs when a customer is created or changes.",
         stamp=CHANGED, dedupe_on=UPDATED, resource="Customers", output=ArrayOf("customer"),
         example=ItemsOf("getCustomer"))
def customer_updated(inputs: NewTicketInputs) -> ListRequest:
    return _newest_first("/customers", CHANGED)


@trigger("newEvent", "New Event", "Runs when an event of the given types is recorded (e.g. ticket-closed).",
         stamp=CREATED, resource="Account", output=ArrayOf("event"), example=ItemsOf("getEvent"))
def new_event(inputs: NewEventInputs) -> ListRequest:
    return _newest_first("/events", CREATED, types=inputs.types, object_type=inputs.object_type)


TRIGGERS: tuple[Trigger[Any], ...] = (new_ticket, ticket_updated, new_ticket_message, new_customer,
                                      customer_updated, new_event)
