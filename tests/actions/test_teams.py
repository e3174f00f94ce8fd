"""Team actions send exactly the documented requests; members go out as [{"id": ...}]."""

from __future__ import annotations

from typing import Any

import pytest

from component.errors import InputError
from gorgias_component import gorgias
from tests.support.action_cases import assert_required, assert_sends
from tests.support.mocked_gorgias import MockedGorgias

TEAM = {"id": 3, "name": "Warehouse team", "members": [{"id": 7}], "decoration": {"emoji": "📦"}}
PAGE = {"object": "list", "uri": "/api/teams", "data": [TEAM], "meta": {"prev_cursor": None, "next_cursor": None}}

CASES = [
    ("createTeam", {"name": "Warehouse team", "members": ["7", 8], "decoration": '{"emoji": "📦"}',
                    "description": "Ships"},
     "POST", "/teams", {}, {"name": "Warehouse team", "members": [{"id": 7}, {"id": 8}],
                            "decoration": {"emoji": "📦"}, "description": "Ships"}, TEAM),
    ("getTeam", {"id": "3"}, "GET", "/teams/3", {}, None, TEAM),
    ("updateTeam", {"id": 3, "members": "9"}, "PUT", "/teams/3", {}, {"members": [{"id": 9}]}, TEAM),
    ("listTeams", {"order_by": "name:desc", "cursor": "c1"}, "GET", "/teams",
     {"order_by": "name:desc", "cursor": "c1"}, None, PAGE),
]


@pytest.mark.parametrize(("key", "inputs", "method", "path", "query", "body", "answer"), CASES,
                         ids=[c[0] for c in CASES])
def test_the_request_is_exactly_the_documented_one(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                   inputs: dict[str, Any], method: str, path: str,
                                                   query: dict[str, Any], body: Any, answer: Any) -> None:
    assert_sends(gorgias_api, connection, key, inputs, method, path, query, body, answer)


def test_delete_team_answers_success(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.expect("DELETE", "/teams/3", status=204)
    assert gorgias.run_action("deleteTeam", {"id": 3}, connection) == {"data": {"message": "Success"}}


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), [
    ("createTeam", {"description": "x"}, "name", "Name"),
    ("getTeam", {}, "id", "Team ID"),
    ("updateTeam", {"name": "x"}, "id", "Team ID"),
    ("deleteTeam", {}, "id", "Team ID"),
])
def test_a_missing_required_input_sends_nothing(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                inputs: dict[str, Any], missing: str, label: str) -> None:
    assert_required(gorgias_api, connection, key, inputs, missing, label)


def test_a_decoration_without_emoji_is_refused(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_action("createTeam", {"name": "x", "decoration": {"color": "#fff"}}, connection)
    assert caught.value.key == "decoration"
    assert gorgias_api.sent() == 0
