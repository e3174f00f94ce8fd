"""searchViewItems pages as a list: every page is the same PUT and body, only the query's cursor changing."""

from __future__ import annotations

from typing import Any

import pytest

from component import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import envelope
from tests.support.mocked_gorgias import MockedGorgias

OPEN = "eq(ticket.status, 'open')"
VIEW = {"type": "ticket-list", "filters": OPEN, "search": "order"}
BODY = {"view": VIEW}  # sent unchanged with every page
URI = "/api/views/0/items"


def ticket(ident: int) -> dict[str, Any]:
    return {"id": ident, "subject": f"Order {ident}", "status": "open", "channel": "email", "via": "email",
            "created_datetime": "2024-12-04T15:18:56+00:00", "updated_datetime": "2024-12-04T15:18:56+00:00"}


def test_fetch_all_sends_the_same_put_and_body_for_every_page(gorgias_api: MockedGorgias,
                                                             connection: dict[str, Any]) -> None:
    """Each page is PUT /views/0/items with the filters, limit=100, the page's cursor and the same body."""
    query = {"direction": "next", "order_by": "created_datetime:asc", "limit": "100"}
    gorgias_api.expect("PUT", "/views/0/items", query=query, body=BODY, status=202,
                       answer=envelope(URI, [ticket(1), ticket(2)], next_cursor="c2", prev_cursor=None))
    gorgias_api.expect("PUT", "/views/0/items", query={**query, "cursor": "c2"}, body=BODY, status=202,
                       answer=envelope(URI, [ticket(3)], next_cursor="c3", prev_cursor="p2"))
    gorgias_api.expect("PUT", "/views/0/items", query={**query, "cursor": "c3"}, body=BODY, status=202,
                       answer=envelope(URI, [ticket(4)], prev_cursor="p3"))
    data = invoke(gorgias, "searchViewItems", {"view": VIEW, "direction": "next", "order_by": "created_datetime:asc",
                                               "fetchAll": "true", "cursor": "ignored", "limit": "5"},
                  connection)["data"]
    assert data == {"object": "list", "uri": URI, "data": [ticket(1), ticket(2), ticket(3), ticket(4)],
                    "meta": {"prev_cursor": None, "next_cursor": None}}
    assert [call.request.method for call in gorgias_api.calls] == ["PUT", "PUT", "PUT"]


def test_one_page_is_one_put_with_the_cursor_and_limit_asked_for(gorgias_api: MockedGorgias,
                                                                connection: dict[str, Any]) -> None:
    """Without fetchAll, the page asked for is sent once (saved view 7), and answered as Gorgias sent it."""
    answer = envelope("/api/views/7/items", [ticket(5)], next_cursor="c6", prev_cursor="c4")
    gorgias_api.expect("PUT", "/views/7/items", query={"cursor": "c5", "limit": "1", "ignored_item": "4742"},
                       body={"view": {"search": "refund"}}, answer=answer, status=202)
    data = invoke(gorgias, "searchViewItems", {"view_id": "7", "view": '{"search": "refund"}', "cursor": "c5",
                                               "limit": 1, "ignored_item": "4742"}, connection)["data"]
    assert data == answer


def test_iter_items_and_iter_pages_stream_the_search(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """The streams send the same PUTs as fetchAll, one page at a time."""
    for _ in range(2):  # once for iter_items, once for iter_pages
        gorgias_api.expect("PUT", "/views/0/items", query={"limit": "100"}, body=BODY, status=202,
                           answer=envelope(URI, [ticket(1)], next_cursor="c2"))
        gorgias_api.expect("PUT", "/views/0/items", query={"limit": "100", "cursor": "c2"}, body=BODY, status=202,
                           answer=envelope(URI, [ticket(2)]))
    with gorgias.iter_items("searchViewItems", {"view": VIEW}, connection) as stream:
        assert [t["id"] for t in stream] == [1, 2]
    with gorgias.iter_pages("searchViewItems", {"view": VIEW}, connection) as pages:
        assert [[t["id"] for t in page["data"]] for page in pages] == [[1], [2]]
    assert len(gorgias_api.calls) == 4


def test_a_page_lost_to_a_5xx_is_asked_for_again(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                 sleeps: list[float]) -> None:
    """The search is a read: a PUT answered 503 is sent again (after the policy's wait), and no item is lost."""
    gorgias_api.expect("PUT", "/views/0/items", query={"limit": "100"}, body=BODY, status=202,
                       answer=envelope(URI, [ticket(1)], next_cursor="c2"))
    page_two: dict[str, Any] = {"query": {"limit": "100", "cursor": "c2"}, "body": BODY}
    # Both match page two: responses answers the first (the 503) once, then the second.
    gorgias_api.expect("PUT", "/views/0/items", **page_two, status=503, answer={"error": {"msg": "Busy."}})
    gorgias_api.expect("PUT", "/views/0/items", **page_two, status=202, answer=envelope(URI, [ticket(2)]))
    data = invoke(gorgias, "searchViewItems", {"view": VIEW, "fetchAll": "true"}, connection)["data"]
    assert [t["id"] for t in data["data"]] == [1, 2]
    assert len(gorgias_api.calls) == 3 and len(sleeps) == 1


def expect_page(api: MockedGorgias, cursor: str | None, ident: int, next_cursor: str | None) -> None:
    """Expect the search's page at `cursor` (None: the first) of fetchAll, answered with one ticket."""
    query = {"limit": "100", **({"cursor": cursor} if cursor else {})}
    api.expect("PUT", "/views/0/items", query=query, body=BODY, status=202,
               answer=envelope(URI, [ticket(ident)], next_cursor=next_cursor))


@pytest.mark.parametrize(("max_pages", "last_cursor", "error"), [
    ("10", "c2", "Gorgias answered /views/0/items with a next cursor it had already given: the list would never end."),
    ("2", "c3", "Gorgias answered /views/0/items with more than 2 pages, the most one call follows: narrow the "
                "filters, or set GORGIAS_MAX_PAGES to change the cap."),
])
def test_fetch_all_stops_at_a_repeated_cursor_and_at_the_page_cap(
        gorgias_api: MockedGorgias, connection: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
        max_pages: str, last_cursor: str, error: str) -> None:
    """The search's pages end at a cursor Gorgias gave twice, or at GORGIAS_MAX_PAGES: nothing more is sent."""
    monkeypatch.setenv("GORGIAS_MAX_PAGES", max_pages)
    expect_page(gorgias_api, None, 1, "c2")
    expect_page(gorgias_api, "c2", 2, last_cursor)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "searchViewItems", {"view": VIEW, "fetchAll": "true"}, connection)
    assert str(caught.value) == error
    assert len(gorgias_api.calls) == 2
