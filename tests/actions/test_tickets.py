"""Ticket actions convert the documented inputs and send the exact Gorgias requests."""

from __future__ import annotations

import json
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
MESSAGE = {"channel": "email", "from_agent": False, "via": "api", "body_text": "Hello",
           "source": {"type": "email", "from": {"address": "john@example.com"}, "to": [{"address": "s@acme.com"}]}}
TICKET = {"id": 1234, "status": "open", "subject": "Can I get a refund?"}


test_sends = sends_test([
    # Tags become [{"name": ...}], meta an object, string booleans booleans, code inputs objects.
    Sends("createTicket", {
        "assignee_team": '{"id": 3}', "assignee_user": {"id": 9}, "channel": "email", "closed_datetime": WHEN,
        "created_datetime": WHEN, "customer": '{"email": "john@example.com"}', "external_id": "RETURN#4213",
        "from_agent": "TRUE", "language": "en", "last_message_datetime": WHEN, "last_received_message_datetime": WHEN,
        "messages": [MESSAGE], "meta": [{"key": "key1", "value": "value1"}, {"key": "order", "value": 42}],
        "opened_datetime": WHEN, "snooze_datetime": WHEN, "spam": "false", "status": "CLOSED",
        "subject": "Can I get a refund?", "tags": ["refund", "vip"], "trashed_datetime": WHEN,
        "updated_datetime": WHEN, "via": "api", "debug": "false",
    }, "POST", "/tickets", body={
        "assignee_team": {"id": 3}, "assignee_user": {"id": 9}, "channel": "email", "closed_datetime": WHEN,
        "created_datetime": WHEN, "customer": {"email": "john@example.com"}, "external_id": "RETURN#4213",
        "from_agent": True, "language": "en", "last_message_datetime": WHEN, "last_received_message_datetime": WHEN,
        "messages": [MESSAGE], "meta": {"key1": "value1", "order": 42}, "opened_datetime": WHEN,
        "snooze_datetime": WHEN, "spam": False, "status": "closed", "subject": "Can I get a refund?",
        "tags": [{"name": "refund"}, {"name": "vip"}], "trashed_datetime": WHEN, "updated_datetime": WHEN,
        "via": "api",
    }, answer=TICKET, status=201),
    # With only messages set, the body is the messages and the documented default status "open".
    Sends("createTicket", {"messages": json.dumps([MESSAGE]), "subject": "", "tags": None, "meta": None, "status": ""},
          "POST", "/tickets", body={"messages": [MESSAGE], "status": "open"}, answer=TICKET),
    # Meta given as an object or "key:value" strings and tags as one string or a list are converted.
    *(Sends("createTicket", {"messages": [MESSAGE], "meta": meta, "tags": tags}, "POST", "/tickets",
            body={"messages": [MESSAGE], "status": "open", "meta": sent_meta, "tags": sent_tags}, answer=TICKET)
      for meta, tags, sent_meta, sent_tags in (
          ({"a": "1", "b": {"deep": True}}, "solo", {"a": "1", "b": {"deep": True}}, [{"name": "solo"}]),
          (["a:1", "b: two words"], ["x"], {"a": "1", "b": "two words"}, [{"name": "x"}]),
          ("url:https://x.test/a", [], {"url": "https://x.test/a"}, []),
      )),
    # Get Ticket GETs /tickets/{id}; each relationship is its own `relationships=` parameter.
    *(Sends("getTicket", {"id": "1234", "relationships": relationships}, "GET", "/tickets/1234", query=query,
            answer=TICKET)
      for relationships, query in (
          (None, {}),
          ("custom_fields", {"relationships": "custom_fields"}),
          (["custom_fields", "tags"], {"relationships": ["custom_fields", "tags"]}),
      )),
    Sends("deleteTicket", {"id": 1234}, "DELETE", "/tickets/1234", status=204),
    # Every set filter, one `ticket_ids=` per id, and the user's limit and cursor.
    Sends("listTickets", {"customer_id": "4", "external_id": "ticket-ge432d", "order_by": "created_datetime:desc",
                          "rule_id": 21, "ticket_ids": ["1234567890", 5], "view_id": "22", "limit": 30, "cursor": "abc",
                          "debug": "false", "fetchAll": False},
          "GET", "/tickets",
          query={"customer_id": "4", "external_id": "ticket-ge432d", "order_by": "created_datetime:desc",
                 "rule_id": "21", "ticket_ids": ["1234567890", "5"], "view_id": "22", "limit": "30", "cursor": "abc"},
          answer=envelope("/tickets", [TICKET], next_cursor="n")),
])

