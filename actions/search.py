"""The search action: full-text search over customers, agents, teams, tags and integrations."""

from __future__ import annotations

from typing import Annotated

from component import ActionInputs, HttpClient, Input, action
from component.inputs import Text, choice, int_range
from gorgias_component.actions.documents import example, output

__all__ = ["search"]

SearchType = Annotated[
    str,
    choice("agent", "customer", "customer_profile", "customer_channel", "customer_channel_email",
           "customer_channel_phone", "customers_by_phone", "integration", "team", "tag"),
]
SearchSize = Annotated[int, int_range(1, 50)]


class SearchInputs(ActionInputs):
    query: Text | None = Input("Query", comments="Text query used to search for resources.", example="user@example.com")
    size: SearchSize | None = Input("Size", comments="Maximum number of results returned.", example="10")
    type: SearchType = Input("Type", required=True, comments="The type of object to search for.", example="agent")


@action("search", "Search", "Search for resources.", example=example("search"), resource="Search",
        output=output("search_result"))
def search(api: HttpClient, inputs: SearchInputs) -> object:
    # Gorgias answers 201 Created; `size` must go out as an integer.
    return api.post("/search", inputs.set_values())


ACTIONS = (search,)
