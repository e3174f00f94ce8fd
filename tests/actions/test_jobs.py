"""Job actions send the documented Gorgias requests (method, path, query, body exactly) and refuse bad input."""

from __future__ import annotations

from typing import Any

import pytest
import responses

from component.errors import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

# The reference's example job (developers.gorgias.com, The Job object).
JOB = {
    "id": 1234, "cancel_requested_datetime": "2019-11-23T16:31:00.966927",
    "cancelled_datetime": "2019-11-23T16:32:00.966927", "created_datetime": "2019-11-23T16:00:00.966927",
    "ended_datetime": "2019-11-23T16:32:00.966927", "failed_datetime": "2019-11-23T15:59:41.966927",
    "info": {"progress_count": 123}, "locked_datetime": "2019-11-23T16:30:01.966927",
    "meta": {"description": "This job closes all tickets created in 2018"},
    "params": {"ticket_ids": [1, 2, 3], "updates": {"status": "open"}},
    "scheduled_datetime": "2019-11-23T16:30:00.966927", "started_datetime": "2019-11-23T16:30:01.966927",
    "status": "canceled", "type": "updateTicket", "user_id": 42, "uri": "/api/jobs/1234/",
}
PARAMS = {"ticket_ids": [1, 2, 3], "updates": {"status": "closed"}}
WHEN = "2024-11-23T16:30:00+00:00"

test_sends = sends_test([
    Sends("createJob", {"type": "updateTicket", "params": '{"ticket_ids": [1, 2, 3], "updates": {"status": "closed"}}',
                        "meta": {"description": "Close them"}, "scheduled_datetime": WHEN},
          "POST", "/jobs",
          body={"type": "updateTicket", "params": PARAMS, "meta": {"description": "Close them"},
                "scheduled_datetime": WHEN}, answer=JOB, status=201),
    Sends("getJob", {"id": "1234"}, "GET", "/jobs/1234", answer=JOB),
    Sends("updateJob", {"id": 1234, "status": "cancel_requested"}, "PUT", "/jobs/1234",
          body={"status": "cancel_requested"}, answer=JOB, status=202),
    Sends("cancelJob", {"id": "1234"}, "DELETE", "/jobs/1234", status=204),
    Sends("listJobs", {"status": "running", "type": "applyMacro", "order_by": "created_datetime:asc", "limit": "1"},
          "GET", "/jobs",
          query={"status": "running", "type": "applyMacro", "order_by": "created_datetime:asc", "limit": "1"},
          answer=envelope("/api/jobs?limit=1", [JOB], next_cursor="WyJuZXh0Il0=")),
])


def test_create_job_is_not_sent_twice_when_gorgias_fails(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any]) -> None:
    """A job has side effects in Gorgias: a 502 on create is reported, never retried."""
    gorgias_api.add(responses.POST, "/jobs", json={"error": {"msg": "Bad gateway"}},
                 status=502)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "createJob", {"type": "deleteTicket", "params": {"ticket_ids": [1]}}, connection)
    assert len(gorgias_api.calls) == 1
    assert caught.value.status == 502
    assert str(caught.value) == (
        "Gorgias answered 502 Bad Gateway to POST /jobs: Bad gateway. The write may or may not have happened; "
        "it was not sent again to avoid a duplicate: check before retrying."
    )


# Job types (case-sensitive, as Gorgias spells them), statuses and params are checked before sending.
test_refuses = refuses_test([
    required("createJob", {"params": PARAMS}, "type", "Type"),
    required("createJob", {"type": "exportTicket"}, "params", "Params"),
    required("getJob", {}, "id", "Job ID"),
    required("updateJob", {"status": "cancel_requested"}, "id", "Job ID"),
    required("cancelJob", {}, "id", "Job ID"),
    Refuses("createJob", {"type": "closeTickets", "params": PARAMS}, "type",
            "Input 'type' (Type): expected one of applyMacro, deleteTicket, exportTicket, importMacro, exportMacro, "
            "updateTicket, exportTicketDrilldown, exportConvertCampaignSalesDrilldown, received \"closeTickets\"."),
    Refuses("createJob", {"type": "updateTicket", "params": {}}, "params",
            "Input 'params' (Params): at params: {} should be non-empty."),
    Refuses("createJob", {"type": "applyMacro", "params": {"ticket_ids": [1], "macro_id": "3"}}, "params",
            "Input 'params' (Params): at params.macro_id: '3' is not of type 'integer'."),
    Refuses("updateJob", {"id": 1, "status": "paused"}, "status",
            "Input 'status' (Status): expected one of cancel_requested, canceled, done, errored, fatal_errored, pending, "
            "running, scheduled, received \"paused\"."),
    Refuses("listJobs", {"type": "applymacro"}, "type",
            "Input 'type' (Type): expected one of applyMacro, deleteTicket, exportTicket, importMacro, exportMacro, "
            "updateTicket, exportTicketDrilldown, exportConvertCampaignSalesDrilldown, received \"applymacro\"."),
])
