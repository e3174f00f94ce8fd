"""Event actions send the documented Gorgias requests, with deepObject date comparators and repeated list keys."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, envelope, refuses_test, sends_test
from tests.support.mocked_gorgias import MockedGorgias

EVENT = {"id": 1024, "type": "ticket-created", "object_id": 2048, "object_type": "Ticket",
         "created_datetime": "2024-08-20T10:45:00Z"}
JANUARY = {"gte": "2024-01-01T00:00:00", "lt": "2024-02-01T00:00:00"}

test_sends = sends_test([
    *(Sends("getEvent", {"id": event_id, "debug": True}, "GET", "/events/5190131059", answer=EVENT)
      for event_id in ("5190131059", 5190131059)),
    # Comparators become created_datetime[op]=...; types and user_ids repeat their key; object_type is canonical.
    *(Sends("listEvents", {"created_datetime": created_datetime, "object_id": "5190131059", "object_type": "customer",
                           "order_by": "created_datetime:asc", "types": ["account-created", "ticket-created"],
                           "user_ids": ["1", 22], "limit": "30", "cursor": "c", "fetchAll": "false", "debug": "false"},
            "GET", "/events",
            query={"created_datetime[gte]": "2024-01-01T00:00:00", "created_datetime[lt]": "2024-02-01T00:00:00",
                   "object_id": "5190131059", "object_type": "Customer", "order_by": "created_datetime:asc",
                   "types": ["account-created", "ticket-created"], "user_ids": ["1", "22"], "limit": "30", "cursor": "c"},
            answer=envelope("/events", [EVENT], next_cursor="n"))
      for created_datetime in ('{"gte": "2024-01-01T00:00:00", "lt": "2024-02-01T00:00:00"}', JANUARY)),
    # A single string for a value-list input is sent as one parameter.
    Sends("listEvents", {"types": "ticket-created", "user_ids": "7"}, "GET", "/events",
          query={"types": "ticket-created", "user_ids": "7"}, answer=envelope("/events", [])),
])

test_refuses = refuses_test([
    Refuses("listEvents", {"created_datetime": '{"after": "2024-01-01"}'}, "created_datetime",
            "Input 'created_datetime' (Created Datetime): at created_datetime: Additional properties are not allowed "
            "('after' was unexpected)."),
    Refuses("listEvents", {"created_datetime": "{gte"}, "created_datetime",
            "Input 'created_datetime' (Created Datetime): expected valid JSON (parse error at line 1, column 2), "
            "received \"{gte\"."),
    Refuses("listEvents", {"object_type": "Order"}, "object_type",
            "Input 'object_type' (Object Type): expected one of Account, Macro, Tag, Customer, Team, View, Widget, "
            "User, TicketMessage, Ticket, Rule, Integration, SatisfactionSurvey, received \"Order\"."),
    Refuses("listEvents", {"user_ids": ["me"]}, "user_ids",
            "Input 'user_ids' (User IDs): expected a list of positive integer ids, received a list of 1 item."),
    Refuses("listEvents", {"limit": 0}, "limit",
            "Input 'limit' (Limit): expected a whole number from 1 to 100, received 0."),
    Refuses("listEvents", {"limit": "101"}, "limit",
            "Input 'limit' (Limit): expected a whole number from 1 to 100, received \"101\"."),
])


def test_get_event_not_found_is_an_api_error(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A 404 becomes ApiError with Gorgias's message."""
    gorgias_api.add(responses.GET, "/events/5", status=404, json={"error": {"msg": "Event not found"}})
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "getEvent", {"id": 5}, connection)
    assert caught.value.status == 404
    assert caught.value.body == {"error": {"msg": "Event not found"}}
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /events/5: Event not found."


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
