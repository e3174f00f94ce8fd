"""Macro actions: create, get, update, delete and list Gorgias macros (canned responses)."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, InputError, ListRequest, action, list_action
from component.inputs import CodeList, Id, Text, TextList, choice
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["ACTIONS"]

RESOURCE = "Macros"
INTENTS = (
    "discount/request", "exchange/request", "exchange/status", "feedback", "order/damaged", "order/cancel",
    "order/change", "order/wrong", "other/no_reply", "other/question", "other/thanks", "product/recommendation",
    "product/question", "refund/request", "refund/status", "return/request", "return/status", "shipping/change",
    "shipping/delivery-issue", "shipping/policy", "shipping/status", "stock/request", "subscription/cancel",
    "subscription/change",
)
Intent = Annotated[str, choice(*INTENTS)]
# Gorgias still accepts the bare attribute names (deprecated) besides the `attribute:direction` forms.
ORDERS = ("name", "created_datetime", "updated_datetime", "usage", "relevance", "language")
MacroOrder = Annotated[str, choice(*ORDERS, *(f"{name}:{way}" for name in ORDERS for way in ("asc", "desc")))]

ACTIONS_COMMENTS = (
    "The actions the macro applies to a ticket, as a JSON array of {name, title, type, arguments} objects, "
    'e.g. [{"name": "addTags", "title": "Add tags", "type": "user", "arguments": {"tags": "refund"}}].'
)
ACTIONS_EXAMPLE = '[{"name": "addTags", "title": "Add tags", "type": "user", "arguments": {"tags": "refund"}}]'
EXTERNAL_ID = (
    "External ID of the macro in a foreign system. This field is not used by Gorgias, feel free to set it as you wish."
)
INTENT = "The intention the macro should be used for: " + ", ".join(INTENTS) + "."
LANGUAGE = "The language of the macro (format: ISO 639-1)."
NAME = "The name of the macro. Tip: choose a name that can be easily searched."


class MacroFieldInputs(ActionInputs):
    """The fields a macro is created and updated with."""

    actions: CodeList | None = Input(
        "Actions", comments=ACTIONS_COMMENTS, example=ACTIONS_EXAMPLE, schema=schema("macro_actions")
    )
    external_id: Text | None = Input("External ID", comments=EXTERNAL_ID, example="CUS-324512")
    intent: Intent | None = Input("Intent", comments=INTENT, example="shipping/status")
    language: Text | None = Input("Language", comments=LANGUAGE, example="en")
    name: Text | None = Input("Name", comments=NAME, example="Order status inquiry")


class CreateMacroInputs(MacroFieldInputs):
    name: Text = Input("Name", required=True, comments=NAME, example="Order status inquiry")


@action("createMacro", "Create Macro", "Create a macro.",
        example=example("createMacro"), resource=RESOURCE, output=output("macro"))
def create_macro(api: HttpClient, inputs: CreateMacroInputs) -> object:
    return api.post("/macros", inputs.set_values())


class GetMacroInputs(ActionInputs):
    id: Id = fields.macro_id("The ID of the macro.")


@action("getMacro", "Get Macro", "Retrieve a macro.", example=example("getMacro"), resource=RESOURCE, output=output("macro"))
def get_macro(api: HttpClient, inputs: GetMacroInputs) -> object:
    return api.get(f"/macros/{inputs.id}")


class UpdateMacroInputs(MacroFieldInputs):
    id: Id = fields.macro_id("The ID of the macro to update; the actions given replace the macro's actions.")


@action("updateMacro", "Update Macro", "Update a macro.",
        example=example("updateMacro"), resource=RESOURCE, output=output("macro"))
def update_macro(api: HttpClient, inputs: UpdateMacroInputs) -> object:
    return api.put(f"/macros/{inputs.id}", inputs.set_values(exclude=("id",)))


class DeleteMacroInputs(ActionInputs):
    id: Id = fields.macro_id("The ID of the macro to delete.")


@action("deleteMacro", "Delete Macro", "Delete a macro.",
        example=example("deleteMacro"), resource=RESOURCE, output=deleted())
def delete_macro(api: HttpClient, inputs: DeleteMacroInputs) -> object:
    api.delete(f"/macros/{inputs.id}")
    return {"message": "Success"}


class ListMacrosInputs(ListInputs):
    languages: TextList | None = Input(
        "Languages", comments="Only macros in any of these languages (ISO 639-1).", example="en"
    )
    message_id: Id | None = fields.message_id(
        "Order macros by relevance to reply to this message; needs Order By relevance and a Ticket ID.",
        required=False, example="35893",
    )
    order_by: MacroOrder | None = Input(
        "Order By", example="usage:desc",
        comments="Attribute used to order macros: name, created_datetime, updated_datetime, usage, relevance or "
                 "language, with :asc or :desc. relevance needs a Ticket ID.",
    )
    search: Text | None = Input("Search", comments="Only macros matching this text.", example="refund")
    tags: TextList | None = Input("Tags", comments="Only macros that add all these tags.", example="refund")
    ticket_id: Id | None = fields.ticket_id(
        "The ticket to rank macros for, when ordering by relevance.", required=False, example="1234567890"
    )


@list_action(
    "listMacros", "List Macros", "List macros, paginated.",
    example=example("listMacros"), resource=RESOURCE, output=output_list("macro"),
    paging=paging.of("macros"),
)
def list_macros(inputs: ListMacrosInputs) -> ListRequest:
    relevance = (inputs.order_by or "").startswith("relevance")
    if relevance and inputs.ticket_id is None:
        raise InputError("ticket_id", "Input 'ticket_id' (Ticket ID) is required when Order By is relevance.")
    if inputs.message_id is not None and not relevance:
        raise InputError(
            "order_by", "Input 'order_by' (Order By) must be relevance (or relevance:asc/desc) when Message ID is set."
        )
    return ListRequest("/macros", inputs.filters())


ACTIONS = (create_macro, delete_macro, get_macro, list_macros, update_macro)
