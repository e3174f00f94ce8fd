"""The integration picklist."""

from __future__ import annotations

from component import Input, Inputs, ListRequest, picklist
from gorgias_component.actions.documents import example
from gorgias_component.actions.integrations import IntegrationType
from gorgias_component.datasources.search import api_search

__all__ = ["integration_label", "select_integration"]


class SelectIntegrationInputs(Inputs):
    type: IntegrationType | None = Input("Type", example="http", comments="Only integrations of this type.")


def integration_label(integration: dict[str, object]) -> str:
    """The name with the type ("Support inbox (email)"), or "Integration {id}": never empty."""
    name = " ".join(str(integration.get("name") or "").split())
    kind = str(integration.get("type") or "").strip()
    if name:
        return f"{name} ({kind})" if kind else name
    return f"Integration {integration['id']}" + (f" ({kind})" if kind else "")


@picklist(
    "selectIntegration", "Select Integration", "Select one of the account's integrations.",
    example=example("selectIntegration", "datasources"),
    label_of=integration_label, search=api_search("integration", unless=("type",)),
)
def select_integration(inputs: SelectIntegrationInputs) -> ListRequest:
    return ListRequest("/integrations", inputs.set_values())


DATA_SOURCES = (select_integration,)
