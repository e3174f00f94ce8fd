"""The event picklist."""

from __future__ import annotations

from actions import fields
from actions.documents import example, schema
from actions.events import CREATED_DATETIME, OBJECT_ID, OBJECT_TYPE, TYPES, USER_IDS, EventObjectType
from component import HttpClient, Input, Inputs, data_source
from component.inputs import Code, Id, IdList, TextList
from component.instants import instant
from datasources.picklist import picklist

__all__ = ["select_event"]


class SelectEventInputs(Inputs):
    created_datetime: Code | None = Input(
        "Created Datetime", comments=CREATED_DATETIME, schema=schema("created_datetime")
    )
    object_id: Id | None = Input("Object ID", comments=OBJECT_ID, example="5190131059")
    object_type: EventObjectType | None = Input("Object Type", comments=OBJECT_TYPE, example="Customer")
    types: TextList | None = Input("Types", comments=TYPES, example="account-created")
    user_ids: IdList | None = fields.user_id(USER_IDS, label="User IDs", example="5190131059", required=False)


@data_source(
    "selectEvent", "Select Event", "Select a event from a list of events.",
    example=example("selectEvent", "datasources"),
)
def select_event(api: HttpClient, inputs: SelectEventInputs) -> list[dict[str, str]]:
    return picklist(api.items("/events", inputs.set_values()), event_label)


def event_label(event: dict[str, object]) -> str:
    """The event type and when it happened, e.g. "ticket-created · 2024-08-20 10:45"."""
    kind = str(event.get("type") or "").strip() or f"Event #{event['id']}"
    raw = str(event.get("created_datetime") or "")
    try:  # naive or with an offset: shown as the UTC instant
        when = instant(raw).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = raw.replace("T", " ")[:16]
    return f"{kind} · {when}" if when else kind


DATA_SOURCES = (select_event,)
