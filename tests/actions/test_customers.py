"""Customer actions send the documented Gorgias requests and return the answer wrapped in {"data": ...}."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError, UnknownKeyError
from component.testing import invoke
from gorgias_component import gorgias

BASE = "https://acme.gorgias.com/api"
AUTHORIZATION = "Basic " + base64.b64encode(b"me@acme.com:k3y-s3cret-value").decode()
CUSTOMER = {"id": 3924, "email": "john@example.com", "name": "John Smith", "channels": []}
CHANNELS = [{"type": "email", "address": "john@example.com", "preferred": True}]


def test_create_customer_posts_every_set_input_with_basic_auth(api_mock: responses.RequestsMock,
                                                              connection: dict[str, Any]) -> None:
    """Create Customer POSTs /customers with the set inputs, HTTP Basic auth, and no debug or connection."""
    body = {"channels": CHANNELS, "email": "john@example.com", "external_id": "customer-84203241",
            "language": "en", "name": "John Smith", "timezone": "UTC"}
    api_mock.add(responses.POST, f"{BASE}/customers", json=CUSTOMER, status=201, match=[
        matchers.header_matcher({"Authorization": AUTHORIZATION, "Accept": "application/json"}),
        matchers.query_param_matcher({}),
        matchers.json_params_matcher(body, strict_match=True),
    ])
    inputs = {**body, "channels": '[{"type": "email", "address": "john@example.com", "preferred": true}]',
              "debug": "false"}
    assert gorgias.run_action("createCustomer", inputs, connection) == {"data": CUSTOMER}


def test_create_customer_leaves_unset_optional_inputs_out(api_mock: responses.RequestsMock,
                                                          connection: dict[str, Any]) -> None:
    """Optional inputs that are missing, null or empty are not sent; channels may be an already-parsed list."""
    api_mock.add(responses.POST, f"{BASE}/customers", json=CUSTOMER, match=[
        matchers.json_params_matcher({"channels": CHANNELS, "name": "Jo"}, strict_match=True),
    ])
    inputs = {"channels": CHANNELS, "name": "Jo", "email": None, "language": "", "debug": True}
    assert invoke(gorgias, "createCustomer", inputs, connection) == {"data": CUSTOMER}


def test_create_customer_requires_channels(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """Without channels the action fails with InputError naming the input, before any request."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("createCustomer", {"name": "Jo"}, connection)
    assert caught.value.key == "channels"
    assert str(caught.value) == "Input 'channels' (Channels) is required, but no value was given."
    assert len(api_mock.calls) == 0


def test_create_customer_checks_channels_against_their_schema(api_mock: responses.RequestsMock,
                                                              connection: dict[str, Any]) -> None:
    """A channel without an address is refused with the place where it breaks the schema."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("createCustomer", {"channels": [{"type": "email"}]}, connection)
    assert caught.value.key == "channels"
    assert str(caught.value) == "Input 'channels' (Channels): at channels[0]: 'address' is a required property."
    assert len(api_mock.calls) == 0


def test_create_customer_reports_gorgias_validation_errors(api_mock: responses.RequestsMock,
                                                           connection: dict[str, Any]) -> None:
    """A Gorgias 400 becomes ApiError with the status, the body and Gorgias's message and field errors."""
    error = {"error": {"msg": "Invalid data", "data": {"email": ["Not a valid email address."]}}}
    api_mock.add(responses.POST, f"{BASE}/customers", json=error, status=400)
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("createCustomer", {"channels": [], "email": "nope"}, connection)
    assert caught.value.status == 400
    assert caught.value.body == error
    assert str(caught.value) == (
        "Gorgias answered 400 Bad Request to POST /customers: Invalid data (email: Not a valid email address.)."
    )


