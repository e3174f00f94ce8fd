"""A data source declared with `data_source` (only its complete list known) still pages and searches, by slicing."""

# No `from __future__ import annotations`: the decorators read the perform functions' type hints.

from typing import Any

import pytest
import requests

from component import Component, Connection, ConnectionFields, HttpClient, Input, InputError, NoInputs, Opened, OpenOptions
from component import data_source as declare_data_source
from component.inputs import Text

CALLS: list[str] = []


class Fields(ConnectionFields):
    name: Text = Input("Name", required=True)


def open_local(fields: ConnectionFields, token: Any, options: OpenOptions) -> Opened:
    return Opened(HttpClient("https://unused.test", requests.Session(), service="Local"))


@declare_data_source("colours", "Colours", "Seven colours, known only as a whole.")
def colours(api: HttpClient, inputs: NoInputs) -> list[dict[str, str]]:
    CALLS.append("colours")
    names = ["Red", "Orange", "Yellow", "Green", "Blue", "Indigo", "Violet"]
    return [{"key": str(i), "label": name} for i, name in enumerate(names)]


LOCAL = Component("local", "Local", "A component without HTTP.",
                  (Connection("plain", "Plain", "", Fields, open_local),), (), (colours,))
CONNECTION = {"key": "plain", "fields": {"name": "me"}}


def test_pages_of_a_complete_list_follow_the_cursor_to_the_end() -> None:
    """limit=3 gives 3, 3, then 1 option with a null cursor; the list is built once per call."""
    CALLS.clear()
    seen, cursor, pages = [], None, 0
    while True:
        page = LOCAL.run_data_source("colours", {}, CONNECTION, limit=3, cursor=cursor)
        seen += [o["label"] for o in page["result"]]
        pages += 1
        cursor = page["cursor"]
        if cursor is None:
            break
    assert seen == ["Red", "Orange", "Yellow", "Green", "Blue", "Indigo", "Violet"]
    assert (pages, len(CALLS)) == (3, 3)


def test_search_filters_labels_without_case() -> None:
    """'E' keeps the labels holding an e, in order, paged the same way."""
    first = LOCAL.run_data_source("colours", {}, CONNECTION, search="E", limit=2)
    second = LOCAL.run_data_source("colours", {}, CONNECTION, search="e", limit=2, cursor=first["cursor"])
    assert [o["label"] for o in first["result"]] == ["Red", "Orange"]
    assert [o["label"] for o in second["result"]] == ["Yellow", "Green"]
    third = LOCAL.run_data_source("colours", {}, CONNECTION, search="e", limit=2, cursor=second["cursor"])
    assert ([o["label"] for o in third["result"]], third["cursor"]) == (["Blue", "Violet"], None)


def test_no_paging_argument_returns_the_complete_list_without_a_cursor() -> None:
    """The documented shape: {"result": [...]} only."""
    assert list(LOCAL.run_data_source("colours", {}, CONNECTION)) == ["result"]


def test_the_manifest_says_it_pages_but_is_not_searched_by_the_api() -> None:
    """pageable true for every data source; searchable only with an API search."""
    entry = LOCAL.manifest()["dataSources"][0]
    assert (entry["pageable"], entry["searchable"]) == (True, False)


def test_a_bad_limit_is_refused_before_the_list_is_built() -> None:
    """The paging arguments are checked first: perform never runs."""
    CALLS.clear()
    with pytest.raises(InputError) as caught:
        LOCAL.run_data_source("colours", {}, CONNECTION, limit="ten")
    assert str(caught.value) == 'Limit: expected a whole number from 1 to 100, received "ten".'
    assert CALLS == []
