"""Ticket custom-field actions list a ticket's field values and delete one."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError, InputError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

VALUES = [{"field": {"id": 101, "label": "Score"}, "value": "8"}, {"field": {"id": 102, "label": "Tier"}, "value": "A"}]


@pytest.mark.parametrize("answer", [VALUES, {"data": VALUES}, {"data": VALUES, "object": "list", "meta": {}}])
def test_list_ticket_custom_fields_returns_the_list(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                    answer: object) -> None:
    """The values come back as a list whether Gorgias answers a bare array or a {"data": [...]} envelope."""
    gorgias_api.add(responses.GET, "/tickets/1234567890/custom-fields", json=answer, match=[
        matchers.query_param_matcher({}),
    ])
    result = invoke(gorgias, "listTicketCustomFields", {"ticket_id": "1234567890", "debug": "false"}, connection)
    assert result == {"data": VALUES}


def test_list_ticket_custom_fields_requires_a_numeric_ticket_id(gorgias_api: MockedGorgias,
                                                               connection: dict[str, Any]) -> None:
    """A ticket id that is not a positive integer is refused before any request."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "listTicketCustomFields", {"ticket_id": "../account"}, connection)
    assert caught.value.key == "ticket_id"
    assert str(caught.value) == (
        "Input 'ticket_id' (Ticket ID): expected a positive integer id, received \"../account\"."
    )
    assert len(gorgias_api.calls) == 0


@pytest.mark.parametrize(("ticket_id", "field_id"), [("1234567890", "101"), (1234567890, 101)])
def test_delete_ticket_custom_field_deletes_the_value(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                      ticket_id: object, field_id: object) -> None:
    """Delete Ticket Custom Field DELETEs /tickets/{ticket_id}/custom-fields/{id} and returns success on 204."""
    gorgias_api.add(responses.DELETE, "/tickets/1234567890/custom-fields/101", status=204, match=[
        matchers.query_param_matcher({}),
    ])
    inputs = {"ticket_id": ticket_id, "id": field_id}
    assert invoke(gorgias, "deleteTicketCustomField", inputs, connection) == {"data": {"message": "Success"}}


def test_delete_ticket_custom_field_requires_both_ids(gorgias_api: MockedGorgias,
                                                      connection: dict[str, Any]) -> None:
    """Without the custom field id nothing is sent."""
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "deleteTicketCustomField", {"ticket_id": 1}, connection)
    assert caught.value.key == "id"
    assert str(caught.value) == "Input 'id' (Custom Field ID) is required, but no value was given."
    assert len(gorgias_api.calls) == 0


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
