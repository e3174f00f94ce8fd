"""The test harness runs actions and data sources through the production executor and HTTP client."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import responses
from responses import matchers

from component import InputError, UnknownKeyError
from component.testing import example_connection, invoke, invoke_data_source
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

# invoke's example connection is not the fixture's: account green-garden, the fields' documented examples.
EXAMPLE_AUTH = "Basic " + base64.b64encode(b"test-username-value:test-apikey-value").decode()


def test_example_connection_is_filled_from_the_declared_examples() -> None:
    """Fields take their documented example, else their default, else a recognisable placeholder."""
    assert example_connection(gorgias) == {
        "key": "apiKey",
        "fields": {"apiKey": "test-apikey-value", "domain": "green-garden", "username": "test-username-value"},
    }


def test_example_connection_can_pick_a_connection_and_override_fields() -> None:
    """A connection key chooses the definition; keyword arguments replace field values."""
    value = example_connection(gorgias, "oauth2", domain="acme", clientSecret="other-secret")
    assert value["key"] == "oauth2"
    assert value["fields"] == {
        "authorizeUrl": "https://<DOMAIN>.gorgias.com/oauth/authorize", "clientId": "test-clientid-value",
        "clientSecret": "other-secret", "domain": "acme", "scopes": "openid profile email write:all offline",
        "tokenUrl": "https://<DOMAIN>.gorgias.com/oauth/token",
    }


def test_invoke_sends_the_request_with_the_example_connection(api_mock: responses.RequestsMock) -> None:
    """invoke validates, authenticates, sends and wraps exactly as run_action does."""
    api_mock.get("https://green-garden.gorgias.com/api/customers/3", json={"id": 3},
                 match=[matchers.header_matcher({"Authorization": EXAMPLE_AUTH})])
    assert invoke(gorgias, "getCustomer", {"id": "3"}) == {"data": {"id": 3}}


def test_invoke_uses_the_given_connection(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A connection passed to invoke is the one used."""
    gorgias_api.add(responses.GET, "/account", json={"domain": "acme"})
    assert invoke(gorgias, "getAccount", connection=connection) == {"data": {"domain": "acme"}}


def test_invoke_raises_the_errors_a_host_would_see(api_mock: responses.RequestsMock) -> None:
    """Bad inputs and unknown keys raise the production errors, before anything is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "getCustomer", {"id": "x"})
    assert str(caught.value) == "Input 'id' (Customer ID): expected a positive integer id, received \"x\"."
    with pytest.raises(UnknownKeyError):
        invoke(gorgias, "getCustomers")


def test_invoke_data_source_wraps_the_options(api_mock: responses.RequestsMock) -> None:
    """invoke_data_source lists through the client and returns {"result": [...]}."""
    api_mock.get("https://green-garden.gorgias.com/api/customers",
                 match=[matchers.query_param_matcher({"limit": "100", "view_id": "4"}),
                        matchers.header_matcher({"Authorization": EXAMPLE_AUTH})],
                 json={"data": [{"id": 1, "email": "a@b.test"}], "meta": {"next_cursor": None}})
    assert invoke_data_source(gorgias, "selectCustomer", {"view_id": 4}) == {"result": [{"key": "1", "label": "a@b.test"}]}
