"""Select Customer lists every customer page by page and labels each one readably."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError
from gorgias_component import gorgias

BASE = "https://acme.gorgias.com/api"
AUTHORIZATION = "Basic " + base64.b64encode(b"me@acme.com:k3y-s3cret-value").decode()


def test_select_customer_fetches_every_page(api_mock: responses.RequestsMock, connection: dict[str, Any],
                                            list_page: Any) -> None:
    """Pages of 100 are followed through next_cursor, keeping view_id; keys are the ids as strings."""
    api_mock.add(responses.GET, f"{BASE}/customers", match=[
        matchers.header_matcher({"Authorization": AUTHORIZATION}),
        matchers.query_param_matcher({"view_id": "12", "limit": "100"}),
    ], json=list_page("/customers", [{"id": 1, "name": "John Doe", "email": "john@example.com"}], next_cursor="c2"))
    api_mock.add(responses.GET, f"{BASE}/customers", match=[
        matchers.query_param_matcher({"view_id": "12", "limit": "100", "cursor": "c2"}),
    ], json=list_page("/customers", [{"id": 2, "name": "Jane Doe", "email": None}]))
    assert gorgias.run_data_source("selectCustomer", {"view_id": "12"}, connection) == {"result": [
        {"key": "1", "label": "John Doe (john@example.com)"},
        {"key": "2", "label": "Jane Doe"},
    ]}


@pytest.mark.parametrize(
    ("customer", "label"),
    [
        ({"id": 1, "name": "John Doe", "email": "john@example.com"}, "John Doe (john@example.com)"),
        ({"id": 2, "name": None, "email": "solo@example.com"}, "solo@example.com"),
        ({"id": 3, "name": "  ", "email": ""}, "Customer 3"),
        ({"id": 4}, "Customer 4"),
        ({"id": 5, "name": None, "firstname": "Sarah", "lastname": "Connor", "email": None}, "Sarah Connor"),
    ],
)
def test_select_customer_labels_are_never_empty(api_mock: responses.RequestsMock, connection: dict[str, Any],
                                                list_page: Any, customer: dict[str, Any], label: str) -> None:
    """Name and email, else email only, else names, else "Customer {id}"."""
    api_mock.add(responses.GET, f"{BASE}/customers", json=list_page("/customers", [customer]),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    result = gorgias.run_data_source("selectCustomer", {}, connection)
    assert result == {"result": [{"key": str(customer["id"]), "label": label}]}


def test_select_customer_refuses_a_bad_view_id(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """A view id that is not a positive integer is an InputError; nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_data_source("selectCustomer", {"view_id": "all"}, connection)
    assert caught.value.key == "view_id"
    assert str(caught.value) == "Input 'view_id' (View ID): expected a positive integer id, received \"all\"."
    assert len(api_mock.calls) == 0


def test_select_customer_api_failure_is_an_api_error(api_mock: responses.RequestsMock,
                                                     connection: dict[str, Any]) -> None:
    """A Gorgias 400 becomes ApiError with status, body and message."""
    error = {"error": {"msg": "Invalid view", "data": {"view_id": ["Unknown view."]}}}
    api_mock.add(responses.GET, f"{BASE}/customers", status=400, json=error)
    with pytest.raises(ApiError) as caught:
        gorgias.run_data_source("selectCustomer", {"view_id": 99}, connection)
    assert caught.value.status == 400
    assert caught.value.body == error
    assert str(caught.value) == "Gorgias answered 400 Bad Request to GET /customers: Invalid view (view_id: Unknown view.)."
