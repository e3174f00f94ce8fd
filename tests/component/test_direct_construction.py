"""One validation path: constructing an inputs model directly goes through `parse`, as FastAPI and MCP hosts do.

`Model(**values)`, `Model.model_validate(values)`, `model_validate_json` and a pydantic `TypeAdapter`
all convert with the input kinds, refuse a missing required input, and raise `InputError`, never
pydantic's `ValidationError`.
"""

# No `from __future__ import annotations`: the models below are read by pydantic at class creation.

from typing import Any

import pydantic
import pytest

from component import ActionInputs, Input, InputError, Inputs
from component.inputs import Bool, Id, IdList, Text
from gorgias_component.actions.customers import CreateCustomerInputs
from gorgias_component.connections.api_key import ApiKeyFields


class Ticket(ActionInputs):
    id: Id = Input("Ticket ID", required=True)
    flag: Bool = Input("Flag", default="false")
    ids: IdList | None = Input("IDs")
    note: Text | None = Input("Note")


def build(how: str, values: dict[str, Any]) -> Ticket:
    """Construct a Ticket the way `how` names: every way a host may use."""
    if how == "call":
        return Ticket(**values)
    if how == "model_validate":
        return Ticket.model_validate(values)
    if how == "model_validate_json":
        import json

        return Ticket.model_validate_json(json.dumps(values))
    return pydantic.TypeAdapter(Ticket).validate_python(values)


WAYS = ["call", "model_validate", "model_validate_json", "type_adapter"]


@pytest.mark.parametrize("how", WAYS)
def test_a_missing_required_id_is_an_input_error(how: str) -> None:
    """Without `id` the model is refused as parse refuses it, not left with id=None."""
    with pytest.raises(InputError) as caught:
        build(how, {"flag": "true"})
    assert not isinstance(caught.value, pydantic.ValidationError)
    assert (caught.value.key, str(caught.value)) == ("id", "Input 'id' (Ticket ID) is required, but no value was given.")


@pytest.mark.parametrize("how", WAYS)
def test_flag_yes_is_refused_not_taken_for_true(how: str) -> None:
    """pydantic would read "yes" as True; the Bool kind accepts only true/false."""
    with pytest.raises(InputError) as caught:
        build(how, {"id": 1, "flag": "yes"})
    assert str(caught.value) == ("Input 'flag' (Flag): expected true or false (or the strings \"true\" / \"false\"), "
                                 "received \"yes\".")


@pytest.mark.parametrize("how", WAYS)
def test_a_bad_value_is_an_input_error_naming_the_input(how: str) -> None:
    """A value the kind refuses names the input, what was expected and what was received."""
    with pytest.raises(InputError) as caught:
        build(how, {"id": "abc"})
    assert str(caught.value) == "Input 'id' (Ticket ID): expected a positive integer id, received \"abc\"."


@pytest.mark.parametrize("how", WAYS)
def test_an_unknown_input_is_refused(how: str) -> None:
    """pydantic would ignore an extra key; parse refuses it with the valid inputs."""
    with pytest.raises(InputError) as caught:
        build(how, {"id": 1, "colour": "red"})
    assert str(caught.value) == "Unknown input 'colour'. Valid inputs: debug, flag, id, ids, note."


@pytest.mark.parametrize("how", WAYS)
@pytest.mark.parametrize("values", [
    {"id": "5"}, {"id": 5, "flag": True}, {"id": " 7 ", "flag": "TRUE", "ids": ["1", 2], "note": 3},
    {"id": 8, "ids": "9", "debug": "true"}, {"id": 1, "note": ""},
])
def test_direct_construction_equals_parse(how: str, values: dict[str, Any]) -> None:
    """Whatever way in, the instance is the one parse gives: converted values and defaults."""
    built = build(how, values)
    assert built == Ticket.parse(values)
    assert built.model_dump() == Ticket.parse(values).model_dump()


def test_converted_values_and_defaults_are_set() -> None:
    """Strings of digits become ints, a single id a list, and unset inputs take their declared defaults."""
    ticket = Ticket(id="5", ids="9")
    assert (ticket.id, ticket.ids, ticket.flag, ticket.debug, ticket.note) == (5, [9], False, False, None)
    with pytest.raises(pydantic.ValidationError):
        ticket.id = 6  # type: ignore[misc]  # still frozen


def test_a_code_input_is_checked_against_its_schema_when_constructed() -> None:
    """A schema-checked code input is refused the same way as through parse."""
    with pytest.raises(InputError) as caught:
        CreateCustomerInputs(channels=[{"type": "email"}])
    assert str(caught.value) == "Input 'channels' (Channels): at channels[0]: 'address' is a required property."
    assert CreateCustomerInputs(channels="[]").channels == []


def test_connection_fields_constructed_directly_are_checked_as_connection_fields() -> None:
    """Connection fields name themselves as such, and a secret is never echoed."""
    fields = ApiKeyFields(domain="https://acme.gorgias.com/api", username="me@acme.com", apiKey="k3y")
    assert fields.domain == "acme"
    with pytest.raises(InputError) as caught:
        ApiKeyFields(domain="acme", username="me@acme.com")
    assert str(caught.value) == "Connection field 'apiKey' (API Key) is required, but no value was given."


def test_a_model_without_required_inputs_constructs_empty() -> None:
    """An inputs model with only optional inputs needs no values."""

    class Optional(Inputs):
        note: Text | None = Input("Note")

    assert Optional().note is None
    assert Optional(note=12).note == "12"
