"""Select Satisfaction Survey lists the surveys, labelled with their ticket and score."""

from __future__ import annotations

from typing import Any

import responses
from responses import matchers

from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import Refuses, envelope, refuses_test
from tests.support.mocked_gorgias import MockedGorgias


def test_select_survey_labels_the_ticket_and_the_score(gorgias_api: MockedGorgias,
                                                       connection: dict[str, Any]) -> None:
    """The ticket filter is sent; an unanswered survey says so."""
    gorgias_api.add(responses.GET, "/satisfaction-surveys", json=envelope("/api/satisfaction-surveys", [
        {"id": 1, "ticket_id": 12, "score": 4}, {"id": 2, "ticket_id": 12, "score": None}]),
        match=[matchers.query_param_matcher({"ticket_id": "12", "limit": "100"})])
    assert invoke_data_source(gorgias, "selectSatisfactionSurvey", {"ticket_id": "12"}, connection) == {"result": [
        {"key": "1", "label": "Ticket #12 · 4/5"}, {"key": "2", "label": "Ticket #12 · not answered yet"},
    ]}


test_refuses = refuses_test([
    Refuses("selectSatisfactionSurvey", {"ticket_id": "twelve"}, "ticket_id",
            "Input 'ticket_id' (Ticket ID): expected a positive integer id, received \"twelve\".", data_source=True),
])
