"""Rule actions send the documented Gorgias requests (method, path, query, body exactly) and refuse bad input."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test

CODE = "if (eq(ticket.status, 'open')) { Action('addTags', { tags: 'auto' }) }"
# Shaped as the reference's example rule (developers.gorgias.com, Retrieve a rule), its long AST shortened.
RULE = {
    "id": 1234, "name": "Auto-close all tickets from Amazon", "description": "Close tickets from no-reply senders.",
    "code": CODE, "code_ast": {"type": "Program", "body": [], "sourceType": "script"},
    "event_types": "ticket-created,ticket-updated", "priority": 10, "deactivated_datetime": None,
    "created_datetime": "2019-11-23T15:59:41.966927", "updated_datetime": "2020-01-30T11:04:34.345123+00:00",
    "uri": "/api/rules/1234/",
}
PRIORITIES = [{"id": 1234, "priority": 20}, {"id": 1235, "priority": 10}]

test_sends = sends_test([
    Sends("createRule", {"name": "Auto-tag", "code": CODE, "description": "Tag open tickets.",
                         "event_types": ["ticket-created", "Ticket-Updated"], "priority": "10",
                         "deactivated_datetime": "2024-01-30T11:04:34+00:00",
                         "code_ast": '{"type": "Program", "body": []}'},
          "POST", "/rules",
          body={"name": "Auto-tag", "code": CODE, "description": "Tag open tickets.",
                "event_types": "ticket-created,ticket-updated", "priority": 10,
                "deactivated_datetime": "2024-01-30T11:04:34+00:00", "code_ast": {"type": "Program", "body": []}},
          answer=RULE, status=201),
    Sends("createRule", {"name": "One event", "code": CODE, "event_types": "ticket-created,ticket-assigned"},
          "POST", "/rules",
          body={"name": "One event", "code": CODE, "event_types": "ticket-created,ticket-assigned"},
          answer=RULE, status=201),
    Sends("getRule", {"id": "1234"}, "GET", "/rules/1234", answer=RULE),
    Sends("updateRule", {"id": 1234, "priority": 0}, "PUT", "/rules/1234", body={"priority": 0}, answer=RULE,
          status=202),
    Sends("deleteRule", {"id": 1234}, "DELETE", "/rules/1234", status=204),
    Sends("listRules", {"order_by": "created_datetime:asc", "limit": 100}, "GET", "/rules",
          query={"order_by": "created_datetime:asc", "limit": "100"}, answer=envelope("/api/rules", [RULE])),
    Sends("updateRulePriorities", {"priorities": PRIORITIES}, "POST", "/rules/priorities",
          body={"priorities": PRIORITIES}, answer=[RULE, {**RULE, "id": 1235}], status=202),
])


# Event types, priorities, datetimes and the priorities body are checked before anything is sent.
test_refuses = refuses_test([
    required("createRule", {"name": "No code"}, "code", "Code"),
    required("createRule", {"code": CODE}, "name", "Name"),
    required("getRule", {}, "id", "Rule ID"),
    required("updateRule", {"name": "x"}, "id", "Rule ID"),
    required("deleteRule", {}, "id", "Rule ID"),
    required("updateRulePriorities", {}, "priorities", "Priorities"),
    Refuses("createRule", {"name": "n", "code": CODE, "event_types": "ticket-created,ticket-closed"}, "event_types",
            "Input 'event_types' (Event Types): expected a list of values, each one of ticket-created, ticket-updated, "
            "ticket-message-created, ticket-assigned, ticket-self-unsnoozed, satisfaction-survey-responded, "
            "received \"ticket-created,ticket-closed\"."),
    Refuses("createRule", {"name": "n", "code": CODE, "priority": "-1"}, "priority",
            "Input 'priority' (Priority): expected a whole number ≥ 0, received \"-1\"."),
    Refuses("createRule", {"name": "n", "code": CODE, "deactivated_datetime": "yesterday"}, "deactivated_datetime",
            "Input 'deactivated_datetime' (Deactivated Datetime): expected an ISO 8601 date-time such as "
            "2020-01-27T10:42:21.468912, received \"yesterday\"."),
    Refuses("updateRulePriorities", {"priorities": "[]"}, "priorities",
            "Input 'priorities' (Priorities): at priorities: [] should be non-empty."),
    Refuses("updateRulePriorities", {"priorities": [{"id": 1}]}, "priorities",
            "Input 'priorities' (Priorities): at priorities[0]: 'priority' is a required property."),
    Refuses("updateRulePriorities", {"priorities": [{"id": 0, "priority": 1}]}, "priorities",
            "Input 'priorities' (Priorities): at priorities[0].id: 0 is less than the minimum of 1."),
    Refuses("listRules", {"order_by": "updated_datetime:desc"}, "order_by",
            "Input 'order_by' (Order By): expected one of created_datetime:asc, created_datetime:desc, "
            "received \"updated_datetime:desc\"."),
])
