"""Search posts the query with an integer size and returns Gorgias's 201 answer."""

from __future__ import annotations

from typing import Any

import pytest
import responses

from component.errors import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

FOUND = {"data": [{"id": 5, "name": "Agent Smith", "email": "user@example.com"}]}


test_sends = sends_test([
    # Search POSTs /search with size as a JSON integer and returns the 201 answer.
    *(Sends("search", {"type": "agent", "query": "user@example.com", "size": size, "debug": "false"}, "POST", "/search",
            body={"type": "agent", "query": "user@example.com", "size": 10}, answer=FOUND, status=201)
      for size in ("10", 10)),
    # Unset query and size are not sent.
    Sends("search", {"type": "customer_channel_email", "query": "", "size": None}, "POST", "/search",
          body={"type": "customer_channel_email"}, answer={"data": []}, status=201),
])

test_refuses = refuses_test([
    required("search", {"query": "x"}, "type", "Type"),
    Refuses("search", {"type": "ticket"}, "type",
            "Input 'type' (Type): expected one of agent, customer, customer_profile, customer_channel, "
            "customer_channel_email, customer_channel_phone, customers_by_phone, integration, team, tag, "
            "received \"ticket\"."),
    Refuses("search", {"type": "tag", "size": "51"}, "size",
            "Input 'size' (Size): expected a whole number from 1 to 50, received \"51\"."),
    Refuses("search", {"type": "tag", "size": 0}, "size",
            "Input 'size' (Size): expected a whole number from 1 to 50, received 0."),
])


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
