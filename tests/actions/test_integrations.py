"""Integration actions send the documented requests: HTTP integrations with their whole configuration."""

from __future__ import annotations

from typing import Any

import responses
from responses import matchers

from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

INTEGRATION = {"id": 123, "name": "Orders lookup", "type": "http"}
URL = "https://company.com/api/customers?email={{ticket.customer.email}}"
ALL_OFF = {t: False for t in ("ticket-created", "ticket-updated", "ticket-message-created", "ticket-self-unsnoozed",
                              "ticket-message-failed", "ticket-assignment-updated", "ticket-status-updated",
                              "ticket-handed-over")}
JSON = "application/json"

test_sends = sends_test([
    # An http integration with the whole http object; the named triggers are on, every other one off.
    Sends("createIntegration", {"name": "Orders lookup", "description": "Looks up orders", "url": URL, "method": "post",
                                "request_content_type": "application/x-www-form-urlencoded",
                                "headers": [{"key": "x-api-key", "value": "abc"}, {"key": "x-n", "value": 3}],
                                "form": "ticket_id:{{ticket.id}}",
                                "triggers": ["ticket-created", "ticket_message_created"]},
          "POST", "/integrations",
          body={"description": "Looks up orders", "name": "Orders lookup", "type": "http",
                "http": {"url": URL, "method": "POST", "request_content_type": "application/x-www-form-urlencoded",
                         "response_content_type": JSON, "headers": {"x-api-key": "abc", "x-n": "3"},
                         "form": {"ticket_id": "{{ticket.id}}"},
                         "triggers": {**ALL_OFF, "ticket-created": True, "ticket-message-created": True}}},
          answer=INTEGRATION, status=201),
    # Without method or content types the documented defaults are sent; unset headers, form, triggers are not.
    Sends("createIntegration", {"name": "Orders lookup", "url": URL}, "POST", "/integrations",
          body={"name": "Orders lookup", "type": "http",
                "http": {"url": URL, "method": "GET", "request_content_type": JSON, "response_content_type": JSON}},
          answer=INTEGRATION, status=201),
    Sends("getIntegration", {"id": " 123 "}, "GET", "/integrations/123", answer=INTEGRATION),
    # Without HTTP settings the update carries the name and the set fields only, not the id.
    Sends("updateIntegration", {"id": "123", "name": "Old lookup", "deactivated_datetime": "2024-12-04T15:18:56+00:00"},
          "PUT", "/integrations/123", body={"deactivated_datetime": "2024-12-04T15:18:56+00:00", "name": "Old lookup"},
          answer=INTEGRATION, status=202),
    # Changing triggers sends url, the defaults of unset settings and every trigger on or off.
    Sends("updateIntegration", {"id": 123, "name": "Lookup", "url": URL, "triggers": "ticket-updated"},
          "PUT", "/integrations/123",
          body={"name": "Lookup", "http": {"url": URL, "method": "GET", "request_content_type": JSON,
                                           "response_content_type": JSON,
                                           "triggers": {**ALL_OFF, "ticket-updated": True}}},
          answer=INTEGRATION, status=202),
    Sends("deleteIntegration", {"id": 123}, "DELETE", "/integrations/123", status=204),
    Sends("listIntegrations", {"type": "HTTP", "order_by": "created_datetime:asc", "cursor": "c1", "limit": "5"},
          "GET", "/integrations", query={"type": "http", "order_by": "created_datetime:asc", "cursor": "c1", "limit": "5"},
          answer=envelope("/api/integrations", [INTEGRATION], next_cursor="c2")),
])

test_refuses = refuses_test([
    required("createIntegration", {"url": URL}, "name", "Name"),
    required("createIntegration", {"name": "x"}, "url", "URL"),
    Refuses("createIntegration", {"name": "x", "url": "ftp://company.com"}, "url",
            "Input 'url' (URL): expected an http:// or https:// URL, received \"ftp://company.com\"."),
    Refuses("createIntegration", {"name": "x", "url": URL, "method": "FETCH"}, "method",
            "Input 'method' (Method): expected one of GET, POST, PUT, DELETE, HEAD, PATCH, received \"FETCH\"."),
    Refuses("createIntegration", {"name": "x", "url": URL, "triggers": "ticket-closed"}, "triggers",
            "Input 'triggers' (Triggers): expected a list of trigger names among ticket-created, ticket-updated, "
            "ticket-message-created, ticket-self-unsnoozed, ticket-message-failed, ticket-assignment-updated, "
            "ticket-status-updated, ticket-handed-over, received \"ticket-closed\"."),
    Refuses("createIntegration", {"name": "x", "url": URL, "headers": {"x-a": {"nested": 1}}}, "headers",
            "Input 'headers' (Headers): expected key-value pairs whose values are text, received an object."),
    Refuses("createIntegration", {"name": "x", "url": URL, "response_content_type": "text/html"},
            "response_content_type", "Input 'response_content_type' (Response Content Type): expected one of "
            "application/json, received \"text/html\"."),
    # The id is required and must be a positive integer.
    *(row for key in ("getIntegration", "deleteIntegration") for row in (
        required(key, {}, "id", "Integration ID"),
        Refuses(key, {"id": "12/../3"}, "id",
                "Input 'id' (Integration ID): expected a positive integer id, received \"12/../3\"."))),
    # Gorgias needs the whole http object, so changing a setting without the URL is refused.
    Refuses("updateIntegration", {"id": 1, "name": "x", "method": "POST", "triggers": []}, "url",
            "Input 'url' (URL) is required when HTTP settings change (method, triggers given), but no value was given."),
    required("updateIntegration", {"id": 1}, "name", "Name"),
    # An integration type Gorgias does not list.
    Refuses("listIntegrations", {"type": "webhook"}, "type",
            "Input 'type' (Type): expected one of email, gmail, outlook, app, aircall, facebook, gorgias_chat, phone, "
            "sms, twitter, yotpo, whatsapp, http, shopify, recharge, smile, smooch_inside, smooch, magento2, zendesk, "
            "klaviyo, bigcommerce, alloy, ecom, received \"webhook\"."),
])


def test_list_integrations_fetch_all_follows_cursors(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                     list_page: Any) -> None:
    """With fetchAll every page is read, 100 at a time, and one envelope holds every integration."""
    second = {**INTEGRATION, "id": 124}
    gorgias_api.add(responses.GET, "/integrations", json=list_page("/api/integrations", [INTEGRATION],
                                                                       next_cursor="c2"),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    gorgias_api.add(responses.GET, "/integrations", json=list_page("/api/integrations", [second]),
                 match=[matchers.query_param_matcher({"limit": "100", "cursor": "c2"})])
    result = gorgias.run_action("listIntegrations", {"fetchAll": "true", "limit": "3"}, connection)["data"]
    assert [i["id"] for i in result["data"]] == [123, 124]
    assert result["meta"] == {"prev_cursor": None, "next_cursor": None}
