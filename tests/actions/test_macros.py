"""Macro actions send the documented Gorgias requests (method, path, query, body exactly) and refuse bad input."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test

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

test_sends = sends_test([
    Sends("createMacro", {"name": "Order status inquiry", "actions": '[{"name": "addTags", "title": "Add tags", '
                          '"type": "user", "arguments": {"tags": "refund"}}]', "external_id": "CUS-324512",
                          "intent": "Shipping/Status", "language": "en"},
          "POST", "/macros",
          body={"name": "Order status inquiry", "actions": ADD_TAGS, "external_id": "CUS-324512",
                "intent": "shipping/status", "language": "en"}, answer=MACRO, status=201),
    Sends("getMacro", {"id": "23453"}, "GET", "/macros/23453", answer=MACRO),
    Sends("updateMacro", {"id": 23453, "actions": ADD_TAGS}, "PUT", "/macros/23453", body={"actions": ADD_TAGS},
          answer=MACRO, status=202),
    Sends("deleteMacro", {"id": "23453"}, "DELETE", "/macros/23453", status=204),
    Sends("listMacros", {"tags": ["refund", "vip"], "languages": "en", "search": "order", "order_by": "name:asc",
                         "limit": "5"},
          "GET", "/macros",
          query={"tags": ["refund", "vip"], "languages": "en", "search": "order", "order_by": "name:asc", "limit": "5"},
          answer=envelope("/api/macros?limit=5", [MACRO])),
    Sends("listMacros", {"order_by": "relevance", "ticket_id": "12", "message_id": "35893"}, "GET", "/macros",
          query={"order_by": "relevance", "ticket_id": "12", "message_id": "35893"},
          answer=envelope("/api/macros", [MACRO])),
])


# Enumerations, ids, JSON bodies and the relevance rules are checked before anything is sent.
test_refuses = refuses_test([
    required("createMacro", {"language": "en"}, "name", "Name"),
    required("getMacro", {}, "id", "Macro ID"),
    required("updateMacro", {"name": "x"}, "id", "Macro ID"),
    required("deleteMacro", {}, "id", "Macro ID"),
    Refuses("createMacro", {"name": "n", "intent": "order/lost"}, "intent",
            "Input 'intent' (Intent): expected one of discount/request, exchange/request, exchange/status, feedback, "
            "order/damaged, order/cancel, order/change, order/wrong, other/no_reply, other/question, other/thanks, "
            "product/recommendation, product/question, refund/request, refund/status, return/request, return/status, "
            "shipping/change, shipping/delivery-issue, shipping/policy, shipping/status, stock/request, "
            "subscription/cancel, subscription/change, received \"order/lost\"."),
    Refuses("createMacro", {"name": "n", "actions": '[{"title": "no name"}]'}, "actions",
            "Input 'actions' (Actions): at actions[0]: 'name' is a required property."),
    Refuses("createMacro", {"name": "n", "actions": '{"name": "addTags"}'}, "actions",
            "Input 'actions' (Actions): expected a JSON array, received \"{\\\"name\\\": \\\"addTags\\\"}\"."),
    Refuses("getMacro", {"id": "abc"}, "id", "Input 'id' (Macro ID): expected a positive integer id, received \"abc\"."),
    Refuses("listMacros", {"order_by": "relevance:desc"}, "ticket_id",
            "Input 'ticket_id' (Ticket ID) is required when Order By is relevance."),
    Refuses("listMacros", {"message_id": "35893", "ticket_id": "12"}, "order_by",
            "Input 'order_by' (Order By) must be relevance (or relevance:asc/desc) when Message ID is set."),
    Refuses("listMacros", {"order_by": "popularity"}, "order_by",
            "Input 'order_by' (Order By): expected one of name, created_datetime, updated_datetime, usage, relevance, "
            "language, name:asc, name:desc, created_datetime:asc, created_datetime:desc, updated_datetime:asc, "
            "updated_datetime:desc, usage:asc, usage:desc, relevance:asc, relevance:desc, language:asc, language:desc, "
            "received \"popularity\"."),
])
