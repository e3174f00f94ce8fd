"""Job endpoints: create, list, get, update and cancel jobs, which the sandbox runs one step per read.

A real job runs in the background on Gorgias's servers. Here a job moves one step each time it is read
(pending -> running -> done, or cancel_requested -> canceled), so a client polling it sees the status
transitions Gorgias documents without waiting; an updateTicket job applies its updates when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from gorgias_component.sandbox import crud
from gorgias_component.sandbox.router import ApiError, Request, Response, Router, json_response, not_found
from gorgias_component.sandbox.store import JSON, Store, now_iso
from gorgias_component.sandbox.validation import FieldErrors, check, check_choice, check_datetime

TYPES = ("applyMacro", "deleteTicket", "exportTicket", "importMacro", "exportMacro", "updateTicket",
         "exportTicketDrilldown", "exportConvertCampaignSalesDrilldown")
STATUSES = ("cancel_requested", "canceled", "done", "errored", "fatal_errored", "pending", "running", "scheduled")
FINISHED = frozenset({"canceled", "done", "errored", "fatal_errored"})
ON_TICKETS = frozenset({"applyMacro", "deleteTicket", "updateTicket"})
TICKET_UPDATES = {"status": ("open", "closed"), "priority": ("low", "normal", "high", "critical")}


def _params(store: Store, kind: str | None, params: JSON, errors: FieldErrors) -> None:
    """The parameters each job type needs: tickets to work on, the macro to apply, the updates to make."""
    ticket_ids = params.get("ticket_ids")
    if ticket_ids is not None and not (isinstance(ticket_ids, list) and all(
            isinstance(i, int) and not isinstance(i, bool) and i >= 1 for i in ticket_ids)):
        errors.add("params", "ticket_ids: Must be a list of ticket ids.")
    if kind in ON_TICKETS and not ticket_ids and params.get("view_id") is None:
        errors.add("params", f"{kind} needs ticket_ids or view_id.")
    if kind == "applyMacro":
        macro_id = params.get("macro_id")
        if macro_id not in store.tables.get("macros", {}):
            errors.add("params", f"macro_id: No macro with id {macro_id}.")
    if kind == "updateTicket":
        updates = params.get("updates")
        if not isinstance(updates, dict) or not updates:
            errors.add("params", "updates: Missing data for required field.")
        else:
            for name, value in updates.items():
                if name in TICKET_UPDATES and value not in TICKET_UPDATES[name]:
                    errors.add("params", f"updates.{name}: Must be one of: {', '.join(TICKET_UPDATES[name])}.")


def validate_job(store: Store, body: JSON, errors: FieldErrors, record: JSON | None) -> JSON:
    """The recognised, checked fields of a job body (type and params are required on create)."""
    fields: JSON = {}
    if record is None:
        fields["type"] = check_choice(body, "type", TYPES, errors)
        if "type" not in body:
            errors.add("type", "Missing data for required field.")
    elif record["status"] in FINISHED:
        raise ApiError(400, f"This job is {record['status']}: it can no longer be changed.")
    params = check(body, "params", dict, errors, required=record is None, nullable=False)
    if params is not None:
        _params(store, fields.get("type") or (record or {}).get("type"), params, errors)
        fields["params"] = params
    if "meta" in body:
        fields["meta"] = check(body, "meta", dict, errors)
    if "scheduled_datetime" in body and (when := check_datetime(body, "scheduled_datetime", errors)) is not None:
        if instant(when) > datetime.now(UTC) + timedelta(minutes=60):
            errors.add("scheduled_datetime", "A job cannot be scheduled more than 60 minutes in the future.")
        fields["scheduled_datetime"] = when
    if "status" in body and (status := check_choice(body, "status", STATUSES, errors)) is not None:
        if status not in ("cancel_requested", record["status"] if record else "pending"):
            errors.add("status", "Only cancel_requested can be set.")
        fields["status"] = status
    if record is None:
        later = fields.get("scheduled_datetime") is not None and instant(fields["scheduled_datetime"]) > datetime.now(UTC)
        fields = {"status": "scheduled" if later else "pending", "meta": None, "info": {"progress_count": 0},
                  "scheduled_datetime": None, "started_datetime": None, "locked_datetime": None,
                  "ended_datetime": None, "failed_datetime": None, "cancel_requested_datetime": None,
                  "cancelled_datetime": None, "user_id": None, **fields}
    return fields


def instant(value: str) -> datetime:
    """A stored datetime as an aware instant (a naive one is UTC)."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _tickets_of(store: Store, job: JSON) -> list[int]:
    return [i for i in job["params"].get("ticket_ids") or [] if i in store.tickets]


