"""Rule actions: create, get, update, delete and list Gorgias rules, and reorder their priorities."""

from __future__ import annotations

from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Code, CodeList, DateTime, Id, Text, choice, choice_list, int_range
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["ACTIONS"]

RESOURCE = "Rules"
EVENT_TYPES = (
    "ticket-created", "ticket-updated", "ticket-message-created", "ticket-assigned", "ticket-self-unsnoozed",
    "satisfaction-survey-responded",
)
# Gorgias takes one comma-separated string; a list (or "a,b") is accepted and joined.
EventTypes = Annotated[list[str], choice_list(*EVENT_TYPES, separator=",")]
Priority = Annotated[int, int_range(0)]
RuleOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc")]

CODE = "The logic of the rule (as JavaScript code)."
CODE_EXAMPLE = "if (eq(ticket.status, 'open')) { Action('addTags', { tags: 'auto' }) }"
CODE_AST = "The logic of the rule as an ESTree AST (JSON object); Gorgias generates it from Code if not given."
DEACTIVATED = "When the rule was deactivated; a deactivated rule does not run."
EVENTS = "The events the rule is executed on: " + ", ".join(EVENT_TYPES) + "."
PRIORITY = "Order of execution of the rule: rules with higher priorities are executed first."
NAME = "The name of the rule."
WHEN = "2024-01-30T11:04:34.345123"


class RuleFieldInputs(ActionInputs):
    """The fields a rule is created and updated with."""

    code: Text | None = Input("Code", comments=CODE, example=CODE_EXAMPLE)
    code_ast: Code | None = Input("Code AST", comments=CODE_AST, example='{"type": "Program", "body": []}')
    deactivated_datetime: DateTime | None = Input("Deactivated Datetime", comments=DEACTIVATED, example=WHEN)
    description: Text | None = Input("Description", comments="The description of the rule.",
                                     example="Tag open tickets automatically.")
    event_types: EventTypes | None = Input("Event Types", comments=EVENTS, example="ticket-created")
    name: Text | None = Input("Name", comments=NAME, example="Auto-tag open tickets")
    priority: Priority | None = Input("Priority", comments=PRIORITY, example="10")


class CreateRuleInputs(RuleFieldInputs):
    code: Text = Input("Code", required=True, comments=CODE, example=CODE_EXAMPLE)
    name: Text = Input("Name", required=True, comments=NAME, example="Auto-tag open tickets")


@action("createRule", "Create Rule", "Create a rule.",
        example=example("createRule"), resource=RESOURCE, output=output("rule"))
def create_rule(api: HttpClient, inputs: CreateRuleInputs) -> object:
    return api.post("/rules", _body(inputs.set_values()))


class GetRuleInputs(ActionInputs):
    id: Id = fields.rule_id("The ID of the rule.")


@action("getRule", "Get Rule", "Retrieve a rule.", example=example("getRule"), resource=RESOURCE, output=output("rule"))
def get_rule(api: HttpClient, inputs: GetRuleInputs) -> object:
    return api.get(f"/rules/{inputs.id}")


class UpdateRuleInputs(RuleFieldInputs):
    id: Id = fields.rule_id("The ID of the rule to update.")


@action("updateRule", "Update Rule", "Update a rule.",
        example=example("updateRule"), resource=RESOURCE, output=output("rule"))
def update_rule(api: HttpClient, inputs: UpdateRuleInputs) -> object:
    return api.put(f"/rules/{inputs.id}", _body(inputs.set_values(exclude=("id",))))


class DeleteRuleInputs(ActionInputs):
    id: Id = fields.rule_id("The ID of the rule to delete.")


@action("deleteRule", "Delete Rule", "Delete a rule.", example=example("deleteRule"), resource=RESOURCE, output=deleted())
def delete_rule(api: HttpClient, inputs: DeleteRuleInputs) -> object:
    api.delete(f"/rules/{inputs.id}")
    return {"message": "Success"}


class ListRulesInputs(ListInputs):
    order_by: RuleOrder | None = Input(
        "Order By", comments="Attribute used to order rules (default: created_datetime:desc).",
        example="created_datetime:asc",
    )


@list_action(
    "listRules", "List Rules", "List rules, paginated.",
    example=example("listRules"), resource=RESOURCE, output=output_list("rule"),
    paging=paging.of("rules"),
)
def list_rules(inputs: ListRulesInputs) -> ListRequest:
    return ListRequest("/rules", inputs.filters())


class UpdateRulePrioritiesInputs(ActionInputs):
    priorities: CodeList = Input(
        "Priorities", required=True, schema=schema("rule_priorities"),
        comments="The rules to reorder and their new priorities, as a JSON array of {id, priority} objects; "
                 "rules with higher priorities are executed first.",
        example='[{"id": 1, "priority": 20}, {"id": 2, "priority": 10}]',
    )


@action(
    "updateRulePriorities", "Update Rule Priorities", "Update the priorities of several rules at once.",
    example=example("updateRulePriorities"),
    resource=RESOURCE, output=output("rule_list"),
)
def update_rule_priorities(api: HttpClient, inputs: UpdateRulePrioritiesInputs) -> object:
    return api.post("/rules/priorities", {"priorities": inputs.priorities})


def _body(values: dict[str, Any]) -> dict[str, Any]:
    if "event_types" in values:
        values["event_types"] = ",".join(values["event_types"])
    return values


ACTIONS = (create_rule, delete_rule, get_rule, list_rules, update_rule, update_rule_priorities)
