"""User actions send exactly the documented requests; required inputs and enumerations are checked first."""

from __future__ import annotations

from typing import Any

import pytest

from component.errors import InputError
from gorgias_component import gorgias
from tests.support.action_cases import assert_required, assert_sends
from tests.support.mocked_gorgias import MockedGorgias

USER = {"id": 7, "email": "steve@example.com", "name": "Steve Frazelli", "role": {"name": "agent"}}
PAGE = {"object": "list", "uri": "/api/users", "data": [USER], "meta": {"prev_cursor": None, "next_cursor": None}}

CASES = [
    ("createUser", {"email": "steve@example.com", "name": "Steve Frazelli", "role": "Agent", "bio": "Dev",
                    "country": "FR", "external_id": "u-1", "language": "fr", "meta": '{"position": "engineer"}',
                    "timezone": "Europe/Paris"},
     "POST", "/users", {}, {"email": "steve@example.com", "name": "Steve Frazelli", "role": {"name": "agent"},
                            "bio": "Dev", "country": "FR", "external_id": "u-1", "language": "fr",
                            "meta": {"position": "engineer"}, "timezone": "Europe/Paris"}, USER),
    ("getUser", {"id": "7"}, "GET", "/users/7", {}, None, USER),
    ("updateUser", {"id": 7, "role": "admin", "bio": ""}, "PUT", "/users/7", {}, {"role": {"name": "admin"}}, USER),
    ("updateUser", {"id": 7, "name": "Steve F."}, "PUT", "/users/7", {}, {"name": "Steve F."}, USER),
    ("listUsers", {"roles": ["agent", "ADMIN"], "search": "ste", "order_by": "email:desc", "limit": 2,
                   "available_first": "true", "email": "steve@example.com", "external_id": "u-1"},
     "GET", "/users", {"roles": ["agent", "admin"], "search": "ste", "order_by": "email:desc", "limit": "2",
                       "available_first": "true", "email": "steve@example.com", "external_id": "u-1"}, None, PAGE),
]


@pytest.mark.parametrize(("key", "inputs", "method", "path", "query", "body", "answer"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_request_is_exactly_the_documented_one(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                   inputs: dict[str, Any], method: str, path: str,
                                                   query: dict[str, Any], body: Any, answer: Any) -> None:
    assert_sends(gorgias_api, connection, key, inputs, method, path, query, body, answer)


def test_delete_user_answers_success(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.expect("DELETE", "/users/7", status=204)
    assert gorgias.run_action("deleteUser", {"id": 7}, connection) == {"data": {"message": "Success"}}


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), [
    ("createUser", {"name": "S", "role": "agent"}, "email", "Email"),
    ("createUser", {"email": "s@e.com", "role": "agent"}, "name", "Name"),
    ("createUser", {"email": "s@e.com", "name": "S"}, "role", "Role"),
    ("getUser", {}, "id", "User ID"),
    ("updateUser", {"name": "x"}, "id", "User ID"),
    ("deleteUser", {}, "id", "User ID"),
])
def test_a_missing_required_input_sends_nothing(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                inputs: dict[str, Any], missing: str, label: str) -> None:
    assert_required(gorgias_api, connection, key, inputs, missing, label)


@pytest.mark.parametrize(("inputs", "message"), [
    ({"email": "s@e.com", "name": "S", "role": "owner"},
     "Input 'role' (Role): expected one of admin, agent, basic-agent, lite-agent, observer-agent, received \"owner\"."),
    ({"email": "s@e.com", "name": "S", "role": "agent", "language": "de"},
     "Input 'language' (Language): expected one of en, fr, received \"de\"."),
])
def test_enumerations_are_checked(gorgias_api: MockedGorgias, connection: dict[str, Any], inputs: dict[str, Any],
                                  message: str) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_action("createUser", inputs, connection)
    assert str(caught.value) == message
    assert gorgias_api.sent() == 0


def test_list_users_refuses_an_unknown_role(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_action("listUsers", {"roles": ["agent", "boss"]}, connection)
    assert caught.value.key == "roles"
    assert gorgias_api.sent() == 0
