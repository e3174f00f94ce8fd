"""Select Integration lists every integration page by page with a readable, never empty label."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from gorgias_component import gorgias
from gorgias_component.datasources.integrations import integration_label
from tests.support.action_table import Refuses, refuses_test
from tests.support.mocked_gorgias import MockedGorgias


def test_select_integration_fetches_every_page_with_the_type_filter(gorgias_api: MockedGorgias,
                                                                    connection: dict[str, Any],
                                                                    list_page: Any) -> None:
    """Pages of 100 are followed through next_cursor, keeping the type filter; keys are the ids as strings."""
    gorgias_api.add(responses.GET, "/integrations", json=list_page(
        "/api/integrations", [{"id": 4, "name": "Orders lookup", "type": "http"}], next_cursor="c2"),
        match=[matchers.query_param_matcher({"type": "http", "limit": "100"})])
    gorgias_api.add(responses.GET, "/integrations", json=list_page(
        "/api/integrations", [{"id": 9, "name": "", "type": "http"}]),
        match=[matchers.query_param_matcher({"type": "http", "limit": "100", "cursor": "c2"})])
    assert gorgias.run_data_source("selectIntegration", {"type": "http"}, connection) == {"result": [
        {"key": "4", "label": "Orders lookup (http)"}, {"key": "9", "label": "Integration 9 (http)"}]}


@pytest.mark.parametrize(("integration", "label"), [
    ({"id": 1, "name": "Support inbox", "type": "email"}, "Support inbox (email)"),
    ({"id": 2, "name": "  Shop \n EU ", "type": None}, "Shop EU"),
    ({"id": 3, "name": None, "type": ""}, "Integration 3"),
    ({"id": 4}, "Integration 4"),
])
def test_integration_labels_are_never_empty(integration: dict[str, Any], label: str) -> None:
    """Name and type when known, the id otherwise."""
    assert integration_label(integration) == label


test_refuses = refuses_test([
    Refuses("selectIntegration", {"type": "carrier-pigeon"}, "type",
            "Input 'type' (Type): expected one of email, gmail, outlook, app, aircall, facebook, gorgias_chat, phone, "
            "sms, twitter, yotpo, whatsapp, http, shopify, recharge, smile, smooch_inside, smooch, magento2, zendesk, "
            "klaviyo, bigcommerce, alloy, ecom, received \"carrier-pigeon\".", data_source=True),
])


def test_select_integration_searches_with_gorgias_search(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any]) -> None:
    """A search without a type filter asks Gorgias's search for integrations."""
    gorgias_api.add(responses.POST, "/search", json={"data": [{"id": 4, "name": "Orders lookup", "type": "http"}]},
                 match=[matchers.json_params_matcher({"type": "integration", "query": "orders", "size": 50})])
    result = gorgias.run_data_source("selectIntegration", {}, connection, search="orders")
    assert result["result"] == [{"key": "4", "label": "Orders lookup (http)"}]