@pytest.mark.parametrize("customer_id", ["3924", 3924, " 3924 "])
def test_get_customer_accepts_the_id_as_string_or_number(api_mock: responses.RequestsMock,
                                                         connection: dict[str, Any], customer_id: object) -> None:
    """Get Customer GETs /customers/{id} with no query, whatever form the id was given in."""
    api_mock.add(responses.GET, f"{BASE}/customers/3924", json=CUSTOMER, match=[
        matchers.header_matcher({"Authorization": AUTHORIZATION}),
        matchers.query_param_matcher({}),
    ])
    assert gorgias.run_action("getCustomer", {"id": customer_id, "debug": "TRUE"}, connection) == {"data": CUSTOMER}


@pytest.mark.parametrize(
    ("value", "received"), [("abc", '"abc"'), (0, "0"), ("-3", '"-3"'), (True, "true"), ("1.5", '"1.5"')]
)
def test_get_customer_refuses_ids_that_are_not_positive_integers(api_mock: responses.RequestsMock,
                                                                 connection: dict[str, Any], value: object,
                                                                 received: str) -> None:
    """An id that is not a positive integer is an InputError saying what was expected and received."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getCustomer", {"id": value}, connection)
    assert caught.value.key == "id"
    assert str(caught.value) == f"Input 'id' (Customer ID): expected a positive integer id, received {received}."
    assert len(api_mock.calls) == 0


def test_get_customer_not_found_is_an_api_error(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """A 404 answer becomes ApiError carrying Gorgias's message."""
    api_mock.add(responses.GET, f"{BASE}/customers/7", json={"error": {"msg": "Resource not found."}}, status=404)
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("getCustomer", {"id": "7"}, connection)
    assert caught.value.status == 404
    assert caught.value.body == {"error": {"msg": "Resource not found."}}
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /customers/7: Resource not found."


def test_update_customer_puts_the_set_inputs_without_the_id(api_mock: responses.RequestsMock,
                                                            connection: dict[str, Any]) -> None:
    """Update Customer PUTs /customers/{id}; the id is in the path only and unset inputs are not sent."""
    api_mock.add(responses.PUT, f"{BASE}/customers/3924", json=CUSTOMER, match=[
        matchers.header_matcher({"Authorization": AUTHORIZATION}),
        matchers.query_param_matcher({}),
        matchers.json_params_matcher({"channels": CHANNELS, "name": "John Smith", "timezone": "UTC"},
                                     strict_match=True),
    ])
    inputs = {"id": 3924, "channels": CHANNELS, "name": "John Smith", "timezone": "UTC", "email": "",
              "external_id": None}
    assert gorgias.run_action("updateCustomer", inputs, connection) == {"data": CUSTOMER}


