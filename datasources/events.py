"""The event picklist."""

from __future__ import annotations

from component import Input, Inputs, ListRequest, picklist
from component.inputs import Code, Id, IdList, TextList
from component.instants import instant
from gorgias_component.actions import fields
from gorgias_component.actions.documents import example, schema
from gorgias_component.actions.events import CREATED_DATETIME, OBJECT_ID, OBJECT_TYPE, TYPES, USER_IDS, EventObjectType

__all__ = ["select_event"]


class SelectEventInputs(Inputs):
    created_datetime: Code | None = Input(
        "Created Datetime", comments=CREATED_DATETIME, schema=schema("created_datetime")
    )
    object_id: Id | None = Input("Object ID", comments=OBJECT_ID, example="5190131059")
    object_type: EventObjectType | None = Input("Object Type", comments=OBJECT_TYPE, example="Customer")
    types: TextList | None = Input("Types", comments=TYPES, example="account-created")
    user_ids: IdList | None = fields.user_id(USER_IDS, label="User IDs", example="5190131059", required=False)


def event_label(event: dict[str, object]) -> str:
    """The event type and when it happened, e.g. "ticket-created · 2024-08-20 10:45"."""
    kind = str(event.get("type") or "").strip() or f"Event #{event['id']}"
    raw = str(event.get("created_datetime") or "")
    try:  # naive or with an offset: shown as the UTC instant
        when = instant(raw).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = raw.replace("T", " ")[:16]
    return f"{kind} · {when}" if when else kind


@picklist(
    "selectEvent", "Select Event", "Select a event from a list of events.",
    label_of=event_label,
    example=example("selectEvent", "datasources"),
)
def select_event(inputs: SelectEventInputs) -> ListRequest:
    return ListRequest("/events", inputs.set_values())


DATA_SOURCES = (select_event,)
