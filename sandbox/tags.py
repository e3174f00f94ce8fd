"""Tag endpoints: the generic CRUD routes, plus bulk delete, merge, and a ticket's tags."""

from __future__ import annotations

from collections import Counter
from functools import partial

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check, is_type


def usage(store: Store) -> Counter[int]:
    """How many tickets carry each tag."""
    return Counter(tag_id for ticket in store.tickets.values() for tag_id in ticket.tag_ids)


def render_tag(store: Store, record: JSON, counts: Counter[int] | None = None) -> JSON:
    """A tag as Gorgias answers it, with its usage counted from the tickets."""
    used = (counts if counts is not None else usage(store)).get(record["id"], 0)
    return {"id": record["id"], "name": record["name"], "description": record.get("description"),
            "decoration": record.get("decoration"), "usage": used, "uri": record["uri"],
            "created_datetime": record["created_datetime"], "deleted_datetime": None}


def validate_tag(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    fields: JSON = {}
    name = check(body, "name", str, errors, required=record is None, nullable=False)
    if name is not None:
        if not name.strip() or len(name) > 256:
            errors.add("name", "Length must be between 1 and 256.")
        elif any(t["name"] == name and (record is None or t["id"] != record["id"]) for t in store.tags.values()):
            errors.add("name", f"A tag named {name} already exists.")
        else:
            fields["name"] = name
    if "description" in body:
        description = check(body, "description", str, errors)
        if description is not None and len(description) > 1024:
            errors.add("description", "Longer than maximum length 1024.")
        fields["description"] = description
    if "decoration" in body:
        decoration = check(body, "decoration", dict, errors)
        if decoration is not None and not isinstance(decoration.get("color"), str):
            errors.add("decoration", "color: Missing data for required field.")
        fields["decoration"] = decoration
    return fields


def _by_usage(store: Store, record: JSON) -> str:
    return f"{usage(store).get(record['id'], 0):012d}"


TAGS = crud.Resource(
    "/api/tags", "tags", "tags", "tag", validate_tag, render_tag,
    orders=("created_datetime", "updated_datetime", "name", "usage"),
    sort_keys={"name": lambda store, record: str(record["name"]), "usage": _by_usage},
    filters={"search": crud.search_filter("name")},
    operations=frozenset({"list", "get", "create", "update"}),  # delete also takes the tag off tickets
)


def _ids(body: JSON, name: str) -> list[int]:
    errors = FieldErrors()
    ids = check(body, name, list, errors, required=True, nullable=False)
    if ids is not None and (not ids or not all(is_type(i, int) and i >= 1 for i in ids)):
        errors.add(name, "Must be a non-empty list of ids.")
    errors.raise_if_any("Invalid request.")
    return list(ids or [])


def forget_tags(store: Store, tag_ids: set[int], replacement: int | None) -> None:
    """Take deleted tags off every ticket (putting `replacement` on instead, once)."""
    for ticket in store.tickets.values():
        if tag_ids.intersection(ticket.tag_ids):
            kept = [t for t in ticket.tag_ids if t not in tag_ids]
            if replacement is not None and replacement not in kept:
                kept.append(replacement)
            ticket.tag_ids = kept
            store.touch_ticket(ticket)


def _delete(store: Store, tag_ids: list[int], user_id: int | None) -> None:
    for tag_id in tag_ids:
        store.tags.delete(tag_id, user_id)


def delete_tags(store: Store, req: Request) -> Response:
    tag_ids = _ids(req.json_object(), "ids")
    with store.lock:
        missing = [i for i in tag_ids if i not in store.tags]
        if missing:
            raise ApiError(404, "Resource not found.", {"ids": [f"Unknown tag ids: {missing}."]})
        forget_tags(store, set(tag_ids), None)
        _delete(store, tag_ids, req.user_id)
    return Response(204, content_type=None)


def delete_tag(store: Store, req: Request) -> Response:
    tag_id = req.id_param()
    with store.lock:
        if tag_id not in store.tags:
            raise not_found()
        forget_tags(store, {tag_id}, None)
        _delete(store, [tag_id], req.user_id)
    return Response(204, content_type=None)


def merge_tags(store: Store, req: Request) -> Response:
    destination = req.id_param("destination_tag_id")
    sources = _ids(req.json_object(), "source_tags_ids")
    with store.lock:
        if destination not in store.tags:
            raise not_found()
        if destination in sources:
            raise ApiError(400, "Invalid request.", {"source_tags_ids": ["Cannot merge a tag into itself."]})
        missing = [i for i in sources if i not in store.tags]
        if missing:
            raise ApiError(404, "Resource not found.", {"source_tags_ids": [f"Unknown tag ids: {missing}."]})
        forget_tags(store, set(sources), destination)
        _delete(store, sources, req.user_id)
        store.tags.update(destination, {}, req.user_id)
        return json_response(202, render_tag(store, store.tags[destination]))


def register(router: Router, store: Store) -> None:
    router.add("DELETE", "/api/tags", partial(delete_tags, store), scope="tags")
    router.add("DELETE", "/api/tags/{id}", partial(delete_tag, store), scope="tags")
    router.add("PUT", "/api/tags/{destination_tag_id}/merge", partial(merge_tags, store), scope="tags")
    crud.register(router, store, TAGS)
