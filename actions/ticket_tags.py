"""A ticket's tags: list them, add some, remove some, or replace them all (by tag id or by name)."""

from __future__ import annotations

from typing import Any

from component import ActionInputs, HttpClient, Input, action
from component.inputs import Bool, Id, IdList, TextList
from gorgias_component.actions import fields
from gorgias_component.actions.documents import deleted, example, output_list

__all__ = ["add_ticket_tags", "list_ticket_tags", "remove_ticket_tags", "set_ticket_tags"]

RESOURCE = "Tickets"


class TicketTagsInputs(ActionInputs):
    """The ticket and the tags, by id and/or by name; at least one tag must be given."""

    ids: IdList | None = fields.tag_ids("IDs of the tags.", required=False)
    names: TextList | None = Input("Tag Names", comments="Names of the tags (created if they do not exist yet).",
                                   example="refund")
    ticket_id: Id = fields.ticket_id()

    def tags(self, key: str) -> dict[str, Any]:
        """The body {"ids", "names"} with what was set; an InputError when neither names a tag."""
        from component.errors import InputError  # only on a bad call

        body = self.set_values(exclude=("ticket_id", "clear"))
        if not any(body.values()):
            raise InputError("ids", f"{key}: give at least one tag, by 'ids' or by 'names'.")
        return body


@action("addTicketTags", "Add Ticket Tags", "Add tags to a ticket, by id or by name.",
        example=example("addTicketTags"), resource=RESOURCE,
        output=deleted())
def add_ticket_tags(api: HttpClient, inputs: TicketTagsInputs) -> object:
    api.post(f"/tickets/{inputs.ticket_id}/tags", inputs.tags("addTicketTags"))
    return {"message": "Success"}


@action("removeTicketTags", "Remove Ticket Tags", "Remove tags from a ticket, by id or by name.",
        example=example("removeTicketTags"), resource=RESOURCE,
        output=deleted())
def remove_ticket_tags(api: HttpClient, inputs: TicketTagsInputs) -> object:
    api.json("DELETE", f"/tickets/{inputs.ticket_id}/tags", json=inputs.tags("removeTicketTags"))
    return {"message": "Success"}


class SetTicketTagsInputs(TicketTagsInputs):
    """Replacing the tags with none is allowed only when asked for explicitly."""

    clear: Bool = Input("Remove All Tags", default="false", comments="Set to true (and give no tags) to remove every "
                       "tag of the ticket.", example="false")


@action("setTicketTags", "Set Ticket Tags", "Replace the tags of a ticket with the given ones.",
        example=example("setTicketTags"), resource=RESOURCE,
        output=deleted())
def set_ticket_tags(api: HttpClient, inputs: SetTicketTagsInputs) -> object:
    # Only an explicit "remove all" sends an empty list: an input left empty never clears the tags.
    body = {"ids": []} if inputs.clear and not (inputs.ids or inputs.names) else inputs.tags("setTicketTags")
    api.put(f"/tickets/{inputs.ticket_id}/tags", body)
    return {"message": "Success"}


class ListTicketTagsInputs(ActionInputs):
    ticket_id: Id = fields.ticket_id()


@action("listTicketTags", "List Ticket Tags", "List the tags of a ticket.",
        example=example("listTicketTags"), resource=RESOURCE,
        output=output_list("tag"))
def list_ticket_tags(api: HttpClient, inputs: ListTicketTagsInputs) -> object:
    return api.get(f"/tickets/{inputs.ticket_id}/tags")


ACTIONS = (add_ticket_tags, list_ticket_tags, remove_ticket_tags, set_ticket_tags)