def _step(store: Store, job: JSON) -> None:
    """Move a job one step along its life: scheduled/pending -> running -> done; cancel_requested -> canceled."""
    status, stamp = job["status"], now_iso()
    if status == "scheduled" and job["scheduled_datetime"] and instant(job["scheduled_datetime"]) > datetime.now(UTC):
        return
    if status in ("scheduled", "pending"):
        changes: JSON = {"status": "running", "started_datetime": stamp, "locked_datetime": stamp}
    elif status == "running":
        tickets = _tickets_of(store, job)
        if job["type"] == "updateTicket":
            for ticket_id in tickets:
                ticket = store.tickets[ticket_id]
                for name, value in job["params"]["updates"].items():
                    if name in TICKET_UPDATES:
                        setattr(ticket, name, value)
                store.touch_ticket(ticket)
        changes = {"status": "done", "ended_datetime": stamp, "locked_datetime": None,
                   "info": {"progress_count": len(tickets)}}
    elif status == "cancel_requested":
        changes = {"status": "canceled", "cancelled_datetime": stamp, "ended_datetime": stamp, "locked_datetime": None}
    else:
        return
    store.tables["jobs"].update(job["id"], changes, None)


def _advancing(render: Callable[[Store, JSON], JSON]) -> Callable[[Store, JSON], JSON]:
    def read(store: Store, job: JSON) -> JSON:
        _step(store, job)
        return render(store, job)
    return read


def _filter(name: str, choices: tuple[str, ...]) -> crud.Filter:
    def make(req: Request) -> Callable[[JSON], bool] | None:
        wanted = req.arg(name)
        if wanted is not None and wanted not in choices:
            raise ApiError(400, "Invalid request.", {name: ["Must be one of: " + ", ".join(choices) + "."]})
        return None if wanted is None else (lambda job: job[name] == wanted)
    return make


JOBS = crud.Resource(
    "/api/jobs", "jobs", "jobs", "job", validate_job, _advancing(crud.as_is), orders=("created_datetime",),
    filters={"status": _filter("status", STATUSES), "type": _filter("type", TYPES)},
    operations=frozenset({"list", "get", "update"}),  # create records the caller; delete cancels
)


def create_job(store: Store, req: Request) -> Response:
    """Create a job owned by the caller; it answers 201 as pending (or scheduled), not yet run."""
    body = req.json_object()
    errors = FieldErrors()
    with store.lock:
        fields = validate_job(store, body, errors, None)
        errors.raise_if_any("Failed to create job")
        job = store.tables["jobs"].insert({**fields, "user_id": req.user_id}, req.user_id)
        return json_response(201, job)


def cancel_job(store: Store, req: Request) -> Response:
    """Cancel a job: at once if it has not started, else once it stops; a finished job is refused."""
    with store.lock:
        table = store.tables["jobs"]
        job = table.get(req.id_param())
        if job is None:
            raise not_found()
        if job["status"] in FINISHED:
            raise ApiError(400, f"This job is {job['status']}: it can no longer be canceled.")
        stamp = now_iso()
        if job["status"] in ("pending", "scheduled"):
            table.update(job["id"], {"status": "canceled", "cancel_requested_datetime": stamp,
                                     "cancelled_datetime": stamp, "ended_datetime": stamp}, req.user_id)
        else:
            table.update(job["id"], {"status": "cancel_requested", "cancel_requested_datetime": stamp}, req.user_id)
    return Response(204, content_type=None)


def seed(store: Store) -> None:
    """Two finished demo jobs."""
    created = store.account["created_datetime"]
    table = store.table("jobs", "Job", "job", "/api/jobs/{id}/")
    base: JSON = {"meta": None, "scheduled_datetime": None, "locked_datetime": None, "failed_datetime": None,
                  "cancel_requested_datetime": None, "cancelled_datetime": None, "user_id": store.api_user_id,
                  "created_datetime": created, "updated_datetime": created, "started_datetime": created,
                  "ended_datetime": created}
    table.seed({**base, "id": 1, "uri": "/api/jobs/1/", "type": "exportTicket", "status": "done",
                "params": {"view_id": 5}, "info": {"progress_count": 0}})
    table.seed({**base, "id": 2, "uri": "/api/jobs/2/", "type": "updateTicket", "status": "done",
                "params": {"ticket_ids": [1, 2], "updates": {"status": "closed"}}, "info": {"progress_count": 2},
                "meta": {"description": "Close two demo tickets"}})
    table.rebuild()


def register(router: Router, store: Store) -> None:
    """Serve the routes (seeding the demo records once, into an empty table)."""
    if not store.tables.get("jobs"):
        seed(store)
    router.add("POST", "/api/jobs", partial(create_job, store), scope="jobs")
    router.add("DELETE", "/api/jobs/{id}", partial(cancel_job, store), scope="jobs")
    crud.register(router, store, JOBS)
