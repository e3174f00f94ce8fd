"""Ticket message actions send the documented Gorgias requests: body, query and path."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

WHEN = "2020-01-27T10:42:21.468912"
SOURCE = {"type": "aircall", "from": {"address": "+33600000000"}, "to": [{"address": "+33700000000"}]}
MESSAGE = {"id": 3001, "ticket_id": 353768814, "channel": "aircall", "via": "aircall"}
REQUIRED = {"channel": "aircall", "source": SOURCE, "ticket_id": "353768814", "via": "aircall"}


def test_create_ticket_message_sends_every_input_with_action_in_the_query(gorgias_api: MockedGorgias,
                                                                          connection: dict[str, Any]) -> None:
    """The body holds every set input except `action` (a query parameter) and the ticket id (in the path)."""
    body = {
        "attachments": [{"url": "https://x.test/a.pdf", "name": "a.pdf"}], "body_html": "<p>Hi</p>",
        "body_text": "Hi", "channel": "aircall", "created_datetime": WHEN, "external_id": "MSG-78545",
        "failed_datetime": WHEN, "from_agent": True, "message_id": "<123345676453.2445.234@web>",
        "receiver": {"id": 12}, "sender": {"email": "agent@acme.com"}, "sent_datetime": WHEN, "source": SOURCE,
        "subject": "Order issue", "via": "aircall",
    }
    gorgias_api.add(responses.POST, "/tickets/353768814/messages", json=MESSAGE, status=201, match=[
        matchers.query_param_matcher({"action": "force"}),
        matchers.json_params_matcher(body, strict_match=True),
    ])
    inputs = {
        **REQUIRED, "action": "force", "attachments": '[{"url": "https://x.test/a.pdf", "name": "a.pdf"}]',
        "body_html": "<p>Hi</p>", "body_text": "Hi", "created_datetime": WHEN, "external_id": "MSG-78545",
        "failed_datetime": WHEN, "from_agent": "TRUE", "message_id": "<123345676453.2445.234@web>",
        "receiver": '{"id": 12}', "sender": {"email": "agent@acme.com"}, "sent_datetime": WHEN,
        "source": '{"type": "aircall", "from": {"address": "+33600000000"}, "to": [{"address": "+33700000000"}]}',
        "subject": "Order issue", "debug": "false",
    }
    assert invoke(gorgias, "createTicketMessage", inputs, connection) == {"data": MESSAGE}


def test_create_ticket_message_sends_from_agent_false_by_default(gorgias_api: MockedGorgias,
                                                                 connection: dict[str, Any]) -> None:
    """Without action there is no query; from_agent defaults to false and is sent; unset inputs are not."""
    gorgias_api.add(responses.POST, "/tickets/353768814/messages", json=MESSAGE, match=[
        matchers.query_param_matcher({}),
        matchers.json_params_matcher({"channel": "aircall", "from_agent": False, "source": SOURCE, "via": "aircall"},
                                     strict_match=True),
    ])
    inputs = {**REQUIRED, "ticket_id": 353768814, "action": "", "subject": None, "receiver": ""}
    assert invoke(gorgias, "createTicketMessage", inputs, connection) == {"data": MESSAGE}


@pytest.mark.parametrize(
    ("inputs", "key", "message"),
    [
        ({**REQUIRED, "via": None}, "via", "Input 'via' (Via) is required, but no value was given."),
        ({**REQUIRED, "action": "skip"}, "action",
         "Input 'action' (Action): expected one of force, retry, cancel, received \"skip\"."),
        ({**REQUIRED, "from_agent": "yes"}, "from_agent",
         "Input 'from_agent' (From Agent): expected true or false (or the strings \"true\" / \"false\"), "
         "received \"yes\"."),
        ({**REQUIRED, "source": "[1]"}, "source",
         "Input 'source' (Source): expected a JSON object, received \"[1]\"."),
        ({**REQUIRED, "ticket_id": "12a"}, "ticket_id",
         "Input 'ticket_id' (Ticket ID): expected a positive integer id, received \"12a\"."),
        ({**REQUIRED, "receiver": {"name": "Nobody"}}, "receiver",
         "Input 'receiver' (Receiver ID): at receiver: {'name': 'Nobody'} is not valid under any of the given "
         "schemas."),
    ],
)
def test_create_ticket_message_refuses_invalid_inputs(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                      inputs: dict[str, Any], key: str, message: str) -> None:
    """Invalid inputs are InputErrors naming the input, and nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "createTicketMessage", inputs, connection)
    assert caught.value.key == key
    assert str(caught.value) == message
    assert len(gorgias_api.calls) == 0


