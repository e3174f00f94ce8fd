"""Jobs, satisfaction surveys and account settings end to end, through the public API, on the sandbox."""

from __future__ import annotations

from typing import Any

import pytest

from component import ApiError
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.e2e.conftest import Run


def test_an_update_job_runs_step_by_step_and_closes_its_tickets(run: Run, sandbox: Sandbox) -> None:
    """A job is pending when created, running at the next read, done after; then its tickets are closed."""
    open_ids = sorted(t.id for t in sandbox.store.tickets.values() if t.status == "open")[:2]
    job = run("createJob", type="updateTicket", params={"ticket_ids": open_ids, "updates": {"status": "closed"}},
              meta={"description": "e2e"})
    assert (job["status"], job["user_id"]) == ("pending", sandbox.store.api_user_id)
    assert run("getJob", id=job["id"])["status"] == "running"
    done = run("getJob", id=job["id"])
    assert (done["status"], done["info"]) == ("done", {"progress_count": 2})
    assert [run("getTicket", id=i)["status"] for i in open_ids] == ["closed", "closed"]
    listed = run("listJobs", status="done", type="updateTicket", fetchAll="true")["data"]
    assert job["id"] in [j["id"] for j in listed]
    with pytest.raises(ApiError) as error:
        run("cancelJob", id=job["id"])
    assert (error.value.status, error.value.body["error"]["msg"]) == (400, "This job is done: it can no longer be canceled.")


def test_a_job_is_updated_then_cancelled(run: Run) -> None:
    """A pending job takes new meta, and cancelling it before it starts cancels it at once."""
    job = run("createJob", type="exportTicket", params={"view_id": 1})
    assert run("updateJob", id=job["id"], meta={"description": "renamed"})["meta"] == {"description": "renamed"}
    assert run("cancelJob", id=job["id"]) == {"message": "Success"}
    assert run("getJob", id=job["id"])["status"] == "canceled"


def test_a_job_for_an_unknown_macro_is_a_400(run: Run) -> None:
    """applyMacro needs an existing macro: the sandbox answers 400 with the params error."""
    with pytest.raises(ApiError) as error:
        run("createJob", type="applyMacro", params={"ticket_ids": [1], "macro_id": 987654})
    assert error.value.status == 400
    assert error.value.body["error"]["data"] == {"params": ["macro_id: No macro with id 987654."]}


def test_survey_round_trip_one_per_ticket_and_picklist(run: Run, conn: dict[str, Any], sandbox: Sandbox) -> None:
    """A survey is created for a ticket without one, answered, listed by ticket, picked; a second is a 409."""
    taken = {s["ticket_id"] for s in sandbox.store.tables["satisfaction_surveys"].values()}
    ticket = next(t for t in sorted(sandbox.store.tickets.values(), key=lambda t: t.id)
                  if t.id not in taken and t.customer_id is not None)
    survey = run("createSatisfactionSurvey", ticket_id=ticket.id, customer_id=ticket.customer_id,
                 should_send_datetime="2024-06-01T10:00:00+00:00")
    assert survey["score"] is None and survey["ticket_id"] == ticket.id
    answered = run("updateSatisfactionSurvey", id=survey["id"], score=4, body_text="Quick!",
                   scored_datetime="2024-06-02T10:00:00Z")
    assert (answered["score"], answered["body_text"]) == (4, "Quick!")
    assert run("getSatisfactionSurvey", id=survey["id"])["score"] == 4
    assert [s["id"] for s in run("listSatisfactionSurveys", ticket_id=ticket.id)["data"]] == [survey["id"]]
    options = gorgias.run_data_source("selectSatisfactionSurvey", {"ticket_id": ticket.id}, conn)["result"]
    assert options == [{"key": str(survey["id"]), "label": f"Ticket #{ticket.id} · 4/5"}]
    with pytest.raises(ApiError) as error:
        run("createSatisfactionSurvey", ticket_id=ticket.id, customer_id=ticket.customer_id)
    assert error.value.status == 409


def test_seeded_surveys_list_newest_first_by_default(run: Run) -> None:
    """The seeded surveys page by cursor in created_datetime order, descending unless asked otherwise."""
    first = run("listSatisfactionSurveys", limit=3)
    assert len(first["data"]) == 3 and first["meta"]["next_cursor"]
    stamps = [s["created_datetime"] for s in run("listSatisfactionSurveys", fetchAll="true")["data"]]
    assert stamps == sorted(stamps, reverse=True)


def test_account_settings_are_listed_created_updated_and_shown_on_the_account(run: Run, conn: dict[str, Any]) -> None:
    """A new setting type is created and updated; the account shows it; a second of the same type is a 409."""
    listed = run("listAccountSettings")["data"]
    assert "business-hours" in {s["type"] for s in listed}
    data = {"timezone": "Europe/Paris", "business_hours": {"days": "1,2,3", "from_time": "08:00", "to_time": "17:00"}}
    hours = next(s for s in listed if s["type"] == "business-hours")
    updated = run("updateAccountSetting", id=hours["id"], type="business-hours", data=data)
    assert updated["data"] == data
    created = run("createAccountSetting", type="e2e-setting", data={"enabled": True})
    assert run("listAccountSettings", type="e2e-setting")["data"] == [created]
    account = gorgias.run_action("getAccount", {}, conn)["data"]
    assert created in account["settings"] and updated in account["settings"]
    with pytest.raises(ApiError) as error:
        run("createAccountSetting", type="e2e-setting")
    assert error.value.status == 409


def test_a_setting_with_bad_business_hours_is_a_400(run: Run) -> None:
    """The sandbox checks business-hours data as Gorgias does; the component's own check is lighter."""
    with pytest.raises(ApiError) as error:
        run("createAccountSetting", type="business-hours", data={"timezone": "UTC"})
    assert error.value.status == 400
