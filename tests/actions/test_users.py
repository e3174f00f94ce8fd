"""User actions send exactly the documented requests; required inputs and enumerations are checked first."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test

USER = {"id": 7, "email": "steve@example.com", "name": "Steve Frazelli", "role": {"name": "agent"}}
PAGE = {"object": "list", "uri": "/api/users", "data": [USER], "meta": {"prev_cursor": None, "next_cursor": None}}

test_sends = sends_test([
    Sends("createUser", {"email": "steve@example.com", "name": "Steve Frazelli", "role": "Agent", "bio": "Dev",
                         "country": "FR", "external_id": "u-1", "language": "fr", "meta": '{"position": "engineer"}',
                         "timezone": "Europe/Paris"},
          "POST", "/users", body={"email": "steve@example.com", "name": "Steve Frazelli", "role": {"name": "agent"},
                                  "bio": "Dev", "country": "FR", "external_id": "u-1", "language": "fr",
                                  "meta": {"position": "engineer"}, "timezone": "Europe/Paris"}, answer=USER),
    Sends("getUser", {"id": "7"}, "GET", "/users/7", answer=USER),
    Sends("updateUser", {"id": 7, "role": "admin", "bio": ""}, "PUT", "/users/7", body={"role": {"name": "admin"}},
          answer=USER),
    Sends("updateUser", {"id": 7, "name": "Steve F."}, "PUT", "/users/7", body={"name": "Steve F."}, answer=USER),
    Sends("listUsers", {"roles": ["agent", "ADMIN"], "search": "ste", "order_by": "email:desc", "limit": 2,
                        "available_first": "true", "email": "steve@example.com", "external_id": "u-1"},
          "GET", "/users", query={"roles": ["agent", "admin"], "search": "ste", "order_by": "email:desc", "limit": "2",
                                  "available_first": "true", "email": "steve@example.com", "external_id": "u-1"},
          answer=PAGE),
    Sends("deleteUser", {"id": 7}, "DELETE", "/users/7", status=204),
])

test_refuses = refuses_test([
    required("createUser", {"name": "S", "role": "agent"}, "email", "Email"),
    required("createUser", {"email": "s@e.com", "role": "agent"}, "name", "Name"),
    required("createUser", {"email": "s@e.com", "name": "S"}, "role", "Role"),
    required("getUser", {}, "id", "User ID"),
    required("updateUser", {"name": "x"}, "id", "User ID"),
    required("deleteUser", {}, "id", "User ID"),
    Refuses("createUser", {"email": "s@e.com", "name": "S", "role": "owner"}, "role",
            "Input 'role' (Role): expected one of admin, agent, basic-agent, lite-agent, observer-agent, "
            "received \"owner\"."),
    Refuses("createUser", {"email": "s@e.com", "name": "S", "role": "agent", "language": "de"}, "language",
            "Input 'language' (Language): expected one of en, fr, received \"de\"."),
    Refuses("listUsers", {"roles": ["agent", "boss"]}, "roles",
            "Input 'roles' (Roles): expected a list of values, each one of admin, agent, basic-agent, lite-agent, "
            "observer-agent, bot, internal-agent, received a list of 2 items."),
])
