"""The user picklist: every user (agent) by name, searched with Gorgias's search."""

from __future__ import annotations

from component import ListRequest, NoInputs, picklist
from gorgias_component.actions.documents import example
from gorgias_component.datasources.search import api_search

__all__ = ["select_user"]


def user_label(user: dict[str, object]) -> str:
    """Name (email), else the email, else the user number."""
    name = " ".join(str(user.get("name") or "").split())
    email = str(user.get("email") or "").strip()
    if name and email:
        return f"{name} ({email})"
    return name or email or f"User #{user['id']}"


@picklist("selectUser", "Select User", "Select a user (agent) from the list of users.",
          example=example("selectUser", "datasources"), label_of=user_label,
          search=api_search("agent"))
def select_user(inputs: NoInputs) -> ListRequest:
    return ListRequest("/users", {"order_by": "name:asc"})


DATA_SOURCES = (select_user,)
