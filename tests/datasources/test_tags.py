"""Select Tag lists every tag by name, page by page, and searches with Gorgias's search; labels are never empty."""

from __future__ import annotations

from typing import Any

from gorgias_component import gorgias
from tests.support.action_table import Refuses, envelope, refuses_test
from tests.support.mocked_gorgias import MockedGorgias


def test_select_tag_reads_every_page_ordered_by_name(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Pages of 100 ordered by name; labels are the names with spaces tidied, else "Tag #id"."""
    gorgias_api.expect("GET", "/tags", query={"order_by": "name:asc", "limit": "100"},
                       answer=envelope("/api/tags", [{"id": 3, "name": "refund"}], next_cursor="n2"))
    gorgias_api.expect("GET", "/tags", query={"order_by": "name:asc", "limit": "100", "cursor": "n2"},
                       answer=envelope("/api/tags", [{"id": 9, "name": " return \n policy"}, {"id": 11, "name": ""}]))
    assert gorgias.run_data_source("selectTag", {}, connection) == {"result": [
        {"key": "3", "label": "refund"}, {"key": "9", "label": "return policy"}, {"key": "11", "label": "Tag #11"},
    ]}


def test_select_tag_searches_with_gorgias_search(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A search is one POST /search for tags; only labels containing the text are kept."""
    gorgias_api.expect("POST", "/search", body={"type": "tag", "query": "re", "size": 3}, status=201,
                       answer={"data": [{"id": 3, "name": "refund"}, {"id": 5, "name": "billing"}]})
    assert gorgias.run_data_source("selectTag", {}, connection, search="re", limit=3) == {
        "result": [{"key": "3", "label": "refund"}], "cursor": None}


test_refuses = refuses_test([
    Refuses("selectTag", {"search": "x"}, "search", "Unknown input 'search' for 'selectTag'. There are no inputs.",
            data_source=True),
])
