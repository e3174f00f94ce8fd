"""Satisfaction survey actions send the documented Gorgias requests and refuse bad input before sending."""

from __future__ import annotations

from tests.support.action_table import Refuses, Sends, envelope, refuses_test, required, sends_test

# The reference's example survey (developers.gorgias.com, The SatisfactionSurvey object).
SURVEY = {
    "id": 1234, "body_text": "Such speed, much pertinent.", "created_datetime": "2019-11-16T15:59:41.966927",
    "customer_id": 120, "meta": {"externalData": {"id": 1234}}, "score": 2,
    "scored_datetime": "2019-11-25T15:59:41.966927", "sent_datetime": "2019-11-23T15:59:41.966927",
    "should_send_datetime": "2019-11-23T15:59:41.966927", "ticket_id": 12, "uri": "/api/satisfaction-surveys/1234/",
}
WHEN = "2019-11-25T15:59:41.966927"

test_sends = sends_test([
    Sends("createSatisfactionSurvey", {"customer_id": "120", "ticket_id": 12, "score": "2", "body_text": "Fast!",
                                       "meta": '{"externalData": {"id": 1234}}', "scored_datetime": WHEN,
                                       "sent_datetime": WHEN, "should_send_datetime": WHEN, "created_datetime": WHEN},
          "POST", "/satisfaction-surveys",
          body={"customer_id": 120, "ticket_id": 12, "score": 2, "body_text": "Fast!",
                "meta": {"externalData": {"id": 1234}}, "scored_datetime": WHEN, "sent_datetime": WHEN,
                "should_send_datetime": WHEN, "created_datetime": WHEN},
          answer=SURVEY, status=201),
    Sends("getSatisfactionSurvey", {"id": "1234"}, "GET", "/satisfaction-surveys/1234", answer=SURVEY),
    Sends("updateSatisfactionSurvey", {"id": 1234, "score": 5, "body_text": "Changed my mind."}, "PUT",
          "/satisfaction-surveys/1234", body={"score": 5, "body_text": "Changed my mind."}, answer=SURVEY, status=202),
    Sends("listSatisfactionSurveys", {"ticket_id": "12", "order_by": "created_datetime:asc", "limit": 3}, "GET",
          "/satisfaction-surveys", query={"ticket_id": "12", "order_by": "created_datetime:asc", "limit": "3"},
          answer=envelope("/api/satisfaction-surveys?ticket_id=12", [SURVEY])),
])


# Scores, comment length, meta and datetimes are checked before anything is sent.
test_refuses = refuses_test([
    required("createSatisfactionSurvey", {"ticket_id": 12}, "customer_id", "Customer ID"),
    required("createSatisfactionSurvey", {"customer_id": 120}, "ticket_id", "Ticket ID"),
    required("getSatisfactionSurvey", {}, "id", "Satisfaction Survey ID"),
    required("updateSatisfactionSurvey", {"score": 3}, "id", "Satisfaction Survey ID"),
    Refuses("createSatisfactionSurvey", {"customer_id": 1, "ticket_id": 2, "score": "6"}, "score",
            "Input 'score' (Score): expected a whole number from 1 to 5, received \"6\"."),
    Refuses("createSatisfactionSurvey", {"customer_id": 1, "ticket_id": 2, "body_text": "x" * 1001}, "body_text",
            "Input 'body_text' (Body Text): expected a string of at most 1000 characters (got 1001), received "
            "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\"."),
    Refuses("createSatisfactionSurvey", {"customer_id": 1, "ticket_id": 2, "meta": "[1]"}, "meta",
            "Input 'meta' (Meta): expected a JSON object, received \"[1]\"."),
    Refuses("updateSatisfactionSurvey", {"id": 1, "sent_datetime": "soon"}, "sent_datetime",
            "Input 'sent_datetime' (Sent Datetime): expected an ISO 8601 date-time such as 2020-01-27T10:42:21.468912, "
            "received \"soon\"."),
])
