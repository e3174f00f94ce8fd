"""Ticket message actions send the documented Gorgias requests: body, query and path."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

WHEN = "2020-01-27T10:42:21.468912"
SOURCE = {"type": "aircall", "from": {"address": "+33600000000"}, "to": [{"address": "+33700000000"}]}
MESSAGE = {"id": 3001, "ticket_id": 353768814, "channel": "aircall", "via": "aircall"}
REQUIRED = {"channel": "aircall", "source": SOURCE, "ticket_id": "353768814", "via": "aircall"}
CURSOR = "cHJldl9fNl9fMjAyMS0wMy0wMyAwNjowMDowMA=="

test_sends = sends_test([
    # The body holds every set input except `action` (a query parameter) and the ticket id (in the path).
    Sends("createTicketMessage",
          {**REQUIRED, "action": "force", "attachments": '[{"url": "https://x.test/a.pdf", "name": "a.pdf"}]',
           "body_html": "<p>Hi</p>", "body_text": "Hi", "created_datetime": WHEN, "external_id": "MSG-78545",
           "failed_datetime": WHEN, "from_agent": "TRUE", "message_id": "<123345676453.2445.234@web>",
           "receiver": '{"id": 12}', "sender": {"email": "agent@acme.com"}, "sent_datetime": WHEN,
           "source": '{"type": "aircall", "from": {"address": "+33600000000"}, "to": [{"address": "+33700000000"}]}',
           "subject": "Order issue", "debug": "false"},
          "POST", "/tickets/353768814/messages", query={"action": "force"},
          body={"attachments": [{"url": "https://x.test/a.pdf", "name": "a.pdf"}], "body_html": "<p>Hi</p>",
                "body_text": "Hi", "channel": "aircall", "created_datetime": WHEN, "external_id": "MSG-78545",
                "failed_datetime": WHEN, "from_agent": True, "message_id": "<123345676453.2445.234@web>",
                "receiver": {"id": 12}, "sender": {"email": "agent@acme.com"}, "sent_datetime": WHEN,
                "source": SOURCE, "subject": "Order issue", "via": "aircall"},
          answer=MESSAGE, status=201),
    # Without action there is no query; from_agent defaults to false and is sent; unset inputs are not.
    Sends("createTicketMessage", {**REQUIRED, "ticket_id": 353768814, "action": "", "subject": None, "receiver": ""},
          "POST", "/tickets/353768814/messages",
          body={"channel": "aircall", "from_agent": False, "source": SOURCE, "via": "aircall"}, answer=MESSAGE),
    *(Sends("getTicketMessage", {"ticket_id": ticket_id, "id": message_id}, "GET", "/tickets/353768814/messages/3001",
            answer=MESSAGE)
      for ticket_id, message_id in (("353768814", "3001"), (353768814, 3001))),
    # ticket_id, order_by, limit and cursor are sent; the page is returned unchanged.
    Sends("listMessages", {"ticket_id": 353768814, "order_by": "created_datetime:asc", "limit": "30", "cursor": CURSOR,
                           "fetchAll": "FALSE"},
          "GET", "/messages",
          query={"ticket_id": "353768814", "order_by": "created_datetime:asc", "limit": "30", "cursor": CURSOR},
          answer=envelope("/messages", [MESSAGE], next_cursor="n", prev_cursor="p")),
])

test_refuses = refuses_test([
    required("createTicketMessage", {**REQUIRED, "via": None}, "via", "Via"),
    Refuses("createTicketMessage", {**REQUIRED, "action": "skip"}, "action",
            "Input 'action' (Action): expected one of force, retry, cancel, received \"skip\"."),
    Refuses("createTicketMessage", {**REQUIRED, "from_agent": "yes"}, "from_agent",
            "Input 'from_agent' (From Agent): expected true or false (or the strings \"true\" / \"false\"), "
            "received \"yes\"."),
    Refuses("createTicketMessage", {**REQUIRED, "source": "[1]"}, "source",
            "Input 'source' (Source): expected a JSON object, received \"[1]\"."),
    Refuses("createTicketMessage", {**REQUIRED, "ticket_id": "12a"}, "ticket_id",
            "Input 'ticket_id' (Ticket ID): expected a positive integer id, received \"12a\"."),
    Refuses("createTicketMessage", {**REQUIRED, "receiver": {"name": "Nobody"}}, "receiver",
            "Input 'receiver' (Receiver ID): at receiver: {'name': 'Nobody'} is not valid under any of the given "
            "schemas."),
    required("getTicketMessage", {"id": 3001}, "ticket_id", "Ticket ID"),
    *(Refuses("listMessages", {"limit": limit}, "limit",
              f"Input 'limit' (Limit): expected a whole number from 1 to 100, received {received}.")
      for limit, received in (("0", '"0"'), ("1000", '"1000"'))),
])


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
