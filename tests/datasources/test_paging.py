"""Picklists page and search: one API page per call, Gorgias's search where it covers the resource, filtered pages
otherwise, and an opaque cursor that continues exactly where the last page stopped."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import InputError
from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias


def customers(*ids: int, name: str = "Doe") -> list[dict[str, Any]]:
    return [{"id": i, "name": f"Person{i} {name}", "email": f"p{i}@example.com"} for i in ids]


def test_a_limit_reads_one_page_and_hands_back_a_cursor(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                        list_page: Any) -> None:
    """limit=2: one GET with limit=2; the next call with the returned cursor sends Gorgias's cursor."""
    gorgias_api.add(responses.GET, "/customers", match=[matchers.query_param_matcher({"limit": "2"})],
                 json=list_page("/customers", customers(9, 8), next_cursor="g-c2"))
    gorgias_api.add(responses.GET, "/customers", match=[matchers.query_param_matcher({"limit": "2", "cursor": "g-c2"})],
                 json=list_page("/customers", customers(7)))
    first = invoke_data_source(gorgias, "selectCustomer", {}, connection, limit=2)
    assert first["result"] == [{"key": "9", "label": "Person9 Doe (p9@example.com)"},
                               {"key": "8", "label": "Person8 Doe (p8@example.com)"}]
    assert isinstance(first["cursor"], str)
    second = invoke_data_source(gorgias, "selectCustomer", {}, connection, cursor=first["cursor"], limit="2")
    assert second == {"result": [{"key": "7", "label": "Person7 Doe (p7@example.com)"}], "cursor": None}
    assert len(gorgias_api.calls) == 2


def test_a_cursor_alone_reads_a_page_of_the_default_size(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                         list_page: Any) -> None:
    """Without a limit a page holds 50 options; the filters still go out."""
    gorgias_api.add(responses.GET, "/tickets", match=[matchers.query_param_matcher({"customer_id": "4", "limit": "50"})],
                 json=list_page("/tickets", [{"id": 3, "subject": "Hello"}], next_cursor="t2"))
    gorgias_api.add(responses.GET, "/tickets",
                 match=[matchers.query_param_matcher({"customer_id": "4", "limit": "50", "cursor": "t2"})],
                 json=list_page("/tickets", [{"id": 2, "subject": None}]))
    first = invoke_data_source(gorgias, "selectTicket", {"customer_id": "4"}, connection, limit=50)
    second = invoke_data_source(gorgias, "selectTicket", {"customer_id": "4"}, connection, cursor=first["cursor"])
    assert first["result"] == [{"key": "3", "label": "#3 Hello"}]
    assert second == {"result": [{"key": "2", "label": "Ticket #2"}], "cursor": None}


def test_search_uses_gorgias_search_and_keeps_only_matching_labels(gorgias_api: MockedGorgias,
                                                                   connection: dict[str, Any]) -> None:
    """POST /search {type: customer, query, size: limit}; a result whose label lacks the text is dropped."""
    gorgias_api.add(responses.POST, "/search", status=201,
                 match=[matchers.json_params_matcher({"type": "customer", "query": "doe", "size": 3})],
                 json={"data": [*customers(1, 2), {"id": 5, "name": "Fuzzy Match", "email": None}]})
    page = invoke_data_source(gorgias, "selectCustomer", {}, connection, search=" doe ", limit=3)
    assert page["result"] == [{"key": "1", "label": "Person1 Doe (p1@example.com)"},
                              {"key": "2", "label": "Person2 Doe (p2@example.com)"}]
    assert isinstance(page["cursor"], str)  # three results for a size of three: there may be more


