"""Customer actions: create, get, update, delete and list Gorgias customers."""

from __future__ import annotations

from component import ActionInputs, HttpClient, Input, ListInputs, ListRequest, action, list_action
from component.inputs import CodeList, Id, Text
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema

__all__ = ["create_customer", "delete_customer", "get_customer", "list_customers", "update_customer"]

EMAIL = "Primary email address of the customer."
EXTERNAL_ID = (
    "ID of the customer in a foreign system (Stripe, Aircall, etc...). "
    "This field is not used by Gorgias, feel free to set it as you wish."
)
LANGUAGE = "The customer's preferred language (format: ISO_639-1)."
TIMEZONE = "The customer's preferred timezone (format: IANA timezone name)."
RESOURCE = "Customers"


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


@action("createCustomer", "Create Customer", "Create a customer.", example=example("createCustomer"), resource=RESOURCE,
        output=output("customer"))
def create_customer(api: HttpClient, inputs: CreateCustomerInputs) -> object:
    return api.post("/customers", inputs.set_values())


class GetCustomerInputs(ActionInputs):
    id: Id = fields.customer_id("ID of the customer you're looking for.")


@action("getCustomer", "Get Customer", "Retrieve a customer.", example=example("getCustomer"), resource=RESOURCE,
        output=output("customer"))
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
    id: Id = fields.customer_id("ID of the customer to update.")
    language: Text | None = Input("Language", comments=LANGUAGE, example="en")
    name: Text | None = Input("Name", comments="Full name of the customer.", example="John Smith")
    timezone: Text | None = Input("Timezone", comments=TIMEZONE, example="UTC")


@action("updateCustomer", "Update Customer", "Update a customer.", example=example("updateCustomer"), resource=RESOURCE,
        output=output("customer"))
def update_customer(api: HttpClient, inputs: UpdateCustomerInputs) -> object:
    return api.put(f"/customers/{inputs.id}", inputs.set_values(exclude=("id",)))


class DeleteCustomerInputs(ActionInputs):
    id: Id = fields.customer_id("ID of the customer to delete.")


@action("deleteCustomer", "Delete Customer", "Delete a customer.", example=example("deleteCustomer"), resource=RESOURCE,
        output=deleted())
def delete_customer(api: HttpClient, inputs: DeleteCustomerInputs) -> object:
    api.delete(f"/customers/{inputs.id}")
    return {"message": "Success"}


class ListCustomersInputs(ListInputs):
    email: Text | None = Input("Email", comments=EMAIL, example="john@example.com")
    external_id: Text | None = Input("External ID", comments=EXTERNAL_ID, example="customer-84203241")
    id: Id | None = fields.customer_id("ID of the customer you're looking for.", example=None, required=False)
    language: Text | None = Input("Language", comments=LANGUAGE, example="en")
    order_by: Text | None = Input("Order By", comments="Attribute used to order customers.")
    timezone: Text | None = Input("Timezone", comments=TIMEZONE, example="UTC")
    view_id: Id | None = fields.view_id("ID of a view to filter customers by.", example=None, required=False)


@list_action(
    "listCustomers", "List Customers", "List customers, paginated, and ordered by their name (alphabetical order).",
    example=example("listCustomers"), resource=RESOURCE, output=output_list("customer"),
    paging=paging.of("customers", cursor_example=None, limit_example=None),
)
def list_customers(inputs: ListCustomersInputs) -> ListRequest:
    return ListRequest("/customers", inputs.filters())


ACTIONS = (create_customer, delete_customer, get_customer, list_customers, update_customer)
