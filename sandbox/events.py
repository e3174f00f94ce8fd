"""Event endpoints: filtered cursor list and get by id."""

from __future__ import annotations

from functools import partial

from gorgias_component.sandbox import render
from gorgias_component.sandbox.pagination import (
    PAGE_PARAMS,
    check_known_params,
    datetime_arg,
    int_arg,
    int_args,
    key_range,
    page_params,
    paginate,
)
from gorgias_component.sandbox.router import Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import Event, Key, Store

_COMPARATORS = ("gt", "gte", "lt", "lte")
LIST_FILTERS = frozenset({"types", "object_type", "object_id", "user_ids"}
                         | {f"created_datetime[{op}]" for op in _COMPARATORS})


def list_events(store: Store, req: Request) -> Response:
    check_known_params(req, PAGE_PARAMS | LIST_FILTERS)
    params = page_params(req, ("created_datetime",))
    types = set(req.args("types"))
    object_type = req.arg("object_type")
    object_id = int_arg(req, "object_id")
    user_ids = set(int_args(req, "user_ids", minimum=0))
    bounds = {op: datetime_arg(f"created_datetime[{op}]", raw)
              for op in _COMPARATORS if (raw := req.arg(f"created_datetime[{op}]")) is not None}

    def fetch(event_id: int) -> Event | None:
        e = store.events.get(event_id)
        if e is None or (types and e.type not in types) or (object_type and e.object_type != object_type):
            return None
        if (object_id is not None and e.object_id != object_id) or (user_ids and e.user_id not in user_ids):
            return None
        return e

    with store.lock:
        keys: list[Key] = store.events_by_created.keys
        if object_id is not None:
            types_to_check = [object_type] if object_type else sorted({"Customer", "Ticket", "TicketMessage"})
            keys = sorted((store.events[eid].created_datetime, eid) for kind in types_to_check
                          for eid in store.event_ids_for(kind, object_id))
        lo, hi = key_range(keys, **bounds)
        page = paginate(keys, params, fetch, lo, hi)
        return json_response(200, page.envelope(req, render.event))


def get_event(store: Store, req: Request) -> Response:
    with store.lock:
        event = store.events.get(req.id_param())
        if event is None:
            raise not_found()
        return json_response(200, render.event(event))


def register(router: Router, store: Store) -> None:
    router.add("GET", "/api/events", partial(list_events, store), scope="events")
    router.add("GET", "/api/events/{id}", partial(get_event, store), scope="events")
