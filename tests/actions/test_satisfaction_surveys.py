"""Satisfaction survey actions send the documented Gorgias requests and refuse bad input before sending."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.mocked_gorgias import MockedGorgias
from tests.support.requests_table import Case, envelope, output_errors, refused, run_case

# The reference's example survey (developers.gorgias.com, The SatisfactionSurvey object).
SURVEY = {
    "id": 1234, "body_text": "Such speed, much pertinent.", "created_datetime": "2019-11-16T15:59:41.966927",
    "customer_id": 120, "meta": {"externalData": {"id": 1234}}, "score": 2,
    "scored_datetime": "2019-11-25T15:59:41.966927", "sent_datetime": "2019-11-23T15:59:41.966927",
    "should_send_datetime": "2019-11-23T15:59:41.966927", "ticket_id": 12, "uri": "/api/satisfaction-surveys/1234/",
}
WHEN = "2019-11-25T15:59:41.966927"

CASES = [
    Case("createSatisfactionSurvey", {"customer_id": "120", "ticket_id": 12, "score": "2", "body_text": "Fast!",
                                      "meta": '{"externalData": {"id": 1234}}', "scored_datetime": WHEN,
                                      "sent_datetime": WHEN, "should_send_datetime": WHEN, "created_datetime": WHEN},
         "POST", "/satisfaction-surveys",
         body={"customer_id": 120, "ticket_id": 12, "score": 2, "body_text": "Fast!",
               "meta": {"externalData": {"id": 1234}}, "scored_datetime": WHEN, "sent_datetime": WHEN,
               "should_send_datetime": WHEN, "created_datetime": WHEN},
         answer=SURVEY, status=201),
    Case("getSatisfactionSurvey", {"id": "1234"}, "GET", "/satisfaction-surveys/1234", answer=SURVEY),
    Case("updateSatisfactionSurvey", {"id": 1234, "score": 5, "body_text": "Changed my mind."}, "PUT",
         "/satisfaction-surveys/1234", body={"score": 5, "body_text": "Changed my mind."}, answer=SURVEY, status=202),
    Case("listSatisfactionSurveys", {"ticket_id": "12", "order_by": "created_datetime:asc", "limit": 3}, "GET",
         "/satisfaction-surveys", query={"ticket_id": "12", "order_by": "created_datetime:asc", "limit": "3"},
         answer=envelope("/api/satisfaction-surveys?ticket_id=12", [SURVEY])),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.key)
def test_survey_action_sends_the_documented_request(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                   case: Case) -> None:
    """Each action converts its inputs and sends exactly the documented request; the answer is its data."""
    data = run_case(gorgias_api, connection, case)
    assert data == case.answer
    assert output_errors(case.key, data) == []


REQUIRED = [("createSatisfactionSurvey", {"ticket_id": 12}, "customer_id", "Customer ID"),
            ("createSatisfactionSurvey", {"customer_id": 120}, "ticket_id", "Ticket ID"),
            ("getSatisfactionSurvey", {}, "id", "Satisfaction Survey ID"),
            ("updateSatisfactionSurvey", {"score": 3}, "id", "Satisfaction Survey ID")]


@pytest.mark.parametrize(("key", "inputs", "missing", "label"), REQUIRED)
def test_a_missing_required_input_is_refused_before_sending(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any], key: str,
                                                            inputs: dict[str, Any], missing: str, label: str) -> None:
    """Without a required input, the action raises InputError naming it, and nothing is sent."""
    error = refused(gorgias_api, connection, key, inputs)
    assert (error.key, str(error)) == (missing, f"Input '{missing}' ({label}) is required, but no value was given.")


BAD = [
    ("createSatisfactionSurvey", {"customer_id": 1, "ticket_id": 2, "score": "6"}, "score",
     "Input 'score' (Score): expected a whole number from 1 to 5, received \"6\"."),
    ("createSatisfactionSurvey", {"customer_id": 1, "ticket_id": 2, "body_text": "x" * 1001}, "body_text",
     "Input 'body_text' (Body Text): expected a string of at most 1000 characters (got 1001), received "
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"."),
    ("createSatisfactionSurvey", {"customer_id": 1, "ticket_id": 2, "meta": "[1]"}, "meta",
     "Input 'meta' (Meta): expected a JSON object, received \"[1]\"."),
    ("updateSatisfactionSurvey", {"id": 1, "sent_datetime": "soon"}, "sent_datetime",
     "Input 'sent_datetime' (Sent Datetime): expected an ISO 8601 date-time such as 2020-01-27T10:42:21.468912, "
     "received \"soon\"."),
]


@pytest.mark.parametrize(("key", "inputs", "bad", "message"), BAD)
def test_an_invalid_input_is_refused_before_sending(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                    key: str, inputs: dict[str, Any], bad: str, message: str) -> None:
    """Scores, comment length, meta and datetimes are checked before anything is sent."""
    error = refused(gorgias_api, connection, key, inputs)
    assert (error.key, str(error)) == (bad, message)
