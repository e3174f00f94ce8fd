"""The message picklist."""

from __future__ import annotations

from actions import fields
from actions.documents import example
from component import HttpClient, Inputs, data_source
from component.inputs import Id
from datasources.picklist import picklist

__all__ = ["select_message"]

SNIPPET = 60


class SelectMessageInputs(Inputs):
    ticket_id: Id | None = fields.ticket_id(
        "The ID of the ticket the messages are associated with.", example="353768814", required=False
    )


@data_source(
    "selectMessage", "Select Message", "Select a message from a list of messages.",
    example=example("selectMessage", "datasources"),
)
def select_message(api: HttpClient, inputs: SelectMessageInputs) -> list[dict[str, str]]:
    return picklist(api.items("/messages", inputs.set_values()), message_label)


def message_label(message: dict[str, object]) -> str:
    """The subject, else the start of the text, else the message number."""
    for field in ("subject", "stripped_text", "body_text"):
        text = " ".join(str(message.get(field) or "").split())
        if text:
            return text if len(text) <= SNIPPET else text[: SNIPPET - 1].rstrip() + "…"
    return f"Message #{message['id']}"


DATA_SOURCES = (select_message,)
