"""Account setting actions: create, list and update the account-wide settings (business hours, ...)."""

from __future__ import annotations

from component import ActionInputs, HttpClient, Input, action
from component.inputs import Code, Id, Text
from gorgias_component.actions.documents import example, output, schema

__all__ = ["ACTIONS"]

RESOURCE = "Account"
DATA = (
    "The setting's value, as a JSON object whose fields depend on the type, e.g. for business-hours "
    '{"timezone": "UTC", "business_hours": {"days": "1,2,3,4,5", "from_time": "09:00", "to_time": "18:00"}}.'
)
DATA_EXAMPLE = (
    '{"timezone": "UTC", "business_hours": {"days": "1,2,3,4,5", "from_time": "09:00", "to_time": "18:00"}}'
)
TYPE = "The type of the setting, e.g. business-hours."


class SettingFieldInputs(ActionInputs):
    """The fields a setting is created and updated with; Gorgias wants the type on both."""

    data: Code | None = Input("Data", comments=DATA, example=DATA_EXAMPLE, schema=schema("account_setting_data"))
    type: Text = Input("Type", required=True, comments=TYPE, example="business-hours")


class CreateAccountSettingInputs(SettingFieldInputs):
    pass


@action(
    "createAccountSetting", "Create Account Setting", "Create an account-wide setting.",
    example=example("createAccountSetting"),
    resource=RESOURCE, output=output("account_setting"),
)
def create_account_setting(api: HttpClient, inputs: CreateAccountSettingInputs) -> object:
    return api.post("/account/settings", inputs.set_values())


class ListAccountSettingsInputs(ActionInputs):
    type: Text | None = Input("Type", comments="Only settings of this type.", example="business-hours")


@action(
    "listAccountSettings", "List Account Settings", "List the account-wide settings, optionally of one type.",
    example=example("listAccountSettings"),
    resource=RESOURCE, output=output("account_setting_list"),
)
def list_account_settings(api: HttpClient, inputs: ListAccountSettingsInputs) -> object:
    # Not a cursor list: Gorgias answers every setting at once, as {"data": [...]}.
    return api.get("/account/settings", params=inputs.set_values())


class UpdateAccountSettingInputs(SettingFieldInputs):
    id: Id = Input("Setting ID", required=True, comments="The ID of the setting to update.", example="987")


@action(
    "updateAccountSetting", "Update Account Setting", "Update an account-wide setting.",
    example=example("updateAccountSetting"),
    resource=RESOURCE, output=output("account_setting"),
)
def update_account_setting(api: HttpClient, inputs: UpdateAccountSettingInputs) -> object:
    return api.put(f"/account/settings/{inputs.id}", inputs.set_values(exclude=("id",)))


ACTIONS = (create_account_setting, list_account_settings, update_account_setting)
