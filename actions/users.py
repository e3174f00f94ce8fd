"""User actions: create, get, update, delete and list the users (agents) of the helpdesk."""

from __future__ import annotations

from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Bool, Code, Id, Text, choice, choice_list
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_user", "delete_user", "get_user", "list_users", "update_user"]

RESOURCE = "Users"
USER = output("user")
ROLES = ("admin", "agent", "basic-agent", "lite-agent", "observer-agent")
Role = Annotated[str, choice(*ROLES)]
Language = Annotated[str, choice("en", "fr")]
UserOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc", "name:asc", "name:desc",
                                  "email:asc", "email:desc", "role.name:asc", "role.name:desc")]
EMAIL = "Email address of the user."
EXTERNAL_ID = ("ID of the user in a foreign system (Stripe, Aircall, etc...). This field is not used by Gorgias, "
               "feel free to set it as you wish.")


class UserFields(ActionInputs):
    """The fields a user is created and updated with."""

    bio: Text | None = Input("Bio", comments="Short biography of the user.", example="Full stack developer")
    country: Text | None = Input("Country", comments="Country of the user (ISO 3166-1 alpha-2).", example="FR")
    email: Text | None = Input("Email", comments=EMAIL, example="steve@example.com")
    external_id: Text | None = Input("External ID", comments=EXTERNAL_ID, example="user-84203241")
    language: Language | None = Input("Language", comments="Language of the user: en or fr.", example="en")
    meta: Code | None = Input("Meta", schema=schema("meta"), example='{"position": "engineer"}',
                              comments="Data associated with the user (key-value data).")
    name: Text | None = Input("Name", comments="Full name of the user.", example="Steve Frazelli")
    role: Role | None = Input("Role", comments="The role of the user: " + ", ".join(ROLES) + ".", example="agent")
    timezone: Text | None = Input("Timezone", comments="Timezone of the user (IANA name).", example="Europe/Paris")

    def body(self, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
        """The set fields as Gorgias takes them: the role as {"name": role}."""
        values = self.set_values(exclude=exclude)
        if "role" in values:
            values["role"] = {"name": values["role"]}
        return values


class CreateUserInputs(UserFields):
    email: Text = Input("Email", required=True, comments=EMAIL, example="steve@example.com")
    name: Text = Input("Name", required=True, comments="Full name of the user.", example="Steve Frazelli")
    role: Role = Input("Role", required=True, comments="The role of the user: " + ", ".join(ROLES) + ".",
                       example="agent")


@action("createUser", "Create User", "Create a user (an agent of the helpdesk).",
        example=example("createUser"), resource=RESOURCE, output=USER)
def create_user(api: HttpClient, inputs: CreateUserInputs) -> object:
    return api.post("/users", inputs.body())


class GetUserInputs(ActionInputs):
    id: Id = fields.user_id()


@action("getUser", "Get User", "Retrieve a user.", example=example("getUser"), resource=RESOURCE, output=USER)
def get_user(api: HttpClient, inputs: GetUserInputs) -> object:
    return api.get(f"/users/{inputs.id}")


class UpdateUserInputs(UserFields):
    id: Id = fields.user_id("The ID of the user to update.")


@action("updateUser", "Update User", "Update a user; only the inputs that are set change.",
        example=example("updateUser"), resource=RESOURCE,
        output=USER)
def update_user(api: HttpClient, inputs: UpdateUserInputs) -> object:
    return api.put(f"/users/{inputs.id}", inputs.body(exclude=("id",)))


class DeleteUserInputs(ActionInputs):
    id: Id = fields.user_id("The ID of the user to delete.")


@action("deleteUser", "Delete User", "Delete a user.", example=example("deleteUser"), resource=RESOURCE, output=deleted())
def delete_user(api: HttpClient, inputs: DeleteUserInputs) -> object:
    api.delete(f"/users/{inputs.id}")
    return {"message": "Success"}


class ListUsersInputs(ListInputs):
    available_first: Bool | None = Input("Available First", example="true",
                                         comments="When enabled, available users are listed first.")
    email: Text | None = Input("Email", comments="Email of the user you're looking for.", example="steve@example.com")
    external_id: Text | None = Input("External ID", comments="ID of the user in a foreign system you're looking for.",
                                     example="user-84203241")
    order_by: UserOrder | None = Input("Order By", comments="Attribute used to order users (name:asc by default).",
                                       example="name:asc")
    roles: Annotated[list[str], choice_list(*ROLES, "bot", "internal-agent")] | None = Input(
        "Roles", comments="Roles of the users to list.", example="agent")
    search: Text | None = Input("Search", comments="Text the name or email of the users must match.", example="steve")


@list_action("listUsers", "List Users", "List users, paginated, ordered by name by default.",
             example=example("listUsers"), resource=RESOURCE,
             output=output_list("user"), paging=paging.of("users"))
def list_users(inputs: ListUsersInputs) -> ListRequest:
    return ListRequest("/users", inputs.filters())


ACTIONS = (create_user, delete_user, get_user, list_users, update_user)
