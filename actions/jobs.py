"""Job actions: create, get, update, cancel and list Gorgias jobs (long-running tasks on many tickets)."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Code, DateTime, Id, choice
from gorgias_component.actions import paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["ACTIONS"]

RESOURCE = "Jobs"
TYPES = (
    "applyMacro", "deleteTicket", "exportTicket", "importMacro", "exportMacro", "updateTicket",
    "exportTicketDrilldown", "exportConvertCampaignSalesDrilldown",
)
STATUSES = ("cancel_requested", "canceled", "done", "errored", "fatal_errored", "pending", "running", "scheduled")
JobType = Annotated[str, choice(*TYPES, case_sensitive=True)]
JobStatus = Annotated[str, choice(*STATUSES)]
JobOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc")]

JOB_ID = "The ID of the job."
META = (
    "Data associated with the job, as a JSON object. You can use it to store structured information "
    "(key-value data); Gorgias does not use it."
)
META_EXAMPLE = '{"description": "Close the tickets of the 2018 campaign"}'
PARAMS = (
    "The parameters of the job, as a JSON object; which ones depend on the type, e.g. "
    '{"ticket_ids": [1, 2], "updates": {"status": "closed"}} for updateTicket or '
    '{"ticket_ids": [1], "macro_id": 3, "apply_and_close": true} for applyMacro.'
)
PARAMS_EXAMPLE = '{"ticket_ids": [1, 2, 3], "updates": {"status": "closed"}}'
SCHEDULED = (
    "When the job should start, at most 60 minutes from now. If not set, the job is queued as soon as it is created."
)
TYPE = "The type of the job: " + ", ".join(TYPES) + "."
WHEN = "2024-11-23T16:30:00.966927"


class JobFieldInputs(ActionInputs):
    """The fields a job is created and updated with."""

    meta: Code | None = Input("Meta", comments=META, example=META_EXAMPLE)
    params: Code | None = Input("Params", comments=PARAMS, example=PARAMS_EXAMPLE, schema=schema("job_params"))
    scheduled_datetime: DateTime | None = Input("Scheduled Datetime", comments=SCHEDULED, example=WHEN)


class CreateJobInputs(JobFieldInputs):
    params: Code = Input("Params", required=True, comments=PARAMS, example=PARAMS_EXAMPLE, schema=schema("job_params"))
    type: JobType = Input("Type", required=True, comments=TYPE, example="updateTicket")


@action(
    "createJob", "Create Job", "Create a job, run in the background by Gorgias (e.g. update or export many tickets).",
    example=example("createJob"),
    resource=RESOURCE, output=output("job"),
)
def create_job(api: HttpClient, inputs: CreateJobInputs) -> object:
    return api.post("/jobs", inputs.set_values())


class GetJobInputs(ActionInputs):
    id: Id = Input("Job ID", required=True, comments=JOB_ID, example="1234")


@action("getJob", "Get Job", "Retrieve a job, e.g. to follow its status and progress.",
        example=example("getJob"), resource=RESOURCE,
        output=output("job"))
def get_job(api: HttpClient, inputs: GetJobInputs) -> object:
    return api.get(f"/jobs/{inputs.id}")


class UpdateJobInputs(JobFieldInputs):
    id: Id = Input("Job ID", required=True, comments="The ID of the job to update.", example="1234")
    status: JobStatus | None = Input(
        "Status", example="cancel_requested",
        comments="The status of the job: " + ", ".join(STATUSES) + ".",
    )


@action("updateJob", "Update Job", "Update a job that has not finished.",
        example=example("updateJob"), resource=RESOURCE, output=output("job"))
def update_job(api: HttpClient, inputs: UpdateJobInputs) -> object:
    return api.put(f"/jobs/{inputs.id}", inputs.set_values(exclude=("id",)))


class CancelJobInputs(ActionInputs):
    id: Id = Input(
        "Job ID", required=True, example="1234",
        comments="The ID of the job to cancel. What the job already did is not reverted.",
    )


@action("cancelJob", "Cancel Job", "Cancel a job; changes it already made are kept.",
        example=example("cancelJob"), resource=RESOURCE,
        output=deleted())
def cancel_job(api: HttpClient, inputs: CancelJobInputs) -> object:
    api.delete(f"/jobs/{inputs.id}")
    return {"message": "Success"}


class ListJobsInputs(ListInputs):
    order_by: JobOrder | None = Input(
        "Order By", comments="Attribute used to order jobs (default: created_datetime:desc).",
        example="created_datetime:asc",
    )
    status: JobStatus | None = Input("Status", comments="Only jobs with this status.", example="running")
    type: JobType | None = Input("Type", comments="Only jobs of this type.", example="applyMacro")


@list_action(
    "listJobs", "List Jobs", "List jobs, newest first by default.",
    example=example("listJobs"), resource=RESOURCE, output=output_list("job"),
    paging=paging.of("jobs"),
)
def list_jobs(inputs: ListJobsInputs) -> ListRequest:
    return ListRequest("/jobs", inputs.filters())


ACTIONS = (cancel_job, create_job, get_job, list_jobs, update_job)
