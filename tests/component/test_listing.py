"""List actions page through the connection's paginator with the inputs their model names, whatever the API.

The "shelf" API here is not Gorgias: its list inputs are `page`, `per_page` and `all`, its query
parameters `page_token` and `page_size`, its pages `{"items": [...], "paging": {"next": ...}}` of at
most 25 items. Nothing in the framework may assume Gorgias's cursor, limit, fetchAll or envelope.
"""

# No `from __future__ import annotations`: the decorators read the describe functions' type hints.

from typing import Any

import pytest
import requests
import responses
from responses import matchers

from component import (
    ActionInputs,
    Component,
    Connection,
    ConnectionFields,
    DefinitionError,
    HttpClient,
    Input,
    ListInputs,
    ListRequest,
    Opened,
    OpenOptions,
    Paging,
    list_action,
)
from component.inputs import Bool, Id, Password, Text
from component.mcp.tools import Toolset, tools_of
from component.pagination import CursorPaginator
from component.progress import wanted

SHELF = "https://shelf.example.test/v2"
SHELF_PAGES = CursorPaginator(token_param="page_token", size_param="page_size", items_key="items",
                              next_path=("paging", "next"), cleared=(("paging", "next"),), max_size=25)
CONNECTION = {"key": "token", "fields": {"token": "shelf-token-value"}}


class ShelfFields(ConnectionFields):
    token: Password = Input("Token", required=True)


def open_shelf(fields: ConnectionFields, token: Any, options: OpenOptions) -> Opened:
    session = requests.Session()
    return Opened(HttpClient(SHELF, session, service="Shelf", paginator=SHELF_PAGES), session.close)


class BookInputs(ListInputs):
    __paging__ = Paging("page", "per_page", "all")

    all: Bool = Input("All", default="false")
    genre: Text | None = Input("Genre")
    page: Text | None = Input("Page")
    per_page: Id | None = Input("Per Page")


@list_action("listBooks", "List Books", "List the books of the shelf.")
def list_books(inputs: BookInputs) -> ListRequest:
    return ListRequest("/books", inputs.filters())


SHELF_COMPONENT = Component(
    "shelf", "Shelf", "A component of an API that pages unlike Gorgias.",
    connections=(Connection("token", "Token", "A token.", ShelfFields, open_shelf),),
    actions=(list_books,),
)


def page(items: list[int], following: str | None) -> dict[str, Any]:
    return {"items": [{"id": i} for i in items], "paging": {"next": following}, "total": 3}


@pytest.fixture
def shelf() -> Any:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


def test_one_page_is_asked_with_the_paginators_parameters(shelf: responses.RequestsMock) -> None:
    """`page` and `per_page` become page_token and page_size; the answer comes back as the API sent it."""
    answer = page([4, 5], "t3")
    shelf.get(f"{SHELF}/books", json=answer, match=[
        matchers.query_param_matcher({"genre": "sf", "page_token": "t2", "page_size": "7"})])
    result = SHELF_COMPONENT.run_action("listBooks", {"genre": "sf", "page": "t2", "per_page": "7"}, CONNECTION)
    assert result == {"data": answer}


def test_one_page_without_token_or_size_sends_only_the_filters(shelf: responses.RequestsMock) -> None:
    shelf.get(f"{SHELF}/books", json=page([1], None), match=[matchers.query_param_matcher({"genre": "sf"})])
    assert SHELF_COMPONENT.run_action("listBooks", {"genre": "sf"}, CONNECTION)["data"]["items"] == [{"id": 1}]


def test_fetch_all_follows_every_page_at_the_paginators_largest_size(shelf: responses.RequestsMock) -> None:
    """`all` walks the pages 25 at a time from the first, ignoring `page` and `per_page`, into one answer."""
    shelf.get(f"{SHELF}/books", json=page([1, 2], "n2"), match=[
        matchers.query_param_matcher({"genre": "sf", "page_size": "25"})])
    shelf.get(f"{SHELF}/books", json=page([3], None), match=[
        matchers.query_param_matcher({"genre": "sf", "page_size": "25", "page_token": "n2"})])
    inputs = {"genre": "sf", "all": "true", "page": "ignored", "per_page": "3"}
    result = SHELF_COMPONENT.run_action("listBooks", inputs, CONNECTION)
    assert result == {"data": {"items": [{"id": 1}, {"id": 2}, {"id": 3}], "paging": {"next": None}, "total": 3}}


