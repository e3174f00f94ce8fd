"""The customer picklist."""

from __future__ import annotations

from component import Inputs, ListRequest, picklist
from component.inputs import Id
from gorgias_component.actions import fields
from gorgias_component.actions.documents import example
from gorgias_component.datasources.search import api_search

__all__ = ["select_customer"]


class SelectCustomerInputs(Inputs):
    view_id: Id | None = fields.view_id("ID of a view to filter customers by.", example=None, required=False)


def customer_label(customer: dict[str, object]) -> str:
    """Name, else email, else the id: never empty."""
    name = str(customer.get("name") or "").strip()
    if not name:
        name = " ".join(str(customer.get(k) or "").strip() for k in ("firstname", "lastname")).strip()
    email = str(customer.get("email") or "").strip()
    if name and email:
        return f"{name} ({email})"
    return name or email or f"Customer {customer['id']}"


@picklist(
    "selectCustomer", "Select Customer", "Allow a user to select one of their customers.",
    label_of=customer_label, search=api_search("customer", unless=("view_id",)),
    example=example("selectCustomer", "datasources"),
)
def select_customer(inputs: SelectCustomerInputs) -> ListRequest:
    return ListRequest("/customers", inputs.set_values())


DATA_SOURCES = (select_customer,)
