"""Inputs models: schema-checked code inputs, set values, masked secrets, connection fields, declaration errors."""

# No `from __future__ import annotations`: the models below are read by pydantic at class creation.

from typing import Annotated, Any

import pydantic
import pytest

from component import ActionInputs, ConnectionFields, DefinitionError, Input, InputError, Inputs
from component.inputs import (
    Bool,
    Code,
    CodeList,
    DateTime,
    Id,
    IdList,
    KeyValues,
    Password,
    PathSegment,
    StringBool,
    Text,
    TextList,
    choice,
)
from gorgias_component.actions.customers import CreateCustomerInputs
from gorgias_component.actions.paging import Limit
from gorgias_component.connections.api_key import ApiKeyFields
from tests.support.mocked_gorgias import API_KEY

# -- code inputs checked against a JSON Schema ---------------------------------------------------


@pytest.mark.parametrize(
    ("channels", "message"),
    [
        ([{"type": "email"}], "Input 'channels' (Channels): at channels[0]: 'address' is a required property."),
        ('[{"type": "email", "address": 5}]',
         "Input 'channels' (Channels): at channels[0].address: 5 is not of type 'string'."),
        ([{"type": "email", "address": "a@b.c"}, "phone"],
         "Input 'channels' (Channels): at channels[1]: 'phone' is not of type 'object'."),
    ],
)
def test_a_code_input_is_checked_against_its_json_schema(channels: Any, message: str) -> None:
    """A code input with a schema names the first place where the parsed value breaks it."""
    with pytest.raises(InputError) as caught:
        CreateCustomerInputs.parse({"channels": channels})
    assert str(caught.value) == message
    assert caught.value.key == "channels"


def test_a_code_input_that_matches_its_schema_is_parsed_from_a_json_string() -> None:
    """A JSON string and the parsed array give the same validated value."""
    channels = [{"type": "email", "address": "john@example.com", "preferred": True}]
    assert CreateCustomerInputs.parse({"channels": '[{"type": "email", "address": "john@example.com", '
                                                   '"preferred": true}]'}).channels == channels
    assert CreateCustomerInputs.parse({"channels": channels}).channels == channels
    assert CreateCustomerInputs.parse({"channels": "[]"}).channels == []


def test_the_kind_is_checked_before_the_schema() -> None:
    """A code input that is not even an array reports the kind's expectation, not a schema path."""
    with pytest.raises(InputError) as caught:
        CreateCustomerInputs.parse({"channels": '{"type": "email"}'})
    assert str(caught.value) == (
        "Input 'channels' (Channels): expected a JSON array, received \"{\\\"type\\\": \\\"email\\\"}\"."
    )


# -- set values --------------------------------------------------------------------------------


class Body(ActionInputs):
    title: Text | None = Input("Title")
    count: Id | None = Input("Count")
    tags: TextList | None = Input("Tags")
    ready: Bool = Input("Ready", default="false")


def test_set_values_keeps_set_inputs_in_declaration_order_without_the_debug_flag() -> None:
    """set_values gives the inputs that have a value, converted, and never the debug key."""
    values = Body.parse({"tags": "a", "count": "3", "debug": "true"})
    assert values.debug is True
    assert list(values.set_values().items()) == [("count", 3), ("tags", ["a"]), ("ready", False)]


def test_set_values_leaves_out_excluded_keys() -> None:
    """Keys the action sends elsewhere (a path id, say) can be excluded."""
    values = Body.parse({"title": "t", "count": 3})
    assert values.set_values(exclude=("count", "ready")) == {"title": "t"}


def test_set_values_of_a_model_without_a_debug_key_keeps_a_debug_named_input() -> None:
    """Only the model's declared debug key is special; a plain model sends every set input."""

    class Plain(Inputs):
        debug: Bool | None = Input("Debug")

    assert Plain.parse({"debug": "true"}).set_values() == {"debug": True}


def test_parsed_inputs_are_frozen() -> None:
    """perform cannot change the validated values it receives."""
    values = Body.parse({"title": "t"})
    with pytest.raises(pydantic.ValidationError, match="Instance is frozen"):
        values.title = "other"  # type: ignore[misc]
    assert values.title == "t"


# -- connection fields -------------------------------------------------------------------------


def test_the_repr_of_connection_fields_masks_passwords() -> None:
    """Printing validated connection fields shows every field except the secret."""
    fields = ApiKeyFields.parse({"domain": "acme", "username": "me@acme.com", "apiKey": API_KEY})
    assert repr(fields) == "ApiKeyFields(apiKey='[REDACTED]', domain='acme', username='me@acme.com')"
    assert str(fields) == "apiKey='[REDACTED]' domain='acme' username='me@acme.com'"
    assert fields.apiKey == API_KEY


def test_connection_field_errors_call_them_connection_fields() -> None:
    """Messages about connection values say "Connection field", not "Input"."""
    with pytest.raises(InputError) as caught:
        ApiKeyFields.parse({"domain": "acme", "username": "me@acme.com"})
    assert str(caught.value) == "Connection field 'apiKey' (API Key) is required, but no value was given."
    assert caught.value.key == "apiKey"


def test_an_unknown_connection_field_is_named_as_such() -> None:
    """A misspelt connection field gets a did-you-mean hint in the connection-field wording."""
    with pytest.raises(InputError) as caught:
        ApiKeyFields.parse({"domain": "acme", "username": "u", "apikey": API_KEY}, owner="connection 'apiKey'")
    assert str(caught.value) == "Unknown connection field 'apikey' for connection 'apiKey'. Did you mean 'apiKey'?"