def test_streaming_pages_at_the_paginators_largest_size(shelf: responses.RequestsMock) -> None:
    shelf.get(f"{SHELF}/books", json=page([1], "n2"), match=[matchers.query_param_matcher({"page_size": "25"})])
    shelf.get(f"{SHELF}/books", json=page([2], None), match=[
        matchers.query_param_matcher({"page_size": "25", "page_token": "n2"})])
    with SHELF_COMPONENT.iter_items("listBooks", {"per_page": "2"}, CONNECTION) as items:
        assert [item["id"] for item in items] == [1, 2]


def test_the_manifest_progress_and_mcp_use_the_declared_paging() -> None:
    """The manifest names the paging inputs; the progress line and the MCP tools read them from there."""
    manifest = SHELF_COMPONENT.manifest()
    (entry,) = manifest["actions"]
    assert entry["paging"] == {"token": "page", "size": "per_page", "all": "all", "next": None}
    assert wanted(SHELF_COMPONENT, "run", "listBooks", {"all": "true"})
    assert not wanted(SHELF_COMPONENT, "run", "listBooks", {"fetchAll": "true", "all": "false"})
    (tool,) = tools_of(manifest)
    assert tool.pages and "all" not in tool.input_schema["properties"]
    assert tool.description == ("List Books: List the books of the shelf. Returns one page: pass the answer's "
                                "next page's token as 'page' for the next one (null on the last page).")
    assert "all" in tools_of(manifest, allow_fetch_all=True)[0].input_schema["properties"]
    refused = Toolset.select(SHELF_COMPONENT).connect(CONNECTION).call("listBooks", {"all": True})
    assert refused.error == ("Input 'all' is refused by this server: one call must not read every page. Page "
                             "with 'page' and 'per_page' instead, or start the server with --allow-fetch-all.")


def test_inputs_that_do_not_name_their_paging_are_refused() -> None:
    class Unnamed(ListInputs):
        genre: Text | None = Input("Genre")

    def describe(inputs: Unnamed) -> ListRequest:
        return ListRequest("/books")

    with pytest.raises(DefinitionError) as caught:
        list_action("listBooks", "List Books", "List books.")(describe)
    assert str(caught.value) == (
        "listBooks: Unnamed does not say which inputs page the list: set `__paging__ = Paging(token, size, every)` "
        "to its page token, page size and fetch-all inputs")


def test_paging_that_names_a_missing_input_is_refused_with_its_name() -> None:
    class Misnamed(ListInputs):
        __paging__ = Paging("page", "per_page", "everything")

        all: Bool = Input("All", default="false")
        page: Text | None = Input("Page")
        per_page: Id | None = Input("Per Page")

    def describe(inputs: Misnamed) -> ListRequest:
        return ListRequest("/books")

    with pytest.raises(DefinitionError) as caught:
        list_action("listBooks", "List Books", "List books.")(describe)
    assert str(caught.value) == "listBooks: Misnamed.__paging__ names 'everything', not an input of Misnamed"


def test_inputs_that_are_not_list_inputs_are_refused() -> None:
    def describe(inputs: ActionInputs) -> ListRequest:
        return ListRequest("/books")

    with pytest.raises(DefinitionError) as caught:
        list_action("listBooks", "List Books", "List books.")(describe)
    assert str(caught.value) == "listBooks: the inputs of a list action must be a ListInputs model, not ActionInputs"


def test_paging_wording_may_only_redeclare_the_paging_inputs() -> None:
    def describe(inputs: BookInputs) -> ListRequest:
        return ListRequest("/books")

    declare = list_action("listBooks", "List Books", "List books.", paging={"genre": Input("Genre")})
    with pytest.raises(DefinitionError) as caught:
        declare(describe)
    assert str(caught.value) == "BookInputs: paging declares ['genre'], not paging inputs"
    worded = list_action("listBooks", "List Books", "List books.", paging={"page": Input("Page", comments="Where.")})
    spec = next(spec for spec in worded(describe).inputs.specs if spec.key == "page")
    assert spec.comments == "Where."