def test_update_customer_requires_the_id(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """Without the customer id nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("updateCustomer", {"name": "Jo"}, connection)
    assert caught.value.key == "id"
    assert str(caught.value) == "Input 'id' (Customer ID) is required, but no value was given."
    assert len(api_mock.calls) == 0


def test_delete_customer_returns_success_on_204(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """Delete Customer DELETEs /customers/{id} and returns the documented success message."""
    api_mock.add(responses.DELETE, f"{BASE}/customers/3924", status=204, match=[
        matchers.header_matcher({"Authorization": AUTHORIZATION}),
        matchers.query_param_matcher({}),
    ])
    assert gorgias.run_action("deleteCustomer", {"id": "3924"}, connection) == {"data": {"message": "Success"}}


def test_list_customers_fetches_one_page_with_filters_limit_and_cursor(api_mock: responses.RequestsMock,
                                                                       connection: dict[str, Any],
                                                                       list_page: Any) -> None:
    """List Customers sends the set filters with the user's limit and cursor and returns the page as is."""
    page = list_page("/customers", [CUSTOMER], next_cursor="bmV4dA==", prev_cursor="cHJldg==")
    api_mock.add(responses.GET, f"{BASE}/customers", json=page, match=[
        matchers.header_matcher({"Authorization": AUTHORIZATION}),
        matchers.query_param_matcher({"email": "john@example.com", "external_id": "customer-84203241",
                                      "id": "3924", "language": "en", "order_by": "name:asc", "timezone": "UTC",
                                      "view_id": "12", "limit": "30", "cursor": "abc"}),
    ])
    inputs = {"email": "john@example.com", "external_id": "customer-84203241", "id": 3924, "language": "en",
              "order_by": "name:asc", "timezone": "UTC", "view_id": "12", "limit": "30", "cursor": "abc",
              "fetchAll": "false", "debug": False}
    assert gorgias.run_action("listCustomers", inputs, connection) == {"data": page}


def test_list_customers_sends_no_query_by_default(api_mock: responses.RequestsMock, connection: dict[str, Any],
                                                  list_page: Any) -> None:
    """Without inputs one page is requested with no parameters at all."""
    page = list_page("/customers", [CUSTOMER], next_cursor="more")
    api_mock.add(responses.GET, f"{BASE}/customers", json=page, match=[matchers.query_param_matcher({})])
    assert gorgias.run_action("listCustomers", {}, connection) == {"data": page}


@pytest.mark.parametrize(("limit", "received"), [(0, "0"), ("101", '"101"'), (-1, "-1"), ("ten", '"ten"')])
def test_list_customers_refuses_a_limit_outside_1_to_100(api_mock: responses.RequestsMock,
                                                         connection: dict[str, Any], limit: object,
                                                         received: str) -> None:
    """A limit outside 1-100 is an InputError and no request is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("listCustomers", {"limit": limit}, connection)
    assert caught.value.key == "limit"
    assert str(caught.value) == f"Input 'limit' (Limit): expected a whole number from 1 to 100, received {received}."
    assert len(api_mock.calls) == 0


def test_list_customers_fetch_all_follows_every_cursor(api_mock: responses.RequestsMock, connection: dict[str, Any],
                                                       list_page: Any) -> None:
    """fetchAll pages with limit=100 from the start (ignoring the user's cursor and limit) and keeps the filters."""
    first, second, third = ({"id": n, "name": f"C{n}"} for n in (1, 2, 3))
    api_mock.add(responses.GET, f"{BASE}/customers", match=[
        matchers.query_param_matcher({"view_id": "12", "order_by": "name:asc", "limit": "100"}),
    ], json=list_page("/customers", [first, second], next_cursor="c2"))
    api_mock.add(responses.GET, f"{BASE}/customers", match=[
        matchers.query_param_matcher({"view_id": "12", "order_by": "name:asc", "limit": "100", "cursor": "c2"}),
    ], json=list_page("/customers", [third], prev_cursor="c1"))
    inputs = {"view_id": 12, "order_by": "name:asc", "fetchAll": "TRUE", "cursor": "mine", "limit": "5"}
    assert gorgias.run_action("listCustomers", inputs, connection) == {"data": {
        "data": [first, second, third], "object": "list", "uri": "/customers",
        "meta": {"prev_cursor": None, "next_cursor": None},
    }}


def test_unknown_action_key_suggests_the_closest(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """A misspelt action key is an UnknownKeyError with a did-you-mean hint."""
    with pytest.raises(UnknownKeyError) as caught:
        gorgias.run_action("listCustomer", {}, connection)
    assert caught.value.key == "listCustomer"
    assert str(caught.value) == (
        "Unknown action \"listCustomer\" in component 'gorgias'. Did you mean 'listCustomers'?"
    )
    assert len(api_mock.calls) == 0


def test_unknown_input_key_suggests_the_closest(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """An input the action does not declare is an InputError naming it, with a hint."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getCustomer", {"id": 1, "debugg": True}, connection)
    assert caught.value.key == "debugg"
    assert str(caught.value) == "Unknown input 'debugg' for 'getCustomer'. Did you mean 'debug'?"
    assert len(api_mock.calls) == 0
