"""Customer actions send the documented Gorgias requests and return the answer wrapped in {"data": ...}."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError, UnknownKeyError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

CUSTOMER = {"id": 3924, "email": "john@example.com", "name": "John Smith", "channels": []}
CHANNELS = [{"type": "email", "address": "john@example.com", "preferred": True}]


def test_create_customer_posts_every_set_input_with_basic_auth(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any]) -> None:
    """Create Customer POSTs /customers with the set inputs, HTTP Basic auth, and no debug or connection."""
    body = {"channels": CHANNELS, "email": "john@example.com", "external_id": "customer-84203241",
            "language": "en", "name": "John Smith", "timezone": "UTC"}
    gorgias_api.add(responses.POST, "/customers", json=CUSTOMER, status=201, match=[
        matchers.header_matcher({"Accept": "application/json"}),
        matchers.query_param_matcher({}),
        matchers.json_params_matcher(body, strict_match=True),
    ])
    inputs = {**body, "channels": '[{"type": "email", "address": "john@example.com", "preferred": true}]',
              "debug": "false"}
    assert invoke(gorgias, "createCustomer", inputs, connection) == {"data": CUSTOMER}


def test_create_customer_leaves_unset_optional_inputs_out(gorgias_api: MockedGorgias,
                                                          connection: dict[str, Any]) -> None:
    """Optional inputs that are missing, null or empty are not sent; channels may be an already-parsed list."""
    gorgias_api.add(responses.POST, "/customers", json=CUSTOMER, match=[
        matchers.json_params_matcher({"channels": CHANNELS, "name": "Jo"}, strict_match=True),
    ])
    inputs = {"channels": CHANNELS, "name": "Jo", "email": None, "language": "", "debug": True}
    assert invoke(gorgias, "createCustomer", inputs, connection) == {"data": CUSTOMER}


def test_create_customer_requires_channels(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Without channels the action fails with InputError naming the input, before any request."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "createCustomer", {"name": "Jo"}, connection)
    assert caught.value.key == "channels"
    assert str(caught.value) == "Input 'channels' (Channels) is required, but no value was given."
    assert len(gorgias_api.calls) == 0


def test_create_customer_checks_channels_against_their_schema(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any]) -> None:
    """A channel without an address is refused with the place where it breaks the schema."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "createCustomer", {"channels": [{"type": "email"}]}, connection)
    assert caught.value.key == "channels"
    assert str(caught.value) == "Input 'channels' (Channels): at channels[0]: 'address' is a required property."
    assert len(gorgias_api.calls) == 0


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


@pytest.mark.parametrize("customer_id", ["3924", 3924, " 3924 "])
def test_get_customer_accepts_the_id_as_string_or_number(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any], customer_id: object) -> None:
    """Get Customer GETs /customers/{id} with no query, whatever form the id was given in."""
    gorgias_api.add(responses.GET, "/customers/3924", json=CUSTOMER, match=[
        matchers.query_param_matcher({}),
    ])
    assert invoke(gorgias, "getCustomer", {"id": customer_id, "debug": "TRUE"}, connection) == {"data": CUSTOMER}


@pytest.mark.parametrize(
    ("value", "received"), [("abc", '"abc"'), (0, "0"), ("-3", '"-3"'), (True, "true"), ("1.5", '"1.5"')]
)
def test_get_customer_refuses_ids_that_are_not_positive_integers(gorgias_api: MockedGorgias,
                                                                 connection: dict[str, Any], value: object,
                                                                 received: str) -> None:
    """An id that is not a positive integer is an InputError saying what was expected and received."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "getCustomer", {"id": value}, connection)
    assert caught.value.key == "id"
    assert str(caught.value) == f"Input 'id' (Customer ID): expected a positive integer id, received {received}."
    assert len(gorgias_api.calls) == 0


def test_get_customer_not_found_is_an_api_error(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A 404 answer becomes ApiError carrying Gorgias's message."""
    gorgias_api.add(responses.GET, "/customers/7", json={"error": {"msg": "Resource not found."}}, status=404)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "getCustomer", {"id": "7"}, connection)
    assert caught.value.status == 404
    assert caught.value.body == {"error": {"msg": "Resource not found."}}
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /customers/7: Resource not found."


