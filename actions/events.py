"""Event actions: get one event and list events with their filters."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Code, Id, IdList, TextList, choice
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["EventObjectType", "get_event", "list_events"]

EventOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc")]
EventObjectType = Annotated[
    str,
    choice("Account", "Macro", "Tag", "Customer", "Team", "View", "Widget", "User", "TicketMessage", "Ticket",
           "Rule", "Integration", "SatisfactionSurvey"),
]
CREATED_DATETIME = (
    "Comparators used to filter events on their creation date. "
    "See https://developers.gorgias.com/reference/list-events for more information."
)
OBJECT_ID = "ID of the object associated with the events to return."
OBJECT_TYPE = "Type of the object associated with the events to return."
TYPES = "Types of the events to return."
USER_IDS = "IDs of the users who triggered the events to return."
RESOURCE = "Account"  # the account's activity log: Gorgias has no menu group of its own for events


class GetEventInputs(ActionInputs):
    id: Id = Input("Event ID", required=True, comments="The ID of the event to retrieve.", example="5190131059",
                   data_source="selectEvent")


@action("getEvent", "Get Event", "Retrieve an event.", example=example("getEvent"), resource=RESOURCE,
        output=output("event"))
def get_event(api: HttpClient, inputs: GetEventInputs) -> object:
    return api.get(f"/events/{inputs.id}")


class ListEventsInputs(ListInputs):
    created_datetime: Code | None = Input(
        "Created Datetime", comments=CREATED_DATETIME, schema=schema("created_datetime")
    )
    object_id: Id | None = Input("Object ID", comments=OBJECT_ID, example="5190131059")
    object_type: EventObjectType | None = Input("Object Type", comments=OBJECT_TYPE, example="Customer")
    order_by: EventOrder | None = Input(
        "Order By", comments="Attribute used to order events.", example="created_datetime:desc"
    )
    types: TextList | None = Input("Types", comments=TYPES, example="account-created")
    user_ids: IdList | None = fields.user_id(USER_IDS, label="User IDs", example="5190131059", required=False)


@list_action(
    "listEvents", "List Events",
    "List events, paginated, and ordered by their creation date, with the most recently created first.",
    example=example("listEvents"), resource=RESOURCE, output=output_list("event"),
    paging=paging.of("events", limit_noun="customers"),  # sic: the documentation's limit says "customers"
)
def list_events(inputs: ListEventsInputs) -> ListRequest:
    # created_datetime {"gte": ...} goes out as created_datetime[gte]=... (deepObject style).
    return ListRequest("/events", inputs.filters())


ACTIONS = (get_event, list_events)
