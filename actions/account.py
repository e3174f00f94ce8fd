"""The account action: retrieve the Gorgias account (also the connection check)."""

from __future__ import annotations

from component import ActionInputs, HttpClient, action
from gorgias_component.actions.documents import example, output

__all__ = ["get_account"]


class GetAccountInputs(ActionInputs):
    pass


@action("getAccount", "Get Account", "Retrieve your account.", example=example("getAccount"), resource="Account",
        output=output("account"))
def get_account(api: HttpClient, inputs: GetAccountInputs) -> object:
    return api.get("/account")


ACTIONS = (get_account,)
