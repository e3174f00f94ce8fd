"""Select Satisfaction Survey lists the surveys, labelled with their ticket and score."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import InputError
from component.testing import invoke_data_source
from gorgias_component import gorgias
from tests.support.action_table import envelope
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


def test_select_survey_refuses_a_bad_ticket_id(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A ticket id that is not a positive integer is an InputError; nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke_data_source(gorgias, "selectSatisfactionSurvey", {"ticket_id": "twelve"}, connection)
    assert str(caught.value) == "Input 'ticket_id' (Ticket ID): expected a positive integer id, received \"twelve\"."
    assert len(gorgias_api.calls) == 0