def test_search_pages_by_asking_for_more_results(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Gorgias's search has no cursor: the next page asks for offset + limit results and returns the rest."""
    gorgias_api.add(responses.POST, "/search", status=201,
                 match=[matchers.json_params_matcher({"type": "customer", "query": "doe", "size": 2})],
                 json=customers(1, 2))  # a bare list, as live Gorgias sometimes answers
    gorgias_api.add(responses.POST, "/search", status=201,
                 match=[matchers.json_params_matcher({"type": "customer", "query": "doe", "size": 4})],
                 json={"data": customers(1, 2, 3)})
    first = invoke_data_source(gorgias, "selectCustomer", {}, connection, search="doe", limit=2)
    second = invoke_data_source(gorgias, "selectCustomer", {}, connection, search="doe", limit=2, cursor=first["cursor"])
    assert [o["key"] for o in first["result"]] == ["1", "2"]
    assert second == {"result": [{"key": "3", "label": "Person3 Doe (p3@example.com)"}], "cursor": None}


def test_search_stops_at_the_fifty_results_gorgias_returns(gorgias_api: MockedGorgias,
                                                          connection: dict[str, Any]) -> None:
    """A size of 50 is Gorgias's maximum: that page is the last."""
    gorgias_api.add(responses.POST, "/search", status=201,
                 match=[matchers.json_params_matcher({"type": "customer", "query": "doe", "size": 50})],
                 json={"data": customers(*range(1, 51))})
    page = invoke_data_source(gorgias, "selectCustomer", {}, connection, search="doe", limit=100)
    assert len(page["result"]) == 50
    assert page["cursor"] is None


def test_search_with_a_filter_gorgias_search_lacks_filters_pages(gorgias_api: MockedGorgias,
                                                                 connection: dict[str, Any], list_page: Any) -> None:
    """view_id cannot go to /search: pages of 100 are read and filtered; the cursor resumes inside a page."""
    first_page = [*customers(1, 2, name="Smith"), *customers(3, 4, 5)]
    gorgias_api.add(responses.GET, "/customers", match=[matchers.query_param_matcher({"view_id": "7", "limit": "100"})],
                 json=list_page("/customers", first_page, next_cursor="g2"))
    gorgias_api.add(responses.GET, "/customers",
                 match=[matchers.query_param_matcher({"view_id": "7", "limit": "100", "cursor": "g2"})],
                 json=list_page("/customers", customers(6, name="Smith")))
    first = invoke_data_source(gorgias, "selectCustomer", {"view_id": "7"}, connection, search="SMITH", limit=1)
    assert first["result"] == [{"key": "1", "label": "Person1 Smith (p1@example.com)"}]
    gorgias_api.add(responses.GET, "/customers", match=[matchers.query_param_matcher({"view_id": "7", "limit": "100"})],
                 json=list_page("/customers", first_page, next_cursor="g2"))
    second = invoke_data_source(gorgias, "selectCustomer", {"view_id": "7"}, connection, search="smith", limit=2,
                                     cursor=first["cursor"])
    assert second == {"result": [{"key": "2", "label": "Person2 Smith (p2@example.com)"},
                                 {"key": "6", "label": "Person6 Smith (p6@example.com)"}], "cursor": None}


def test_a_sparse_search_reads_at_most_five_pages_per_call(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                           list_page: Any) -> None:
    """No match in five pages: the call answers an empty page with a cursor at the sixth, which the next call reads."""
    for number in range(5):
        query = {"limit": "100", **({"cursor": f"t{number}"} if number else {})}
        gorgias_api.add(responses.GET, "/tickets", match=[matchers.query_param_matcher(query)],
                     json=list_page("/tickets", [{"id": 100 - number, "subject": "Other"}], next_cursor=f"t{number + 1}"))
    page = invoke_data_source(gorgias, "selectTicket", {}, connection, search="refund")
    assert page["result"] == [] and isinstance(page["cursor"], str)
    gorgias_api.add(responses.GET, "/tickets", match=[matchers.query_param_matcher({"limit": "100", "cursor": "t5"})],
                 json=list_page("/tickets", [{"id": 9, "subject": "Refund please"}]))
    assert invoke_data_source(gorgias, "selectTicket", {}, connection, search="refund", cursor=page["cursor"]) == {
        "result": [{"key": "9", "label": "#9 Refund please"}], "cursor": None}


def test_no_paging_argument_keeps_the_complete_list(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                    list_page: Any) -> None:
    """Blank search, cursor and limit are not set: the documented complete list, without a cursor key."""
    gorgias_api.add(responses.GET, "/messages", match=[matchers.query_param_matcher({"limit": "100"})],
                 json=list_page("/messages", [{"id": 1, "subject": "Hi"}]))
    assert invoke_data_source(gorgias, "selectMessage", {}, connection, search="  ", cursor="", limit="") == {
        "result": [{"key": "1", "label": "Hi"}]}


@pytest.mark.parametrize(("arguments", "key", "message"), [
    ({"limit": 0}, "limit", "Limit: expected a whole number from 1 to 100, received 0."),
    ({"limit": "101"}, "limit", 'Limit: expected a whole number from 1 to 100, received "101".'),
    ({"limit": True}, "limit", "Limit: expected a whole number from 1 to 100, received true."),
    ({"search": 5}, "search", "Search: expected a string, received 5."),
    ({"search": "x" * 201}, "search", "Search: expected at most 200 characters, received 201."),
    ({"cursor": "not a cursor"}, "cursor",
     'Cursor: expected a cursor handed out by this picklist, received "not a cursor".'),
    ({"cursor": 12}, "cursor", "Cursor: expected a cursor handed out by this picklist, received 12."),
])
def test_bad_paging_arguments_are_input_errors(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                               arguments: dict[str, Any], key: str, message: str) -> None:
    """Each names the argument, what was expected and what was received; nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke_data_source(gorgias, "selectCustomer", {}, connection, **arguments)
    assert (caught.value.key, str(caught.value)) == (key, message)
    assert len(gorgias_api.calls) == 0


def test_a_cursor_of_another_search_or_picklist_is_refused(gorgias_api: MockedGorgias,
                                                           connection: dict[str, Any], list_page: Any) -> None:
    """A cursor belongs to its picklist and its search text; reusing it elsewhere is an InputError, nothing sent."""
    gorgias_api.add(responses.GET, "/tickets", match=[matchers.query_param_matcher({"limit": "1"})],
                 json=list_page("/tickets", [{"id": 3, "subject": "Hello"}], next_cursor="t2"))
    cursor = invoke_data_source(gorgias, "selectTicket", {}, connection, limit=1)["cursor"]
    with pytest.raises(InputError) as other_search:
        invoke_data_source(gorgias, "selectTicket", {}, connection, search="hello", cursor=cursor)
    with pytest.raises(InputError) as other_picklist:
        invoke_data_source(gorgias, "selectMessage", {}, connection, cursor=cursor)
    assert str(other_search.value) == ("Cursor: it continues another picklist or another search than 'selectTicket' "
                                       'for "hello"; start again without a cursor.')
    assert str(other_picklist.value) == ("Cursor: it continues another picklist or another search than "
                                         "'selectMessage'; start again without a cursor.")
    assert len(gorgias_api.calls) == 1


def test_the_cursor_hides_gorgias_cursor_in_an_opaque_token(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any], list_page: Any) -> None:
    """The cursor is URL-safe text; a tampered one (negative offset) is refused."""
    gorgias_api.add(responses.GET, "/tickets", match=[matchers.query_param_matcher({"limit": "1"})],
                 json=list_page("/tickets", [{"id": 3}], next_cursor="t2"))
    cursor = invoke_data_source(gorgias, "selectTicket", {}, connection, limit=1)["cursor"]
    assert cursor.replace("-", "").replace("_", "").isalnum()
    state = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    forged = base64.urlsafe_b64encode(json.dumps({**state, "o": -1}).encode()).decode()
    with pytest.raises(InputError) as caught:
        invoke_data_source(gorgias, "selectTicket", {}, connection, cursor=forged)
    assert caught.value.key == "cursor"
