"""The satisfaction survey picklist."""

from __future__ import annotations

from component import Input, Inputs, ListRequest, picklist
from component.inputs import Id
from gorgias_component.actions.documents import example

__all__ = ["DATA_SOURCES", "survey_label"]


class SelectSatisfactionSurveyInputs(Inputs):
    ticket_id: Id | None = Input("Ticket ID", comments="Only the survey of this ticket.", example="12")


def survey_label(survey: dict[str, object]) -> str:
    """The ticket it is about and its score, e.g. "Ticket #12 · 4/5", or "not answered yet"."""
    about = f"Ticket #{survey['ticket_id']}" if survey.get("ticket_id") else f"Survey #{survey['id']}"
    score = survey.get("score")
    return f"{about} · {score}/5" if isinstance(score, int) else f"{about} · not answered yet"


@picklist(
    "selectSatisfactionSurvey", "Select Satisfaction Survey", "Select one of the satisfaction surveys.",
    example=example("selectSatisfactionSurvey", "datasources"),
    label_of=survey_label,
)
def select_satisfaction_survey(inputs: SelectSatisfactionSurveyInputs) -> ListRequest:
    return ListRequest("/satisfaction-surveys", inputs.set_values())


DATA_SOURCES = (select_satisfaction_survey,)
