"""Select Message lists every message page by page, labelled with its subject or the start of its text."""

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

LONG = "Hello, I can't place an order on your site, it says: I don't have enough credit. How can I add some?"


def test_select_message_fetches_every_page_of_the_ticket(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any], list_page: Any) -> None:
    """ticket_id is kept on every page of 100; keys are the message ids as strings."""
    gorgias_api.add(responses.GET, "/messages", match=[
        matchers.query_param_matcher({"ticket_id": "353768814", "limit": "100"}),
    ], json=list_page("/messages", [{"id": 1, "subject": "Order issue"}], next_cursor="m2"))
    gorgias_api.add(responses.GET, "/messages", match=[
        matchers.query_param_matcher({"ticket_id": "353768814", "limit": "100", "cursor": "m2"}),
    ], json=list_page("/messages", [{"id": 2, "subject": "Re: Order issue"}]))
    assert invoke_data_source(gorgias, "selectMessage", {"ticket_id": "353768814"}, connection) == {"result": [
        {"key": "1", "label": "Order issue"},
        {"key": "2", "label": "Re: Order issue"},
    ]}


@pytest.mark.parametrize(
    ("message", "label"),
    [
        ({"id": 1, "subject": "Order issue", "body_text": "ignored"}, "Order issue"),
        ({"id": 2, "subject": "", "stripped_text": "Thanks,\n  see you"}, "Thanks, see you"),
        ({"id": 3, "subject": None, "stripped_text": None, "body_text": LONG},
         "Hello, I can't place an order on your site, it says: I don'…"),
        ({"id": 4, "subject": None, "body_text": ""}, "Message #4"),
    ],
)
def test_select_message_labels_are_readable_and_never_empty(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any], list_page: Any,
                                                            message: dict[str, Any], label: str) -> None:
    """The subject, else the text cut to 60 characters with "…", else "Message #{id}"."""
    gorgias_api.add(responses.GET, "/messages", json=list_page("/messages", [message]),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    result = invoke_data_source(gorgias, "selectMessage", {}, connection)
    assert result == {"result": [{"key": str(message["id"]), "label": label}]}
    assert len(result["result"][0]["label"]) <= 60


test_refuses = refuses_test([
    Refuses("selectMessage", {"ticket_id": "#12"}, "ticket_id",
            "Input 'ticket_id' (Ticket ID): expected a positive integer id, received \"#12\".", data_source=True),
])


def test_select_message_api_failure_is_an_api_error(gorgias_api: MockedGorgias,
                                                    connection: dict[str, Any]) -> None:
    """A Gorgias 404 becomes ApiError with status, body and message."""
    error = {"error": {"msg": "Ticket not found", "data": {"ticket_id": "5"}}}
    gorgias_api.add(responses.GET, "/messages", status=404, json=error)
    with pytest.raises(ApiError) as caught:
        invoke_data_source(gorgias, "selectMessage", {"ticket_id": 5}, connection)
    assert caught.value.status == 404
    assert caught.value.body == error
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /messages: Ticket not found (ticket_id: 5)."
