"""Custom field definitions: create, get, update (one or several) and list the custom fields of tickets or customers."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Bool, Code, CodeList, DateTime, Id, Text, choice, int_range
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_custom_field", "get_custom_field", "list_custom_fields", "update_custom_field",
           "update_custom_fields"]

RESOURCE = "Custom Fields"
FIELD = output("custom_field")
ObjectType = Annotated[str, choice("Ticket", "Customer")]
Priority = Annotated[int, int_range(0)]
FieldOrder = Annotated[str, choice("priority:asc", "priority:desc")]
DEFINITION = ("The data type of the field (text, number or boolean) and how values are entered, e.g. a dropdown "
              "with its choices.")
EXAMPLE_DEFINITION = '{"data_type": "text", "input_settings": {"input_type": "dropdown", "choices": ["Refund"]}}'
OBJECT_TYPE = "Type of object the field applies to: Ticket or Customer."


class CustomFieldFields(ActionInputs):
    """The properties a custom field is created and updated with."""

    definition: Code | None = Input("Definition", comments=DEFINITION, schema=schema("custom_field_definition"),
                                    example=EXAMPLE_DEFINITION)
    description: Text | None = Input("Description", comments="Description of the field.",
                                     example="Why the customer contacted us.")
    external_id: Text | None = Input("External ID", comments="ID of the field in a foreign system (ex: Zendesk).",
                                     example="custom-field-84203241")
    label: Text | None = Input("Label", comments="Name of the field.", example="Contact reason")
    priority: Priority | None = Input("Priority", comments="Order in which custom fields are displayed.", example="1")
    required: Bool | None = Input("Required", comments="Whether a value is required.", example="false")


class CreateCustomFieldInputs(CustomFieldFields):
    definition: Code = Input("Definition", required=True, comments=DEFINITION,
                             schema=schema("custom_field_definition"), example=EXAMPLE_DEFINITION)
    label: Text = Input("Label", required=True, comments="Name of the field.", example="Contact reason")
    object_type: ObjectType = Input("Object Type", required=True, comments=OBJECT_TYPE, example="Ticket")


@action("createCustomField", "Create Custom Field", "Create a custom field of tickets or customers.",
        example=example("createCustomField"),
        resource=RESOURCE, output=FIELD)
def create_custom_field(api: HttpClient, inputs: CreateCustomFieldInputs) -> object:
    return api.post("/custom-fields", inputs.set_values())


class GetCustomFieldInputs(ActionInputs):
    id: Id = fields.custom_field_id()


@action("getCustomField", "Get Custom Field", "Retrieve a custom field.",
        example=example("getCustomField"), resource=RESOURCE, output=FIELD)
def get_custom_field(api: HttpClient, inputs: GetCustomFieldInputs) -> object:
    return api.get(f"/custom-fields/{inputs.id}")


class UpdateCustomFieldInputs(CustomFieldFields):
    deactivated_datetime: DateTime | None = Input(
        "Deactivated Datetime", comments="When the field was archived; set it to archive the field.",
        example="2024-12-04T15:18:56+00:00")
    id: Id = fields.custom_field_id("The ID of the custom field to update.")


@action("updateCustomField", "Update Custom Field", "Update a custom field; only the inputs that are set change.",
        example=example("updateCustomField"),
        resource=RESOURCE, output=FIELD)
def update_custom_field(api: HttpClient, inputs: UpdateCustomFieldInputs) -> object:
    return api.put(f"/custom-fields/{inputs.id}", inputs.set_values(exclude=("id",)))


class UpdateCustomFieldsInputs(ActionInputs):
    fields: CodeList = Input("Custom Fields", required=True, schema=schema("custom_fields_update"),
                             example='[{"id": 1, "priority": 2}]',
                             comments="The custom fields to update, each with its id and the properties to change.")


@action("updateCustomFields", "Update Custom Fields", "Update several custom fields, each named by its id.",
        example=example("updateCustomFields"),
        resource=RESOURCE, output=output("custom_field_list"))
def update_custom_fields(api: HttpClient, inputs: UpdateCustomFieldsInputs) -> object:
    return api.put("/custom-fields", inputs.fields)


class ListCustomFieldsInputs(ListInputs):
    archived: Bool | None = Input("Archived", comments="Only archived fields (true) or only active ones (false).",
                                  example="false")
    object_type: ObjectType = Input("Object Type", required=True, comments=OBJECT_TYPE, example="Ticket")
    order_by: FieldOrder | None = Input("Order By", comments="Order of the fields by priority.",
                                        example="priority:asc")
    search: Text | None = Input("Search", comments="Text the field labels must contain (case insensitive).",
                                example="reason")


@list_action("listCustomFields", "List Custom Fields", "List the custom fields of tickets or customers, paginated.",
             example=example("listCustomFields"),
             resource=RESOURCE, output=output_list("custom_field"), paging=paging.of("custom fields"))
def list_custom_fields(inputs: ListCustomFieldsInputs) -> ListRequest:
    return ListRequest("/custom-fields", inputs.filters())


ACTIONS = (create_custom_field, get_custom_field, list_custom_fields, update_custom_field, update_custom_fields)
