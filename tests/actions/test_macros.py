"""Macro actions send the documented Gorgias requests (method, path, query, body exactly) and refuse bad input."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.mocked_gorgias import MockedGorgias
from tests.support.requests_table import Case, envelope, output_errors, refused, run_case

# The reference's example macro (developers.gorgias.com, The Macro object).
MACRO = {
    "id": 23453, "external_id": "CUS-324512", "name": "Order status inquiry", "intent": "discount/request",
    "language": "en", "usage": 58392,
    "actions": [
        {"arguments": {"tags": "question, order-status"}, "name": "addTags", "title": "Add tags", "type": "user"},
        {"arguments": {"body_html": "<div>Hi {{ticket.customer.firstname}},</div>",
                       "body_text": "Hi {{ticket.customer.firstname}},"},
         "name": "setResponseText", "title": "Add tags", "type": "user"},
    ],
    "created_datetime": "2019-11-23T15:59:41.966927", "updated_datetime": "2020-01-30T11:04:34.345123",
    "archived_datetime": None, "uri": "/api/macros/23453/",
}
ADD_TAGS = [{"name": "addTags", "title": "Add tags", "type": "user", "arguments": {"tags": "refund"}}]

CASES = [
    Case("createMacro", {"name": "Order status inquiry", "actions": '[{"name": "addTags", "title": "Add tags", '
                         '"type": "user", "arguments": {"tags": "refund"}}]', "external_id": "CUS-324512",
                         "intent": "Shipping/Status", "language": "en"},
         "POST", "/macros",
         body={"name": "Order status inquiry", "actions": ADD_TAGS, "external_id": "CUS-324512",
               "intent": "shipping/status", "language": "en"}, answer=MACRO, status=201),
    Case("getMacro", {"id": "23453"}, "GET", "/macros/23453", answer=MACRO),
    Case("updateMacro", {"id": 23453, "actions": ADD_TAGS}, "PUT", "/macros/23453", body={"actions": ADD_TAGS},
         answer=MACRO, status=202),
    Case("deleteMacro", {"id": "23453"}, "DELETE", "/macros/23453", status=204),
    Case("listMacros", {"tags": ["refund", "vip"], "languages": "en", "search": "order", "order_by": "name:asc",
                        "limit": "5"},
         "GET", "/macros",
         query={"tags": ["refund", "vip"], "languages": "en", "search": "order", "order_by": "name:asc", "limit": "5"},
         answer=envelope("/api/macros?limit=5", [MACRO])),
    Case("listMacros", {"order_by": "relevance", "ticket_id": "12", "message_id": "35893"}, "GET", "/macros",
         query={"order_by": "relevance", "ticket_id": "12", "message_id": "35893"},
         answer=envelope("/api/macros", [MACRO])),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.key)
def test_macro_action_sends_the_documented_request(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                  case: Case) -> None:
    """Each action converts its inputs and sends exactly the documented request; the answer is its data."""
    data = run_case(gorgias_api, connection, case)
    assert data == (case.answer if case.answer is not None else {"message": "Success"})
    assert output_errors(case.key, data) == []


REQUIRED = [("createMacro", {"language": "en"}, "name", "Name"), ("getMacro", {}, "id", "Macro ID"),
            ("updateMacro", {"name": "x"}, "id", "Macro ID"), ("deleteMacro", {}, "id", "Macro ID")]


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), REQUIRED)
def test_a_missing_required_input_is_refused_before_sending(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any], key: str,
                                                            inputs: dict[str, Any], missing: str, label: str) -> None:
    """Without a required input, the action raises InputError naming it, and nothing is sent."""
    error = refused(gorgias_api, connection, key, inputs)
    assert (error.key, str(error)) == (missing, f"Input '{missing}' ({label}) is required, but no value was given.")


BAD = [
    ("createMacro", {"name": "n", "intent": "order/lost"}, "intent",
     "Input 'intent' (Intent): expected one of discount/request, exchange/request, exchange/status, feedback, "
     "order/damaged, order/cancel, order/change, order/wrong, other/no_reply, other/question, other/thanks, "
     "product/recommendation, product/question, refund/request, refund/status, return/request, return/status, "
     "shipping/change, shipping/delivery-issue, shipping/policy, shipping/status, stock/request, "
     "subscription/cancel, subscription/change, received \"order/lost\"."),
    ("createMacro", {"name": "n", "actions": '[{"title": "no name"}]'}, "actions",
     "Input 'actions' (Actions): at actions[0]: 'name' is a required property."),
    ("createMacro", {"name": "n", "actions": '{"name": "addTags"}'}, "actions",
     "Input 'actions' (Actions): expected a JSON array, received \"{\\\"name\\\": \\\"addTags\\\"}\"."),
    ("getMacro", {"id": "abc"}, "id", "Input 'id' (Macro ID): expected a positive integer id, received \"abc\"."),
    ("listMacros", {"order_by": "relevance:desc"}, "ticket_id",
     "Input 'ticket_id' (Ticket ID) is required when Order By is relevance."),
    ("listMacros", {"message_id": "35893", "ticket_id": "12"}, "order_by",
     "Input 'order_by' (Order By) must be relevance (or relevance:asc/desc) when Message ID is set."),
    ("listMacros", {"order_by": "popularity"}, "order_by",
     "Input 'order_by' (Order By): expected one of name, created_datetime, updated_datetime, usage, relevance, "
     "language, name:asc, name:desc, created_datetime:asc, created_datetime:desc, updated_datetime:asc, "
     "updated_datetime:desc, usage:asc, usage:desc, relevance:asc, relevance:desc, language:asc, language:desc, "
     "received \"popularity\"."),
]


@pytest.mark.parametrize(("key", "inputs", "bad", "message"), BAD)
def test_an_invalid_input_is_refused_before_sending(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                    key: str, inputs: dict[str, Any], bad: str, message: str) -> None:
    """Enumerations, ids, JSON bodies and the relevance rules are checked before anything is sent."""
    error = refused(gorgias_api, connection, key, inputs)
    assert (error.key, str(error)) == (bad, message)
