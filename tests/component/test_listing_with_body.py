"""A list may be read with another method and a body (a search sent as POST or PUT); GET lists stay as they were.

The shelf API of tests/component/test_listing.py again (not Gorgias): its `POST /books/search` takes
`{"query": ...}` as its body and pages like `GET /books`, the cursor and size in the query.
"""

# No `from __future__ import annotations`: the decorators read the describe functions' type hints.

from typing import Any

import pytest
import requests
import responses
from responses import matchers

from component import ActionInputs, Component, Connection, HttpClient, Input, ListRequest, list_action, picklist
from component.errors import ApiError
from component.inputs import Text
from component.triggers import TriggerInputs, trigger
from tests.component.test_listing import CONNECTION, SHELF, SHELF_PAGES, BookInputs, ShelfFields, open_shelf, page

QUERY = {"query": {"title": "dune", "tags": ["sf"]}}


class SearchInputs(BookInputs):
    title: Text = Input("Title", required=True)


@list_action("searchBooks", "Search Books", "Search the books of the shelf by title.")
def search_books(inputs: SearchInputs) -> ListRequest:
    filters = {k: v for k, v in inputs.filters().items() if k != "title"}
    return ListRequest("/books/search", filters, method="POST", body={"query": {"title": inputs.title, "tags": ["sf"]}})


SEARCH = Component("shelf", "Shelf", "A shelf whose search is a POST with a body.",
                   connections=(Connection("token", "Token", "A token.", ShelfFields, open_shelf),),
                   actions=(search_books,))


def sent(query: dict[str, str], body: Any = QUERY) -> list[Any]:
    """Matchers of one page request: exactly this query and exactly this JSON body."""
    return [matchers.query_param_matcher(query), matchers.json_params_matcher(body, strict_match=True)]


@pytest.fixture
def shelf() -> Any:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def client() -> Any:
    with requests.Session() as session:
        yield HttpClient(SHELF, session, service="Shelf", paginator=SHELF_PAGES, max_pages=3)


def test_fetch_all_posts_the_same_body_for_every_page(shelf: responses.RequestsMock) -> None:
    """Every page is the same POST and body, with the filters, the largest size and the page's token."""
    shelf.post(f"{SHELF}/books/search", json=page([1, 2], "n2"), match=sent({"genre": "sf", "page_size": "25"}))
    shelf.post(f"{SHELF}/books/search", json=page([3], None),
               match=sent({"genre": "sf", "page_size": "25", "page_token": "n2"}))
    result = SEARCH.run_action("searchBooks", {"title": "dune", "genre": "sf", "all": "true", "page": "x"}, CONNECTION)
    assert result == {"data": {"items": [{"id": 1}, {"id": 2}, {"id": 3}], "paging": {"next": None}, "total": 3}}
    assert [call.request.method for call in shelf.calls] == ["POST", "POST"]


def test_one_page_posts_the_body_with_the_token_and_size_asked_for(shelf: responses.RequestsMock) -> None:
    shelf.post(f"{SHELF}/books/search", json=page([4], "t5"), match=sent({"page_token": "t4", "page_size": "1"}))
    result = SEARCH.run_action("searchBooks", {"title": "dune", "page": "t4", "per_page": "1"}, CONNECTION)
    assert result == {"data": page([4], "t5")}


def test_the_streams_post_the_body_for_every_page(shelf: responses.RequestsMock) -> None:
    for _ in range(2):
        shelf.post(f"{SHELF}/books/search", json=page([1], "n2"), match=sent({"page_size": "25"}))
        shelf.post(f"{SHELF}/books/search", json=page([2], None), match=sent({"page_size": "25", "page_token": "n2"}))
    with SEARCH.iter_items("searchBooks", {"title": "dune"}, CONNECTION) as items:
        assert [item["id"] for item in items] == [1, 2]
    with SEARCH.iter_pages("searchBooks", {"title": "dune"}, CONNECTION) as pages:
        assert [p["items"] for p in pages] == [[{"id": 1}], [{"id": 2}]]


def test_client_methods_carry_the_method_and_body(shelf: responses.RequestsMock, client: HttpClient) -> None:
    """`page`, `items`, `pages` and `list` of HttpClient send the method and body given, on every page."""
    shelf.put(f"{SHELF}/books/search", json=page([1], "n2"), match=sent({"page_size": "2", "page_token": "t1"}))
    assert client.page("/books/search", {}, token="t1", size=2, method="PUT", body=QUERY) == ([{"id": 1}], "n2")
    shelf.put(f"{SHELF}/books/search", json=page([7], None), match=sent({"page_size": "5"}))
    assert client.list("/books/search", {"page_size": 5}, fetch_all=False, method="PUT", body=QUERY) == page([7], None)


