"""Views, macros and rules end to end: every action and picklist through the public API, on the sandbox."""

from __future__ import annotations

from typing import Any

import pytest

from component import ApiError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import Run


def test_view_round_trip_and_its_tickets(run: Run, conn: dict[str, Any]) -> None:
    """A view is created, read, listed, searched, updated and deleted; its items are the tickets it filters."""
    view = run("createView", slug="e2e-urgent", name="E2E urgent", filters="eq(ticket.status, 'open')",
               fields=["id", "subject"], order_by="created_datetime", order_dir="asc", shared_with_users=["2"],
               visibility="shared", decoration={"emoji": "🔥"})
    assert (view["name"], view["visibility"], view["shared_with_users"][0]["id"]) == ("E2E urgent", "shared", 2)
    assert run("getView", id=view["id"])["filters"] == "eq(ticket.status, 'open')"
    assert view["id"] in [v["id"] for v in run("listViews", fetchAll="true")["data"]]

    items = run("listViewItems", view_id=view["id"], limit=5)
    assert items["data"] and all(t["status"] == "open" for t in items["data"])
    created = [t["created_datetime"] for t in items["data"]]
    assert created == sorted(created)  # the view's own order: created_datetime asc
    following = run("listViewItems", view_id=view["id"], limit=5, cursor=items["meta"]["next_cursor"])
    assert not {t["id"] for t in following["data"]} & {t["id"] for t in items["data"]}

    closed = run("searchViewItems", view={"filters": "eq(ticket.status, 'closed')"}, limit=3)
    assert closed["data"] and all(t["status"] == "closed" for t in closed["data"])

    updated = run("updateView", id=view["id"], filters="eq(ticket.status, 'closed')", name="E2E closed")
    assert (updated["name"], updated["slug"]) == ("E2E closed", "e2e-urgent")
    assert all(t["status"] == "closed" for t in run("listViewItems", view_id=view["id"])["data"])
    options = gorgias.run_data_source("selectView", {}, conn)["result"]
    assert {"key": str(view["id"]), "label": "🔥 E2E closed"} in options

    assert run("deleteView", id=view["id"]) == {"message": "Success"}
    with pytest.raises(ApiError) as error:
        run("getView", id=view["id"])
    assert error.value.status == 404


def test_a_view_with_broken_filters_is_a_400_naming_them(run: Run) -> None:
    """The sandbox parses filters as Gorgias does and answers 400 with the field's error."""
    with pytest.raises(ApiError) as error:
        run("createView", slug="broken", filters="eq(ticket.status 'open')")
    assert error.value.status == 400
    assert error.value.body["error"]["data"] == {
        "filters": ["Invalid filters: expected ',' at position 17, found \"'open'\"."]}


def test_my_tickets_view_resolves_the_current_user(run: Run, sandbox: Sandbox) -> None:
    """{{current_user.id}} in a seeded view's filters is the caller: the API key's user."""
    mine = next(v for v in run("listViews", fetchAll="true")["data"] if v["slug"] == "my-tickets")
    items = run("listViewItems", view_id=mine["id"], fetchAll="true")["data"]
    expected = {t.id for t in sandbox.store.tickets.values()
                if t.assignee_user_id == sandbox.store.api_user_id and t.status == "open"}
    assert {t["id"] for t in items} == expected


def test_macro_round_trip_filters_and_picklist(run: Run, conn: dict[str, Any]) -> None:
    """A macro is created, found by its tags, language and search, updated, picked and deleted."""
    macro = run("createMacro", name="E2E refund reply", intent="refund/request", language="de",
                actions=[{"name": "addTags", "arguments": {"tags": "e2e-refund, billing"}}])
    assert macro["actions"][0]["title"] == "addTags" and macro["usage"] == 0
    assert run("getMacro", id=macro["id"])["intent"] == "refund/request"
    found = run("listMacros", tags=["e2e-refund"], languages="de", search="refund reply")["data"]
    assert [m["id"] for m in found] == [macro["id"]]
    by_name = [m["name"] for m in run("listMacros", order_by="name:asc", fetchAll="true")["data"]]
    assert by_name == sorted(by_name, key=str.lower)
    assert run("updateMacro", id=macro["id"], name="E2E refund reply v2")["name"] == "E2E refund reply v2"
    options = gorgias.run_data_source("selectMacro", {"languages": "de"}, conn)["result"]
    assert options == [{"key": str(macro["id"]), "label": "E2E refund reply v2 (de)"}]
    assert run("deleteMacro", id=macro["id"]) == {"message": "Success"}
    assert run("listMacros", tags=["e2e-refund"])["data"] == []


def test_macros_by_relevance_rank_the_ones_sharing_the_ticket_words(run: Run, sandbox: Sandbox) -> None:
    """order_by relevance with a ticket ranks first the macro sharing most words with its subject."""
    ticket = next(t for t in sandbox.store.tickets.values() if t.subject)
    macro = run("createMacro", name=f"Reply: {ticket.subject}", language="en")
    ranked = run("listMacros", order_by="relevance:desc", ticket_id=ticket.id, limit=1)["data"]
    assert ranked[0]["id"] == macro["id"]
    run("deleteMacro", id=macro["id"])


def test_rule_round_trip_priorities_and_picklist(run: Run, conn: dict[str, Any]) -> None:
    """A rule is created, read, listed, reordered, deactivated (the picklist says so) and deleted."""
    rule = run("createRule", name="E2E rule", code="if (eq(ticket.status, 'open')) { }",
               event_types=["ticket-created", "ticket-updated"], priority=5)
    assert (rule["event_types"], rule["priority"]) == ("ticket-created,ticket-updated", 5)
    assert run("getRule", id=rule["id"])["name"] == "E2E rule"
    assert rule["id"] in [r["id"] for r in run("listRules", order_by="created_datetime:asc")["data"]]

    reordered = run("updateRulePriorities", priorities=[{"id": rule["id"], "priority": 99}])
    assert reordered[0]["id"] == rule["id"] and reordered[0]["priority"] == 99

    run("updateRule", id=rule["id"], deactivated_datetime="2024-06-01T10:00:00+00:00")
    options = gorgias.run_data_source("selectRule", {}, conn)["result"]
    assert {"key": str(rule["id"]), "label": "E2E rule (deactivated)"} in options
    assert run("deleteRule", id=rule["id"]) == {"message": "Success"}


def test_rule_changes_are_events(run: Run) -> None:
    """Creating, reordering and deleting a rule writes the Gorgias events for each change."""
    rule = run("createRule", name="Evented", code="Action('setStatus', { status: 'closed' })")
    run("updateRulePriorities", priorities=[{"id": rule["id"], "priority": 3}])
    run("deleteRule", id=rule["id"])
    events = run("listEvents", object_type="Rule", object_id=rule["id"], fetchAll="true")["data"]
    assert {"rule-created", "rule-priority-updated", "rule-deleted"} <= {e["type"] for e in events}


def test_unknown_priorities_are_a_404(run: Run) -> None:
    """Reordering a rule that does not exist changes nothing and answers 404."""
    with pytest.raises(ApiError) as error:
        run("updateRulePriorities", priorities=[{"id": 999999, "priority": 1}])
    assert error.value.status == 404
