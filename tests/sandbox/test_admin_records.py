"""Macro, rule, survey and account-setting endpoints of the sandbox over loopback HTTP."""

from __future__ import annotations

import requests

from gorgias_component.sandbox import Sandbox


def test_macros_order_by_usage_by_default_and_read_deprecated_orders(sb: Sandbox, api: requests.Session) -> None:
    """The default order is usage, most used first; a bare "name" reads as name:asc."""
    usage = [m["usage"] for m in api.get(f"{sb.base_url}/macros").json()["data"]]
    assert usage == sorted(usage, reverse=True)
    names = [m["name"] for m in api.get(f"{sb.base_url}/macros", params={"order_by": "name"}).json()["data"]]
    assert names == sorted(names, key=str.lower)


def test_macros_by_relevance_need_a_ticket(sb: Sandbox, api: requests.Session) -> None:
    answer = api.get(f"{sb.base_url}/macros", params={"order_by": "relevance:desc"})
    assert answer.status_code == 400
    assert answer.json()["error"]["data"] == {"ticket_id": ["An existing ticket is required to order by relevance."]}


def test_a_rule_needs_code_and_known_event_types(sb: Sandbox, api: requests.Session) -> None:
    answer = api.post(f"{sb.base_url}/rules", json={"name": "r", "event_types": "ticket-created,ticket-closed"})
    assert answer.status_code == 400
    assert answer.json()["error"]["data"] == {
        "code": ["Missing data for required field."],
        "event_types": ["Unknown event types: ['ticket-closed']. Must be among: ticket-created, ticket-updated, "
                        "ticket-message-created, ticket-assigned, ticket-self-unsnoozed, "
                        "satisfaction-survey-responded."],
    }


def test_surveys_cannot_be_deleted_and_scores_are_bounded(sb: Sandbox, api: requests.Session) -> None:
    """Gorgias has no survey delete (405); a score outside 1-5 is a 400."""
    assert api.delete(f"{sb.base_url}/satisfaction-surveys/1").status_code == 405
    answer = api.put(f"{sb.base_url}/satisfaction-surveys/1", json={"score": 9})
    assert answer.status_code == 400
    assert answer.json()["error"]["data"] == {
        "score": ["Must be greater than or equal to 1 and less than or equal to 5."]}


def test_account_settings_are_not_a_cursor_list(sb: Sandbox, api: requests.Session) -> None:
    """GET /account/settings answers {"data": [...]} only, and refuses paging parameters."""
    body = api.get(f"{sb.base_url}/account/settings").json()
    assert set(body) == {"data"} and body["data"][0]["type"] == "business-hours"
    assert api.get(f"{sb.base_url}/account/settings", params={"limit": 5}).status_code == 400


def test_every_change_is_an_event(sb: Sandbox, api: requests.Session) -> None:
    """Creating and updating a view, macro, survey, job and setting records Gorgias's events for each."""
    base = sb.base_url
    view = api.post(f"{base}/views", json={"slug": "evented"}).json()
    api.put(f"{base}/views/{view['id']}", json={"name": "Evented"})
    macro = api.post(f"{base}/macros", json={"name": "Evented"}).json()
    api.delete(f"{base}/macros/{macro['id']}")
    taken = {s["ticket_id"] for s in sb.store.tables["satisfaction_surveys"].values()}
    ticket = next(t for t in sb.store.tickets.values() if t.id not in taken and t.customer_id is not None)
    survey = api.post(f"{base}/satisfaction-surveys", json={"ticket_id": ticket.id,
                                                            "customer_id": ticket.customer_id}).json()
    job = api.post(f"{base}/jobs", json={"type": "exportTicket", "params": {"view_id": view["id"]}}).json()
    setting = api.post(f"{base}/account/settings", json={"type": "evented", "data": {}}).json()
    api.put(f"{base}/account/settings/{setting['id']}", json={"type": "evented", "data": {"on": True}})
    seen = {(e.type, e.object_type, e.object_id) for e in sb.store.events.values()}
    assert {("view-created", "View", view["id"]), ("view-updated", "View", view["id"]),
            ("macro-created", "Macro", macro["id"]), ("macro-deleted", "Macro", macro["id"]),
            ("satisfaction-survey-created", "SatisfactionSurvey", survey["id"]), ("job-created", "Job", job["id"]),
            ("account-setting-created", "Account", setting["id"]),
            ("account-setting-updated", "Account", setting["id"])} <= seen
