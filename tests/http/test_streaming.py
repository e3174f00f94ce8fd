"""Pagination: lazy page and item iterators, the fetchAll envelope, and lists that would never end."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError
from gorgias_component import gorgias
from tests.http.conftest import MakeClient
from tests.support.mocked_gorgias import MockedGorgias


def page(items: list[int], next_cursor: str | None, uri: str = "/api/tickets") -> dict[str, Any]:
    return {"object": "list", "uri": uri, "data": [{"id": i} for i in items],
            "meta": {"prev_cursor": None, "next_cursor": next_cursor}}


def three_pages(gorgias_api: MockedGorgias, **extra: str) -> None:
    """Tickets 1-5 over three pages, each page requested with its cursor and the filters."""
    for cursor, items, following in ((None, [1, 2], "c2"), ("c2", [3, 4], "c3"), ("c3", [5], None)):
        query = {"limit": "100", **extra, **({"cursor": cursor} if cursor else {})}
        gorgias_api.add(responses.GET, "/tickets", json=page(items, following),
                        match=[matchers.query_param_matcher(query)])


def test_pages_are_requested_only_as_they_are_consumed(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """The page iterator holds one page at a time and sends the next request only when asked."""
    gorgias_api.mock.assert_all_requests_are_fired = False
    three_pages(gorgias_api)
    pages = make_client().pages("/tickets", {})
    first = next(pages)
    assert [t["id"] for t in first["data"]] == [1, 2]
    assert len(gorgias_api.calls) == 1
    assert [[t["id"] for t in p["data"]] for p in pages] == [[3, 4], [5]]
    assert len(gorgias_api.calls) == 3


def test_fetch_all_returns_one_envelope_with_null_cursors(gorgias_api: MockedGorgias,
                                                          make_client: MakeClient) -> None:
    """Every item of every page, in order, in the first page's envelope with both cursors null."""
    three_pages(gorgias_api, order_by="created_datetime:desc")
    result = make_client().list("/tickets", {"order_by": "created_datetime:desc", "cursor": "ignored"},
                                fetch_all=True)
    assert result == {"data": [{"id": i} for i in range(1, 6)], "object": "list", "uri": "/api/tickets",
                      "meta": {"prev_cursor": None, "next_cursor": None}}


def test_a_cursor_given_twice_stops_the_list(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """An API that hands out the same next cursor again would loop forever: it is an error instead."""
    gorgias_api.add(responses.GET, "/tickets", json=page([1], "same"), match=[matchers.query_param_matcher(
                    {"limit": "100"})])
    gorgias_api.add(responses.GET, "/tickets", json=page([2], "same"), match=[matchers.query_param_matcher(
                    {"limit": "100", "cursor": "same"})])
    with pytest.raises(ApiError) as caught:
        list(make_client().items("/tickets", {}))
    assert str(caught.value) == ("Gorgias answered /tickets with a next cursor it had already given: "
                                 "the list would never end.")


def test_a_page_that_is_not_a_list_is_an_api_error(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A page without a data array cannot be paginated."""
    gorgias_api.add(responses.GET, "/tickets", json={"data": {"id": 1}})
    with pytest.raises(ApiError) as caught:
        list(make_client().pages("/tickets", {}))
    assert str(caught.value) == "Gorgias answered /tickets with something that is not a list page."


def test_iter_items_streams_a_list_action(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """gorgias.iter_items yields items page by page; the second page is requested only when reached."""
    gorgias_api.mock.assert_all_requests_are_fired = False
    three_pages(gorgias_api, customer_id="4")
    items = gorgias.iter_items("listTickets", {"customer_id": "4"}, connection)
    assert next(items) == {"id": 1}
    assert next(items) == {"id": 2}
    assert len(gorgias_api.calls) == 1
    assert [item["id"] for item in items] == [3, 4, 5]
    assert len(gorgias_api.calls) == 3


def test_iter_items_validates_inputs_before_the_first_item(gorgias_api: MockedGorgias,
                                                           connection: dict[str, Any]) -> None:
    """Bad inputs fail where the stream is asked for, before any request."""
    with pytest.raises(InputError) as caught:
        gorgias.iter_items("listTickets", {"limit": "lots"}, connection)
    assert caught.value.key == "limit"
    assert len(gorgias_api.calls) == 0


def test_fetch_all_through_the_component_joins_every_page(gorgias_api: MockedGorgias,
                                                          connection: dict[str, Any]) -> None:
    """listTickets with fetchAll follows the cursors and ignores the cursor and limit inputs."""
    three_pages(gorgias_api)
    result = gorgias.run_action("listTickets", {"fetchAll": "true", "cursor": "x", "limit": 3}, connection)
    assert [t["id"] for t in result["data"]["data"]] == [1, 2, 3, 4, 5]
    assert result["data"]["meta"] == {"prev_cursor": None, "next_cursor": None}
