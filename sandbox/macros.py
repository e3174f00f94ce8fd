"""Macro endpoints: the generic CRUD routes, with Gorgias's filters (tags, languages, search) and orders."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.router import ApiError, Request, Response, Router
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice

INTENTS = ("discount/request", "exchange/request", "exchange/status", "feedback", "order/damaged", "order/cancel",
           "order/change", "order/wrong", "other/no_reply", "other/question", "other/thanks", "product/recommendation",
           "product/question", "refund/request", "refund/status", "return/request", "return/status",
           "shipping/change", "shipping/delivery-issue", "shipping/policy", "shipping/status", "stock/request",
           "subscription/cancel", "subscription/change")
# Bare attribute names are deprecated but still accepted; each reads as its usual direction.
BARE_ORDERS = {"name": "name:asc", "language": "language:asc", "created_datetime": "created_datetime:desc",
               "updated_datetime": "updated_datetime:desc", "usage": "usage:desc", "relevance": "relevance:desc"}
_WORD = re.compile(r"[a-z0-9]{3,}")


def _actions(body: JSON, errors: FieldErrors) -> list[JSON] | None:
    actions = check(body, "actions", list, errors, nullable=False)
    if actions is None:
        return None
    for i, item in enumerate(actions):
        sub = FieldErrors()
        if not isinstance(item, dict):
            sub.add("_schema", "Invalid input type.")
        else:
            check(item, "name", str, sub, required=True, nullable=False)
            check(item, "title", str, sub)
            check(item, "type", str, sub)
            check(item, "arguments", dict, sub)
        errors.nest("actions", i, sub)
    return [{"arguments": a.get("arguments") or {}, "name": a.get("name"), "title": a.get("title") or a.get("name"),
             "type": a.get("type") or "user"} for a in actions if isinstance(a, dict)]


def validate_macro(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    """The recognised, checked fields of a macro body (name is required on create)."""
    fields: JSON = {}
    name = check(body, "name", str, errors, required=record is None, nullable=False)
    if name is not None:
        if not name.strip() or len(name) > 256:
            errors.add("name", "Length must be between 1 and 256.")
        fields["name"] = name
    if "actions" in body and (actions := _actions(body, errors)) is not None:
        fields["actions"] = actions
    for key in ("external_id", "language"):
        if key in body:
            fields[key] = check(body, key, str, errors)
    if "intent" in body:
        fields["intent"] = check_choice(body, "intent", INTENTS, errors)
    if record is None:
        fields = {"actions": [], "external_id": None, "intent": None, "language": None, "usage": 0,
                  "archived_datetime": None, **fields}
    return fields


def macro_tags(record: JSON) -> set[str]:
    """The tags a macro adds (its addTags actions' comma-separated `tags`)."""
    found: set[str] = set()
    for act in record.get("actions") or []:
        if act.get("name") == "addTags":
            found.update(t.strip().lower() for t in str((act.get("arguments") or {}).get("tags") or "").split(","))
    return found - {""}


def _text(record: JSON) -> str:
    parts = [str(record.get("name") or "")]
    for act in record.get("actions") or []:
        parts.extend(str(v) for v in (act.get("arguments") or {}).values())
    return " ".join(parts).lower()


def _tags_filter(req: Request) -> Callable[[JSON], bool] | None:
    wanted = {t.strip().lower() for t in req.args("tags") if t.strip()}
    return None if not wanted else (lambda record: wanted <= macro_tags(record))


def _languages_filter(req: Request) -> Callable[[JSON], bool] | None:
    wanted = set(req.args("languages"))
    return None if not wanted else (lambda record: record.get("language") in wanted)


def _relevance(store: Store, req: Request) -> Callable[[Store, JSON], str]:
    """Macros ranked by how many words of the ticket (or of the given message) they share."""
    ticket_id, message_id = req.arg("ticket_id"), req.arg("message_id")
    ticket = store.tickets.get(int(ticket_id)) if ticket_id and ticket_id.isdigit() else None
    if ticket is None:
        raise ApiError(400, "Invalid request.", {"ticket_id": ["An existing ticket is required to order by relevance."]})
    message = store.messages.get(int(message_id)) if message_id and message_id.isdigit() else None
    if message_id is not None and (message is None or message.ticket_id != ticket.id):
        raise ApiError(400, "Invalid request.", {"message_id": ["Not a message of the ticket."]})
    words = set(_WORD.findall(f"{ticket.subject or ''} {message.body_text if message else ''}".lower()))
    return lambda _, record: f"{len(words & set(_WORD.findall(_text(record)))):06d}"


def _check_relevance_params(req: Request) -> Callable[[JSON], bool] | None:
    """ticket_id and message_id only make sense ordering by relevance; refuse them otherwise."""
    order = BARE_ORDERS.get(req.arg("order_by") or "", req.arg("order_by") or "")
    if not order.startswith("relevance") and (req.arg("ticket_id") or req.arg("message_id")):
        raise ApiError(400, "Invalid request.", {"order_by": ["Must be relevance when ticket_id or message_id is set."]})
    return None


MACROS = crud.Resource(
    "/api/macros", "macros", "macros", "macro", validate_macro,
    orders=("created_datetime", "updated_datetime", "name", "usage", "language", "relevance"),
    sort_keys={"name": lambda store, record: str(record["name"]).lower(),
               "usage": lambda store, record: f"{record.get('usage') or 0:012d}",
               "language": lambda store, record: str(record.get("language") or "")},
    default_order="usage:desc",
    filters={"search": crud.search_filter("name"), "tags": _tags_filter, "languages": _languages_filter,
             "ticket_id": _check_relevance_params, "message_id": lambda req: None},
    operations=frozenset({"get", "create", "update", "delete"}),  # the list reads deprecated orders first
)


def list_macros(store: Store, req: Request) -> Response:
    """The CRUD list, with bare (deprecated) orders read as their usual direction and relevance computed."""
    order = req.arg("order_by")
    if order in BARE_ORDERS:
        req.query["order_by"] = [BARE_ORDERS[order]]
    resource = MACROS
    if (req.arg("order_by") or "").startswith("relevance"):
        resource = replace(MACROS, sort_keys={**MACROS.sort_keys, "relevance": _relevance(store, req)})
    return crud.list_records(store, resource, req)


SEED: tuple[tuple[str, str, str, int, list[str], str], ...] = (
    ("Order status inquiry", "shipping/status", "en", 58, ["shipping", "order-status"],
     "Hi {{ticket.customer.firstname}}, your order is on its way."),
    ("Refund confirmation", "refund/request", "en", 31, ["refund"],
     "Hi {{ticket.customer.firstname}}, your refund has been issued."),
    ("Demande de remboursement", "refund/request", "fr", 7, ["refund"],
     "Bonjour {{ticket.customer.firstname}}, votre remboursement est en cours."),
    ("Thanks and close", "other/thanks", "en", 120, [], "You're welcome! Have a great day."),
)


def seed(store: Store) -> None:
    """Demo macros: a reply with tags, in English and French."""
    created = store.account["created_datetime"]
    table = store.table("macros", "Macro", "macro", "/api/macros/{id}/")
    for i, (name, intent, language, used, tags, text) in enumerate(SEED, start=1):
        actions = [{"name": "setResponseText", "title": "Set response text", "type": "user",
                    "arguments": {"body_text": text, "body_html": f"<div>{text}</div>"}}]
        if tags:
            actions.insert(0, {"name": "addTags", "title": "Add tags", "type": "user",
                               "arguments": {"tags": ", ".join(tags)}})
        table.seed({"id": i, "uri": f"/api/macros/{i}/", "name": name, "intent": intent, "language": language,
                    "usage": used, "external_id": None, "actions": actions, "archived_datetime": None,
                    "created_datetime": created, "updated_datetime": created})
    table.rebuild()


def register(router: Router, store: Store) -> None:
    """Serve the routes (seeding the demo records once, into an empty table)."""
    if not store.tables.get("macros"):
        seed(store)
    router.add("GET", "/api/macros", partial(list_macros, store), scope="macros")
    crud.register(router, store, MACROS)
