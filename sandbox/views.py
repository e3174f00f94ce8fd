"""View endpoints: the generic CRUD routes, plus a view's tickets (listed, or searched with a view in the body)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from gorgias_component.sandbox import crud, render
from gorgias_component.sandbox.pagination import check_known_params, int_arg, page_params, paginate
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice, is_type
from gorgias_component.sandbox.view_filters import check_filters, compile_filters

FIELDS = ("id", "details", "tags", "customer", "last_message", "name", "email", "created", "updated", "assignee",
          "assignee_team", "channel", "closed", "language", "last_received_message", "integrations", "snooze",
          "status", "subject", "priority")
ITEM_ORDERS = ("created_datetime", "updated_datetime", "last_message_datetime", "last_received_message_datetime")
ITEM_PARAMS = frozenset({"cursor", "limit", "order_by", "direction", "ignored_item"})
DEFAULTS: JSON = {"name": "", "filters": "", "order_by": "updated_datetime", "order_dir": "desc", "fields": [],
                  "visibility": "public", "type": "ticket-list", "category": "user", "decoration": None,
                  "search": None, "shared_with_users": [], "shared_with_teams": [], "deactivated_datetime": None}


def _ids(body: JSON, name: str, known: Any, errors: FieldErrors) -> list[int] | None:
    ids = check(body, name, list, errors)
    if ids is None:
        return None
    if len(ids) > 100 or not all(is_type(i, int) for i in ids):
        errors.add(name, "Must be a list of at most 100 ids.")
        return None
    if missing := [i for i in ids if i not in known]:
        errors.add(name, f"Unknown ids: {missing}.")
        return None
    return list(ids)


def validate_view(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    """The recognised, checked fields of a view body (slug is required on create)."""
    fields: JSON = {}
    slug = check(body, "slug", str, errors, required=record is None, nullable=False)
    if slug is not None:
        if not slug or not all(c.isalnum() or c in "-_" for c in slug):
            errors.add("slug", "Must contain only letters, digits, '-' and '_'.")
        fields["slug"] = slug
    for name in ("name", "search"):
        if name in body:
            value = check(body, name, str, errors)
            if value is not None or body[name] is None:
                fields[name] = value
    if "filters" in body and (filters := check(body, "filters", str, errors)) is not None:
        problem = check_filters(filters)
        if problem is not None:
            errors.add("filters", f"Invalid filters: {problem}.")
        fields["filters"] = filters
    if (order_by := check_choice(body, "order_by", ITEM_ORDERS, errors)) is not None:
        fields["order_by"] = order_by
    if (order_dir := check_choice(body, "order_dir", ("asc", "desc"), errors)) is not None:
        fields["order_dir"] = order_dir
    if (visibility := check_choice(body, "visibility", ("public", "shared", "private"), errors)) is not None:
        fields["visibility"] = visibility
    if (kind := check_choice(body, "type", ("ticket-list",), errors)) is not None:
        fields["type"] = kind
    if "fields" in body and (shown := check(body, "fields", list, errors)) is not None:
        if unknown := [f for f in shown if f not in FIELDS]:
            errors.add("fields", f"Unknown fields: {unknown}.")
        fields["fields"] = shown
    if "decoration" in body:
        decoration = check(body, "decoration", dict, errors)
        if decoration is not None and not isinstance(decoration.get("emoji"), str | None):
            errors.add("decoration", "emoji: Not a valid string.")
        fields["decoration"] = decoration
    users = _ids(body, "shared_with_users", store.users, errors)
    teams = _ids(body, "shared_with_teams", store.teams, errors)
    if users is not None:
        fields["shared_with_users"] = users
    if teams is not None:
        fields["shared_with_teams"] = teams
    if record is None:
        fields = {**DEFAULTS, **fields}
    return fields


def render_view(store: Store, record: JSON) -> JSON:
    """A view as Gorgias answers it: the people it is shared with are summarised."""
    users = [{"id": i, "name": store.users[i]["name"], "meta": store.users[i].get("meta")}
             for i in record["shared_with_users"] if i in store.users]
    teams = [{"id": i, "name": store.teams[i]["name"], "decoration": store.teams[i].get("decoration")}
             for i in record["shared_with_teams"] if i in store.teams]
    return {**record, "shared_with_users": users, "shared_with_teams": teams}


VIEWS = crud.Resource("/api/views", "views", "tickets", "view", validate_view, render_view)


def _items(store: Store, req: Request, view: JSON, status: int) -> Response:
    """One cursor page of the tickets matching the view, ordered as asked or as the view says."""
    check_known_params(req, ITEM_PARAMS)
    own = f"{view.get('order_by') or 'updated_datetime'}:{view.get('order_dir') or 'desc'}"
    params = page_params(req, ITEM_ORDERS, default=own if own.split(":")[0] in ITEM_ORDERS else "updated_datetime:desc")
    direction = req.arg("direction")
    if direction is not None and direction not in ("prev", "next"):
        raise ApiError(400, "Invalid request.", {"direction": ["Must be one of: prev, next."]})
    if direction is not None and params.anchor is not None:  # the cursor's own direction, overridden
        params = replace(params, direction=direction)
    ignored = int_arg(req, "ignored_item")
    user = store.users.get(req.user_id) if req.user_id is not None else None
    matches = compile_filters(view.get("filters"), user)
    search = (view.get("search") or "").strip().lower()
    with_trashed = "trashed_datetime" in (view.get("filters") or "")

    def fetch(ticket_id: int) -> JSON | None:
        ticket = store.tickets.get(ticket_id)
        if ticket is None or ticket_id == ignored or (ticket.trashed_datetime and not with_trashed):
            return None
        item = render.ticket(store, ticket, req.origin, with_messages=False)
        if search and search not in f"{ticket.subject or ''} {item['excerpt']}".lower():
            return None
        return item if matches(item) else None

    with store.lock:
        if params.field == "created_datetime":
            keys = store.tickets_by_created.keys
        elif params.field == "updated_datetime":
            keys = store.tickets_by_updated.keys
        else:
            keys = sorted((getattr(t, params.field) or "", t.id) for t in store.tickets.values())
        page = paginate(keys, params, fetch)
        return json_response(status, page.envelope(req, lambda item: item))


def list_items(store: Store, req: Request) -> Response:
    """GET /views/{view_id}/items: the tickets the saved view describes."""
    with store.lock:
        view = store.tables["views"].get(req.id_param("view_id"))
        if view is None:
            raise not_found()
        return _items(store, req, view, 200)


def search_items(store: Store, req: Request) -> Response:
    """PUT /views/{view_id}/items: the tickets a view given in the body describes (over the saved one, if any)."""
    body = req.json_object()
    errors = FieldErrors()
    given = check(body, "view", dict, errors, required=True, nullable=False)
    unknown = sorted(set(body) - {"view"})
    for name in unknown:
        errors.add(name, "Unknown field.")
    errors.raise_if_any("Invalid request.")
    with store.lock:
        view_id = req.id_param("view_id")
        saved = store.tables["views"].get(view_id) if view_id else DEFAULTS
        if saved is None:
            raise not_found()
        fields = validate_view(store, {k: v for k, v in given.items() if k != "slug"}, errors, saved)
        errors.raise_if_any("Invalid view.")
        return _items(store, req, {**saved, **fields}, 202)


SEED = (
    ("Open tickets", "open-tickets", "eq(ticket.status, 'open')", "updated_datetime", "desc", "📥"),
    ("My tickets", "my-tickets", "eq(ticket.assignee_user.id, '{{current_user.id}}') && eq(ticket.status, 'open')",
     "updated_datetime", "desc", "🙋"),
    ("Unassigned", "unassigned", "isEmpty(ticket.assignee_user) && eq(ticket.status, 'open')",
     "created_datetime", "asc", None),
    ("Urgent", "urgent", "containsAny(ticket.tags.name, ['urgent']) && neq(ticket.status, 'closed')",
     "created_datetime", "asc", "🔥"),
    ("Closed", "closed", "eq(ticket.status, 'closed')", "updated_datetime", "desc", None),
)


def seed(store: Store) -> None:
    """Demo views, as a new helpdesk has them."""
    created = store.account["created_datetime"]
    table = store.table("views", "View", "view", "/api/views/{id}/")
    for i, (name, slug, filters, order_by, order_dir, emoji) in enumerate(SEED, start=1):
        table.seed({**DEFAULTS, "id": i, "uri": f"/api/views/{i}/", "name": name, "slug": slug, "filters": filters,
                    "order_by": order_by, "order_dir": order_dir, "fields": ["id", "subject", "customer", "updated"],
                    "decoration": {"emoji": emoji} if emoji else None, "category": "system" if i <= 2 else "user",
                    "created_datetime": created, "updated_datetime": created})
    table.rebuild()


def register(router: Router, store: Store) -> None:
    """Serve the routes (seeding the demo records once, into an empty table)."""
    if not store.tables.get("views"):
        seed(store)
    router.add("GET", "/api/views/{view_id}/items", partial(list_items, store), scope="tickets")
    router.add("PUT", "/api/views/{view_id}/items", partial(search_items, store), scope="tickets")
    crud.register(router, store, VIEWS)
