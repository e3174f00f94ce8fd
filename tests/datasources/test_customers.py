"""Select Customer lists every customer page by page and labels each one readably."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError
from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import Refuses, refuses_test
from tests.support.mocked_gorgias import MockedGorgias


def test_select_customer_fetches_every_page(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                            list_page: Any) -> None:
    """Pages of 100 are followed through next_cursor, keeping view_id; keys are the ids as strings."""
    gorgias_api.add(responses.GET, "/customers", match=[
        matchers.query_param_matcher({"view_id": "12", "limit": "100"}),
    ], json=list_page("/customers", [{"id": 1, "name": "John Doe", "email": "john@example.com"}], next_cursor="c2"))
    gorgias_api.add(responses.GET, "/customers", match=[
        matchers.query_param_matcher({"view_id": "12", "limit": "100", "cursor": "c2"}),
    ], json=list_page("/customers", [{"id": 2, "name": "Jane Doe", "email": None}]))
    assert invoke_data_source(gorgias, "selectCustomer", {"view_id": "12"}, connection) == {"result": [
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
def test_select_customer_labels_are_never_empty(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                list_page: Any, customer: dict[str, Any], label: str) -> None:
    """Name and email, else email only, else names, else "Customer {id}"."""
    gorgias_api.add(responses.GET, "/customers", json=list_page("/customers", [customer]),
                 match=[matchers.query_param_matcher({"limit": "100"})])
    result = invoke_data_source(gorgias, "selectCustomer", {}, connection)
    assert result == {"result": [{"key": str(customer["id"]), "label": label}]}


test_refuses = refuses_test([
    Refuses("selectCustomer", {"view_id": "all"}, "view_id",
            "Input 'view_id' (View ID): expected a positive integer id, received \"all\".", data_source=True),
])


def test_select_customer_api_failure_is_an_api_error(gorgias_api: MockedGorgias,
                                                     connection: dict[str, Any]) -> None:
    """A Gorgias 400 becomes ApiError with status, body and message."""
    error = {"error": {"msg": "Invalid view", "data": {"view_id": ["Unknown view."]}}}
    gorgias_api.add(responses.GET, "/customers", status=400, json=error)
    with pytest.raises(ApiError) as caught:
        invoke_data_source(gorgias, "selectCustomer", {"view_id": 99}, connection)
    assert caught.value.status == 400
    assert caught.value.body == error
    assert str(caught.value) == "Gorgias answered 400 Bad Request to GET /customers: Invalid view (view_id: Unknown view.)."
