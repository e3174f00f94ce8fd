"""The message picklist."""

from __future__ import annotations

from component import Inputs, ListRequest, picklist
from component.inputs import Id
from gorgias_component.actions import fields
from gorgias_component.actions.documents import example

__all__ = ["select_message"]

SNIPPET = 60


class SelectMessageInputs(Inputs):
    ticket_id: Id | None = fields.ticket_id(
        "The ID of the ticket the messages are associated with.", example="353768814", required=False
    )


def message_label(message: dict[str, object]) -> str:
    """The subject, else the start of the text, else the message number."""
    for field in ("subject", "stripped_text", "body_text"):
        text = " ".join(str(message.get(field) or "").split())
        if text:
            return text if len(text) <= SNIPPET else text[: SNIPPET - 1].rstrip() + "…"
    return f"Message #{message['id']}"


@picklist(
    "selectMessage", "Select Message", "Select a message from a list of messages.",
    label_of=message_label,
    example=example("selectMessage", "datasources"),
)
def select_message(inputs: SelectMessageInputs) -> ListRequest:
    return ListRequest("/messages", inputs.set_values())


DATA_SOURCES = (select_message,)
