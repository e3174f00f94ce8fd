"""POST /api/search (customers, agents, teams, tags, integrations) and GET /api/account."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from gorgias_component.sandbox import render
from gorgias_component.sandbox.router import Request, Response, Router, json_response
from gorgias_component.sandbox.store import Customer, Store
from gorgias_component.sandbox.validation import FieldErrors, check

TYPES = ("agent", "customer", "customer_profile", "customer_channel", "customer_channel_email",
         "customer_channel_phone", "customers_by_phone", "integration", "team", "tag")


def _matches(needle: str, *values: Any) -> bool:
    return any(isinstance(v, str) and needle in v.lower() for v in values)


def _customers(store: Store, needle: str, kind: str) -> Iterable[Any]:
    channel_types = {"customer_channel_email": {"email"}, "customer_channel_phone": {"phone", "sms"},
                     "customers_by_phone": {"phone", "sms"}}.get(kind)
    for c in store.customers.values():
        if kind == "customer":
            hit = _matches(needle, c.name, c.email)
        elif kind == "customer_profile":
            hit = _matches(needle, c.name, c.email, *(ch.get("address") for ch in c.channels))
        else:
            hit = any(_matches(needle, ch.get("address")) for ch in c.channels
                      if channel_types is None or ch.get("type") in channel_types)
        if not hit:
            continue
        if kind.startswith("customer_channel"):
            yield from ({**ch, "customer": render.customer_summary(store, c.id)} for ch in _channels(c, needle)
                        if channel_types is None or ch.get("type") in channel_types)
        else:
            yield render.customer(store, c)


def _channels(c: Customer, needle: str) -> list[dict[str, Any]]:
    return [ch for ch in c.channels if _matches(needle, ch.get("address"))]


def search(store: Store, req: Request) -> Response:
    body = req.json_object()
    errors = FieldErrors()
    kind = check(body, "type", str, errors, required=True)
    if kind is not None and kind not in TYPES:
        errors.add("type", "Must be one of: " + ", ".join(TYPES) + ".")
    query = check(body, "query", str, errors) or ""
    size = check(body, "size", int, errors)
    if size is not None and not 1 <= size <= 50:
        errors.add("size", "Must be between 1 and 50.")
    errors.raise_if_any("Invalid search request")
    limit = size or 10
    needle = query.lower()
    with store.lock:
        found: Iterable[Any]
        if kind == "agent":
            found = (u for u in store.users.values() if _matches(needle, u["name"], u["email"]))
        elif kind == "team":
            found = (t for t in store.teams.values() if _matches(needle, t["name"]))
        elif kind == "tag":
            found = (t for t in store.tags.values() if _matches(needle, t["name"]))
        elif kind == "integration":
            found = (i for i in store.integrations.values() if _matches(needle, i["name"], i["type"]))
        else:
            found = _customers(store, needle, str(kind))
        data = []
        for item in found:
            data.append(item)
            if len(data) >= limit:
                break
        return json_response(201, {"data": data})


def get_account(store: Store, req: Request) -> Response:
    return json_response(200, store.account)


def register(router: Router, store: Store) -> None:
    router.add("GET", "/api/account", partial(get_account, store), scope="account")
    router.add("POST", "/api/search", partial(search, store), scope=None)
