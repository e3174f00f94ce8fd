"""Tag actions: create, get, update, delete, list, bulk delete and merge Gorgias tags."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Code, Id, SomeIds, Text, choice
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_tag", "delete_tag", "delete_tags", "get_tag", "list_tags", "merge_tags", "update_tag"]

RESOURCE = "Tags"
TAG = output("tag")
TagOrder = Annotated[
    str, choice("created_datetime:asc", "created_datetime:desc", "name:asc", "name:desc", "usage:asc", "usage:desc")
]


class TagFields(ActionInputs):
    """The fields a tag is created and updated with."""

    decoration: Code | None = Input(
        "Decoration", schema=schema("decoration"), example='{"color": "#F58D86"}',
        comments="Style of the tag: its color as a hex code.",
    )
    description: Text | None = Input(
        "Description", comments="Short description of the tag (at most 1024 characters).",
        example="Mark a ticket as urgent",
    )
    name: Text | None = Input("Name", comments="Name of the tag; case sensitive (at most 256 characters).",
                              example="urgent")


class CreateTagInputs(TagFields):
    name: Text = Input("Name", required=True, comments="Name of the tag; case sensitive (at most 256 characters).",
                       example="urgent")


@action("createTag", "Create Tag", "Create a tag.", example=example("createTag"), resource=RESOURCE, output=TAG)
def create_tag(api: HttpClient, inputs: CreateTagInputs) -> object:
    return api.post("/tags", inputs.set_values())


class GetTagInputs(ActionInputs):
    id: Id = fields.tag_id()


@action("getTag", "Get Tag", "Retrieve a tag.", example=example("getTag"), resource=RESOURCE, output=TAG)
def get_tag(api: HttpClient, inputs: GetTagInputs) -> object:
    return api.get(f"/tags/{inputs.id}")


class UpdateTagInputs(TagFields):
    id: Id = fields.tag_id("The ID of the tag to update.")


@action("updateTag", "Update Tag", "Update a tag; only the inputs that are set change.",
        example=example("updateTag"), resource=RESOURCE,
        output=TAG)
def update_tag(api: HttpClient, inputs: UpdateTagInputs) -> object:
    return api.put(f"/tags/{inputs.id}", inputs.set_values(exclude=("id",)))


class DeleteTagInputs(ActionInputs):
    id: Id = fields.tag_id("The ID of the tag to delete. Tags used in macros or rules cannot be deleted.")


@action("deleteTag", "Delete Tag", "Delete a tag; views using it are deactivated.",
        example=example("deleteTag"), resource=RESOURCE,
        output=deleted())
def delete_tag(api: HttpClient, inputs: DeleteTagInputs) -> object:
    api.delete(f"/tags/{inputs.id}")
    return {"message": "Success"}


class DeleteTagsInputs(ActionInputs):
    ids: SomeIds = fields.tag_ids("The IDs of the tags to delete (at least one).", example="12")


@action("deleteTags", "Delete Tags", "Delete the tags with the given IDs.",
        example=example("deleteTags"), resource=RESOURCE, output=deleted())
def delete_tags(api: HttpClient, inputs: DeleteTagsInputs) -> object:
    api.json("DELETE", "/tags", json={"ids": inputs.ids})
    return {"message": "Success"}


class MergeTagsInputs(ActionInputs):
    destination_tag_id: Id = fields.tag_id("The ID of the tag the others are merged into; it is kept.",
                                           label="Destination Tag ID")
    source_tags_ids: SomeIds = fields.tag_ids(
        "The IDs of the tags merged into the destination tag, then deleted (at least one).", example="12",
        label="Source Tag IDs",
    )


@action("mergeTags", "Merge Tags", "Merge tags into a destination tag, then delete them.",
        example=example("mergeTags"), resource=RESOURCE,
        output=TAG)
def merge_tags(api: HttpClient, inputs: MergeTagsInputs) -> object:
    return api.put(f"/tags/{inputs.destination_tag_id}/merge", {"source_tags_ids": inputs.source_tags_ids})


class ListTagsInputs(ListInputs):
    order_by: TagOrder | None = Input("Order By", comments="Attribute used to order tags.", example="name:asc")
    search: Text | None = Input("Search", comments="Text the tag names must contain (case insensitive).",
                                example="urg")


@list_action("listTags", "List Tags", "List tags, paginated, ordered as asked (newest first by default).",
             example=example("listTags"),
             resource=RESOURCE, output=output_list("tag"), paging=paging.of("tags"))
def list_tags(inputs: ListTagsInputs) -> ListRequest:
    return ListRequest("/tags", inputs.filters())


ACTIONS = (create_tag, delete_tag, delete_tags, get_tag, list_tags, merge_tags, update_tag)
