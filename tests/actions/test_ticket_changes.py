"""Ticket changes (update, tags, message update and delete) send exactly the documented requests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.action_cases import assert_refused, assert_required, assert_sends
from tests.support.mocked_gorgias import MockedGorgias

TICKET = {"id": 5, "status": "closed", "subject": "Refund"}
MESSAGE = {"id": 9, "ticket_id": 5, "channel": "email", "via": "api"}
SOURCE = {"type": "email", "from": {"address": "a@b.c"}, "to": [{"address": "d@e.f"}]}
TAGS = {"object": "list", "uri": "/api/tickets/5/tags", "data": [{"id": 1, "name": "refund"}],
        "meta": {"prev_cursor": None, "next_cursor": None}}

CASES = [
    ("updateTicket", {"id": 5, "status": "Closed"}, "PUT", "/tickets/5", {}, {"status": "closed"}, TICKET),
    ("updateTicket", {"id": 5, "priority": "high", "assignee_user_id": "7", "assignee_team_id": 2, "subject": "Hi",
                      "tags": ["refund", "vip"], "snooze_datetime": "2024-12-04T15:18:56+00:00", "spam": "false",
                      "custom_fields": '[{"id": 1, "value": "Refund"}]', "meta": "order:1042",
                      "customer_id": 4, "external_id": "T-1", "language": "fr"},
     "PUT", "/tickets/5", {}, {"priority": "high", "assignee_user": {"id": 7}, "assignee_team": {"id": 2},
                               "subject": "Hi", "tags": [{"name": "refund"}, {"name": "vip"}],
                               "snooze_datetime": "2024-12-04T15:18:56+00:00", "spam": False,
                               "custom_fields": [{"id": 1, "value": "Refund"}], "meta": {"order": "1042"},
                               "customer": {"id": 4}, "external_id": "T-1", "language": "fr"}, TICKET),
    ("updateTicket", {"id": 5, "unassign": ["user", "team"]}, "PUT", "/tickets/5", {},
     {"assignee_user": None, "assignee_team": None}, TICKET),
    ("addTicketTags", {"ticket_id": 5, "ids": [1, "2"], "names": "vip"}, "POST", "/tickets/5/tags", {},
     {"ids": [1, 2], "names": ["vip"]}, None),
    ("removeTicketTags", {"ticket_id": 5, "names": ["vip"]}, "DELETE", "/tickets/5/tags", {}, {"names": ["vip"]}, None),
    ("setTicketTags", {"ticket_id": 5, "ids": 3}, "PUT", "/tickets/5/tags", {}, {"ids": [3]}, None),
    ("setTicketTags", {"ticket_id": 5, "clear": "true"}, "PUT", "/tickets/5/tags", {}, {"ids": []}, None),
    ("listTicketTags", {"ticket_id": 5}, "GET", "/tickets/5/tags", {}, None, TAGS),
    ("updateTicketMessage", {"ticket_id": 5, "id": 9, "channel": "email", "via": "api", "body_text": "Edited",
                             "action": "retry"},
     "PUT", "/tickets/5/messages/9", {"action": "retry"},
     {"channel": "email", "via": "api", "body_text": "Edited", "from_agent": False}, MESSAGE),
    ("updateTicketMessage", {"ticket_id": 5, "id": 9, "channel": "email", "via": "api", "source": SOURCE},
     "PUT", "/tickets/5/messages/9", {}, {"channel": "email", "via": "api", "source": SOURCE, "from_agent": False},
     MESSAGE),
    ("deleteTicketMessage", {"ticket_id": 5, "id": 9}, "DELETE", "/tickets/5/messages/9", {}, None, None),
]


@pytest.mark.parametrize(("key", "inputs", "method", "path", "query", "body", "answer"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_request_is_exactly_the_documented_one(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                   inputs: dict[str, Any], method: str, path: str,
                                                   query: dict[str, Any], body: Any, answer: Any) -> None:
    assert_sends(gorgias_api, connection, key, inputs, method, path, query, body, answer)


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), [
    ("updateTicket", {"status": "open"}, "id", "Ticket ID"),
    ("addTicketTags", {"ids": [1]}, "ticket_id", "Ticket ID"),
    ("removeTicketTags", {"ids": [1]}, "ticket_id", "Ticket ID"),
    ("setTicketTags", {"ids": [1]}, "ticket_id", "Ticket ID"),
    ("listTicketTags", {}, "ticket_id", "Ticket ID"),
    ("updateTicketMessage", {"ticket_id": 5, "channel": "email", "via": "api"}, "id", "Message ID"),
    ("updateTicketMessage", {"ticket_id": 5, "id": 9, "via": "api"}, "channel", "Channel"),
    ("deleteTicketMessage", {"ticket_id": 5}, "id", "Message ID"),
    ("deleteTicketMessage", {"id": 9}, "ticket_id", "Ticket ID"),
])
def test_a_missing_required_input_sends_nothing(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                inputs: dict[str, Any], missing: str, label: str) -> None:
    assert_required(gorgias_api, connection, key, inputs, missing, label)


@pytest.mark.parametrize(("key", "inputs", "message"), [
    ("updateTicket", {"id": 5}, "updateTicket: set at least one input to change besides the ticket id."),
    ("updateTicket", {"id": 5, "status": "pending"},
     "Input 'status' (Status): expected one of open, closed, received \"pending\"."),
    ("updateTicket", {"id": 5, "priority": "urgent"},
     "Input 'priority' (Priority): expected one of critical, high, normal, low, received \"urgent\"."),
    ("updateTicket", {"id": 5, "assignee_user_id": 7, "unassign": "user"},
     "Input 'unassign' (Unassign): cannot both assign and unassign the user."),
    ("addTicketTags", {"ticket_id": 5}, "addTicketTags: give at least one tag, by 'ids' or by 'names'."),
    ("removeTicketTags", {"ticket_id": 5, "ids": [], "names": []},
     "removeTicketTags: give at least one tag, by 'ids' or by 'names'."),
    ("setTicketTags", {"ticket_id": 5}, "setTicketTags: give at least one tag, by 'ids' or by 'names'."),
])
def test_bad_inputs_are_refused_before_sending(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                               inputs: dict[str, Any], message: str) -> None:
    """Nothing clears a ticket's tags or changes nothing by leaving inputs empty; enumerations are checked."""
    assert_refused(gorgias_api, connection, key, inputs, message)
