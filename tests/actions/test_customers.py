"""Customer actions send the documented Gorgias requests and return the answer wrapped in {"data": ...}."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, UnknownKeyError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

CUSTOMER = {"id": 3924, "email": "john@example.com", "name": "John Smith", "channels": []}
CHANNELS = [{"type": "email", "address": "john@example.com", "preferred": True}]
CREATED = {"channels": CHANNELS, "email": "john@example.com", "external_id": "customer-84203241",
           "language": "en", "name": "John Smith", "timezone": "UTC"}
FILTERS = {"email": "john@example.com", "external_id": "customer-84203241", "language": "en", "order_by": "name:asc",
           "timezone": "UTC"}

test_sends = sends_test([
    # Every set input is sent, with HTTP Basic auth, and neither debug nor the connection.
    Sends("createCustomer", {**CREATED, "channels": '[{"type": "email", "address": "john@example.com", "preferred": true}]',
                             "debug": "false"},
          "POST", "/customers", body=CREATED, headers={"Accept": "application/json"}, answer=CUSTOMER, status=201),
    # Optional inputs that are missing, null or empty are not sent; channels may be an already-parsed list.
    Sends("createCustomer", {"channels": CHANNELS, "name": "Jo", "email": None, "language": "", "debug": True},
          "POST", "/customers", body={"channels": CHANNELS, "name": "Jo"}, answer=CUSTOMER),
    # Whatever form the id was given in.
    *(Sends("getCustomer", {"id": customer_id, "debug": "TRUE"}, "GET", "/customers/3924", answer=CUSTOMER)
      for customer_id in ("3924", 3924, " 3924 ")),
    # The id is in the path only and unset inputs are not sent.
    Sends("updateCustomer", {"id": 3924, "channels": CHANNELS, "name": "John Smith", "timezone": "UTC", "email": "",
                             "external_id": None},
          "PUT", "/customers/3924", body={"channels": CHANNELS, "name": "John Smith", "timezone": "UTC"},
          answer=CUSTOMER),
    Sends("deleteCustomer", {"id": "3924"}, "DELETE", "/customers/3924", status=204),
    # One page: the set filters with the user's limit and cursor; the page is returned as is.
    Sends("listCustomers", {**FILTERS, "id": 3924, "view_id": "12", "limit": "30", "cursor": "abc", "fetchAll": "false",
                            "debug": False},
          "GET", "/customers", query={**FILTERS, "id": "3924", "view_id": "12", "limit": "30", "cursor": "abc"},
          answer=envelope("/customers", [CUSTOMER], next_cursor="bmV4dA==", prev_cursor="cHJldg==")),
    # Without inputs one page is requested with no parameters at all.
    Sends("listCustomers", {}, "GET", "/customers", answer=envelope("/customers", [CUSTOMER], next_cursor="more")),
])

test_refuses = refuses_test([
    required("createCustomer", {"name": "Jo"}, "channels", "Channels"),
    Refuses("createCustomer", {"channels": [{"type": "email"}]}, "channels",
            "Input 'channels' (Channels): at channels[0]: 'address' is a required property."),
    # An id that is not a positive integer: the message says what was expected and received.
    *(Refuses("getCustomer", {"id": value}, "id",
              f"Input 'id' (Customer ID): expected a positive integer id, received {received}.")
      for value, received in (("abc", '"abc"'), (0, "0"), ("-3", '"-3"'), (True, "true"), ("1.5", '"1.5"'))),
    required("updateCustomer", {"name": "Jo"}, "id", "Customer ID"),
    *(Refuses("listCustomers", {"limit": limit}, "limit",
              f"Input 'limit' (Limit): expected a whole number from 1 to 100, received {received}.")
      for limit, received in ((0, "0"), ("101", '"101"'), (-1, "-1"), ("ten", '"ten"'))),
    # An input the action does not declare, with a did-you-mean hint.
    Refuses("getCustomer", {"id": 1, "debugg": True}, "debugg",
            "Unknown input 'debugg' for 'getCustomer'. Did you mean 'debug'?"),
])


def test_create_customer_reports_gorgias_validation_errors(gorgias_api: MockedGorgias,
                                                           connection: dict[str, Any]) -> None:
    """A Gorgias 400 becomes ApiError with the status, the body and Gorgias's message and field errors."""
    error = {"error": {"msg": "Invalid data", "data": {"email": ["Not a valid email address."]}}}
    gorgias_api.add(responses.POST, "/customers", json=error, status=400)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "createCustomer", {"channels": [], "email": "nope"}, connection)
    assert caught.value.status == 400
    assert caught.value.body == error
    assert str(caught.value) == (
        "Gorgias answered 400 Bad Request to POST /customers: Invalid data (email: Not a valid email address.)."
    )


def test_get_customer_not_found_is_an_api_error(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A 404 answer becomes ApiError carrying Gorgias's message."""
    gorgias_api.add(responses.GET, "/customers/7", json={"error": {"msg": "Resource not found."}}, status=404)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "getCustomer", {"id": "7"}, connection)
    assert caught.value.status == 404
    assert caught.value.body == {"error": {"msg": "Resource not found."}}
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /customers/7: Resource not found."


def test_list_customers_fetch_all_follows_every_cursor(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                       list_page: Any) -> None:
    """fetchAll pages with limit=100 from the start (ignoring the user's cursor and limit) and keeps the filters."""
    first, second, third = ({"id": n, "name": f"C{n}"} for n in (1, 2, 3))
    gorgias_api.add(responses.GET, "/customers", match=[
        matchers.query_param_matcher({"view_id": "12", "order_by": "name:asc", "limit": "100"}),
    ], json=list_page("/customers", [first, second], next_cursor="c2"))
    gorgias_api.add(responses.GET, "/customers", match=[
        matchers.query_param_matcher({"view_id": "12", "order_by": "name:asc", "limit": "100", "cursor": "c2"}),
    ], json=list_page("/customers", [third], prev_cursor="c1"))
    inputs = {"view_id": 12, "order_by": "name:asc", "fetchAll": "TRUE", "cursor": "mine", "limit": "5"}
    assert invoke(gorgias, "listCustomers", inputs, connection) == {"data": {
        "data": [first, second, third], "object": "list", "uri": "/customers",
        "meta": {"prev_cursor": None, "next_cursor": None},
    }}


def test_unknown_action_key_suggests_the_closest(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A misspelt action key is an UnknownKeyError with a did-you-mean hint."""
    with pytest.raises(UnknownKeyError) as caught:
        invoke(gorgias, "listCustomer", {}, connection)
    assert caught.value.key == "listCustomer"
    assert str(caught.value) == (
        "Unknown action \"listCustomer\" in component 'gorgias'. Did you mean 'listCustomers'?"
    )
    assert len(gorgias_api.calls) == 0