def test_a_token_given_twice_and_the_page_cap_stop_a_search(shelf: responses.RequestsMock, client: HttpClient) -> None:
    """The loop and cap guards hold for a search as for a GET list: nothing is sent after them."""
    shelf.post(f"{SHELF}/books/search", json=page([1], "n2"), match=sent({"page_size": "25"}))
    shelf.post(f"{SHELF}/books/search", json=page([2], "n2"), match=sent({"page_size": "25", "page_token": "n2"}))
    with pytest.raises(ApiError) as again:
        client.list("/books/search", {}, fetch_all=True, method="POST", body=QUERY)
    assert str(again.value) == ("Shelf answered /books/search with a next cursor it had already given: "
                                "the list would never end.")
    shelf.reset()
    for number in range(3):
        token = {"page_token": f"n{number}"} if number else {}
        shelf.post(f"{SHELF}/books/search", json=page([number], f"n{number + 1}"),
                   match=sent({"page_size": "25", **token}))
    with pytest.raises(ApiError) as capped:
        list(client.items("/books/search", {}, method="POST", body=QUERY))
    assert str(capped.value) == ("Shelf answered /books/search with more than 3 pages, the most one call follows: "
                                 "narrow the filters, or raise the client's max_pages to change the cap.")
    assert len(shelf.calls) == 3


def test_a_get_list_is_sent_exactly_as_a_get(shelf: responses.RequestsMock, client: HttpClient) -> None:
    """A GET list page is the same request as `get`: same URL, headers and no body (byte for byte)."""
    for _ in range(3):
        shelf.get(f"{SHELF}/books", json=page([1], None))
    client.get("/books", {"genre": "sf", "page_size": 25})
    client.list("/books", {"genre": "sf"}, fetch_all=True)
    client.list("/books", {"genre": "sf", "page_size": 25}, fetch_all=False)
    first, *others = [call.request for call in shelf.calls]
    for request in others:
        assert (request.method, request.url, request.body) == (first.method, first.url, None)
        assert dict(request.headers) == dict(first.headers)
    assert "Content-Type" not in first.headers


# -- picklists and triggers over a list read with a body ------------------------------------------------------

SF = {"query": {"tags": ["sf"]}}


@picklist("selectSfBook", "Select SF Book", "The science-fiction books.", label_of=lambda book: f"Book {book['id']}")
def select_sf_book(inputs: ActionInputs) -> ListRequest:
    return ListRequest("/books/search", {}, method="POST", body=SF)


@trigger("newSfBook", "New SF Book", "Runs when a science-fiction book is shelved.", stamp="shelved")
def new_sf_book(inputs: TriggerInputs) -> ListRequest:
    return ListRequest("/books/search", {"order": "shelved:desc"}, method="POST", body=SF)


SEARCHES = Component("shelf", "Shelf", "A shelf whose picklist and trigger read a POST search.",
                     connections=(Connection("token", "Token", "A token.", ShelfFields, open_shelf),),
                     actions=(), data_sources=(select_sf_book,), triggers=(new_sf_book,))


def test_a_picklist_over_a_search_posts_its_body_for_the_whole_list_and_for_one_page(
        shelf: responses.RequestsMock) -> None:
    shelf.post(f"{SHELF}/books/search", json=page([1], "n2"), match=sent({"page_size": "25"}, SF))
    shelf.post(f"{SHELF}/books/search", json=page([2], None), match=sent({"page_size": "25", "page_token": "n2"}, SF))
    shelf.post(f"{SHELF}/books/search", json=page([1], "n2"), match=sent({"page_size": "1"}, SF))
    assert SEARCHES.run_data_source("selectSfBook", {}, CONNECTION) == {
        "result": [{"key": "1", "label": "Book 1"}, {"key": "2", "label": "Book 2"}]}
    first = SEARCHES.run_data_source("selectSfBook", {}, CONNECTION, limit=1)
    assert first["result"] == [{"key": "1", "label": "Book 1"}] and first["cursor"]
    assert [call.request.method for call in shelf.calls] == ["POST"] * 3


def test_a_trigger_over_a_search_posts_its_body_when_it_polls(shelf: responses.RequestsMock) -> None:
    books = {"items": [{"id": 7, "shelved": "2026-11-29T10:00:00+00:00"}], "paging": {"next": None}}
    shelf.post(f"{SHELF}/books/search", json=books, match=sent({"order": "shelved:desc", "page_size": "25"}, SF))
    polled = SEARCHES.run_trigger("newSfBook", {"since": "2026-11-01T00:00:00+00:00"}, CONNECTION)
    assert [item["id"] for item in polled["data"]] == [7] and polled["more"] is False
    assert [call.request.method for call in shelf.calls] == ["POST"]
