"""The customer picklist."""

from __future__ import annotations

from actions import fields
from actions.documents import example
from component import HttpClient, Inputs, data_source
from component.inputs import Id
from datasources.picklist import picklist

__all__ = ["select_customer"]


class SelectCustomerInputs(Inputs):
    view_id: Id | None = fields.view_id("ID of a view to filter customers by.", example=None, required=False)


@data_source(
    "selectCustomer", "Select Customer", "Allow a user to select one of their customers.",
    example=example("selectCustomer", "datasources"),
)
def select_customer(api: HttpClient, inputs: SelectCustomerInputs) -> list[dict[str, str]]:
    return picklist(api.items("/customers", inputs.set_values()), customer_label)


def customer_label(customer: dict[str, object]) -> str:
    """Name, else email, else the id: never empty."""
    name = str(customer.get("name") or "").strip()
    if not name:
        name = " ".join(str(customer.get(k) or "").strip() for k in ("firstname", "lastname")).strip()
    email = str(customer.get("email") or "").strip()
    if name and email:
        return f"{name} ({email})"
    return name or email or f"Customer {customer['id']}"


DATA_SOURCES = (select_customer,)
