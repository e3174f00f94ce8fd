"""Never Send sends should_send_datetime as null, which Gorgias documents as "do not send the survey"."""

from __future__ import annotations

from tests.actions.test_satisfaction_surveys import SURVEY, WHEN
from tests.support.action_table import Refuses, Sends, refuses_test, sends_test

NOT_SENT = {**SURVEY, "sent_datetime": None, "should_send_datetime": None}

test_sends = sends_test([
    Sends("createSatisfactionSurvey", {"customer_id": "120", "ticket_id": 12, "never_send": "true"},
          "POST", "/satisfaction-surveys", body={"customer_id": 120, "ticket_id": 12, "should_send_datetime": None},
          answer=NOT_SENT, status=201),
    # Left false (its default), Never Send sends nothing: an unset should_send_datetime stays out of the body.
    Sends("createSatisfactionSurvey", {"customer_id": 120, "ticket_id": 12, "never_send": "false", "score": 4},
          "POST", "/satisfaction-surveys", body={"customer_id": 120, "ticket_id": 12, "score": 4},
          answer=SURVEY, status=201),
    Sends("updateSatisfactionSurvey", {"id": 1234, "never_send": True}, "PUT", "/satisfaction-surveys/1234",
          body={"should_send_datetime": None}, answer=NOT_SENT, status=202),
])

test_refuses = refuses_test([
    Refuses("createSatisfactionSurvey", {"customer_id": 1, "ticket_id": 2, "never_send": "true",
                                         "should_send_datetime": WHEN}, "never_send",
            "Input 'never_send' (Never Send): cannot both set Should Send Datetime and never send the survey."),
    Refuses("updateSatisfactionSurvey", {"id": 1, "never_send": True, "should_send_datetime": WHEN}, "never_send",
            "Input 'never_send' (Never Send): cannot both set Should Send Datetime and never send the survey."),
])
