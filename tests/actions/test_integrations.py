"""Integration actions send the documented requests: HTTP integrations with their whole configuration."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import InputError
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

INTEGRATION = {"id": 123, "name": "Orders lookup", "type": "http"}
URL = "https://company.com/api/customers?email={{ticket.customer.email}}"
ALL_OFF = {t: False for t in ("ticket-created", "ticket-updated", "ticket-message-created", "ticket-self-unsnoozed",
                              "ticket-message-failed", "ticket-assignment-updated", "ticket-status-updated",
                              "ticket-handed-over")}


def test_create_integration_posts_an_http_integration_with_every_trigger_on_or_off(
        gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Create Integration POSTs /integrations with type http and the whole http object; named triggers are on."""
    body = {
        "description": "Looks up orders", "name": "Orders lookup", "type": "http",
        "http": {"url": URL, "method": "POST", "request_content_type": "application/x-www-form-urlencoded",
                 "response_content_type": "application/json", "headers": {"x-api-key": "abc", "x-n": "3"},
                 "form": {"ticket_id": "{{ticket.id}}"},
                 "triggers": {**ALL_OFF, "ticket-created": True, "ticket-message-created": True}},
    }
    gorgias_api.add(responses.POST, "/integrations", json=INTEGRATION, status=201, match=[
        matchers.query_param_matcher({}),
        matchers.json_params_matcher(body, strict_match=True),
    ])
    inputs = {"name": "Orders lookup", "description": "Looks up orders", "url": URL, "method": "post",
              "request_content_type": "application/x-www-form-urlencoded",
              "headers": [{"key": "x-api-key", "value": "abc"}, {"key": "x-n", "value": 3}],
              "form": "ticket_id:{{ticket.id}}", "triggers": ["ticket-created", "ticket_message_created"]}
    assert gorgias.run_action("createIntegration", inputs, connection) == {"data": INTEGRATION}


def test_create_integration_defaults_method_and_content_types(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any]) -> None:
    """Without method or content types the documented defaults are sent; unset headers, form, triggers are not."""
    body = {"name": "Orders lookup", "type": "http",
            "http": {"url": URL, "method": "GET", "request_content_type": "application/json",
                     "response_content_type": "application/json"}}
    gorgias_api.add(responses.POST, "/integrations", json=INTEGRATION, status=201,
                 match=[matchers.json_params_matcher(body, strict_match=True)])
    assert gorgias.run_action("createIntegration", {"name": "Orders lookup", "url": URL}, connection)["data"] == INTEGRATION


@pytest.mark.parametrize(("inputs", "key", "message"), [
    ({"url": URL}, "name", "Input 'name' (Name) is required, but no value was given."),
    ({"name": "x"}, "url", "Input 'url' (URL) is required, but no value was given."),
    ({"name": "x", "url": "ftp://company.com"}, "url",
     "Input 'url' (URL): expected an http:// or https:// URL, received \"ftp://company.com\"."),
    ({"name": "x", "url": URL, "method": "FETCH"}, "method",
     "Input 'method' (Method): expected one of GET, POST, PUT, DELETE, HEAD, PATCH, received \"FETCH\"."),
    ({"name": "x", "url": URL, "triggers": "ticket-closed"}, "triggers",
     "Input 'triggers' (Triggers): expected a list of trigger names among ticket-created, ticket-updated, "
     "ticket-message-created, ticket-self-unsnoozed, ticket-message-failed, ticket-assignment-updated, "
     "ticket-status-updated, ticket-handed-over, received \"ticket-closed\"."),
    ({"name": "x", "url": URL, "headers": {"x-a": {"nested": 1}}}, "headers",
     "Input 'headers' (Headers): expected key-value pairs whose values are text, received an object."),
    ({"name": "x", "url": URL, "response_content_type": "text/html"}, "response_content_type",
     "Input 'response_content_type' (Response Content Type): expected one of application/json, "
     "received \"text/html\"."),
])
def test_create_integration_refuses_bad_inputs_before_sending(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any], inputs: dict[str, Any],
                                                              key: str, message: str) -> None:
    """Missing or invalid inputs are InputErrors naming the input; nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("createIntegration", inputs, connection)
    assert (caught.value.key, str(caught.value)) == (key, message)
    assert len(gorgias_api.calls) == 0


def test_get_integration_gets_by_id(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Get Integration GETs /integrations/{id} with no query."""
    gorgias_api.add(responses.GET, "/integrations/123", json=INTEGRATION,
                 match=[matchers.query_param_matcher({})])
    assert gorgias.run_action("getIntegration", {"id": " 123 "}, connection) == {"data": INTEGRATION}


