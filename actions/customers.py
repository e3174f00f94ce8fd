"""Customer actions: create, get, update, delete and list Gorgias customers."""

from __future__ import annotations

from component import ActionInputs, HttpClient, Input, ListInputs, ListRequest, action, list_action
from component.inputs import Bool, CodeList, Id, Limit, Text
from gorgias_component.actions import paging
from gorgias_component.actions.documents import example, schema

__all__ = ["create_customer", "delete_customer", "get_customer", "list_customers", "update_customer"]

EMAIL = "Primary email address of the customer."
EXTERNAL_ID = (
    "ID of the customer in a foreign system (Stripe, Aircall, etc...). "
    "This field is not used by Gorgias, feel free to set it as you wish."
)
LANGUAGE = "The customer's preferred language (format: ISO_639-1)."
TIMEZONE = "The customer's preferred timezone (format: IANA timezone name)."


class CreateCustomerInputs(ActionInputs):
    channels: CodeList = Input(
        "Channels", required=True, schema=schema("channels"),
        json_example=[{"type": "email", "address": "john@example.com", "preferred": True}],
        comments="The customer's contact channels. See https://developers.gorgias.com/reference/create-customer "
                 "for more information.",
    )
    email: Text | None = Input("Email", comments=EMAIL, example="john@example.com")
    external_id: Text | None = Input("External ID", comments=EXTERNAL_ID, example="customer-84203241")
    language: Text | None = Input("Language", comments=LANGUAGE, example="en")
    name: Text | None = Input("Name", comments="Full name of the customer.", example="John Smith")
    timezone: Text | None = Input("Timezone", comments=TIMEZONE, example="UTC")


@action("createCustomer", "Create Customer", "Create a customer.", example=example("createCustomer"))
def create_customer(api: HttpClient, inputs: CreateCustomerInputs) -> object:
    return api.post("/customers", inputs.set_values())


class GetCustomerInputs(ActionInputs):
    id: Id = Input("Customer ID", required=True, comments="ID of the customer you're looking for.", example="3924")


@action("getCustomer", "Get Customer", "Retrieve a customer.", example=example("getCustomer"))
def get_customer(api: HttpClient, inputs: GetCustomerInputs) -> object:
    return api.get(f"/customers/{inputs.id}")


class UpdateCustomerInputs(ActionInputs):
    channels: CodeList | None = Input(
        "Channels", schema=schema("channels"),
        comments="The customer's contact channels. See https://developers.gorgias.com/reference/update-customer "
                 "for more information.",
    )
    email: Text | None = Input("Email", comments=EMAIL, example="john@example.com")
    external_id: Text | None = Input("External ID", comments=EXTERNAL_ID, example="customer-84203241")
    id: Id = Input("Customer ID", required=True, comments="ID of the customer to update.", example="3924")
    language: Text | None = Input("Language", comments=LANGUAGE, example="en")
    name: Text | None = Input("Name", comments="Full name of the customer.", example="John Smith")
    timezone: Text | None = Input("Timezone", comments=TIMEZONE, example="UTC")


@action("updateCustomer", "Update Customer", "Update a customer.", example=example("updateCustomer"))
def update_customer(api: HttpClient, inputs: UpdateCustomerInputs) -> object:
    return api.put(f"/customers/{inputs.id}", inputs.set_values(exclude=("id",)))


class DeleteCustomerInputs(ActionInputs):
    id: Id = Input("Customer ID", required=True, comments="ID of the customer to delete.", example="3924")


@action("deleteCustomer", "Delete Customer", "Delete a customer.", example=example("deleteCustomer"))
def delete_customer(api: HttpClient, inputs: DeleteCustomerInputs) -> object:
    api.delete(f"/customers/{inputs.id}")
    return {"message": "Success"}


class ListCustomersInputs(ListInputs):
    cursor: Text | None = paging.cursor("customers", example=None)
    email: Text | None = Input("Email", comments=EMAIL, example="john@example.com")
    external_id: Text | None = Input("External ID", comments=EXTERNAL_ID, example="customer-84203241")
    fetchAll: Bool = paging.fetch_all("customers")
    id: Id | None = Input("Customer ID", comments="ID of the customer you're looking for.")
    language: Text | None = Input("Language", comments=LANGUAGE, example="en")
    limit: Limit | None = paging.limit("customers", example=None)
    order_by: Text | None = Input("Order By", comments="Attribute used to order customers.")
    timezone: Text | None = Input("Timezone", comments=TIMEZONE, example="UTC")
    view_id: Id | None = Input("View ID", comments="ID of a view to filter customers by.")


@list_action(
    "listCustomers", "List Customers", "List customers, paginated, and ordered by their name (alphabetical order).",
    example=example("listCustomers"),
)
def list_customers(inputs: ListCustomersInputs) -> ListRequest:
    return ListRequest("/customers", inputs.set_values(exclude=("cursor", "limit", "fetchAll")))
