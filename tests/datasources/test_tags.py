"""Select Tag lists every tag, by name, page by page; a tag without a name still gets a label."""

from __future__ import annotations

from typing import Any

import pytest

from component.errors import InputError
from gorgias_component import gorgias
from tests.conftest import MockedGorgias


def page(items: list[dict[str, Any]], next_cursor: str | None = None) -> dict[str, Any]:
    return {"object": "list", "uri": "/api/tags", "data": items, "meta": {"prev_cursor": None, "next_cursor": next_cursor}}


def test_select_tag_reads_every_page_ordered_by_name(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Pages of 100 ordered by name, the search kept on each; labels are the names, else "Tag #id"."""
    gorgias_api.expect("GET", "/tags", query={"order_by": "name:asc", "search": "re", "limit": "100"},
                       answer=page([{"id": 3, "name": "refund"}], next_cursor="n2"))
    gorgias_api.expect("GET", "/tags", query={"order_by": "name:asc", "search": "re", "limit": "100", "cursor": "n2"},
                       answer=page([{"id": 9, "name": " return \n policy"}, {"id": 11, "name": ""}]))
    assert gorgias.run_data_source("selectTag", {"search": "re"}, connection) == {"result": [
        {"key": "3", "label": "refund"}, {"key": "9", "label": "return policy"}, {"key": "11", "label": "Tag #11"},
    ]}


def test_select_tag_without_search_sends_only_the_order(gorgias_api: MockedGorgias,
                                                        connection: dict[str, Any]) -> None:
    gorgias_api.expect("GET", "/tags", query={"order_by": "name:asc", "limit": "100"}, answer=page([]))
    assert gorgias.run_data_source("selectTag", {}, connection) == {"result": []}


def test_select_tag_refuses_unknown_inputs(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_data_source("selectTag", {"serch": "x"}, connection)
    assert str(caught.value) == "Unknown input 'serch' for 'selectTag'. Did you mean 'search'?"
    assert gorgias_api.sent() == 0