@pytest.mark.parametrize("key", ["getIntegration", "deleteIntegration"])
def test_integration_id_is_required_and_checked(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                key: str) -> None:
    """The id is required and must be a positive integer; nothing is sent otherwise."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action(key, {}, connection)
    assert str(caught.value) == "Input 'id' (Integration ID) is required, but no value was given."
    with pytest.raises(InputError) as caught:
        gorgias.run_action(key, {"id": "12/../3"}, connection)
    assert str(caught.value) == "Input 'id' (Integration ID): expected a positive integer id, received \"12/../3\"."
    assert len(gorgias_api.calls) == 0


def test_update_integration_sends_only_what_was_set(gorgias_api: MockedGorgias,
                                                    connection: dict[str, Any]) -> None:
    """Without HTTP settings the update carries the name and the set fields only, not the id."""
    body = {"deactivated_datetime": "2024-12-04T15:18:56+00:00", "name": "Old lookup"}
    gorgias_api.add(responses.PUT, "/integrations/123", json=INTEGRATION, status=202,
                 match=[matchers.json_params_matcher(body, strict_match=True)])
    inputs = {"id": "123", "name": "Old lookup", "deactivated_datetime": "2024-12-04T15:18:56+00:00"}
    assert gorgias.run_action("updateIntegration", inputs, connection) == {"data": INTEGRATION}


def test_update_integration_sends_the_whole_http_object_when_a_setting_changes(
        gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Changing triggers sends url, the defaults of unset settings and every trigger on or off."""
    body = {"name": "Lookup", "http": {"url": URL, "method": "GET", "request_content_type": "application/json",
                                       "response_content_type": "application/json",
                                       "triggers": {**ALL_OFF, "ticket-updated": True}}}
    gorgias_api.add(responses.PUT, "/integrations/123", json=INTEGRATION, status=202,
                 match=[matchers.json_params_matcher(body, strict_match=True)])
    inputs = {"id": 123, "name": "Lookup", "url": URL, "triggers": "ticket-updated"}
    assert gorgias.run_action("updateIntegration", inputs, connection) == {"data": INTEGRATION}


def test_update_integration_needs_the_url_to_change_http_settings(gorgias_api: MockedGorgias,
                                                                  connection: dict[str, Any]) -> None:
    """Gorgias needs the whole http object, so changing a setting without the URL is refused before sending."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("updateIntegration", {"id": 1, "name": "x", "method": "POST", "triggers": []},
                           connection)
    assert caught.value.key == "url"
    assert str(caught.value) == ("Input 'url' (URL) is required when HTTP settings change (method, triggers given), "
                                 "but no value was given.")
    with pytest.raises(InputError) as caught:
        gorgias.run_action("updateIntegration", {"id": 1}, connection)
    assert str(caught.value) == "Input 'name' (Name) is required, but no value was given."
    assert len(gorgias_api.calls) == 0


def test_delete_integration_answers_success(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Delete Integration DELETEs /integrations/{id} and returns the documented success message."""
    gorgias_api.add(responses.DELETE, "/integrations/123", status=204,
                 match=[matchers.query_param_matcher({})])
    assert gorgias.run_action("deleteIntegration", {"id": 123}, connection) == {"data": {"message": "Success"}}


def test_list_integrations_passes_filters_order_and_paging(gorgias_api: MockedGorgias,
                                                           connection: dict[str, Any], list_page: Any) -> None:
    """List Integrations GETs /integrations with type, order_by, cursor and limit."""
    page = list_page("/api/integrations", [INTEGRATION], next_cursor="c2")
    gorgias_api.add(responses.GET, "/integrations", json=page, match=[matchers.query_param_matcher(
        {"type": "http", "order_by": "created_datetime:asc", "cursor": "c1", "limit": "5"})])
    inputs = {"type": "HTTP", "order_by": "created_datetime:asc", "cursor": "c1", "limit": "5"}
    assert gorgias.run_action("listIntegrations", inputs, connection) == {"data": page}


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


def test_list_integrations_refuses_unknown_types(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """An integration type Gorgias does not list is refused before sending."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("listIntegrations", {"type": "webhook"}, connection)
    assert caught.value.key == "type"
    assert len(gorgias_api.calls) == 0
