"""Team actions send exactly the documented requests; members go out as [{"id": ...}]."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test

TEAM = {"id": 3, "name": "Warehouse team", "members": [{"id": 7}], "decoration": {"emoji": "📦"}}
PAGE = {"object": "list", "uri": "/api/teams", "data": [TEAM], "meta": {"prev_cursor": None, "next_cursor": None}}

test_sends = sends_test([
    Sends("createTeam", {"name": "Warehouse team", "members": ["7", 8], "decoration": '{"emoji": "📦"}',
                         "description": "Ships"},
          "POST", "/teams", body={"name": "Warehouse team", "members": [{"id": 7}, {"id": 8}],
                                  "decoration": {"emoji": "📦"}, "description": "Ships"}, answer=TEAM),
    Sends("getTeam", {"id": "3"}, "GET", "/teams/3", answer=TEAM),
    Sends("updateTeam", {"id": 3, "members": "9"}, "PUT", "/teams/3", body={"members": [{"id": 9}]}, answer=TEAM),
    Sends("listTeams", {"order_by": "name:desc", "cursor": "c1"}, "GET", "/teams",
          query={"order_by": "name:desc", "cursor": "c1"}, answer=PAGE),
    Sends("deleteTeam", {"id": 3}, "DELETE", "/teams/3", status=204),
])

test_refuses = refuses_test([
    required("createTeam", {"description": "x"}, "name", "Name"),
    required("getTeam", {}, "id", "Team ID"),
    required("updateTeam", {"name": "x"}, "id", "Team ID"),
    required("deleteTeam", {}, "id", "Team ID"),
    Refuses("createTeam", {"name": "x", "decoration": {"color": "#fff"}}, "decoration",
            "Input 'decoration' (Decoration): at decoration: 'emoji' is a required property."),
])
