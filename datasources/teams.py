"""The team picklist: every team by name, searched with Gorgias's search."""

from __future__ import annotations

from component import ListRequest, NoInputs, picklist
from gorgias_component.actions.documents import example
from gorgias_component.datasources.labels import by_name
from gorgias_component.datasources.search import api_search

__all__ = ["select_team"]


team_label = by_name("Team")


@picklist("selectTeam", "Select Team", "Select a team from the list of teams.",
          example=example("selectTeam", "datasources"), label_of=team_label,
          search=api_search("team"))
def select_team(inputs: NoInputs) -> ListRequest:
    return ListRequest("/teams", {"order_by": "name:asc"})


DATA_SOURCES = (select_team,)
