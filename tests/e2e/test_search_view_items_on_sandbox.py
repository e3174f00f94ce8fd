"""searchViewItems pages like every list on the sandbox: each page is the same PUT with the next cursor."""

from __future__ import annotations

from typing import Any

from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import Run

ROUTE = ("PUT", "/api/views/{view_id}/items")
OPEN = {"filters": "eq(ticket.status, 'open')"}
OLDEST_FIRST = "created_datetime:asc"


def open_tickets(sandbox: Sandbox) -> list[int]:
    """The ids of the sandbox's open tickets that are not in the trash, oldest first (ties by id)."""
    tickets = [t for t in sandbox.store.tickets.values() if t.status == "open" and not t.trashed_datetime]
    return [t.id for t in sorted(tickets, key=lambda t: (t.created_datetime, t.id))]


def test_fetch_all_follows_every_cursor_with_the_same_search(run: Run, sandbox: Sandbox) -> None:
    """fetchAll sends one PUT per page of 100 and answers every matching ticket once, in order, no cursor left."""
    expected = open_tickets(sandbox)
    assert len(expected) > 100  # more than one page, or the test would prove nothing
    sandbox.reset_stats()
    data = run("searchViewItems", view=OPEN, order_by=OLDEST_FIRST, fetchAll="true")
    assert [t["id"] for t in data["data"]] == expected
    assert data["meta"]["next_cursor"] is None
    assert sandbox.stats.processed[ROUTE] == -(-len(expected) // 100)


def test_a_cursor_from_one_page_asks_for_the_next(run: Run, sandbox: Sandbox) -> None:
    """Paging by hand (cursor, limit) walks the same tickets as fetchAll."""
    first = run("searchViewItems", view=OPEN, order_by=OLDEST_FIRST, limit=5)
    second = run("searchViewItems", view=OPEN, order_by=OLDEST_FIRST, limit=5, cursor=first["meta"]["next_cursor"])
    assert [t["id"] for t in first["data"] + second["data"]] == open_tickets(sandbox)[:10]


def test_iter_items_and_iter_pages_stream_the_search(conn: dict[str, Any], sandbox: Sandbox) -> None:
    """iter_items streams the same tickets as fetchAll; iter_pages yields the envelopes, 100 tickets at most each."""
    inputs = {"view": OPEN, "order_by": OLDEST_FIRST}
    with gorgias.iter_items("searchViewItems", inputs, conn) as stream:
        assert [t["id"] for t in stream] == open_tickets(sandbox)
    with gorgias.iter_pages("searchViewItems", inputs, conn) as pages:
        sizes = [len(page["data"]) for page in pages]
    assert sum(sizes) == len(open_tickets(sandbox)) and max(sizes) == 100 and len(sizes) >= 2
