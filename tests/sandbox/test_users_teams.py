"""User and team endpoints of the sandbox: cursor lists with Gorgias's orders and filters, CRUD with events."""

from __future__ import annotations

import requests

from gorgias_component.sandbox import Sandbox
from tests.sandbox.conftest import Walker


def test_users_are_listed_by_name_by_default_across_pages(sb: Sandbox, api: requests.Session, walk: Walker) -> None:
    names = [u["name"] for u in walk(f"{sb.base_url}/users", limit=4)]
    assert names == sorted(names, key=str.lower) and len(names) == len(sb.store.users)
    emails = [u["email"] for u in walk(f"{sb.base_url}/users", order_by="email:desc", limit=3)]
    assert emails == sorted(emails, key=str.lower, reverse=True)
    newest = api.get(f"{sb.base_url}/users", params={"order_by": "created_datetime:desc"}).json()["data"]
    stamps = [(u["created_datetime"], u["id"]) for u in newest]
    assert stamps == sorted(stamps, reverse=True)


def test_users_filter_by_role_search_and_email(sb: Sandbox, api: requests.Session) -> None:
    agents = api.get(f"{sb.base_url}/users", params={"roles": ["lead-agent", "basic-agent"]}).json()["data"]
    assert {u["role"]["name"] for u in agents} == {"lead-agent", "basic-agent"}
    found = api.get(f"{sb.base_url}/users", params={"search": "CURIE"}).json()["data"]
    assert [u["name"] for u in found] == ["Marie Curie"]
    one = api.get(f"{sb.base_url}/users", params={"email": found[0]["email"].upper()}).json()["data"]
    assert [u["id"] for u in one] == [found[0]["id"]]


def test_user_crud_writes_events_and_checks_bodies(sb: Sandbox, api: requests.Session) -> None:
    created = api.post(f"{sb.base_url}/users", json={"email": "ann@x.io", "name": "Ann Bee", "role": {"name": "agent"},
                                                     "language": "fr"})
    assert created.status_code == 201, created.text
    user = created.json()
    assert (user["firstname"], user["lastname"], user["language"]) == ("Ann", "Bee", "fr")
    assert user["created_datetime"].endswith("+00:00")
    assert api.put(f"{sb.base_url}/users/{user['id']}", json={"role": {"name": "admin"}}).json()["role"] == {
        "name": "admin"}
    assert api.delete(f"{sb.base_url}/users/{user['id']}").status_code == 204
    kinds = [sb.store.events[i].type for i in sb.store.event_ids_for("User", user["id"])]
    assert kinds == ["user-created", "user-updated", "user-deleted"]
    bad = api.post(f"{sb.base_url}/users", json={"email": "x@x.io", "name": "X", "role": {"name": "boss"}}).json()
    assert bad["error"]["data"] == {"name": ["Must be one of: admin, agent, basic-agent, lite-agent, observer-agent."]}
    taken = api.post(f"{sb.base_url}/users", json={"email": sb.username, "name": "X", "role": {"name": "agent"}})
    assert taken.json()["error"]["data"] == {"email": [f"A user with email {sb.username} already exists."]}


def test_teams_list_crud_and_members(sb: Sandbox, api: requests.Session, walk: Walker) -> None:
    names = [t["name"] for t in walk(f"{sb.base_url}/teams", order_by="name:asc", limit=2)]
    assert names == ["Billing", "Support", "VIP Care"]
    created = api.post(f"{sb.base_url}/teams", json={"name": "Night shift", "members": [{"id": 2}, {"id": 3}],
                                                     "decoration": {"emoji": "🌙"}})
    assert created.status_code == 201, created.text
    team = created.json()
    assert [m["id"] for m in team["members"]] == [2, 3] and team["members"][0]["email"]
    updated = api.put(f"{sb.base_url}/teams/{team['id']}", json={"members": [{"id": 4}]}).json()
    assert [m["id"] for m in updated["members"]] == [4]
    unknown = api.put(f"{sb.base_url}/teams/{team['id']}", json={"members": [{"id": 999}]})
    assert unknown.json()["error"]["data"] == {"members": ["Unknown users: [999]."]}
    assert api.delete(f"{sb.base_url}/teams/{team['id']}").status_code == 204
    assert api.get(f"{sb.base_url}/teams/{team['id']}").status_code == 404
