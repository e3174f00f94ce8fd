"""Widget actions send the documented requests, with the template checked against its schema first."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test

TEMPLATE = {"type": "wrapper", "widgets": [{"path": "orders", "type": "card", "title": "Orders",
                                            "widgets": [{"path": "total", "type": "text", "title": "Total"}]}]}
WIDGET = {"id": 7, "type": "http", "context": "ticket", "order": 0, "template": TEMPLATE}
EVERY_INPUT = {"app_id": "60b9f144096cf92533e0a14d", "context": "customer", "order": 3, "template": TEMPLATE,
               "type": "customer_external_data", "deactivated_datetime": "2024-12-04T15:18:56+00:00"}

test_sends = sends_test([
    # The template, type, integration and the default context and order.
    Sends("createWidget", {"template": '{"type": "wrapper", "widgets": [{"path": "orders", "type": "card", '
                                       '"title": "Orders", "widgets": [{"path": "total", "type": "text", '
                                       '"title": "Total"}]}]}', "type": "http", "integration_id": "123"},
          "POST", "/widgets", body={"context": "ticket", "integration_id": 123, "order": 0, "template": TEMPLATE,
                                    "type": "http"}, answer=WIDGET, status=201),
    # Context, order, app id and deactivation are sent as given.
    Sends("createWidget", {**EVERY_INPUT, "order": "3"}, "POST", "/widgets", body=EVERY_INPUT, answer=WIDGET,
          status=201),
    Sends("getWidget", {"id": "7"}, "GET", "/widgets/7", answer=WIDGET),
    # A partial update: no defaults are added and the id stays in the path.
    Sends("updateWidget", {"id": 7, "order": 2}, "PUT", "/widgets/7", body={"order": 2}, answer=WIDGET, status=202),
    Sends("deleteWidget", {"id": 7}, "DELETE", "/widgets/7", status=204),
    Sends("listWidgets", {"integration_id": 123, "app_id": "app-1", "order_by": "order:asc", "cursor": "c1", "limit": 10},
          "GET", "/widgets",
          query={"integration_id": "123", "app_id": "app-1", "order_by": "order:asc", "cursor": "c1", "limit": "10"},
          answer=envelope("/api/widgets", [WIDGET])),
])

test_refuses = refuses_test([
    required("createWidget", {"type": "http"}, "template", "Template"),
    required("createWidget", {"template": TEMPLATE}, "type", "Type"),
    Refuses("createWidget", {"template": {"type": "card", "widgets": []}, "type": "http"}, "template",
            "Input 'template' (Template): at template.type: 'wrapper' was expected."),
    Refuses("createWidget", {"template": {"type": "wrapper", "widgets": [{"path": "x"}]}, "type": "http"}, "template",
            "Input 'template' (Template): at template.widgets[0]: 'type' is a required property."),
    Refuses("createWidget", {"template": TEMPLATE, "type": "zendesk"}, "type",
            "Input 'type' (Type): expected one of bigcommerce, custom, customer_external_data, http, magento2, recharge, "
            "shopify, smile, standalone, yotpo, klaviyo, stripe, woocommerce, received \"zendesk\"."),
    Refuses("createWidget", {"template": TEMPLATE, "type": "http", "order": "-1"}, "order",
            "Input 'order' (Order): expected a whole number ≥ 0, received \"-1\"."),
    Refuses("createWidget", {"template": TEMPLATE, "type": "http", "context": "sidebar"}, "context",
            "Input 'context' (Context): expected one of ticket, customer, user, received \"sidebar\"."),
    *(required(key, {}, "id", "Widget ID") for key in ("getWidget", "updateWidget", "deleteWidget")),
    # Only the documented orderings are accepted.
    Refuses("listWidgets", {"order_by": "updated_datetime:asc"}, "order_by",
            "Input 'order_by' (Order By): expected one of created_datetime:asc, created_datetime:desc, order:asc, "
            "order:desc, received \"updated_datetime:asc\"."),
])
