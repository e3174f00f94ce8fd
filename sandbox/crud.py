"""CRUD routes for a table-backed resource: a resource is a `Resource` declaration plus its special cases.

`register(router, store, resource)` serves, under `resource.path`, the Gorgias shapes: a cursor-paginated
list (`order_by` on created/updated datetime and any extra sort fields, unknown query parameters refused),
get, create (201), update (PUT, 202) and delete (204), each 404 for an unknown id and 400 with
`error.data` for an invalid body. Writes go through the table, so every change records its event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

from gorgias_component.sandbox.pagination import PAGE_PARAMS, check_known_params, page_params, paginate
from gorgias_component.sandbox.router import Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import Store
from gorgias_component.sandbox.table import JSON, Table
from gorgias_component.sandbox.validation import FieldErrors

# validate(store, body, errors, record): the recognised, checked fields (record is None on create).
Validate = Callable[[Store, JSON, FieldErrors, "JSON | None"], JSON]
Render = Callable[[Store, JSON], JSON]
Filter = Callable[[Request], "Callable[[JSON], bool] | None"]  # a predicate, or None when not filtering
SortKey = Callable[[Store, JSON], str]  # a record's sort key as a string that sorts like the value


def as_is(store: Store, record: JSON) -> JSON:
    """A record rendered as stored."""
    return record


@dataclass(frozen=True)
class Resource:
    """How one Gorgias resource is served from its table."""

    path: str  # "/api/tags"
    table: str  # the Store.tables name
    scope: str  # OAuth scope prefix: "tags" -> tags:read / tags:write
    noun: str  # "tag": used in error messages ("Failed to create tag")
    validate: Validate
    render: Render = as_is
    operations: frozenset[str] = frozenset({"list", "get", "create", "update", "delete"})
    orders: tuple[str, ...] = ("created_datetime", "updated_datetime")  # order_by fields
    sort_keys: Mapping[str, SortKey] = field(default_factory=dict)  # orders besides the datetimes
    default_order: str = "created_datetime:desc"
    filters: Mapping[str, Filter] = field(default_factory=dict)  # query parameter -> predicate factory
    id_param: str = "id"

    def records(self, store: Store) -> Table:
        """The table this resource is served from."""
        return store.tables[self.table]


def list_records(store: Store, resource: Resource, req: Request) -> Response:
    """One cursor page of the table, filtered and ordered as asked."""
    check_known_params(req, PAGE_PARAMS | frozenset(resource.filters))
    params = page_params(req, resource.orders, default=resource.default_order)
    predicates = [p for make in resource.filters.values() if (p := make(req)) is not None]
    table = resource.records(store)

    def fetch(record_id: int) -> JSON | None:
        record = table.get(record_id)
        if record is None or not all(p(record) for p in predicates):
            return None
        return record

    with store.lock:
        sort_key = resource.sort_keys.get(params.field)
        keys = table.keys_by(params.field, None if sort_key is None else partial(sort_key, store))
        page = paginate(keys, params, fetch)
        return json_response(200, page.envelope(req, lambda record: resource.render(store, record)))


def get_record(store: Store, resource: Resource, req: Request) -> Response:
    with store.lock:
        record = resource.records(store).get(req.id_param(resource.id_param))
        if record is None:
            raise not_found()
        return json_response(200, resource.render(store, record))


def create_record(store: Store, resource: Resource, req: Request) -> Response:
    body = req.json_object()
    errors = FieldErrors()
    with store.lock:
        fields = resource.validate(store, body, errors, None)
        errors.raise_if_any(f"Failed to create {resource.noun}")
        record = resource.records(store).insert(fields, req.user_id)
        return json_response(201, resource.render(store, record))


def update_record(store: Store, resource: Resource, req: Request) -> Response:
    body = req.json_object()
    errors = FieldErrors()
    with store.lock:
        table = resource.records(store)
        record = table.get(req.id_param(resource.id_param))
        if record is None:
            raise not_found()
        fields = resource.validate(store, body, errors, record)
        errors.raise_if_any(f"Failed to update {resource.noun}")
        updated = table.update(record["id"], fields, req.user_id)
        assert updated is not None  # found above, under the same lock
        return json_response(202, resource.render(store, updated))


def delete_record(store: Store, resource: Resource, req: Request) -> Response:
    if resource.records(store).delete(req.id_param(resource.id_param), req.user_id) is None:
        raise not_found()
    return Response(204, content_type=None)


_HANDLERS = {"list": ("GET", False, list_records), "create": ("POST", False, create_record),
             "get": ("GET", True, get_record), "update": ("PUT", True, update_record),
             "delete": ("DELETE", True, delete_record)}


def register(router: Router, store: Store, resource: Resource) -> None:
    """Serve the resource's operations; add special routes before or after with `router.add`."""
    for operation, (method, one, handler) in _HANDLERS.items():
        if operation in resource.operations:
            path = f"{resource.path}/{{{resource.id_param}}}" if one else resource.path
            router.add(method, path, partial(handler, store, resource), scope=resource.scope)


def text_filter(name: str, field_name: str | None = None) -> Filter:
    """A query parameter that keeps records whose field equals it."""
    key = field_name or name

    def make(req: Request) -> Callable[[JSON], bool] | None:
        wanted = req.arg(name)
        return None if wanted is None else (lambda record: str(record.get(key)) == wanted)

    return make


def search_filter(*fields: str) -> Filter:
    """`search`: keeps records where one of the fields contains the text, ignoring case."""

    def make(req: Request) -> Callable[[JSON], bool] | None:
        needle = (req.arg("search") or "").strip().lower()
        if not needle:
            return None
        return lambda record: any(needle in str(record.get(f) or "").lower() for f in fields)

    return make
