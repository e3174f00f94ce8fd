"""Every tag action and the tag picklist, end to end on the sandbox; each result fits its outputSchema."""

from __future__ import annotations

from typing import Any

import pytest

from component import ApiError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import Run


def test_create_get_update_list_and_delete_a_tag(run: Run) -> None:
    created = run("createTag", name="e2e-fragile", description="Handle with care", decoration='{"color": "#112233"}')
    assert (created["name"], created["decoration"], created["usage"]) == ("e2e-fragile", {"color": "#112233"}, 0)
    tag_id = created["id"]
    assert run("getTag", id=str(tag_id))["description"] == "Handle with care"
    updated = run("updateTag", id=tag_id, description="Glass")
    assert (updated["name"], updated["description"]) == ("e2e-fragile", "Glass")
    found = run("listTags", search="e2e-frag")
    assert [t["id"] for t in found["data"]] == [tag_id]
    assert run("deleteTag", id=tag_id) == {"message": "Success"}
    with pytest.raises(ApiError) as error:
        run("getTag", id=tag_id)
    assert error.value.status == 404


def test_list_tags_pages_and_fetch_all(run: Run) -> None:
    """A page of 3 has a next cursor that gives the next 3; fetchAll gives every tag ordered by name."""
    first = run("listTags", limit=3, order_by="name:asc")
    second = run("listTags", limit=3, order_by="name:asc", cursor=first["meta"]["next_cursor"])
    names = [t["name"] for t in first["data"] + second["data"]]
    assert names == sorted(names) and len(set(names)) == 6
    every = run("listTags", fetchAll=True, order_by="name:asc")["data"]
    assert [t["name"] for t in every][:6] == names


def test_delete_tags_and_merge_tags(run: Run, sandbox: Sandbox) -> None:
    ids = [run("createTag", name=f"e2e-bulk-{n}")["id"] for n in range(3)]
    assert run("deleteTags", ids=ids[:2]) == {"message": "Success"}
    assert all(i not in sandbox.store.tags for i in ids[:2])
    source = run("createTag", name="e2e-merge-source")["id"]
    merged = run("mergeTags", destination_tag_id=ids[2], source_tags_ids=str(source))
    assert merged["id"] == ids[2] and source not in sandbox.store.tags
    with pytest.raises(ApiError) as error:
        run("mergeTags", destination_tag_id=ids[2], source_tags_ids=[ids[2]])
    assert error.value.status == 400


def test_select_tag_lists_every_tag_by_name(conn: dict[str, Any], sandbox: Sandbox) -> None:
    options = gorgias.run_data_source("selectTag", {}, conn)["result"]
    assert [o["label"] for o in options] == sorted(str(t["name"]) for t in sandbox.store.tags.values())
    assert {o["key"] for o in options} == {str(i) for i in sandbox.store.tags}
    found = gorgias.run_data_source("selectTag", {}, conn, search="vip", limit=5)
    assert found == {"result": [{"key": "4", "label": "vip"}], "cursor": None}
