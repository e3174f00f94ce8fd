"""Select User and Select Team list every user or team by name and search with Gorgias's search."""

from __future__ import annotations

from typing import Any

from gorgias_component import gorgias
from tests.support.action_table import envelope, refuses_test, required
from tests.support.mocked_gorgias import MockedGorgias


def test_select_user_labels_name_and_email(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Name (email), else the email, else "User #id"; every page is read, ordered by name."""
    gorgias_api.expect("GET", "/users", query={"order_by": "name:asc", "limit": "100"},
                       answer=envelope("/api/users", [{"id": 2, "name": "Alex Johnson", "email": "alex@x.io"}], "u2"))
    gorgias_api.expect("GET", "/users", query={"order_by": "name:asc", "limit": "100", "cursor": "u2"},
                       answer=envelope("/api/users", [{"id": 3, "name": "", "email": "bot@x.io"}, {"id": 4}]))
    assert gorgias.run_data_source("selectUser", {}, connection) == {"result": [
        {"key": "2", "label": "Alex Johnson (alex@x.io)"}, {"key": "3", "label": "bot@x.io"},
        {"key": "4", "label": "User #4"}]}


def test_select_user_searches_agents(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.expect("POST", "/search", body={"type": "agent", "query": "alex", "size": 5}, status=201,
                       answer={"data": [{"id": 2, "name": "Alex Johnson", "email": "alex@x.io"}]})
    assert gorgias.run_data_source("selectUser", {}, connection, search="alex", limit=5) == {
        "result": [{"key": "2", "label": "Alex Johnson (alex@x.io)"}], "cursor": None}


def test_select_team_labels_the_name(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.expect("GET", "/teams", query={"order_by": "name:asc", "limit": "100"},
                       answer=envelope("/api/teams", [{"id": 1, "name": "Billing"}, {"id": 2, "name": " "}]))
    assert gorgias.run_data_source("selectTeam", {}, connection) == {"result": [
        {"key": "1", "label": "Billing"}, {"key": "2", "label": "Team #2"}]}


def test_select_team_searches_teams(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.expect("POST", "/search", body={"type": "team", "query": "bill", "size": 5}, status=201,
                       answer={"data": [{"id": 1, "name": "Billing"}]})
    assert gorgias.run_data_source("selectTeam", {}, connection, search="bill", limit=5) == {
        "result": [{"key": "1", "label": "Billing"}], "cursor": None}


def test_select_custom_field_lists_the_fields_of_one_object_type(gorgias_api: MockedGorgias,
                                                                 connection: dict[str, Any]) -> None:
    """The object type is required and sent; fields come by priority, labelled by their label."""
    gorgias_api.expect("GET", "/custom-fields", query={"order_by": "priority:asc", "object_type": "Customer",
                                                       "limit": "100"},
                       answer=envelope("/api/custom-fields", [{"id": 4, "label": "Loyalty tier"}, {"id": 5, "label": ""}]))
    assert gorgias.run_data_source("selectCustomField", {"object_type": "customer"}, connection) == {"result": [
        {"key": "4", "label": "Loyalty tier"}, {"key": "5", "label": "Custom field #5"}]}


test_refuses = refuses_test([
    required("selectCustomField", {}, "object_type", "Object Type", data_source=True),
])
