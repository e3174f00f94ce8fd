"""Every user and team action and their picklists, end to end on the sandbox; results fit their outputSchema."""

from __future__ import annotations

from typing import Any

import pytest

from component import ApiError, InputError
from gorgias_component import gorgias
from tests.e2e.conftest import Run


def test_user_round_trip(run: Run) -> None:
    created = run("createUser", email="e2e.agent@example.com", name="Eve Tester", role="agent", language="en",
                  meta='{"position": "qa"}')
    assert (created["role"], created["meta"]) == ({"name": "agent"}, {"position": "qa"})
    user_id = created["id"]
    assert run("getUser", id=user_id)["email"] == "e2e.agent@example.com"
    assert run("updateUser", id=user_id, role="admin", bio="QA lead")["role"] == {"name": "admin"}
    listed = run("listUsers", search="e2e.agent")
    assert [u["id"] for u in listed["data"]] == [user_id]
    assert run("deleteUser", id=user_id) == {"message": "Success"}
    with pytest.raises(ApiError) as error:
        run("getUser", id=user_id)
    assert error.value.status == 404


def test_list_users_filters_roles_and_fetches_all(run: Run) -> None:
    admins = run("listUsers", roles="admin")["data"]
    assert admins and {u["role"]["name"] for u in admins} == {"admin"}
    every = run("listUsers", fetchAll=True, order_by="name:asc")["data"]
    assert [u["name"] for u in every] == sorted((u["name"] for u in every), key=str.lower)


def test_team_round_trip(run: Run) -> None:
    created = run("createTeam", name="E2E team", members=["2", "3"], decoration='{"emoji": "🧪"}')
    assert [m["id"] for m in created["members"]] == [2, 3]
    team_id = created["id"]
    assert run("getTeam", id=team_id)["decoration"] == {"emoji": "🧪"}
    assert [m["id"] for m in run("updateTeam", id=team_id, members="4")["members"]] == [4]
    assert team_id in [t["id"] for t in run("listTeams", order_by="name:asc", limit=100)["data"]]
    assert run("deleteTeam", id=team_id) == {"message": "Success"}
    with pytest.raises(InputError):
        run("createTeam", name="x", decoration='{"emoji": ""}')


def test_select_user_and_select_team(conn: dict[str, Any]) -> None:
    users = gorgias.run_data_source("selectUser", {}, conn)["result"]
    assert users[0]["label"].endswith(")") and all(o["label"] for o in users)
    teams = gorgias.run_data_source("selectTeam", {}, conn)["result"]
    assert [o["label"] for o in teams][:3] == ["Billing", "Support", "VIP Care"]
    found = gorgias.run_data_source("selectTeam", {}, conn, search="vip", limit=5)
    assert found["result"] == [{"key": "3", "label": "VIP Care"}]
