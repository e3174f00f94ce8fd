"""On the sandbox over loopback, paging through a picklist gives exactly its complete list, and search agrees."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.support.on_sandbox import use_sandbox


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=230, tickets=120) as server:
        yield server


@pytest.fixture
def connection(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return use_sandbox(monkeypatch, sandbox)  # pacing is off for this package already (conftest)


def every_page(key: str, connection: dict[str, Any], **paging: Any) -> list[dict[str, str]]:
    options: list[dict[str, str]] = []
    cursor = None
    for _ in range(100):
        page = gorgias.run_data_source(key, {}, connection, cursor=cursor, **paging)
        options += page["result"]
        cursor = page["cursor"]
        if cursor is None:
            return options
    raise AssertionError("the cursor never ended")


@pytest.mark.parametrize("key", ["selectCustomer", "selectTicket", "selectMessage"])
def test_pages_add_up_to_the_complete_list(connection: dict[str, Any], key: str) -> None:
    """Pages of 37 (an odd size against the sandbox's pages) concatenate to the complete list, in order."""
    assert every_page(key, connection, limit=37) == gorgias.run_data_source(key, {}, connection)["result"]


@pytest.mark.parametrize(("key", "text"), [("selectCustomer", "Ma"), ("selectTicket", "order"), ("selectMessage", "the")])
def test_search_returns_exactly_the_matching_options(connection: dict[str, Any], key: str, text: str) -> None:
    """Searched and paged (Gorgias's search or filtered pages), the options are the matching ones of the full list."""
    everything = gorgias.run_data_source(key, {}, connection)["result"]
    expected = {o["key"] for o in everything if text.lower() in o["label"].lower()}
    found = every_page(key, connection, search=text, limit=9)
    assert expected and len(found) == len({o["key"] for o in found})  # no option twice
    if key == "selectCustomer":  # Gorgias's search returns at most 50 results
        assert {o["key"] for o in found} <= expected and len(found) == min(50, len(expected))
    else:
        assert {o["key"] for o in found} == expected
