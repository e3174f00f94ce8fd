"""Satisfaction survey endpoints: list, get, create and update (Gorgias offers no delete); one survey per ticket."""

from __future__ import annotations

from collections.abc import Callable

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.pagination import parse_int
from gorgias_component.sandbox.router import ApiError, Request, Router
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check, check_datetime

DATETIMES = ("created_datetime", "scored_datetime", "sent_datetime", "should_send_datetime")


def _reference(store: Store, body: JSON, name: str, known: object, errors: FieldErrors, required: bool) -> int | None:
    value = check(body, name, int, errors, required=required, nullable=False)
    if value is not None and value not in known:  # type: ignore[operator]  # a Table or a dict of ids
        errors.add(name, f"No {name.removesuffix('_id')} with id {value}.")
        return None
    return value  # type: ignore[no-any-return]  # check() returned an int after an isinstance test


def validate_survey(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    """The recognised, checked fields of a survey body (customer_id and ticket_id are required on create)."""
    fields: JSON = {}
    customer_id = _reference(store, body, "customer_id", store.customers, errors, record is None)
    ticket_id = _reference(store, body, "ticket_id", store.tickets, errors, record is None)
    if customer_id is not None:
        fields["customer_id"] = customer_id
    if ticket_id is not None:
        fields["ticket_id"] = ticket_id
        taken = [s for s in store.tables["satisfaction_surveys"].values()
                 if s["ticket_id"] == ticket_id and (record is None or s["id"] != record["id"])]
        if taken:
            raise ApiError(409, "The resource already exists.",
                           {"ticket_id": [f"Ticket {ticket_id} already has a satisfaction survey."]})
    if "body_text" in body:
        text = check(body, "body_text", str, errors)
        if text is not None and len(text) > 1000:
            errors.add("body_text", "Longer than maximum length 1000.")
        fields["body_text"] = text
    if "score" in body:
        score = check(body, "score", int, errors)
        if score is not None and not 1 <= score <= 5:
            errors.add("score", "Must be greater than or equal to 1 and less than or equal to 5.")
        fields["score"] = score
    if "meta" in body:
        fields["meta"] = check(body, "meta", dict, errors)
    for name in DATETIMES:
        if name in body:
            fields[name] = check_datetime(body, name, errors)
    if record is None:
        fields = {"body_text": None, "score": None, "meta": None, "scored_datetime": None, "sent_datetime": None,
                  "should_send_datetime": None, **fields}
    return fields


def _ticket_filter(req: Request) -> Callable[[JSON], bool] | None:
    raw = req.arg("ticket_id")
    if raw is None:
        return None
    wanted = parse_int("ticket_id", raw)
    return lambda record: record["ticket_id"] == wanted


SURVEYS = crud.Resource(
    "/api/satisfaction-surveys", "satisfaction_surveys", "satisfaction_survey", "satisfaction survey",
    validate_survey, orders=("created_datetime",), filters={"ticket_id": _ticket_filter},
    operations=frozenset({"list", "get", "create", "update"}),
)


def seed(store: Store) -> None:
    """A survey for some of the closed tickets, most of them answered."""
    created = store.account["created_datetime"]
    table = store.table("satisfaction_surveys", "SatisfactionSurvey", "satisfaction-survey",
                        "/api/satisfaction-surveys/{id}/")
    closed = sorted(t.id for t in store.tickets.values() if t.status == "closed" and t.customer_id is not None)
    comments = ("Such speed, much pertinent.", "Quick and kind, thanks!", None, "Took a while but solved.")
    for i, ticket_id in enumerate(closed[:12], start=1):
        ticket = store.tickets[ticket_id]
        sent = ticket.closed_datetime or ticket.updated_datetime
        answered = i % 4 != 3
        table.seed({"id": i, "uri": f"/api/satisfaction-surveys/{i}/", "ticket_id": ticket_id,
                    "customer_id": ticket.customer_id, "score": (5, 4, None, 3)[i % 4] if answered else None,
                    "body_text": comments[i % 4] if answered else None, "meta": None,
                    "should_send_datetime": sent, "sent_datetime": sent,
                    "scored_datetime": sent if answered else None,
                    "created_datetime": max(created, sent), "updated_datetime": max(created, sent)})
    table.rebuild()


def register(router: Router, store: Store) -> None:
    """Serve the routes (seeding the demo records once, into an empty table)."""
    if not store.tables.get("satisfaction_surveys"):
        seed(store)
    crud.register(router, store, SURVEYS)
