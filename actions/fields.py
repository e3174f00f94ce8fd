"""Input declarations shared by several actions: ids of Gorgias objects, each tied to its picklist.

One declaration per id ("Ticket ID" is the same input on every ticket action); an action may reword its
comments or example, or make it optional, without declaring it again.
"""

from __future__ import annotations

from typing import Any

from component import Input

# Picklists not registered yet; each becomes its key ("selectView", ...) in the commit that adds it, so a
# manifest's dataSource always names a data source that exists.
USERS: str | None = "selectUser"
TEAMS: str | None = "selectTeam"
CUSTOM_FIELDS: str | None = "selectCustomField"
VIEWS: str | None = "selectView"
RULES: str | None = "selectRule"
MACROS = "selectMacro"
SATISFACTION_SURVEYS = "selectSatisfactionSurvey"

__all__ = ["custom_field_id", "customer_id", "integration_id", "macro_id", "message_id", "rule_id",
           "satisfaction_survey_id", "tag_id", "tag_ids", "team_id", "team_ids", "ticket_id", "user_id", "user_ids",
           "view_id"]


def _id(label: str, data_source: str | None, comments: str, example: str | None, required: bool) -> Any:
    return Input(label, required=required, comments=comments, example=example, data_source=data_source)


def ticket_id(comments: str = "The ID of the ticket.", *, example: str | None = "1234567890",
              required: bool = True, label: str = "Ticket ID") -> Any:
    """A ticket's id, picked from selectTicket."""
    return _id(label, "selectTicket", comments, example, required)


def customer_id(comments: str = "The ID of the customer.", *, example: str | None = "3924",
                required: bool = True, label: str = "Customer ID") -> Any:
    """A customer's id, picked from selectCustomer."""
    return _id(label, "selectCustomer", comments, example, required)


def message_id(comments: str = "The ID of the message.", *, example: str | None = "353768814",
               required: bool = True, label: str = "Message ID") -> Any:
    """A message's id, picked from selectMessage."""
    return _id(label, "selectMessage", comments, example, required)


def tag_id(comments: str = "The ID of the tag.", *, example: str | None = "1", required: bool = True,
           label: str = "Tag ID") -> Any:
    """A tag's id, picked from selectTag."""
    return _id(label, "selectTag", comments, example, required)


def tag_ids(comments: str, *, example: str | None = "1", required: bool = True, label: str = "Tag IDs") -> Any:
    """A list of tag ids, each picked from selectTag."""
    return _id(label, "selectTag", comments, example, required)


def user_id(comments: str = "The ID of the user.", *, example: str | None = "2", required: bool = True,
            label: str = "User ID") -> Any:
    """A user's id, picked from selectUser."""
    return _id(label, USERS, comments, example, required)


def team_id(comments: str = "The ID of the team.", *, example: str | None = "1", required: bool = True,
            label: str = "Team ID") -> Any:
    """A team's id, picked from selectTeam."""
    return _id(label, TEAMS, comments, example, required)


def custom_field_id(comments: str = "The ID of the custom field.", *, example: str | None = "1",
                    required: bool = True, label: str = "Custom Field ID") -> Any:
    """A custom field's id, picked from selectCustomField."""
    return _id(label, CUSTOM_FIELDS, comments, example, required)


def view_id(comments: str = "The ID of the view.", *, example: str | None = "21", required: bool = True,
            label: str = "View ID") -> Any:
    """A view's id, picked from selectView."""
    return _id(label, VIEWS, comments, example, required)


def rule_id(comments: str = "The ID of the rule.", *, example: str | None = "21", required: bool = True,
            label: str = "Rule ID") -> Any:
    """A rule's id, picked from selectRule."""
    return _id(label, RULES, comments, example, required)


def integration_id(comments: str = "The ID of the integration.", *, example: str | None = "4",
                   required: bool = True, label: str = "Integration ID") -> Any:
    """An integration's id, picked from selectIntegration."""
    return _id(label, "selectIntegration", comments, example, required)


def macro_id(comments: str = "The ID of the macro.", *, example: str | None = "1", required: bool = True,
             label: str = "Macro ID") -> Any:
    """A macro's id, picked from selectMacro."""
    return _id(label, MACROS, comments, example, required)


def satisfaction_survey_id(comments: str = "The ID of the satisfaction survey.", *, example: str | None = "1",
                           required: bool = True, label: str = "Satisfaction Survey ID") -> Any:
    """A satisfaction survey's id, picked from selectSatisfactionSurvey."""
    return _id(label, SATISFACTION_SURVEYS, comments, example, required)


def user_ids(comments: str, *, example: str | None = "2", required: bool = True, label: str = "User IDs") -> Any:
    """A list of user ids, each picked from selectUser."""
    return _id(label, USERS, comments, example, required)


def team_ids(comments: str, *, example: str | None = "1", required: bool = True, label: str = "Team IDs") -> Any:
    """A list of team ids, each picked from selectTeam."""
    return _id(label, TEAMS, comments, example, required)