def test_update_customer_puts_the_set_inputs_without_the_id(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any]) -> None:
    """Update Customer PUTs /customers/{id}; the id is in the path only and unset inputs are not sent."""
    gorgias_api.add(responses.PUT, "/customers/3924", json=CUSTOMER, match=[
        matchers.query_param_matcher({}),
        matchers.json_params_matcher({"channels": CHANNELS, "name": "John Smith", "timezone": "UTC"},
                                     strict_match=True),
    ])
    inputs = {"id": 3924, "channels": CHANNELS, "name": "John Smith", "timezone": "UTC", "email": "",
              "external_id": None}
    assert invoke(gorgias, "updateCustomer", inputs, connection) == {"data": CUSTOMER}


def test_update_customer_requires_the_id(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Without the customer id nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "updateCustomer", {"name": "Jo"}, connection)
    assert caught.value.key == "id"
    assert str(caught.value) == "Input 'id' (Customer ID) is required, but no value was given."
    assert len(gorgias_api.calls) == 0


def test_delete_customer_returns_success_on_204(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Delete Customer DELETEs /customers/{id} and returns the documented success message."""
    gorgias_api.add(responses.DELETE, "/customers/3924", status=204, match=[
        matchers.query_param_matcher({}),
    ])
    assert invoke(gorgias, "deleteCustomer", {"id": "3924"}, connection) == {"data": {"message": "Success"}}


def test_list_customers_fetches_one_page_with_filters_limit_and_cursor(gorgias_api: MockedGorgias,
                                                                       connection: dict[str, Any],
                                                                       list_page: Any) -> None:
    """List Customers sends the set filters with the user's limit and cursor and returns the page as is."""
    page = list_page("/customers", [CUSTOMER], next_cursor="bmV4dA==", prev_cursor="cHJldg==")
    gorgias_api.add(responses.GET, "/customers", json=page, match=[
        matchers.query_param_matcher({"email": "john@example.com", "external_id": "customer-84203241",
                                      "id": "3924", "language": "en", "order_by": "name:asc", "timezone": "UTC",
                                      "view_id": "12", "limit": "30", "cursor": "abc"}),
    ])
    inputs = {"email": "john@example.com", "external_id": "customer-84203241", "id": 3924, "language": "en",
              "order_by": "name:asc", "timezone": "UTC", "view_id": "12", "limit": "30", "cursor": "abc",
              "fetchAll": "false", "debug": False}
    assert invoke(gorgias, "listCustomers", inputs, connection) == {"data": page}


def test_list_customers_sends_no_query_by_default(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                  list_page: Any) -> None:
    """Without inputs one page is requested with no parameters at all."""
    page = list_page("/customers", [CUSTOMER], next_cursor="more")
    gorgias_api.add(responses.GET, "/customers", json=page, match=[matchers.query_param_matcher({})])
    assert invoke(gorgias, "listCustomers", {}, connection) == {"data": page}


@pytest.mark.parametrize(("limit", "received"), [(0, "0"), ("101", '"101"'), (-1, "-1"), ("ten", '"ten"')])
def test_list_customers_refuses_a_limit_outside_1_to_100(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any], limit: object,
                                                         received: str) -> None:
    """A limit outside 1-100 is an InputError and no request is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "listCustomers", {"limit": limit}, connection)
    assert caught.value.key == "limit"
    assert str(caught.value) == f"Input 'limit' (Limit): expected a whole number from 1 to 100, received {received}."
    assert len(gorgias_api.calls) == 0


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


def test_unknown_input_key_suggests_the_closest(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """An input the action does not declare is an InputError naming it, with a hint."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "getCustomer", {"id": 1, "debugg": True}, connection)
    assert caught.value.key == "debugg"
    assert str(caught.value) == "Unknown input 'debugg' for 'getCustomer'. Did you mean 'debug'?"
    assert len(gorgias_api.calls) == 0
