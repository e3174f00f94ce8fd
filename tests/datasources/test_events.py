"""Select Event lists every event page by page, labelled "type · YYYY-MM-DD HH:MM"."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError
from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import Refuses, refuses_test
from tests.support.mocked_gorgias import MockedGorgias


@pytest.mark.parametrize("created_datetime", ['{"gte": "2024-08-01T00:00:00"}', {"gte": "2024-08-01T00:00:00"}])
def test_select_event_fetches_every_page_with_the_filters(gorgias_api: MockedGorgias,
                                                          connection: dict[str, Any], list_page: Any,
                                                          created_datetime: object) -> None:
    """Comparators, object filters and repeated types/user_ids are kept on every page of 100."""
    filters = {"created_datetime[gte]": "2024-08-01T00:00:00", "object_id": "5190131059", "object_type": "Ticket",
               "types": ["ticket-created", "ticket-updated"], "user_ids": ["1", "2"]}
    gorgias_api.add(responses.GET, "/events", match=[
        matchers.query_param_matcher({**filters, "limit": "100"}),
    ], json=list_page("/events", [{"id": 1, "type": "ticket-created", "created_datetime": "2024-08-20T10:45:00Z"}],
                      next_cursor="e2"))
    gorgias_api.add(responses.GET, "/events", match=[
        matchers.query_param_matcher({**filters, "limit": "100", "cursor": "e2"}),
    ], json=list_page("/events", [{"id": 2, "type": "ticket-updated",
                                   "created_datetime": "2024-08-21T12:10:59.123456"}]))
    inputs = {"created_datetime": created_datetime, "object_id": 5190131059, "object_type": "ticket",
              "types": ["ticket-created", "ticket-updated"], "user_ids": [1, "2"]}
    assert invoke_data_source(gorgias, "selectEvent", inputs, connection) == {"result": [
        {"key": "1", "label": "ticket-created · 2024-08-20 10:45"},
        {"key": "2", "label": "ticket-updated · 2024-08-21 12:10"},
    ]}


@pytest.mark.parametrize(
    ("event", "label"),
    [
        ({"id": 7, "type": "account-created", "created_datetime": None}, "account-created"),
        ({"id": 8, "type": "", "created_datetime": "2024-01-02T03:04:05"}, "Event #8 · 2024-01-02 03:04"),
        ({"id": 10, "type": "tag-created", "created_datetime": "2024-01-02T05:04:05+02:00"},
         "tag-created · 2024-01-02 03:04"),
        ({"id": 11, "type": "tag-created", "created_datetime": "2024-01-01T23:30:00-05:00"},
         "tag-created · 2024-01-02 04:30"),
        ({"id": 9}, "Event #9"),
    ],
)
def test_select_event_labels_are_never_empty(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                             list_page: Any, event: dict[str, Any], label: str) -> None:
    """Without a date the label is the type; without a type it is "Event #{id}"."""
    gorgias_api.add(responses.GET, "/events", json=list_page("/events", [event]),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    assert invoke_data_source(gorgias, "selectEvent", {}, connection) == {"result": [{"key": str(event["id"]),
                                                                                  "label": label}]}


test_refuses = refuses_test([
    # A comparator other than gt/gte/lt/lte.
    Refuses("selectEvent", {"created_datetime": {"since": "2024"}}, "created_datetime",
            "Input 'created_datetime' (Created Datetime): at created_datetime: Additional properties are not allowed "
            "('since' was unexpected).", data_source=True),
])


def test_select_event_api_failure_is_an_api_error(gorgias_api: MockedGorgias,
                                                  connection: dict[str, Any]) -> None:
    """A Gorgias 400 becomes ApiError with status, body and message."""
    error = {"error": {"msg": "Invalid filter", "data": {"types": ["Unknown type."]}}}
    gorgias_api.add(responses.GET, "/events", status=400, json=error)
    with pytest.raises(ApiError) as caught:
        invoke_data_source(gorgias, "selectEvent", {"types": "nope"}, connection)
    assert caught.value.status == 400
    assert caught.value.body == error
    assert str(caught.value) == "Gorgias answered 400 Bad Request to GET /events: Invalid filter (types: Unknown type.)."
