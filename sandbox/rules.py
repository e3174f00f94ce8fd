"""Rule endpoints: the generic CRUD routes, plus setting the priorities of several rules at once."""

from __future__ import annotations

from functools import partial

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response
from gorgias_component.sandbox.store import JSON, Store
from gorgias_component.sandbox.validation import FieldErrors, check, check_datetime

EVENT_TYPES = ("ticket-created", "ticket-updated", "ticket-message-created", "ticket-assigned",
               "ticket-self-unsnoozed", "satisfaction-survey-responded")


def validate_rule(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    """The recognised, checked fields of a rule body (code and name are required on create)."""
    fields: JSON = {}
    for key in ("code", "name"):
        value = check(body, key, str, errors, required=record is None, nullable=False)
        if value is not None:
            if not value.strip():
                errors.add(key, "Field may not be blank.")
            fields[key] = value
    if "code" in fields and fields["code"].count("{") != fields["code"].count("}"):
        errors.add("code", "Invalid code: unbalanced braces.")
    if "description" in body:
        fields["description"] = check(body, "description", str, errors)
    if "code_ast" in body:
        fields["code_ast"] = check(body, "code_ast", dict, errors)
    if "event_types" in body and (events := check(body, "event_types", str, errors)) is not None:
        unknown = [e for e in (part.strip() for part in events.split(",")) if e not in EVENT_TYPES]
        if unknown:
            errors.add("event_types", f"Unknown event types: {unknown}. Must be among: {', '.join(EVENT_TYPES)}.")
        fields["event_types"] = events
    if "priority" in body and (priority := check(body, "priority", int, errors, nullable=False)) is not None:
        if priority < 0:
            errors.add("priority", "Must be greater than or equal to 0.")
        fields["priority"] = priority
    if "deactivated_datetime" in body:
        fields["deactivated_datetime"] = check_datetime(body, "deactivated_datetime", errors)
    if record is None:
        fields = {"description": None, "code_ast": None, "event_types": "ticket-created", "priority": 0,
                  "deactivated_datetime": None, **fields}
    return fields


RULES = crud.Resource("/api/rules", "rules", "rules", "rule", validate_rule, orders=("created_datetime",))


def update_priorities(store: Store, req: Request) -> Response:
    """POST /rules/priorities: set several rules' priorities; answers every rule, highest priority first."""
    body = req.json_object()
    errors = FieldErrors()
    items = check(body, "priorities", list, errors, required=True, nullable=False)
    changes: dict[int, int] = {}
    for i, item in enumerate(items or []):
        sub = FieldErrors()
        if not isinstance(item, dict):
            sub.add("_schema", "Invalid input type.")
        else:
            rule_id = check(item, "id", int, sub, required=True, nullable=False)
            priority = check(item, "priority", int, sub, required=True, nullable=False)
            if rule_id is not None and priority is not None:
                changes[rule_id] = priority
        errors.nest("priorities", i, sub)
    if items is not None and not items:
        errors.add("priorities", "Must contain at least one rule.")
    errors.raise_if_any("Invalid request.")
    with store.lock:
        table = store.tables["rules"]
        if missing := [i for i in changes if i not in table]:
            raise ApiError(404, "Resource not found.", {"priorities": [f"Unknown rule ids: {missing}."]})
        updated = [table.update(rule_id, {"priority": priority}, req.user_id) for rule_id, priority in changes.items()]
        for record in updated:
            assert record is not None  # checked above, under the same lock
            store.record_event("rule-priority-updated", "Rule", record["id"], req.user_id,
                               {"priority": record["priority"]})
        ordered = sorted(table.values(), key=lambda r: (-int(r["priority"]), r["id"]))
        return json_response(202, ordered)


SEED = (
    ("Auto-close spam", "Close tickets from no-reply senders.", "ticket-created", 30,
     "if (containsAny(ticket.customer.email, ['noreply@', '@noreply'])) {\n"
     "  Action('addTags', { tags: 'auto-close' });\n  Action('setStatus', { status: 'closed' })\n}\n"),
    ("Tag VIP customers", "Tag tickets of VIP customers.", "ticket-created,ticket-updated", 20,
     "if (containsAny(ticket.customer.email, ['@vip.example.com'])) {\n  Action('addTags', { tags: 'vip' })\n}\n"),
    ("Assign refunds to Billing", None, "ticket-message-created", 10,
     "if (containsAny(message.intents.name, ['refund/request'])) {\n  Action('setTeamAssignee', { team: 2 })\n}\n"),
)


def seed(store: Store) -> None:
    """Demo rules, highest priority first."""
    created = store.account["created_datetime"]
    table = store.table("rules", "Rule", "rule", "/api/rules/{id}/")
    for i, (name, description, events, priority, code) in enumerate(SEED, start=1):
        table.seed({"id": i, "uri": f"/api/rules/{i}/", "name": name, "description": description, "code": code,
                    "code_ast": None, "event_types": events, "priority": priority, "deactivated_datetime": None,
                    "created_datetime": created, "updated_datetime": created})
    table.rebuild()


def register(router: Router, store: Store) -> None:
    """Serve the routes (seeding the demo records once, into an empty table)."""
    if not store.tables.get("rules"):
        seed(store)
    router.add("POST", "/api/rules/priorities", partial(update_priorities, store), scope="rules")
    crud.register(router, store, RULES)

