"""Job endpoints of the sandbox over loopback HTTP: validation, one step per read, cancellation."""

from __future__ import annotations

import requests

from gorgias_component.sandbox import Sandbox


def test_a_job_must_name_its_tickets_and_updates(sb: Sandbox, api: requests.Session) -> None:
    answer = api.post(f"{sb.base_url}/jobs", json={"type": "updateTicket", "params": {"updates": {"status": "x"}}})
    assert answer.status_code == 400
    assert answer.json() == {"error": {"msg": "Failed to create job", "data": {"params": [
        "updateTicket needs ticket_ids or view_id.", "updates.status: Must be one of: open, closed."]}}}


def test_a_job_cannot_be_scheduled_more_than_an_hour_ahead(sb: Sandbox, api: requests.Session) -> None:
    answer = api.post(f"{sb.base_url}/jobs", json={"type": "exportTicket", "params": {"view_id": 1},
                                                   "scheduled_datetime": "2999-01-01T00:00:00Z"})
    assert answer.status_code == 400
    assert answer.json()["error"]["data"] == {
        "scheduled_datetime": ["A job cannot be scheduled more than 60 minutes in the future."]}


def test_cancelling_a_running_job_requests_it_then_cancels_it(sb: Sandbox, api: requests.Session) -> None:
    """A running job is cancel_requested first; the next read finds it canceled."""
    job = api.post(f"{sb.base_url}/jobs", json={"type": "deleteTicket", "params": {"ticket_ids": [1]}}).json()
    assert api.get(f"{sb.base_url}/jobs/{job['id']}").json()["status"] == "running"
    assert api.delete(f"{sb.base_url}/jobs/{job['id']}").status_code == 204
    assert sb.store.tables["jobs"][job["id"]]["status"] == "cancel_requested"
    assert api.get(f"{sb.base_url}/jobs/{job['id']}").json()["status"] == "canceled"
    assert 1 in sb.store.tickets  # cancelled before it ran: nothing deleted


def test_jobs_filter_by_status_and_type(sb: Sandbox, api: requests.Session) -> None:
    done = api.get(f"{sb.base_url}/jobs", params={"status": "done", "type": "exportTicket"}).json()["data"]
    assert [j["id"] for j in done] == [1]
    bad = api.get(f"{sb.base_url}/jobs", params={"status": "finished"})
    assert bad.status_code == 400
