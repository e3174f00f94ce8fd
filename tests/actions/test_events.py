"""Event actions send the documented Gorgias requests, with deepObject date comparators and repeated list keys."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

EVENT = {"id": 1024, "type": "ticket-created", "object_id": 2048, "object_type": "Ticket",
         "created_datetime": "2024-08-20T10:45:00Z"}


@pytest.mark.parametrize("event_id", ["5190131059", 5190131059])
def test_get_event_requests_the_event_by_id(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                            event_id: object) -> None:
    """Get Event GETs /events/{id} and returns the event."""
    gorgias_api.add(responses.GET, "/events/5190131059", json=EVENT, match=[
        matchers.query_param_matcher({}),
    ])
    assert invoke(gorgias, "getEvent", {"id": event_id, "debug": True}, connection) == {"data": EVENT}


def test_get_event_not_found_is_an_api_error(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A 404 becomes ApiError with Gorgias's message."""
    gorgias_api.add(responses.GET, "/events/5", status=404, json={"error": {"msg": "Event not found"}})
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "getEvent", {"id": 5}, connection)
    assert caught.value.status == 404
    assert caught.value.body == {"error": {"msg": "Event not found"}}
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /events/5: Event not found."


@pytest.mark.parametrize(
    "created_datetime",
    ['{"gte": "2024-01-01T00:00:00", "lt": "2024-02-01T00:00:00"}',
     {"gte": "2024-01-01T00:00:00", "lt": "2024-02-01T00:00:00"}],
)
def test_list_events_sends_every_filter(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                        list_page: Any, created_datetime: object) -> None:
    """Comparators become created_datetime[op]=...; types and user_ids repeat their key; object_type is canonical."""
    page = list_page("/events", [EVENT], next_cursor="n")
    gorgias_api.add(responses.GET, "/events", json=page, match=[
        matchers.query_param_matcher({
            "created_datetime[gte]": "2024-01-01T00:00:00", "created_datetime[lt]": "2024-02-01T00:00:00",
            "object_id": "5190131059", "object_type": "Customer", "order_by": "created_datetime:asc",
            "types": ["account-created", "ticket-created"], "user_ids": ["1", "22"], "limit": "30", "cursor": "c",
        }),
    ])
    inputs = {"created_datetime": created_datetime, "object_id": "5190131059", "object_type": "customer",
              "order_by": "created_datetime:asc", "types": ["account-created", "ticket-created"],
              "user_ids": ["1", 22], "limit": "30", "cursor": "c", "fetchAll": "false", "debug": "false"}
    assert invoke(gorgias, "listEvents", inputs, connection) == {"data": page}


def test_list_events_single_type_and_user_id_are_lists_of_one(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any], list_page: Any) -> None:
    """A single string for a value-list input is sent as one parameter."""
    page = list_page("/events", [])
    gorgias_api.add(responses.GET, "/events", json=page, match=[
        matchers.query_param_matcher({"types": "ticket-created", "user_ids": "7"}),
    ])
    inputs = {"types": "ticket-created", "user_ids": "7"}
    assert invoke(gorgias, "listEvents", inputs, connection) == {"data": page}


@pytest.mark.parametrize(
    ("inputs", "key", "message"),
    [
        ({"created_datetime": '{"after": "2024-01-01"}'}, "created_datetime",
         "Input 'created_datetime' (Created Datetime): at created_datetime: Additional properties are not allowed "
         "('after' was unexpected)."),
        ({"created_datetime": "{gte"}, "created_datetime",
         "Input 'created_datetime' (Created Datetime): expected valid JSON (parse error at line 1, column 2), "
         "received \"{gte\"."),
        ({"object_type": "Order"}, "object_type",
         "Input 'object_type' (Object Type): expected one of Account, Macro, Tag, Customer, Team, View, Widget, "
         "User, TicketMessage, Ticket, Rule, Integration, SatisfactionSurvey, received \"Order\"."),
        ({"user_ids": ["me"]}, "user_ids",
         "Input 'user_ids' (User IDs): expected a list of positive integer ids, received a list of 1 item."),
        ({"limit": 0}, "limit", "Input 'limit' (Limit): expected a whole number from 1 to 100, received 0."),
        ({"limit": "101"}, "limit", "Input 'limit' (Limit): expected a whole number from 1 to 100, received \"101\"."),
    ],
)
def test_list_events_refuses_invalid_inputs(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                            inputs: dict[str, Any], key: str, message: str) -> None:
    """Invalid filters and limits are InputErrors with the exact message, and nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "listEvents", inputs, connection)
    assert caught.value.key == key
    assert str(caught.value) == message
    assert len(gorgias_api.calls) == 0


def test_list_events_fetch_all_keeps_the_comparators(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                     list_page: Any) -> None:
    """fetchAll pages with limit=100 and without the user's cursor, keeping filters and order_by."""
    events = [{"id": n, "type": "x"} for n in (1, 2, 3)]
    kept = {"created_datetime[gte]": "2024-01-01T00:00:00", "types": ["a", "b"], "order_by": "created_datetime:desc"}
    gorgias_api.add(responses.GET, "/events", json=list_page("/events", events[:2], next_cursor="e2"),
                 match=[matchers.query_param_matcher({**kept, "limit": "100"})])
    gorgias_api.add(responses.GET, "/events", json=list_page("/events", events[2:], prev_cursor="e1"),
                 match=[matchers.query_param_matcher({**kept, "limit": "100", "cursor": "e2"})])
    inputs = {"created_datetime": {"gte": "2024-01-01T00:00:00"}, "types": ["a", "b"],
              "order_by": "created_datetime:desc", "fetchAll": "true", "cursor": "mine", "limit": 1}
    assert invoke(gorgias, "listEvents", inputs, connection) == {"data": {
        "data": events, "object": "list", "uri": "/events", "meta": {"prev_cursor": None, "next_cursor": None},
    }}
