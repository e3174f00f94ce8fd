"""The rule picklist."""

from __future__ import annotations

from component import Inputs, ListRequest, picklist
from gorgias_component.actions.documents import example

__all__ = ["DATA_SOURCES", "rule_label"]


class SelectRuleInputs(Inputs):
    pass


def rule_label(rule: dict[str, object]) -> str:
    """The rule's name, marked when deactivated, or "Rule {id}": never empty."""
    name = " ".join(str(rule.get("name") or "").split()) or f"Rule {rule['id']}"
    return f"{name} (deactivated)" if rule.get("deactivated_datetime") else name


@picklist("selectRule", "Select Rule", "Select one of the rules of the account.",
          example=example("selectRule", "datasources"), label_of=rule_label)
def select_rule(inputs: SelectRuleInputs) -> ListRequest:
    return ListRequest("/rules")


DATA_SOURCES = (select_rule,)
