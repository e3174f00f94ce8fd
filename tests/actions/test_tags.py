"""Tag actions send exactly the documented Gorgias requests; bad or missing inputs send nothing."""

from __future__ import annotations

from typing import Any

from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

TAG = {"id": 12, "name": "urgent", "description": "Mark a ticket as urgent", "decoration": {"color": "#F58D86"},
       "usage": 3, "uri": "/api/tags/12/", "created_datetime": "2024-12-04T15:18:56+00:00", "deleted_datetime": None}
PAGE = {"object": "list", "uri": "/api/tags", "data": [TAG], "meta": {"prev_cursor": None, "next_cursor": None}}

test_sends = sends_test([
    # Create Tag POSTs /tags with name, description and the decoration parsed from JSON.
    Sends("createTag", {"name": "urgent", "description": "Mark a ticket as urgent", "decoration": '{"color": "#F58D86"}'},
          "POST", "/tags", body={"name": "urgent", "description": "Mark a ticket as urgent",
                                 "decoration": {"color": "#F58D86"}}, answer=TAG, status=201),
    # Unset inputs are left out of the body.
    Sends("createTag", {"name": "vip", "description": ""}, "POST", "/tags", body={"name": "vip"}, answer=TAG,
          status=201),
    Sends("getTag", {"id": "12"}, "GET", "/tags/12", answer=TAG),
    # A partial update sends only the inputs that were given; the id is in the path only.
    Sends("updateTag", {"id": 12, "description": "Now calm", "name": None}, "PUT", "/tags/12",
          body={"description": "Now calm"}, answer=TAG, status=202),
    Sends("deleteTag", {"id": 12}, "DELETE", "/tags/12", status=204),
    # Delete Tags sends DELETE /tags with {"ids": [...]}: the ids given, from a list or a single value.
    Sends("deleteTags", {"ids": ["12", 13]}, "DELETE", "/tags", body={"ids": [12, 13]}, status=204),
    Sends("mergeTags", {"destination_tag_id": 12, "source_tags_ids": [3, "4"]}, "PUT", "/tags/12/merge",
          body={"source_tags_ids": [3, 4]}, answer=TAG, status=202),
    # order_by, search, cursor and limit go out as the query; fetchAll is never sent.
    Sends("listTags", {"order_by": "USAGE:desc", "search": "urg", "cursor": "abc", "limit": "5", "fetchAll": "false"},
          "GET", "/tags", query={"order_by": "usage:desc", "search": "urg", "cursor": "abc", "limit": "5"},
          answer=PAGE),
])

test_refuses = refuses_test([
    required("createTag", {"description": "x"}, "name", "Name"),
    required("getTag", {}, "id", "Tag ID"),
    required("updateTag", {"name": "x"}, "id", "Tag ID"),
    required("deleteTag", {}, "id", "Tag ID"),
    required("deleteTags", {}, "ids", "Tag IDs"),
    required("mergeTags", {"source_tags_ids": [1]}, "destination_tag_id", "Destination Tag ID"),
    required("mergeTags", {"destination_tag_id": 1}, "source_tags_ids", "Source Tag IDs"),
    # The decoration is checked against its schema.
    Refuses("createTag", {"name": "x", "decoration": {"color": "red"}}, "decoration",
            "Input 'decoration' (Decoration): at decoration.color: 'red' does not match '^#[0-9A-Fa-f]{6}$'."),
    # Bulk deletion always names the tags: an empty list of ids never deletes everything.
    Refuses("deleteTags", {"ids": []}, "ids",
            "Input 'ids' (Tag IDs): expected at least one positive integer id, received a list of 0 items."),
    *(required("deleteTags", {"ids": ids}, "ids", "Tag IDs") for ids in ("", None)),
    Refuses("listTags", {"order_by": "color:asc"}, "order_by",
            "Input 'order_by' (Order By): expected one of created_datetime:asc, created_datetime:desc, name:asc, "
            "name:desc, usage:asc, usage:desc, received \"color:asc\"."),
])


def test_list_tags_fetch_all_follows_the_cursors(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """fetchAll reads every page (100 at a time) and answers one envelope without cursors."""
    second = {**TAG, "id": 13}
    gorgias_api.expect("GET", "/tags", query={"search": "u", "limit": "100"},
                       answer={**PAGE, "meta": {"prev_cursor": None, "next_cursor": "c2"}})
    gorgias_api.expect("GET", "/tags", query={"search": "u", "limit": "100", "cursor": "c2"},
                       answer={**PAGE, "data": [second]})
    result = gorgias.run_action("listTags", {"search": "u", "fetchAll": True}, connection)["data"]
    assert [t["id"] for t in result["data"]] == [12, 13]
    assert result["meta"] == {"prev_cursor": None, "next_cursor": None}
