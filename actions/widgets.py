"""Widget actions: create, get, update, delete and list the sidebar widgets that show integration data."""

from __future__ import annotations

from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Code, DateTime, Id, Text, choice, int_range
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_widget", "delete_widget", "get_widget", "list_widgets", "update_widget"]

RESOURCE = "Widgets"
WIDGET = output("widget")

WIDGET_TYPES = (
    "bigcommerce", "custom", "customer_external_data", "http", "magento2", "recharge", "shopify", "smile",
    "standalone", "yotpo", "klaviyo", "stripe", "woocommerce",
)
WidgetType = Annotated[str, choice(*WIDGET_TYPES)]
WidgetContext = Annotated[str, choice("ticket", "customer", "user")]
WidgetOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc", "order:asc", "order:desc")]
Order = Annotated[int, int_range(0)]

TEMPLATE_EXAMPLE = (
    '{"type": "wrapper", "widgets": [{"path": "account_info", "type": "card", "title": "Account Info", '
    '"widgets": [{"path": "account_id", "type": "text", "title": "Account ID"}]}]}'
)
APP_ID = "60b9f144096cf92533e0a14d"


def _app_id() -> Any:
    return Input("App ID", example=APP_ID,
                 comments="ID of the 3rd party app the widget's data is attached to "
                          "(customer_external_data widgets).")


def _context(default: str | None) -> Any:
    return Input("Context", default=default, example="customer",
                 comments="Where the widget is shown: ticket, customer or user (deprecated: use customer).")


def _deactivated() -> Any:
    return Input("Deactivated Datetime", example="2024-12-04T15:18:56+00:00",
                 comments="When the widget was deactivated; set it to hide the widget.")


def _integration_id() -> Any:
    return fields.integration_id("The ID of the HTTP integration whose data the widget shows (http widgets only).",
                                 required=False)


def _order(default: str | None) -> Any:
    return Input("Order", default=default, example="3",
                 comments="Order of precedence: widgets with a lower order are shown first (0 or more).")


def _type(required: bool) -> Any:
    return Input("Type", required=required, example="http",
                 comments="Type of data the widget is attached to: " + ", ".join(WIDGET_TYPES) + ".")


class CreateWidgetInputs(ActionInputs):
    app_id: Text | None = _app_id()
    context: WidgetContext = _context("ticket")
    deactivated_datetime: DateTime | None = _deactivated()
    integration_id: Id | None = _integration_id()
    order: Order = _order("0")
    template: Code = Input("Template", required=True, example=TEMPLATE_EXAMPLE, schema=schema("widget_template"),
                           comments="How the widget renders the data: a wrapper holding cards and fields bound "
                                    "to paths of the integration's data.")
    type: WidgetType = _type(required=True)


@action("createWidget", "Create Widget", "Create a widget.", example=example("createWidget"), resource=RESOURCE,
        output=WIDGET)
def create_widget(api: HttpClient, inputs: CreateWidgetInputs) -> object:
    return api.post("/widgets", inputs.set_values())


class GetWidgetInputs(ActionInputs):
    id: Id = Input("Widget ID", required=True, comments="ID of the widget.", example="123")


@action("getWidget", "Get Widget", "Retrieve a widget.", example=example("getWidget"), resource=RESOURCE,
        output=WIDGET)
def get_widget(api: HttpClient, inputs: GetWidgetInputs) -> object:
    return api.get(f"/widgets/{inputs.id}")


class UpdateWidgetInputs(ActionInputs):
    app_id: Text | None = _app_id()
    context: WidgetContext | None = _context(None)
    deactivated_datetime: DateTime | None = _deactivated()
    id: Id = Input("Widget ID", required=True, comments="ID of the widget to update.", example="123")
    integration_id: Id | None = _integration_id()
    order: Order | None = _order(None)
    template: Code | None = Input("Template", example=TEMPLATE_EXAMPLE, schema=schema("widget_template"),
                                  comments="The new template; it replaces the whole template.")
    type: WidgetType | None = _type(required=False)


@action("updateWidget", "Update Widget", "Update a widget; only the inputs that are set change.",
        example=example("updateWidget"),
        resource=RESOURCE, output=WIDGET)
def update_widget(api: HttpClient, inputs: UpdateWidgetInputs) -> object:
    return api.put(f"/widgets/{inputs.id}", inputs.set_values(exclude=("id",)))


class DeleteWidgetInputs(ActionInputs):
    id: Id = Input("Widget ID", required=True, comments="ID of the widget to delete.", example="123")


@action("deleteWidget", "Delete Widget", "Delete a widget.", example=example("deleteWidget"), resource=RESOURCE,
        output=deleted())
def delete_widget(api: HttpClient, inputs: DeleteWidgetInputs) -> object:
    api.delete(f"/widgets/{inputs.id}")
    return {"message": "Success"}


class ListWidgetsInputs(ListInputs):
    app_id: Text | None = Input("App ID", example=APP_ID, comments="Only widgets of this 3rd party app.")
    integration_id: Id | None = fields.integration_id("Only widgets of this integration.", required=False)
    order_by: WidgetOrder | None = Input(
        "Order By", example="order:asc",
        comments="Attribute used to order widgets: created_datetime or order, asc or desc "
                 "(default created_datetime:desc).",
    )


@list_action("listWidgets", "List Widgets", "List widgets, paginated (newest first by default).",
             example=example("listWidgets"),
             resource=RESOURCE, output=output_list("widget"),
             paging=paging.of("widgets"))
def list_widgets(inputs: ListWidgetsInputs) -> ListRequest:
    return ListRequest("/widgets", inputs.filters())


ACTIONS = (create_widget, delete_widget, get_widget, list_widgets, update_widget)
