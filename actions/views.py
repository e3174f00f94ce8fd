"""View actions: create, get, update, delete and list Gorgias views, and list or search the tickets of a view."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Code, Id, IdList, Text, choice, choice_list, int_range
from gorgias_component.actions import paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.fields import team_ids, ticket_id, user_ids, view_id
from gorgias_component.actions.paging import ListInputs

__all__ = ["ACTIONS"]

RESOURCE = "Views"
VIEW_FIELDS = (
    "id", "details", "tags", "customer", "last_message", "name", "email", "created", "updated", "assignee",
    "assignee_team", "channel", "closed", "language", "last_received_message", "integrations", "snooze", "status",
    "subject", "priority",
)
ViewFields = Annotated[list[str], choice_list(*VIEW_FIELDS)]
OrderDir = Annotated[str, choice("asc", "desc")]
Visibility = Annotated[str, choice("public", "shared", "private")]
ViewType = Annotated[str, choice("ticket-list")]
ViewOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc")]
ItemOrder = Annotated[str, choice(*(f"{name}:{way}" for name in (
    "created_datetime", "updated_datetime", "last_message_datetime", "last_received_message_datetime",
) for way in ("asc", "desc")))]
Direction = Annotated[str, choice("prev", "next")]
ViewOrZero = Annotated[int, int_range(0)]

FILTERS = "The logic used to filter the items displayed in the view (as JavaScript code)."
FILTERS_EXAMPLE = "eq(ticket.assignee_user.id, '{{current_user.id}}') && eq(ticket.status, 'open')"
FIELDS = "Attributes of the tickets displayed in the UI: " + ", ".join(VIEW_FIELDS) + "."
ORDER_BY = "Name of the attribute of the items used to sort the view, e.g. updated_datetime."
SLUG = "URL-compatible name of the view (deprecated by Gorgias, but still required when creating a view)."
SHARED_USERS = "IDs of the users who can see the view when its visibility is shared (at most 100)."
SHARED_TEAMS = "IDs of the teams who can see the view when its visibility is shared (at most 100)."
VISIBILITY = "Who can see the view: public (everyone), shared (the listed users and teams) or private (only you)."
DECORATION = 'How the view appears in apps, e.g. {"emoji": "🙏"}.'
DIRECTION = "Whether to return the items before (prev) or after (next) the cursor."
IGNORED_ITEM = "ID of a ticket to leave out of the returned items."
ITEM_ORDER = "Attribute used to order the items; by default, the one the view is sorted by."


class ViewFieldInputs(ActionInputs):
    """The fields a view is created and updated with."""

    decoration: Code | None = Input("Decoration", comments=DECORATION, schema=schema("view_decoration"),
                                    example='{"emoji": "📥"}')
    fields: ViewFields | None = Input("Fields", comments=FIELDS, example="subject")
    filters: Text | None = Input("Filters", comments=FILTERS, example=FILTERS_EXAMPLE)
    name: Text | None = Input("Name", comments="The name of the view.", example="My view")
    order_by: Text | None = Input("Order By", comments=ORDER_BY, example="updated_datetime")
    order_dir: OrderDir | None = Input("Order Direction", comments="Sort direction.", example="desc")
    shared_with_teams: IdList | None = team_ids(SHARED_TEAMS, required=False, label="Shared With Teams")
    shared_with_users: IdList | None = user_ids(SHARED_USERS, required=False, label="Shared With Users")
    slug: Text | None = Input("Slug", comments="URL-compatible name of the view (deprecated).", example="my-tickets")
    type: ViewType | None = Input("Type", comments="Type of objects the view is applied on.", example="ticket-list")
    visibility: Visibility | None = Input("Visibility", comments=VISIBILITY, example="shared")


class CreateViewInputs(ViewFieldInputs):
    # A new view gets Gorgias's documented defaults, sent explicitly.
    order_by: Text | None = Input("Order By", comments=ORDER_BY, default="updated_datetime", example="updated_datetime")
    order_dir: OrderDir | None = Input("Order Direction", comments="Sort direction.", default="desc", example="desc")
    slug: Text = Input("Slug", required=True, comments=SLUG, example="my-tickets")
    type: ViewType | None = Input(
        "Type", comments="Type of objects the view is applied on.", default="ticket-list", example="ticket-list"
    )
    visibility: Visibility | None = Input("Visibility", comments=VISIBILITY, default="public", example="public")


@action("createView", "Create View", "Create a view.",
        example=example("createView"), resource=RESOURCE, output=output("view"))
def create_view(api: HttpClient, inputs: CreateViewInputs) -> object:
    return api.post("/views", inputs.set_values())


class GetViewInputs(ActionInputs):
    id: Id = view_id("The ID of the view.")


@action("getView", "Get View", "Retrieve a view.", example=example("getView"), resource=RESOURCE, output=output("view"))
def get_view(api: HttpClient, inputs: GetViewInputs) -> object:
    return api.get(f"/views/{inputs.id}")


class UpdateViewInputs(ViewFieldInputs):
    id: Id = view_id("The ID of the view to update.")


@action("updateView", "Update View", "Update a view.",
        example=example("updateView"), resource=RESOURCE, output=output("view"))
def update_view(api: HttpClient, inputs: UpdateViewInputs) -> object:
    return api.put(f"/views/{inputs.id}", inputs.set_values(exclude=("id",)))


class DeleteViewInputs(ActionInputs):
    id: Id = view_id("The ID of the view to delete.")


@action("deleteView", "Delete View", "Delete a view.", example=example("deleteView"), resource=RESOURCE, output=deleted())
def delete_view(api: HttpClient, inputs: DeleteViewInputs) -> object:
    api.delete(f"/views/{inputs.id}")
    return {"message": "Success"}


class ListViewsInputs(ListInputs):
    order_by: ViewOrder | None = Input(
        "Order By", comments="Attribute used to order views (default: created_datetime:desc).",
        example="created_datetime:asc",
    )


@list_action(
    "listViews", "List Views", "List views, paginated.",
    example=example("listViews"), resource=RESOURCE, output=output_list("view"),
    paging=paging.of("views"),
)
def list_views(inputs: ListViewsInputs) -> ListRequest:
    return ListRequest("/views", inputs.filters())


class ListViewItemsInputs(ListInputs):
    direction: Direction | None = Input("Direction", comments=DIRECTION, example="next")
    ignored_item: Id | None = ticket_id(IGNORED_ITEM, required=False, label="Ignored Item", example="4742")
    order_by: ItemOrder | None = Input("Order By", comments=ITEM_ORDER, example="updated_datetime:desc")
    view_id: Id = view_id("The ID of the view whose tickets to list.")


@list_action(
    "listViewItems", "List View Items",
    "List the tickets of a view, paginated and ordered by the attribute the view is sorted by.",
    example=example("listViewItems"),
    resource=RESOURCE, output=output_list("ticket"), paging=paging.of("items of the view"),
)
def list_view_items(inputs: ListViewItemsInputs) -> ListRequest:
    query = {name: value for name, value in inputs.filters().items() if name != "view_id"}
    return ListRequest(f"/views/{inputs.view_id}/items", query)


class SearchViewItemsInputs(ListInputs):
    direction: Direction | None = Input("Direction", comments=DIRECTION, example="next")
    ignored_item: Id | None = ticket_id(IGNORED_ITEM, required=False, label="Ignored Item", example="4742")
    order_by: ItemOrder | None = Input("Order By", comments=ITEM_ORDER, example="updated_datetime:desc")
    view: Code = Input(
        "View", required=True, schema=schema("view_definition"),
        comments="The view to search with, as a JSON object (filters, order_by, order_dir, search, ...); "
                 "it need not be saved.",
        example='{"type": "ticket-list", "filters": "eq(ticket.status, \'open\')", "search": "refund"}',
    )
    view_id: ViewOrZero = Input(
        "View ID", default="0", example="0", data_source="selectView",
        comments="The ID of a saved view, or 0 (as Gorgias documents) to search with the given view only.",
    )


@list_action(
    "searchViewItems", "Search View Items",
    "Search tickets with a view definition given in the request, paginated.", example=example("searchViewItems"),
    resource=RESOURCE, output=output_list("ticket"), paging=paging.of("items of the view", limit_noun="items"),
)
def search_view_items(inputs: SearchViewItemsInputs) -> ListRequest:
    # A search, not a write: Gorgias documents PUT /api/views/{view_id}/items as "Search for view's items",
    # listing the tickets the view in the body describes without saving it (developers.gorgias.com, Views;
    # ../shared/docs/gorgias-api.md §6). So every page re-sends the same body with only the cursor changed,
    # and a PUT retried after a 5xx or a dropped answer reads again (searchViewItems is read-only for MCP too).
    query = {name: value for name, value in inputs.filters().items() if name not in ("view", "view_id")}
    return ListRequest(f"/views/{inputs.view_id}/items", query, method="PUT", body={"view": inputs.view})


ACTIONS = (create_view, delete_view, get_view, list_view_items, list_views, search_view_items, update_view)
