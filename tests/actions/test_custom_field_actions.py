"""Custom field actions (definitions and a ticket's values) send exactly the documented requests."""

from __future__ import annotations

from typing import Any

import pytest

from gorgias_component import gorgias
from tests.support.action_cases import assert_refused, assert_required, assert_sends
from tests.support.mocked_gorgias import MockedGorgias

FIELD = {"id": 1, "object_type": "Ticket", "label": "Contact reason", "definition": {"data_type": "text"}}
PAGE = {"object": "list", "uri": "/api/custom-fields", "data": [FIELD],
        "meta": {"prev_cursor": None, "next_cursor": None}}
DEFINITION = {"data_type": "text", "input_settings": {"input_type": "dropdown", "choices": ["Refund"]}}
VALUE = {"id": 9, "value": "Refund", "field": FIELD}

CASES = [
    ("createCustomField", {"object_type": "ticket", "label": "Contact reason", "definition": DEFINITION,
                           "priority": "2", "required": "true", "description": "Why", "external_id": "cf-1"},
     "POST", "/custom-fields", {}, {"object_type": "Ticket", "label": "Contact reason", "definition": DEFINITION,
                                    "priority": 2, "required": True, "description": "Why", "external_id": "cf-1"},
     FIELD),
    ("getCustomField", {"id": 1}, "GET", "/custom-fields/1", {}, None, FIELD),
    ("updateCustomField", {"id": 1, "label": "Reason", "deactivated_datetime": "2024-12-04T15:18:56"},
     "PUT", "/custom-fields/1", {}, {"label": "Reason", "deactivated_datetime": "2024-12-04T15:18:56"}, FIELD),
    ("updateCustomFields", {"fields": '[{"id": 1, "priority": 3}, {"id": 2, "required": false}]'},
     "PUT", "/custom-fields", {}, [{"id": 1, "priority": 3}, {"id": 2, "required": False}], {"data": [FIELD]}),
    ("listCustomFields", {"object_type": "Customer", "archived": "false", "search": "tier", "order_by": "priority:asc"},
     "GET", "/custom-fields", {"object_type": "Customer", "archived": "false", "search": "tier",
                               "order_by": "priority:asc"}, None, PAGE),
    ("updateTicketCustomField", {"ticket_id": 5, "id": 1, "value": "Refund"},
     "PUT", "/tickets/5/custom-fields/1", {}, {"value": "Refund"}, VALUE),
    ("updateTicketCustomField", {"ticket_id": 5, "id": 3, "value": 7},
     "PUT", "/tickets/5/custom-fields/3", {}, {"value": 7}, {**VALUE, "value": 7}),
]


@pytest.mark.parametrize(("key", "inputs", "method", "path", "query", "body", "answer"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_request_is_exactly_the_documented_one(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                   inputs: dict[str, Any], method: str, path: str,
                                                   query: dict[str, Any], body: Any, answer: Any) -> None:
    assert_sends(gorgias_api, connection, key, inputs, method, path, query, body, answer)


def test_set_ticket_custom_fields_puts_the_list_and_returns_the_values(gorgias_api: MockedGorgias,
                                                                       connection: dict[str, Any]) -> None:
    """The values go out as the body; the answer's list (bare or in {"data": ...}) is the result."""
    values = [{"id": 1, "value": "Refund"}, {"id": 3, "value": 8}]
    gorgias_api.expect("PUT", "/tickets/5/custom-fields", body=values, answer={"data": [VALUE]})
    assert gorgias.run_action("setTicketCustomFields", {"ticket_id": 5, "values": values}, connection) == {
        "data": [VALUE]}


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), [
    ("createCustomField", {"label": "x", "definition": DEFINITION}, "object_type", "Object Type"),
    ("createCustomField", {"object_type": "Ticket", "definition": DEFINITION}, "label", "Label"),
    ("createCustomField", {"object_type": "Ticket", "label": "x"}, "definition", "Definition"),
    ("getCustomField", {}, "id", "Custom Field ID"),
    ("updateCustomField", {"label": "x"}, "id", "Custom Field ID"),
    ("updateCustomFields", {}, "fields", "Custom Fields"),
    ("listCustomFields", {}, "object_type", "Object Type"),
    ("updateTicketCustomField", {"ticket_id": 5, "value": "x"}, "id", "Custom Field ID"),
    ("updateTicketCustomField", {"ticket_id": 5, "id": 1}, "value", "Value"),
    ("setTicketCustomFields", {"ticket_id": 5}, "values", "Values"),
    ("setTicketCustomFields", {"values": [{"id": 1, "value": "x"}]}, "ticket_id", "Ticket ID"),
])
def test_a_missing_required_input_sends_nothing(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                inputs: dict[str, Any], missing: str, label: str) -> None:
    assert_required(gorgias_api, connection, key, inputs, missing, label)


@pytest.mark.parametrize(("key", "inputs", "message"), [
    ("updateCustomFields", {"fields": "[]"},
     "Input 'fields' (Custom Fields): at fields: [] should be non-empty."),
    ("updateCustomFields", {"fields": '[{"priority": 1}]'},
     "Input 'fields' (Custom Fields): at fields[0]: 'id' is a required property."),
    ("setTicketCustomFields", {"ticket_id": 5, "values": '[{"value": "x"}]'},
     "Input 'values' (Values): at values[0]: 'id' is a required property."),
    ("createCustomField", {"object_type": "Order", "label": "x", "definition": DEFINITION},
     "Input 'object_type' (Object Type): expected one of Ticket, Customer, received \"Order\"."),
    ("createCustomField", {"object_type": "Ticket", "label": "x", "definition": {"data_type": "date"}},
     "Input 'definition' (Definition): at definition.data_type: 'date' is not one of ['text', 'number', 'boolean']."),
    ("updateTicketCustomField", {"ticket_id": 5, "id": 1, "value": {"a": 1}},
     "Input 'value' (Value): expected text, a number or true/false, received an object."),
])
def test_bad_values_are_refused_before_sending(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                               inputs: dict[str, Any], message: str) -> None:
    assert_refused(gorgias_api, connection, key, inputs, message)
