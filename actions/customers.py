"""Customer actions: create, get, update, delete and list Gorgias customers."""

from __future__ import annotations

from component import ActionInputs, HttpClient, Input, InputError, ListRequest, action, list_action
from component.inputs import Code, CodeList, DateTime, Id, SomeIds, Text
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_customer", "delete_customer", "delete_customers", "get_customer", "list_customers",
           "merge_customers", "set_customer_data", "update_customer"]

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


class DeleteCustomersInputs(ActionInputs):
    ids: SomeIds = fields.customer_id("The IDs of the customers to delete (at least one).", label="Customer IDs")


@action("deleteCustomers", "Delete Customers", "Delete the customers with the given IDs.",
        example=example("deleteCustomers"), resource=RESOURCE,
        output=deleted())
def delete_customers(api: HttpClient, inputs: DeleteCustomersInputs) -> object:
    api.json("DELETE", "/customers", json={"ids": inputs.ids})
    return {"message": "Success"}


class MergeCustomersInputs(ActionInputs):
    customer: Code | None = Input(
        "Target Customer Data", schema=schema("meta"), example='{"email": "john@example.com"}',
        comments="Properties to set on the target customer once merged (email, name, ...).")
    source_id: Id = fields.customer_id("The customer merged into the target, then deleted.", label="Source Customer ID",
                                       example="4")
    target_id: Id = fields.customer_id("The customer kept after the merge.", label="Target Customer ID", example="8")


@action("mergeCustomers", "Merge Customers", "Merge a source customer into a target customer, then delete the source.",
        example=example("mergeCustomers"),
        resource=RESOURCE, output=output("customer"))
def merge_customers(api: HttpClient, inputs: MergeCustomersInputs) -> object:
    if inputs.source_id == inputs.target_id:
        raise InputError("source_id", "Input 'source_id' (Source Customer ID): expected another customer than the "
                                      f"target, received {inputs.source_id} for both.")
    return api.put("/customers/merge", inputs.customer or {},
                   params={"source_id": inputs.source_id, "target_id": inputs.target_id})


class SetCustomerDataInputs(ActionInputs):
    customer_id: Id = fields.customer_id()
    data: Code = Input("Data", required=True, schema=schema("meta"), example='{"loyalty_points": 120}',
                       comments="The customer's data, replacing what was stored (shown in the customer sidebar).")
    version: DateTime | None = Input(
        "Version", example="2024-12-04T15:18:56+00:00",
        comments="The date of this data: if Gorgias has a more recent version, the request is ignored.")


@action("setCustomerData", "Set Customer Data", "Replace the data stored on a customer.",
        example=example("setCustomerData"), resource=RESOURCE,
        output=deleted())
def set_customer_data(api: HttpClient, inputs: SetCustomerDataInputs) -> object:
    api.put(f"/customers/{inputs.customer_id}/data", inputs.set_values(exclude=("customer_id",)))
    return {"message": "Success"}


ACTIONS = (create_customer, delete_customer, delete_customers, get_customer, list_customers, merge_customers,
           set_customer_data, update_customer)
