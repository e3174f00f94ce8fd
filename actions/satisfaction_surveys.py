"""Satisfaction survey actions: create, get, update and list the surveys sent about tickets."""

from __future__ import annotations

from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, InputError, ListRequest, action, list_action
from component.inputs import Bool, Code, DateTime, Id, choice, int_range, text_up_to
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import example, output, output_list
from gorgias_component.actions.paging import ListInputs

__all__ = ["ACTIONS"]

RESOURCE = "Satisfaction Surveys"
Score = Annotated[int, int_range(1, 5)]
Comment = Annotated[str, text_up_to(1000)]
SurveyOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc")]

BODY_TEXT = "The comment sent by the customer (at most 1000 characters)."
META = (
    "Data associated with the survey, as a JSON object. You can use it to store structured information "
    "(key-value data); Gorgias does not use it."
)
META_EXAMPLE = '{"externalData": {"id": 1234}}'
SCORE = "The level of satisfaction, from 1 to 5."
SENT = "When the survey was sent. If not set, the survey was not sent yet."
SHOULD_SEND = "When the survey should be sent. If not set, Gorgias does not send it."
# Gorgias: "To prevent Gorgias from sending the survey, set should_send_datetime to null" (Create a satisfaction
# survey; the field is `string (date-time) | null` there and in Update). Leaving it out is not the same as null.
NEVER_SEND = ("Set to true to send should_send_datetime as null, so that Gorgias never sends the survey "
              "(leave Should Send Datetime empty).")
WHEN = "2024-11-23T15:59:41.966927"


class SurveyFieldInputs(ActionInputs):
    """The fields a survey is created and updated with."""

    body_text: Comment | None = Input("Body Text", comments=BODY_TEXT, example="Such speed, much pertinent.")
    created_datetime: DateTime | None = Input("Created Datetime", comments="When the survey was created.",
                                              example=WHEN)
    customer_id: Id | None = fields.customer_id("The ID of the customer who filled the survey.", required=False)
    meta: Code | None = Input("Meta", comments=META, example=META_EXAMPLE)
    score: Score | None = Input("Score", comments=SCORE, example="5")
    scored_datetime: DateTime | None = Input("Scored Datetime", comments="When the customer filled the survey.",
                                             example=WHEN)
    sent_datetime: DateTime | None = Input("Sent Datetime", comments=SENT, example=WHEN)
    should_send_datetime: DateTime | None = Input("Should Send Datetime", comments=SHOULD_SEND, example=WHEN)
    never_send: Bool = Input("Never Send", default="false", comments=NEVER_SEND, example="true")

    def body(self, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
        """The set inputs as Gorgias's fields; Never Send sends should_send_datetime as null."""
        values = self.set_values(exclude=(*exclude, "never_send"))
        if self.never_send:
            if "should_send_datetime" in values:
                raise InputError("never_send", "Input 'never_send' (Never Send): cannot both set Should Send "
                                               "Datetime and never send the survey.")
            values["should_send_datetime"] = None
        return values


class CreateSatisfactionSurveyInputs(SurveyFieldInputs):
    customer_id: Id = fields.customer_id("The ID of the customer who filled the survey.")
    ticket_id: Id = fields.ticket_id("The ID of the ticket the survey is about (a ticket has at most one survey).")


@action(
    "createSatisfactionSurvey", "Create Satisfaction Survey", "Create a satisfaction survey for a ticket.",
    example=example("createSatisfactionSurvey"),
    resource=RESOURCE, output=output("satisfaction_survey"),
)
def create_satisfaction_survey(api: HttpClient, inputs: CreateSatisfactionSurveyInputs) -> object:
    return api.post("/satisfaction-surveys", inputs.body())


class GetSatisfactionSurveyInputs(ActionInputs):
    id: Id = fields.satisfaction_survey_id("The ID of the survey.")


@action(
    "getSatisfactionSurvey", "Get Satisfaction Survey", "Retrieve a satisfaction survey.",
    example=example("getSatisfactionSurvey"),
    resource=RESOURCE, output=output("satisfaction_survey"),
)
def get_satisfaction_survey(api: HttpClient, inputs: GetSatisfactionSurveyInputs) -> object:
    return api.get(f"/satisfaction-surveys/{inputs.id}")


class UpdateSatisfactionSurveyInputs(SurveyFieldInputs):
    id: Id = fields.satisfaction_survey_id("The ID of the survey to update.")


@action(
    "updateSatisfactionSurvey", "Update Satisfaction Survey", "Update a satisfaction survey.",
    example=example("updateSatisfactionSurvey"),
    resource=RESOURCE, output=output("satisfaction_survey"),
)
def update_satisfaction_survey(api: HttpClient, inputs: UpdateSatisfactionSurveyInputs) -> object:
    return api.put(f"/satisfaction-surveys/{inputs.id}", inputs.body(exclude=("id",)))


class ListSatisfactionSurveysInputs(ListInputs):
    order_by: SurveyOrder | None = Input(
        "Order By", comments="Attribute used to order surveys (default: created_datetime:desc).",
        example="created_datetime:asc",
    )
    ticket_id: Id | None = fields.ticket_id("Only the survey of this ticket.", required=False)


@list_action(
    "listSatisfactionSurveys", "List Satisfaction Surveys", "List satisfaction surveys, newest first by default.",
    example=example("listSatisfactionSurveys"),
    resource=RESOURCE, output=output_list("satisfaction_survey"), paging=paging.of("satisfaction surveys"),
)
def list_satisfaction_surveys(inputs: ListSatisfactionSurveysInputs) -> ListRequest:
    return ListRequest("/satisfaction-surveys", inputs.filters())


ACTIONS = (create_satisfaction_survey, get_satisfaction_survey, list_satisfaction_surveys, update_satisfaction_survey)