def test_create_ticket_message_on_a_missing_ticket_is_an_api_error(gorgias_api: MockedGorgias,
                                                                   connection: dict[str, Any]) -> None:
    """A 404 from Gorgias becomes ApiError with status, body and message."""
    error = {"error": {"msg": "Ticket not found", "data": {"ticket_id": ["Unknown ticket."]}}}
    gorgias_api.add(responses.POST, "/tickets/353768814/messages", json=error, status=404)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "createTicketMessage", REQUIRED, connection)
    assert caught.value.status == 404
    assert caught.value.body == error
    assert str(caught.value) == (
        "Gorgias answered 404 Not Found to POST /tickets/353768814/messages: Ticket not found (ticket_id: Unknown "
        "ticket.)."
    )


@pytest.mark.parametrize(("ticket_id", "message_id"), [("353768814", "3001"), (353768814, 3001)])
def test_get_ticket_message_uses_both_ids_in_the_path(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                      ticket_id: object, message_id: object) -> None:
    """Get Ticket Message GETs /tickets/{ticket_id}/messages/{id}."""
    gorgias_api.add(responses.GET, "/tickets/353768814/messages/3001", json=MESSAGE, match=[
        matchers.query_param_matcher({}),
    ])
    inputs = {"ticket_id": ticket_id, "id": message_id}
    assert invoke(gorgias, "getTicketMessage", inputs, connection) == {"data": MESSAGE}


def test_get_ticket_message_requires_the_ticket_id(gorgias_api: MockedGorgias,
                                                   connection: dict[str, Any]) -> None:
    """Without the ticket id nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "getTicketMessage", {"id": 3001}, connection)
    assert caught.value.key == "ticket_id"
    assert str(caught.value) == "Input 'ticket_id' (Ticket ID) is required, but no value was given."
    assert len(gorgias_api.calls) == 0


def test_list_messages_passes_filters_limit_and_cursor(gorgias_api: MockedGorgias,
                                                       connection: dict[str, Any], list_page: Any) -> None:
    """List Messages sends ticket_id, order_by, limit and cursor and returns the page unchanged."""
    page = list_page("/messages", [MESSAGE], next_cursor="n", prev_cursor="p")
    gorgias_api.add(responses.GET, "/messages", json=page, match=[
        matchers.query_param_matcher({"ticket_id": "353768814", "order_by": "created_datetime:asc", "limit": "30",
                                      "cursor": "cHJldl9fNl9fMjAyMS0wMy0wMyAwNjowMDowMA=="}),
    ])
    inputs = {"ticket_id": 353768814, "order_by": "created_datetime:asc", "limit": "30",
              "cursor": "cHJldl9fNl9fMjAyMS0wMy0wMyAwNjowMDowMA==", "fetchAll": "FALSE"}
    assert invoke(gorgias, "listMessages", inputs, connection) == {"data": page}


@pytest.mark.parametrize(("limit", "received"), [("0", '"0"'), ("1000", '"1000"')])
def test_list_messages_refuses_a_limit_outside_1_to_100(gorgias_api: MockedGorgias,
                                                        connection: dict[str, Any], limit: object,
                                                        received: str) -> None:
    """A limit outside 1-100 is an InputError and no request is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "listMessages", {"limit": limit}, connection)
    assert caught.value.key == "limit"
    assert str(caught.value) == f"Input 'limit' (Limit): expected a whole number from 1 to 100, received {received}."
    assert len(gorgias_api.calls) == 0


def test_list_messages_fetch_all_follows_next_cursor(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                     list_page: Any) -> None:
    """fetchAll requests limit=100 pages from the start, keeping ticket_id and order_by, in one envelope."""
    messages = [{"id": n} for n in (1, 2, 3)]
    kept = {"ticket_id": "9", "order_by": "created_datetime:desc"}
    gorgias_api.add(responses.GET, "/messages", json=list_page("/messages", messages[:1], next_cursor="m2"),
                 match=[matchers.query_param_matcher({**kept, "limit": "100"})])
    gorgias_api.add(responses.GET, "/messages", json=list_page("/messages", messages[1:], prev_cursor="m1"),
                 match=[matchers.query_param_matcher({**kept, "limit": "100", "cursor": "m2"})])
    inputs = {"ticket_id": "9", "order_by": "created_datetime:desc", "fetchAll": True, "cursor": "own", "limit": 2}
    assert invoke(gorgias, "listMessages", inputs, connection) == {"data": {
        "data": messages, "object": "list", "uri": "/messages", "meta": {"prev_cursor": None, "next_cursor": None},
    }}
