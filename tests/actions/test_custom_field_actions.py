"""Custom field actions (definitions and a ticket's values) send exactly the documented requests."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test

FIELD = {"id": 1, "object_type": "Ticket", "label": "Contact reason", "definition": {"data_type": "text"}}
PAGE = {"object": "list", "uri": "/api/custom-fields", "data": [FIELD],
        "meta": {"prev_cursor": None, "next_cursor": None}}
DEFINITION = {"data_type": "text", "input_settings": {"input_type": "dropdown", "choices": ["Refund"]}}
VALUE = {"id": 9, "value": "Refund", "field": FIELD}
VALUES = [{"id": 1, "value": "Refund"}, {"id": 3, "value": 8}]

test_sends = sends_test([
    Sends("createCustomField", {"object_type": "ticket", "label": "Contact reason", "definition": DEFINITION,
                                "priority": "2", "required": "true", "description": "Why", "external_id": "cf-1"},
          "POST", "/custom-fields", body={"object_type": "Ticket", "label": "Contact reason", "definition": DEFINITION,
                                          "priority": 2, "required": True, "description": "Why", "external_id": "cf-1"},
          answer=FIELD),
    Sends("getCustomField", {"id": 1}, "GET", "/custom-fields/1", answer=FIELD),
    Sends("updateCustomField", {"id": 1, "label": "Reason", "deactivated_datetime": "2024-12-04T15:18:56"},
          "PUT", "/custom-fields/1", body={"label": "Reason", "deactivated_datetime": "2024-12-04T15:18:56"},
          answer=FIELD),
    Sends("updateCustomFields", {"fields": '[{"id": 1, "priority": 3}, {"id": 2, "required": false}]'},
          "PUT", "/custom-fields", body=[{"id": 1, "priority": 3}, {"id": 2, "required": False}],
          answer={"data": [FIELD]}),
    Sends("listCustomFields", {"object_type": "Customer", "archived": "false", "search": "tier",
                               "order_by": "priority:asc"},
          "GET", "/custom-fields", query={"object_type": "Customer", "archived": "false", "search": "tier",
                                          "order_by": "priority:asc"}, answer=PAGE),
    Sends("updateTicketCustomField", {"ticket_id": 5, "id": 1, "value": "Refund"},
          "PUT", "/tickets/5/custom-fields/1", body={"value": "Refund"}, answer=VALUE),
    Sends("updateTicketCustomField", {"ticket_id": 5, "id": 3, "value": 7},
          "PUT", "/tickets/5/custom-fields/3", body={"value": 7}, answer={**VALUE, "value": 7}),
    # The values go out as the body; the answer's list (bare or in {"data": ...}) is the result.
    Sends("setTicketCustomFields", {"ticket_id": 5, "values": VALUES}, "PUT", "/tickets/5/custom-fields",
          body=VALUES, answer={"data": [VALUE]}, data=[VALUE]),
])

test_refuses = refuses_test([
    required("createCustomField", {"label": "x", "definition": DEFINITION}, "object_type", "Object Type"),
    required("createCustomField", {"object_type": "Ticket", "definition": DEFINITION}, "label", "Label"),
    required("createCustomField", {"object_type": "Ticket", "label": "x"}, "definition", "Definition"),
    required("getCustomField", {}, "id", "Custom Field ID"),
    required("updateCustomField", {"label": "x"}, "id", "Custom Field ID"),
    required("updateCustomFields", {}, "fields", "Custom Fields"),
    required("listCustomFields", {}, "object_type", "Object Type"),
    required("updateTicketCustomField", {"ticket_id": 5, "value": "x"}, "id", "Custom Field ID"),
    required("updateTicketCustomField", {"ticket_id": 5, "id": 1}, "value", "Value"),
    required("setTicketCustomFields", {"ticket_id": 5}, "values", "Values"),
    required("setTicketCustomFields", {"values": [{"id": 1, "value": "x"}]}, "ticket_id", "Ticket ID"),
    Refuses("updateCustomFields", {"fields": "[]"}, "fields",
            "Input 'fields' (Custom Fields): at fields: [] should be non-empty."),
    Refuses("updateCustomFields", {"fields": '[{"priority": 1}]'}, "fields",
            "Input 'fields' (Custom Fields): at fields[0]: 'id' is a required property."),
    Refuses("setTicketCustomFields", {"ticket_id": 5, "values": '[{"value": "x"}]'}, "values",
            "Input 'values' (Values): at values[0]: 'id' is a required property."),
    Refuses("createCustomField", {"object_type": "Order", "label": "x", "definition": DEFINITION}, "object_type",
            "Input 'object_type' (Object Type): expected one of Ticket, Customer, received \"Order\"."),
    Refuses("createCustomField", {"object_type": "Ticket", "label": "x", "definition": {"data_type": "date"}},
            "definition", "Input 'definition' (Definition): at definition.data_type: 'date' is not one of "
            "['text', 'number', 'boolean']."),
    Refuses("updateTicketCustomField", {"ticket_id": 5, "id": 1, "value": {"a": 1}}, "value",
            "Input 'value' (Value): expected text, a number or true/false, received an object."),
])
