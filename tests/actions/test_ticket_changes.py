"""Ticket changes (update, tags, message update and delete) send exactly the documented requests."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test

TICKET = {"id": 5, "status": "closed", "subject": "Refund"}
MESSAGE = {"id": 9, "ticket_id": 5, "channel": "email", "via": "api"}
SOURCE = {"type": "email", "from": {"address": "a@b.c"}, "to": [{"address": "d@e.f"}]}
TAGS = {"object": "list", "uri": "/api/tickets/5/tags", "data": [{"id": 1, "name": "refund"}],
        "meta": {"prev_cursor": None, "next_cursor": None}}

test_sends = sends_test([
    Sends("updateTicket", {"id": 5, "status": "Closed"}, "PUT", "/tickets/5", body={"status": "closed"}, answer=TICKET),
    Sends("updateTicket", {"id": 5, "priority": "high", "assignee_user_id": "7", "assignee_team_id": 2, "subject": "Hi",
                           "tags": ["refund", "vip"], "snooze_datetime": "2024-12-04T15:18:56+00:00", "spam": "false",
                           "custom_fields": '[{"id": 1, "value": "Refund"}]', "meta": "order:1042",
                           "customer_id": 4, "external_id": "T-1", "language": "fr"},
          "PUT", "/tickets/5", body={"priority": "high", "assignee_user": {"id": 7}, "assignee_team": {"id": 2},
                                     "subject": "Hi", "tags": [{"name": "refund"}, {"name": "vip"}],
                                     "snooze_datetime": "2024-12-04T15:18:56+00:00", "spam": False,
                                     "custom_fields": [{"id": 1, "value": "Refund"}], "meta": {"order": "1042"},
                                     "customer": {"id": 4}, "external_id": "T-1", "language": "fr"}, answer=TICKET),
    Sends("updateTicket", {"id": 5, "unassign": ["user", "team"]}, "PUT", "/tickets/5",
          body={"assignee_user": None, "assignee_team": None}, answer=TICKET),
    Sends("addTicketTags", {"ticket_id": 5, "ids": [1, "2"], "names": "vip"}, "POST", "/tickets/5/tags",
          body={"ids": [1, 2], "names": ["vip"]}),
    Sends("removeTicketTags", {"ticket_id": 5, "names": ["vip"]}, "DELETE", "/tickets/5/tags", body={"names": ["vip"]}),
    Sends("setTicketTags", {"ticket_id": 5, "ids": 3}, "PUT", "/tickets/5/tags", body={"ids": [3]}),
    Sends("setTicketTags", {"ticket_id": 5, "clear": "true"}, "PUT", "/tickets/5/tags", body={"ids": []}),
    Sends("listTicketTags", {"ticket_id": 5}, "GET", "/tickets/5/tags", answer=TAGS),
    Sends("updateTicketMessage", {"ticket_id": 5, "id": 9, "channel": "email", "via": "api", "body_text": "Edited",
                                  "action": "retry"},
          "PUT", "/tickets/5/messages/9", query={"action": "retry"},
          body={"channel": "email", "via": "api", "body_text": "Edited", "from_agent": False}, answer=MESSAGE),
    Sends("updateTicketMessage", {"ticket_id": 5, "id": 9, "channel": "email", "via": "api", "source": SOURCE},
          "PUT", "/tickets/5/messages/9",
          body={"channel": "email", "via": "api", "source": SOURCE, "from_agent": False}, answer=MESSAGE),
    Sends("deleteTicketMessage", {"ticket_id": 5, "id": 9}, "DELETE", "/tickets/5/messages/9"),
])

# Nothing clears a ticket's tags or changes nothing by leaving inputs empty; enumerations are checked.
test_refuses = refuses_test([
    required("updateTicket", {"status": "open"}, "id", "Ticket ID"),
    required("addTicketTags", {"ids": [1]}, "ticket_id", "Ticket ID"),
    required("removeTicketTags", {"ids": [1]}, "ticket_id", "Ticket ID"),
    required("setTicketTags", {"ids": [1]}, "ticket_id", "Ticket ID"),
    required("listTicketTags", {}, "ticket_id", "Ticket ID"),
    required("updateTicketMessage", {"ticket_id": 5, "channel": "email", "via": "api"}, "id", "Message ID"),
    required("updateTicketMessage", {"ticket_id": 5, "id": 9, "via": "api"}, "channel", "Channel"),
    required("deleteTicketMessage", {"ticket_id": 5}, "id", "Message ID"),
    required("deleteTicketMessage", {"id": 9}, "ticket_id", "Ticket ID"),
    Refuses("updateTicket", {"id": 5}, "id", "updateTicket: set at least one input to change besides the ticket id."),
    Refuses("updateTicket", {"id": 5, "status": "pending"}, "status",
            "Input 'status' (Status): expected one of open, closed, received \"pending\"."),
    Refuses("updateTicket", {"id": 5, "priority": "urgent"}, "priority",
            "Input 'priority' (Priority): expected one of critical, high, normal, low, received \"urgent\"."),
    Refuses("updateTicket", {"id": 5, "assignee_user_id": 7, "unassign": "user"}, "unassign",
            "Input 'unassign' (Unassign): cannot both assign and unassign the user."),
    Refuses("addTicketTags", {"ticket_id": 5}, "ids", "addTicketTags: give at least one tag, by 'ids' or by 'names'."),
    Refuses("removeTicketTags", {"ticket_id": 5, "ids": [], "names": []}, "ids",
            "removeTicketTags: give at least one tag, by 'ids' or by 'names'."),
    Refuses("setTicketTags", {"ticket_id": 5}, "ids", "setTicketTags: give at least one tag, by 'ids' or by 'names'."),
])
