"""Select Ticket lists every ticket page by page, labelled with its number and subject."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, UnknownKeyError
from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import Refuses, refuses_test
from tests.support.mocked_gorgias import MockedGorgias


def test_select_ticket_fetches_every_page_with_the_filters(gorgias_api: MockedGorgias,
                                                           connection: dict[str, Any], list_page: Any) -> None:
    """Every filter is kept on every page of 100; a ticket without subject is "Ticket #{id}"."""
    filters = {"customer_id": "4", "rule_id": "21", "view_id": "22"}
    gorgias_api.add(responses.GET, "/tickets", match=[
        matchers.query_param_matcher({**filters, "limit": "100"}),
    ], json=list_page("/tickets", [{"id": 1, "subject": "Can I get a refund?"}], next_cursor="t2"))
    gorgias_api.add(responses.GET, "/tickets", match=[
        matchers.query_param_matcher({**filters, "limit": "100", "cursor": "t2"}),
    ], json=list_page("/tickets", [{"id": 2, "subject": None}, {"id": 3, "subject": "  Where\nis  it? "}]))
    inputs = {"customer_id": 4, "rule_id": "21", "view_id": 22}
    assert invoke_data_source(gorgias, "selectTicket", inputs, connection) == {"result": [
        {"key": "1", "label": "#1 Can I get a refund?"},
        {"key": "2", "label": "Ticket #2"},
        {"key": "3", "label": "#3 Where is it?"},
    ]}


def test_select_ticket_with_no_tickets_is_an_empty_list(gorgias_api: MockedGorgias,
                                                        connection: dict[str, Any], list_page: Any) -> None:
    """No tickets gives no options, and unset filters are not sent."""
    gorgias_api.add(responses.GET, "/tickets", json=list_page("/tickets", []),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    assert invoke_data_source(gorgias, "selectTicket", {"view_id": "", "rule_id": None}, connection) == {"result": []}


test_refuses = refuses_test([
    Refuses("selectTicket", {"customer_id": "-4"}, "customer_id",
            "Input 'customer_id' (Customer ID): expected a positive integer id, received \"-4\".", data_source=True),
])


def test_select_ticket_api_failure_is_an_api_error(gorgias_api: MockedGorgias,
                                                   connection: dict[str, Any]) -> None:
    """A Gorgias 400 becomes ApiError with status, body and message."""
    error = {"error": {"msg": "Bad filter"}}
    gorgias_api.add(responses.GET, "/tickets", status=400, json=error)
    with pytest.raises(ApiError) as caught:
        invoke_data_source(gorgias, "selectTicket", {"rule_id": 1}, connection)
    assert caught.value.status == 400
    assert caught.value.body == error
    assert str(caught.value) == "Gorgias answered 400 Bad Request to GET /tickets: Bad filter."


def test_unknown_data_source_key_suggests_the_closest(gorgias_api: MockedGorgias,
                                                      connection: dict[str, Any]) -> None:
    """A misspelt data source key is an UnknownKeyError with a did-you-mean hint."""
    with pytest.raises(UnknownKeyError) as caught:
        invoke_data_source(gorgias, "selectTickets", {}, connection)
    assert caught.value.key == "selectTickets"
    assert str(caught.value) == (
        "Unknown data source \"selectTickets\" in component 'gorgias'. Did you mean 'selectTicket'?"
    )
    assert len(gorgias_api.calls) == 0
