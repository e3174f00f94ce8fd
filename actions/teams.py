"""Team actions: create, get, update, delete and list teams of users."""

from __future__ import annotations

from typing import Annotated, Any

from component import ActionInputs, HttpClient, Input, ListRequest, action, list_action
from component.inputs import Code, Id, IdList, Text, choice
from gorgias_component.actions import fields, paging
from gorgias_component.actions.documents import deleted, example, output, output_list, schema
from gorgias_component.actions.paging import ListInputs

__all__ = ["create_team", "delete_team", "get_team", "list_teams", "update_team"]

RESOURCE = "Teams"
TEAM = output("team")
TeamOrder = Annotated[str, choice("created_datetime:asc", "created_datetime:desc", "name:asc", "name:desc")]


class TeamFields(ActionInputs):
    """The fields a team is created and updated with."""

    decoration: Code | None = Input("Decoration", schema=schema("team_decoration"), example='{"emoji": "📦"}',
                                    comments="How the team appears: the emoji shown before its name.")
    description: Text | None = Input("Description", comments="Longer description of the team.",
                                     example="Handles warehouse operations.")
    members: IdList | None = fields.user_id("IDs of the users in the team (replaces the current members).",
                                            label="Member User IDs", required=False)
    name: Text | None = Input("Name", comments="Name of the team.", example="Warehouse team")

    def body(self, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
        """The set fields as Gorgias takes them: members as [{"id": ...}]."""
        values = self.set_values(exclude=exclude)
        if "members" in values:
            values["members"] = [{"id": user_id} for user_id in values["members"]]
        return values


class CreateTeamInputs(TeamFields):
    name: Text = Input("Name", required=True, comments="Name of the team.", example="Warehouse team")


@action("createTeam", "Create Team", "Create a team of users.",
        example=example("createTeam"), resource=RESOURCE, output=TEAM)
def create_team(api: HttpClient, inputs: CreateTeamInputs) -> object:
    return api.post("/teams", inputs.body())


class GetTeamInputs(ActionInputs):
    id: Id = fields.team_id()


@action("getTeam", "Get Team", "Retrieve a team.", example=example("getTeam"), resource=RESOURCE, output=TEAM)
def get_team(api: HttpClient, inputs: GetTeamInputs) -> object:
    return api.get(f"/teams/{inputs.id}")


class UpdateTeamInputs(TeamFields):
    id: Id = fields.team_id("The ID of the team to update.")


@action("updateTeam", "Update Team", "Update a team; only the inputs that are set change.",
        example=example("updateTeam"), resource=RESOURCE,
        output=TEAM)
def update_team(api: HttpClient, inputs: UpdateTeamInputs) -> object:
    return api.put(f"/teams/{inputs.id}", inputs.body(exclude=("id",)))


class DeleteTeamInputs(ActionInputs):
    id: Id = fields.team_id("The ID of the team to delete.")


@action("deleteTeam", "Delete Team", "Delete a team (its users are kept).",
        example=example("deleteTeam"), resource=RESOURCE, output=deleted())
def delete_team(api: HttpClient, inputs: DeleteTeamInputs) -> object:
    api.delete(f"/teams/{inputs.id}")
    return {"message": "Success"}


class ListTeamsInputs(ListInputs):
    order_by: TeamOrder | None = Input("Order By", comments="Attribute used to order teams.", example="name:asc")


@list_action("listTeams", "List Teams", "List teams, paginated, newest first by default.",
             example=example("listTeams"), resource=RESOURCE,
             output=output_list("team"), paging=paging.of("teams"))
def list_teams(inputs: ListTeamsInputs) -> ListRequest:
    return ListRequest("/teams", inputs.filters())


ACTIONS = (create_team, delete_team, get_team, list_teams, update_team)
