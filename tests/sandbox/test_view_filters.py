"""The sandbox reads Gorgias view filters: comparisons on ticket paths, combined with && || ! and parentheses."""

from __future__ import annotations

from typing import Any

import pytest

from gorgias_component.sandbox.view_filters import FilterError, check_filters, compile_filters

TICKET: dict[str, Any] = {
    "id": 7, "status": "open", "channel": "email", "subject": "Where is my ORDER?", "priority": "high",
    "assignee_user": {"id": 2, "name": "Marie Curie"}, "assignee_team": None,
    "tags": [{"id": 1, "name": "refund"}, {"id": 3, "name": "urgent"}],
    "customer": {"id": 4, "email": "ada@example.com"}, "created_datetime": "2024-12-04T15:18:56+00:00",
    "updated_datetime": "2024-12-05T09:00:00",
}


@pytest.mark.parametrize(("filters", "kept"), [
    ("", True),
    ("eq(ticket.status, 'open')", True),
    ("eq(ticket.status, \"closed\")", False),
    ("neq(ticket.status, 'closed') && eq(ticket.channel, 'email')", True),
    ("eq(ticket.status, 'closed') || eq(ticket.priority, 'high')", True),
    ("!(eq(ticket.status, 'open'))", False),
    ("eq(ticket.assignee_user.id, 2)", True),
    ("eq(ticket.assignee_user.id, '2')", True),
    ("isEmpty(ticket.assignee_team) && isNotEmpty(ticket.assignee_user)", True),
    ("containsAny(ticket.tags.name, ['vip', 'urgent'])", True),
    ("containsAll(ticket.tags.name, ['refund', 'vip'])", False),
    ("eq(ticket.tags.name, 'refund')", True),
    ("contains(ticket.subject, 'order')", True),
    ("notContains(ticket.subject, 'order')", False),
    ("startsWith(ticket.customer.email, 'ada@')", True),
    ("endsWith(ticket.customer.email, '@example.org')", False),
    # Instants, not strings: 15:18:56+00:00 is after 14:00:00-02:00 is false (that is 16:00 UTC).
    ("gt(ticket.created_datetime, '2024-12-04T14:00:00-02:00')", False),
    ("lt(ticket.created_datetime, '2024-12-04T14:00:00-02:00')", True),
    ("gte(ticket.updated_datetime, '2024-12-05T09:00:00Z')", True),
    ("eq(ticket.updated_datetime, '2024-12-05T10:00:00+01:00')", True),
])
def test_filters_keep_the_tickets_they_describe(filters: str, kept: bool) -> None:
    assert compile_filters(filters)(TICKET) is kept


def test_current_user_variables_are_the_callers() -> None:
    """{{current_user.id}} is replaced with the user listing the view."""
    mine = compile_filters("eq(ticket.assignee_user.id, '{{current_user.id}}')", {"id": 2})
    theirs = compile_filters("eq(ticket.assignee_user.id, '{{ current_user.id }}')", {"id": 3})
    assert (mine(TICKET), theirs(TICKET)) == (True, False)


@pytest.mark.parametrize(("filters", "problem"), [
    ("eq(ticket.status 'open')", "expected ',' at position 17, found \"'open'\""),
    ("equals(ticket.status, 'open')", "unknown function 'equals' at position 0"),
    ("eq(customer.email, 'x')", "expected a ticket attribute such as ticket.status at position 3"),
    ("eq(ticket.status, 'open') &&", "unexpected end of filters, expected more"),
    ("eq(ticket.status, 'open') eq(ticket.id, 1)", "unexpected 'eq' at position 26"),
    ("eq(ticket.status, 'open') ; drop", "unexpected character at position 26: '; drop'"),
])
def test_broken_filters_say_where_they_break(filters: str, problem: str) -> None:
    assert check_filters(filters) == problem
    with pytest.raises(FilterError):
        compile_filters(filters)
