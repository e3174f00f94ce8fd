"""Search posts the query with an integer size and returns Gorgias's 201 answer."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

FOUND = {"data": [{"id": 5, "name": "Agent Smith", "email": "user@example.com"}]}


@pytest.mark.parametrize("size", ["10", 10])
def test_search_posts_type_query_and_integer_size(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                  size: object) -> None:
    """Search POSTs /search with size as a JSON integer and returns the 201 answer."""
    gorgias_api.add(responses.POST, "/search", json=FOUND, status=201, match=[
        matchers.query_param_matcher({}),
        matchers.json_params_matcher({"type": "agent", "query": "user@example.com", "size": 10}, strict_match=True),
    ])
    inputs = {"type": "agent", "query": "user@example.com", "size": size, "debug": "false"}
    assert invoke(gorgias, "search", inputs, connection) == {"data": FOUND}


def test_search_sends_only_the_type_when_nothing_else_is_set(gorgias_api: MockedGorgias,
                                                             connection: dict[str, Any]) -> None:
    """Unset query and size are not sent."""
    gorgias_api.add(responses.POST, "/search", json={"data": []}, status=201, match=[
        matchers.json_params_matcher({"type": "customer_channel_email"}, strict_match=True),
    ])
    inputs = {"type": "customer_channel_email", "query": "", "size": None}
    assert invoke(gorgias, "search", inputs, connection) == {"data": {"data": []}}


@pytest.mark.parametrize(
    ("inputs", "key", "message"),
    [
        ({"query": "x"}, "type", "Input 'type' (Type) is required, but no value was given."),
        ({"type": "ticket"}, "type",
         "Input 'type' (Type): expected one of agent, customer, customer_profile, customer_channel, "
         "customer_channel_email, customer_channel_phone, customers_by_phone, integration, team, tag, "
         "received \"ticket\"."),
        ({"type": "tag", "size": "51"}, "size",
         "Input 'size' (Size): expected a whole number from 1 to 50, received \"51\"."),
        ({"type": "tag", "size": 0}, "size", "Input 'size' (Size): expected a whole number from 1 to 50, received 0."),
    ],
)
def test_search_refuses_invalid_inputs(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                       inputs: dict[str, Any], key: str, message: str) -> None:
    """A missing or unknown type and an out-of-range size are InputErrors; nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "search", inputs, connection)
    assert caught.value.key == key
    assert str(caught.value) == message
    assert len(gorgias_api.calls) == 0


def test_search_rejected_by_gorgias_is_an_api_error(gorgias_api: MockedGorgias,
                                                    connection: dict[str, Any]) -> None:
    """A 400 becomes ApiError with Gorgias's message and field errors."""
    error = {"error": {"msg": "Invalid search", "data": {"query": ["Too short.", "Try again."]}}}
    gorgias_api.add(responses.POST, "/search", status=400, json=error)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "search", {"type": "tag", "query": "a"}, connection)
    assert caught.value.status == 400
    assert caught.value.body == error
    assert str(caught.value) == (
        "Gorgias answered 400 Bad Request to POST /search: Invalid search (query: Too short. Try again.)."
    )
