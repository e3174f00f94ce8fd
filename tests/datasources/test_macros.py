"""Select Macro lists the macros, most used first, labelled with their name and language; it searches upstream."""

from __future__ import annotations

from typing import Any

import responses
from responses import matchers

from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import Refuses, envelope, refuses_test
from tests.support.mocked_gorgias import MockedGorgias


def test_select_macro_sends_the_languages_and_orders_by_usage(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any]) -> None:
    """Languages are sent on every page, ordered by usage; a nameless macro is "Macro {id}"."""
    query = {"languages": ["en", "fr"], "order_by": "usage:desc", "limit": "100"}
    gorgias_api.add(responses.GET, "/macros", json=envelope("/api/macros", [
        {"id": 7, "name": "Refund confirmation", "language": "en"}, {"id": 8, "name": None, "language": None}]),
        match=[matchers.query_param_matcher(query)])
    result = invoke_data_source(gorgias, "selectMacro", {"languages": ["en", "fr"]}, connection)
    assert result == {"result": [{"key": "7", "label": "Refund confirmation (en)"}, {"key": "8", "label": "Macro 8"}]}


def test_select_macro_searches_with_the_macros_search_filter(gorgias_api: MockedGorgias,
                                                             connection: dict[str, Any]) -> None:
    """A search is one request to the macros list with its `search` filter, not a walk through every page."""
    query = {"languages": "en", "search": "refund", "order_by": "usage:desc", "limit": "10"}
    gorgias_api.add(responses.GET, "/macros", json=envelope("/api/macros", [
        {"id": 7, "name": "Refund confirmation", "language": "en"}]), match=[matchers.query_param_matcher(query)])
    page = invoke_data_source(gorgias, "selectMacro", {"languages": "en"}, connection, search="refund", limit=10)
    assert page == {"result": [{"key": "7", "label": "Refund confirmation (en)"}], "cursor": None}


test_refuses = refuses_test([
    # An input the picklist does not have, with a suggestion.
    Refuses("selectMacro", {"language": "en"}, "language",
            "Unknown input 'language' for 'selectMacro'. Did you mean 'languages'?", data_source=True),
])
