"""Widget actions send the documented requests, with the template checked against its schema first."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import InputError
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

TEMPLATE = {"type": "wrapper", "widgets": [{"path": "orders", "type": "card", "title": "Orders",
                                            "widgets": [{"path": "total", "type": "text", "title": "Total"}]}]}
WIDGET = {"id": 7, "type": "http", "context": "ticket", "order": 0, "template": TEMPLATE}


def test_create_widget_posts_the_template_and_documented_defaults(gorgias_api: MockedGorgias,
                                                                  connection: dict[str, Any]) -> None:
    """Create Widget POSTs /widgets with the template, type, integration and the default context and order."""
    body = {"context": "ticket", "integration_id": 123, "order": 0, "template": TEMPLATE, "type": "http"}
    gorgias_api.add(responses.POST, "/widgets", json=WIDGET, status=201, match=[
        matchers.query_param_matcher({}), matchers.json_params_matcher(body, strict_match=True)])
    inputs = {"template": '{"type": "wrapper", "widgets": [{"path": "orders", "type": "card", "title": "Orders", '
                          '"widgets": [{"path": "total", "type": "text", "title": "Total"}]}]}',
              "type": "http", "integration_id": "123"}
    assert gorgias.run_action("createWidget", inputs, connection) == {"data": WIDGET}


def test_create_widget_sends_every_set_input(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Context, order, app id and deactivation are sent as given."""
    body = {"app_id": "60b9f144096cf92533e0a14d", "context": "customer", "order": 3, "template": TEMPLATE,
            "type": "customer_external_data", "deactivated_datetime": "2024-12-04T15:18:56+00:00"}
    gorgias_api.add(responses.POST, "/widgets", json=WIDGET, status=201,
                 match=[matchers.json_params_matcher(body, strict_match=True)])
    inputs = {**body, "order": "3"}
    assert gorgias.run_action("createWidget", inputs, connection) == {"data": WIDGET}


@pytest.mark.parametrize(("inputs", "key", "message"), [
    ({"type": "http"}, "template", "Input 'template' (Template) is required, but no value was given."),
    ({"template": TEMPLATE}, "type", "Input 'type' (Type) is required, but no value was given."),
    ({"template": {"type": "card", "widgets": []}, "type": "http"}, "template",
     "Input 'template' (Template): at template.type: 'wrapper' was expected."),
    ({"template": {"type": "wrapper", "widgets": [{"path": "x"}]}, "type": "http"}, "template",
     "Input 'template' (Template): at template.widgets[0]: 'type' is a required property."),
    ({"template": TEMPLATE, "type": "zendesk"}, "type",
     "Input 'type' (Type): expected one of bigcommerce, custom, customer_external_data, http, magento2, recharge, "
     "shopify, smile, standalone, yotpo, klaviyo, stripe, woocommerce, received \"zendesk\"."),
    ({"template": TEMPLATE, "type": "http", "order": "-1"}, "order",
     "Input 'order' (Order): expected a whole number ≥ 0, received \"-1\"."),
    ({"template": TEMPLATE, "type": "http", "context": "sidebar"}, "context",
     "Input 'context' (Context): expected one of ticket, customer, user, received \"sidebar\"."),
])
def test_create_widget_refuses_bad_inputs_before_sending(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any], inputs: dict[str, Any],
                                                         key: str, message: str) -> None:
    """Missing or invalid inputs are InputErrors naming the input; nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("createWidget", inputs, connection)
    assert (caught.value.key, str(caught.value)) == (key, message)
    assert len(gorgias_api.calls) == 0


def test_get_widget_gets_by_id(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Get Widget GETs /widgets/{id}."""
    gorgias_api.add(responses.GET, "/widgets/7", json=WIDGET, match=[matchers.query_param_matcher({})])
    assert gorgias.run_action("getWidget", {"id": "7"}, connection) == {"data": WIDGET}


def test_update_widget_sends_only_what_was_set(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A partial update: no defaults are added and the id stays in the path."""
    gorgias_api.add(responses.PUT, "/widgets/7", json=WIDGET, status=202,
                 match=[matchers.json_params_matcher({"order": 2}, strict_match=True)])
    assert gorgias.run_action("updateWidget", {"id": 7, "order": 2}, connection) == {"data": WIDGET}


@pytest.mark.parametrize("key", ["getWidget", "updateWidget", "deleteWidget"])
def test_widget_id_is_required(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str) -> None:
    """Without an id nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action(key, {}, connection)
    assert str(caught.value) == "Input 'id' (Widget ID) is required, but no value was given."
    assert len(gorgias_api.calls) == 0


def test_delete_widget_answers_success(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Delete Widget DELETEs /widgets/{id} and returns the documented success message."""
    gorgias_api.add(responses.DELETE, "/widgets/7", status=204)
    assert gorgias.run_action("deleteWidget", {"id": 7}, connection) == {"data": {"message": "Success"}}


def test_list_widgets_passes_filters_order_and_paging(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                      list_page: Any) -> None:
    """List Widgets GETs /widgets with integration_id, app_id, order_by, cursor and limit."""
    page = list_page("/api/widgets", [WIDGET])
    gorgias_api.add(responses.GET, "/widgets", json=page, match=[matchers.query_param_matcher(
        {"integration_id": "123", "app_id": "app-1", "order_by": "order:asc", "cursor": "c1", "limit": "10"})])
    inputs = {"integration_id": 123, "app_id": "app-1", "order_by": "order:asc", "cursor": "c1", "limit": 10}
    assert gorgias.run_action("listWidgets", inputs, connection) == {"data": page}


def test_list_widgets_refuses_an_unknown_order(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Only the documented orderings are accepted."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("listWidgets", {"order_by": "updated_datetime:asc"}, connection)
    assert str(caught.value) == ("Input 'order_by' (Order By): expected one of created_datetime:asc, "
                                 "created_datetime:desc, order:asc, order:desc, received \"updated_datetime:asc\".")
    assert len(gorgias_api.calls) == 0
