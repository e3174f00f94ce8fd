"""Tag actions send exactly the documented Gorgias requests; bad or missing inputs send nothing."""

from __future__ import annotations

from typing import Any

import pytest

from component.errors import InputError
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

TAG = {"id": 12, "name": "urgent", "description": "Mark a ticket as urgent", "decoration": {"color": "#F58D86"},
       "usage": 3, "uri": "/api/tags/12/", "created_datetime": "2024-12-04T15:18:56+00:00", "deleted_datetime": None}
PAGE = {"object": "list", "uri": "/api/tags", "data": [TAG], "meta": {"prev_cursor": None, "next_cursor": None}}


def run(key: str, inputs: dict[str, Any], connection: dict[str, Any]) -> Any:
    return gorgias.run_action(key, inputs, connection)


def test_create_tag_posts_the_set_fields(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Create Tag POSTs /tags with name, description and the decoration parsed from JSON."""
    body = {"name": "urgent", "description": "Mark a ticket as urgent", "decoration": {"color": "#F58D86"}}
    gorgias_api.expect("POST", "/tags", body=body, answer=TAG, status=201)
    inputs = {"name": "urgent", "description": "Mark a ticket as urgent", "decoration": '{"color": "#F58D86"}'}
    assert run("createTag", inputs, connection) == {"data": TAG}


def test_create_tag_sends_only_the_name_when_alone(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Unset inputs are left out of the body."""
    gorgias_api.expect("POST", "/tags", body={"name": "vip"}, answer=TAG, status=201)
    assert run("createTag", {"name": "vip", "description": ""}, connection) == {"data": TAG}


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), [
    ("createTag", {"description": "x"}, "name", "Name"),
    ("getTag", {}, "id", "Tag ID"),
    ("updateTag", {"name": "x"}, "id", "Tag ID"),
    ("deleteTag", {}, "id", "Tag ID"),
    ("deleteTags", {}, "ids", "Tag IDs"),
    ("mergeTags", {"source_tags_ids": [1]}, "destination_tag_id", "Destination Tag ID"),
    ("mergeTags", {"destination_tag_id": 1}, "source_tags_ids", "Source Tag IDs"),
])
def test_a_missing_required_input_sends_nothing(gorgias_api: MockedGorgias, connection: dict[str, Any], key: str,
                                                inputs: dict[str, Any], missing: str, label: str) -> None:
    """Each required input, when missing, is an InputError naming it, and no request is sent."""
    with pytest.raises(InputError) as caught:
        run(key, inputs, connection)
    assert caught.value.key == missing
    assert str(caught.value) == f"Input '{missing}' ({label}) is required, but no value was given."
    assert gorgias_api.sent() == 0


def test_a_decoration_that_is_not_a_color_is_refused(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """The decoration is checked against its schema before anything is sent."""
    with pytest.raises(InputError) as caught:
        run("createTag", {"name": "x", "decoration": {"color": "red"}}, connection)
    assert str(caught.value) == (
        "Input 'decoration' (Decoration): at decoration.color: 'red' does not match '^#[0-9A-Fa-f]{6}$'."
    )
    assert gorgias_api.sent() == 0


def test_get_tag_gets_it_by_id(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.expect("GET", "/tags/12", answer=TAG)
    assert run("getTag", {"id": "12"}, connection) == {"data": TAG}


def test_update_tag_puts_only_what_was_set(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A partial update sends only the inputs that were given; the id is in the path only."""
    gorgias_api.expect("PUT", "/tags/12", body={"description": "Now calm"}, answer=TAG, status=202)
    assert run("updateTag", {"id": 12, "description": "Now calm", "name": None}, connection) == {"data": TAG}


def test_delete_tag_answers_success(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.expect("DELETE", "/tags/12", status=204)
    assert run("deleteTag", {"id": 12}, connection) == {"data": {"message": "Success"}}


def test_delete_tags_sends_the_ids_in_the_body(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Delete Tags sends DELETE /tags with {"ids": [...]}: the ids given, from a list or a single value."""
    gorgias_api.expect("DELETE", "/tags", body={"ids": [12, 13]}, status=204)
    assert run("deleteTags", {"ids": ["12", 13]}, connection) == {"data": {"message": "Success"}}


@pytest.mark.parametrize("ids", [[], "", None])
def test_delete_tags_never_deletes_everything(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                              ids: Any) -> None:
    """An empty list of ids is refused: bulk deletion always names the tags."""
    with pytest.raises(InputError) as caught:
        run("deleteTags", {"ids": ids}, connection)
    assert caught.value.key == "ids"
    assert gorgias_api.sent() == 0


def test_delete_tags_names_the_expected_ids(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    with pytest.raises(InputError) as caught:
        run("deleteTags", {"ids": []}, connection)
    assert str(caught.value) == (
        "Input 'ids' (Tag IDs): expected at least one positive integer id, received a list of 0 items."
    )


def test_merge_tags_puts_the_sources_on_the_destination(gorgias_api: MockedGorgias,
                                                        connection: dict[str, Any]) -> None:
    gorgias_api.expect("PUT", "/tags/12/merge", body={"source_tags_ids": [3, 4]}, answer=TAG, status=202)
    assert run("mergeTags", {"destination_tag_id": 12, "source_tags_ids": [3, "4"]}, connection) == {"data": TAG}


def test_list_tags_sends_the_filters_and_the_page(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """order_by, search, cursor and limit go out as the query; fetchAll is never sent."""
    query = {"order_by": "usage:desc", "search": "urg", "cursor": "abc", "limit": "5"}
    gorgias_api.expect("GET", "/tags", query=query, answer=PAGE)
    inputs = {"order_by": "USAGE:desc", "search": "urg", "cursor": "abc", "limit": "5", "fetchAll": "false"}
    assert run("listTags", inputs, connection) == {"data": PAGE}


def test_list_tags_fetch_all_follows_the_cursors(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """fetchAll reads every page (100 at a time) and answers one envelope without cursors."""
    second = {**TAG, "id": 13}
    gorgias_api.expect("GET", "/tags", query={"search": "u", "limit": "100"},
                       answer={**PAGE, "meta": {"prev_cursor": None, "next_cursor": "c2"}})
    gorgias_api.expect("GET", "/tags", query={"search": "u", "limit": "100", "cursor": "c2"},
                       answer={**PAGE, "data": [second]})
    result = run("listTags", {"search": "u", "fetchAll": True}, connection)["data"]
    assert [t["id"] for t in result["data"]] == [12, 13]
    assert result["meta"] == {"prev_cursor": None, "next_cursor": None}


def test_list_tags_refuses_an_unknown_order(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    with pytest.raises(InputError) as caught:
        run("listTags", {"order_by": "color:asc"}, connection)
    assert str(caught.value) == ("Input 'order_by' (Order By): expected one of created_datetime:asc, "
                                 "created_datetime:desc, name:asc, name:desc, usage:asc, usage:desc, "
                                 'received "color:asc".')
    assert gorgias_api.sent() == 0