test_refuses = refuses_test([
    required("createTicket", {}, "messages", "Messages"),
    Refuses("createTicket", {"messages": "[]"}, "messages",
            "Input 'messages' (Messages): at messages: [] should be non-empty."),
    Refuses("createTicket", {"messages": "{not json"}, "messages",
            "Input 'messages' (Messages): expected valid JSON (parse error at line 1, column 2), received \"{not json\"."),
    Refuses("createTicket", {"messages": [MESSAGE], "spam": "maybe"}, "spam",
            "Input 'spam' (Spam): expected true or false (or the strings \"true\" / \"false\"), received \"maybe\"."),
    Refuses("createTicket", {"messages": [MESSAGE], "status": "pending"}, "status",
            "Input 'status' (Status): expected one of open, closed, received \"pending\"."),
    Refuses("createTicket", {"messages": [MESSAGE], "meta": ["no separator"]}, "meta",
            "Input 'meta' (Meta): expected a list of {\"key\": ..., \"value\": ...} items, an object, or \"key:value\" "
            "strings, received a list of 1 item."),
    Refuses("createTicket", {"messages": [MESSAGE], "created_datetime": "yesterday"}, "created_datetime",
            "Input 'created_datetime' (Created Datetime): expected an ISO 8601 date-time such as "
            "2020-01-27T10:42:21.468912, received \"yesterday\"."),
    Refuses("createTicket", {"messages": [MESSAGE], "assignee_team": {"name": "Support"}}, "assignee_team",
            "Input 'assignee_team' (Assignee Team): at assignee_team: 'id' is a required property."),
    # One non-numeric id among ticket_ids.
    Refuses("listTickets", {"ticket_ids": ["1", "two"]}, "ticket_ids",
            "Input 'ticket_ids' (Ticket IDs): expected a list of positive integer ids, received a list of 2 items."),
    *(Refuses("listTickets", {"limit": limit}, "limit",
              f"Input 'limit' (Limit): expected a whole number from 1 to 100, received {received}.")
      for limit, received in (("0", '"0"'), (101, "101"))),
])


def test_create_ticket_5xx_is_not_sent_twice(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A POST answered 500 is not retried (it may have been processed) and the error says so."""
    gorgias_api.add(responses.POST, "/tickets", json={"error": {"msg": "Internal error"}}, status=500)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "createTicket", {"messages": [MESSAGE]}, connection)
    assert len(gorgias_api.calls) == 1
    assert caught.value.status == 500
    assert str(caught.value) == (
        "Gorgias answered 500 Internal Server Error to POST /tickets: Internal error. The write may or may not "
        "have happened; it was not sent again to avoid a duplicate: check before retrying."
    )


def test_get_ticket_retries_a_5xx_once_then_succeeds(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                      sleeps: list[float]) -> None:
    """A GET answered 503 is sent again after a short backoff."""
    gorgias_api.add(responses.GET, "/tickets/1234", status=503, json={"error": {"msg": "busy"}})
    gorgias_api.add(responses.GET, "/tickets/1234", json=TICKET)
    assert invoke(gorgias, "getTicket", {"id": 1234}, connection) == {"data": TICKET}
    assert len(gorgias_api.calls) == 2
    assert len(sleeps) == 1 and sleeps[0] > 0


def test_delete_ticket_forbidden_is_an_api_error(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A 403 answer is an ApiError (an auth error) with Gorgias's message."""
    gorgias_api.add(responses.DELETE, "/tickets/1234", status=403,
                 json={"error": {"msg": "You don't have the permission to do that."}})
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "deleteTicket", {"id": "1234"}, connection)
    assert caught.value.status == 403
    assert str(caught.value) == (
        "Gorgias answered 403 Forbidden to DELETE /tickets/1234: You don't have the permission to do that."
    )


def test_list_tickets_fetch_all_returns_every_ticket(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                     list_page: Any) -> None:
    """fetchAll follows next_cursor with limit=100, keeps filters and order_by, and nulls both cursors."""
    tickets = [{"id": n} for n in range(1, 6)]
    filters = {"view_id": "22", "ticket_ids": ["1", "2"], "order_by": "updated_datetime:asc"}
    gorgias_api.add(responses.GET, "/tickets", json=list_page("/tickets", tickets[:2], next_cursor="p2"),
                 match=[matchers.query_param_matcher({**filters, "limit": "100"})])
    gorgias_api.add(responses.GET, "/tickets", json=list_page("/tickets", tickets[2:4], next_cursor="p3"),
                 match=[matchers.query_param_matcher({**filters, "limit": "100", "cursor": "p2"})])
    gorgias_api.add(responses.GET, "/tickets", json=list_page("/tickets", tickets[4:], prev_cursor="p2"),
                 match=[matchers.query_param_matcher({**filters, "limit": "100", "cursor": "p3"})])
    inputs = {"view_id": 22, "ticket_ids": ["1", "2"], "order_by": "updated_datetime:asc", "fetchAll": "true",
              "limit": 10, "cursor": "ignored"}
    assert invoke(gorgias, "listTickets", inputs, connection) == {"data": {
        "data": tickets, "object": "list", "uri": "/tickets", "meta": {"prev_cursor": None, "next_cursor": None},
    }}

