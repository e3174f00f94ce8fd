"""Ticket custom-field actions list a ticket's field values and delete one."""

from __future__ import annotations

from typing import Any

import pytest
import responses

from component.errors import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias

VALUES = [{"field": {"id": 101, "label": "Score"}, "value": "8"}, {"field": {"id": 102, "label": "Tier"}, "value": "A"}]

test_sends = sends_test([
    # The values come back as a list whether Gorgias answers a bare array or a {"data": [...]} envelope.
    *(Sends("listTicketCustomFields", {"ticket_id": "1234567890", "debug": "false"}, "GET",
            "/tickets/1234567890/custom-fields", answer=answer, data=VALUES)
      for answer in (VALUES, {"data": VALUES}, {"data": VALUES, "object": "list", "meta": {}})),
    # Delete Ticket Custom Field DELETEs /tickets/{ticket_id}/custom-fields/{id}, with ids as text or numbers.
    *(Sends("deleteTicketCustomField", {"ticket_id": ticket_id, "id": field_id}, "DELETE",
            "/tickets/1234567890/custom-fields/101", status=204)
      for ticket_id, field_id in (("1234567890", "101"), (1234567890, 101))),
])

test_refuses = refuses_test([
    Refuses("listTicketCustomFields", {"ticket_id": "../account"}, "ticket_id",
            "Input 'ticket_id' (Ticket ID): expected a positive integer id, received \"../account\"."),
    required("deleteTicketCustomField", {"ticket_id": 1}, "id", "Custom Field ID"),
])


def test_delete_ticket_custom_field_not_found_is_an_api_error(gorgias_api: MockedGorgias,
                                                              connection: dict[str, Any]) -> None:
    """A 404 becomes ApiError with the status, body and Gorgias's message."""
    error = {"error": {"msg": "Custom field value not found", "data": {"id": "101"}}}
    gorgias_api.add(responses.DELETE, "/tickets/5/custom-fields/101", status=404, json=error)
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "deleteTicketCustomField", {"ticket_id": 5, "id": 101}, connection)
    assert caught.value.status == 404
    assert caught.value.body == error
    assert str(caught.value) == (
        "Gorgias answered 404 Not Found to DELETE /tickets/5/custom-fields/101: Custom field value not found (id: 101)."
    )