def test_a_malformed_api_key_is_not_echoed() -> None:
    """A connection secret of the wrong type is described by its type only."""
    with pytest.raises(InputError) as caught:
        ApiKeyFields.parse({"domain": "acme", "username": "u", "apiKey": {"value": API_KEY}})
    assert str(caught.value) == "Connection field 'apiKey' (API Key): expected a string, received a value of type dict."


def test_connection_fields_declare_their_wording() -> None:
    """ConnectionFields is an Inputs model whose messages name connection fields."""
    assert issubclass(ConnectionFields, Inputs)
    assert ConnectionFields.where == "Connection field"
    assert Inputs.where == "Input"


# -- declarations ------------------------------------------------------------------------------


def test_a_field_without_input_is_a_definition_error() -> None:
    """Every field of an inputs model must be declared with Input(...)."""
    with pytest.raises(DefinitionError) as caught:

        class Bad(Inputs):
            name: Text = "x"

    assert str(caught.value) == "Bad.name: declare it with Input(...)"


def test_a_field_without_a_kind_is_a_definition_error() -> None:
    """Every field must be annotated with an input kind so that it can be converted."""
    with pytest.raises(DefinitionError) as caught:

        class Bad(Inputs):
            name: str | None = Input("Name")

    assert str(caught.value) == "Bad.name: annotate it with an input kind such as Text, Id or Bool"


def test_specs_follow_the_declaration_with_the_documented_metadata() -> None:
    """The declared label, requirement, default, example and comments are kept as written."""

    class Documented(Inputs):
        id: Id = Input("Ticket ID", required=True, example="42", comments="The ticket.")
        fast: Bool = Input("Fast", default="true")

    first, second = Documented.specs
    assert (first.key, first.label, first.required, first.default, first.example, first.comments) == (
        "id", "Ticket ID", True, None, "42", "The ticket.")
    assert (second.key, second.required, second.default) == ("fast", False, "true")


class EveryKind(Inputs):
    text: Text | None = Input("Text")
    secret: Password | None = Input("Secret")
    when: DateTime | None = Input("When")
    id: Id | None = Input("Id")
    ids: IdList | None = Input("Ids")
    flag: Bool | None = Input("Flag")
    sflag: StringBool | None = Input("String Flag")
    code: Code | None = Input("Code")
    codes: CodeList | None = Input("Codes")
    texts: TextList | None = Input("Texts")
    pairs: KeyValues | None = Input("Pairs")
    limit: Limit | None = Input("Limit")
    order: Annotated[str, choice("asc", "desc")] | None = Input("Order")
    name: PathSegment | None = Input("Name")


def test_each_kind_has_its_manifest_type_and_collection() -> None:
    """Kinds map to the manifest's type and collection as the interface documents."""
    shown = {spec.key: (spec.manifest()["type"], spec.manifest()["collection"]) for spec in EveryKind.specs}
    assert shown == {
        "text": ("string", None), "secret": ("password", None), "when": ("string", None), "id": ("string", None),
        "ids": ("string", "valuelist"), "flag": ("boolean", None), "sflag": ("string", None),
        "code": ("code", None), "codes": ("code", None), "texts": ("string", "valuelist"),
        "pairs": ("string", "keyvaluelist"), "limit": ("string", None), "order": ("string", None),
        "name": ("string", None),
    }


def test_each_kind_has_its_json_schema() -> None:
    """Every kind describes the host values it accepts in JSON Schema."""
    schemas = {spec.key: {k: v for k, v in spec.json_schema().items() if k != "title"} for spec in EveryKind.specs}
    id_schema = {"type": ["string", "integer"], "pattern": r"^\s*[1-9][0-9]*\s*$", "minimum": 1}
    assert schemas == {
        "text": {"type": "string"},
        "secret": {"type": "string", "writeOnly": True},
        "when": {"type": "string", "format": "date-time"},
        "id": id_schema,
        "ids": {"type": "array", "items": id_schema},
        "flag": {"type": "boolean"},
        "sflag": {"type": "string", "enum": ["true", "false"]},
        "code": {"type": "object"},
        "codes": {"type": "array"},
        "texts": {"type": "array", "items": {"type": "string"}},
        "pairs": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "value": {}},
                                             "required": ["key"]}},
        "limit": {"type": ["string", "integer"], "pattern": r"^\s*-?[0-9]+\s*$", "minimum": 1, "maximum": 100},
        "order": {"type": "string", "enum": ["asc", "desc"]},
        "name": {"type": "string", "pattern": r"^(?!\.{1,2}$)[^/\\]+$"},
    }
    assert all(spec.json_schema()["title"] == spec.label for spec in EveryKind.specs)


def test_a_json_schema_carries_comments_default_and_example() -> None:
    """Documented comments, default (a boolean default as a boolean) and example appear in the schema."""

    class Documented(Inputs):
        fast: Bool = Input("Fast", default="true", comments="Go fast.")
        size: Limit = Input("Size", default="10", example="20")

    fast, size = (spec.json_schema() for spec in Documented.specs)
    assert fast == {"title": "Fast", "type": "boolean", "description": "Go fast.", "default": True}
    assert size["default"] == "10"
    assert size["examples"] == ["20"]
