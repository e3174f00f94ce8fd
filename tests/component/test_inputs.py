"""Input kinds convert what hosts store into typed values and reject anything else with an exact message."""

# No `from __future__ import annotations`: the models below are read by pydantic at class creation.

from typing import Annotated, Any

import pytest

from component import Input, InputError, Inputs
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
    int_range,
)
from gorgias_component.actions.paging import Limit

KV_EXPECTED = 'a list of {"key": ..., "value": ...} items, an object, or "key:value" strings'
PATH_EXPECTED = "a single path segment: not empty, without '/', and not '.' or '..'"


class Sample(Inputs):
    """One optional input of every kind, so that each can be parsed on its own."""

    id: Id | None = Input("Ticket ID")
    ids: IdList | None = Input("Ticket IDs")
    text: Text | None = Input("Text")
    secret: Password | None = Input("Secret")
    when: DateTime | None = Input("When")
    flag: Bool | None = Input("Flag")
    sflag: StringBool | None = Input("String Flag")
    code: Code | None = Input("Code")
    codes: CodeList | None = Input("Codes")
    texts: TextList | None = Input("Texts")
    pairs: KeyValues | None = Input("Pairs")
    limit: Limit | None = Input("Limit")
    offset: Annotated[int, int_range(0)] | None = Input("Offset")
    order: Annotated[str, choice("asc", "DESC")] | None = Input("Order")
    exact: Annotated[str, choice("Open", "closed", case_sensitive=True)] | None = Input("Exact")
    name: PathSegment | None = Input("File Name")


def parsed(key: str, value: Any) -> Any:
    """The converted value of input `key` when a host passes `value`."""
    return getattr(Sample.parse({key: value}), key)


def rejection(key: str, value: Any) -> InputError:
    """The error raised when a host passes `value` for input `key`."""
    with pytest.raises(InputError) as caught:
        Sample.parse({key: value})
    return caught.value


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("id", "42", 42),
        ("id", " 42 ", 42),
        ("id", 42, 42),
        ("id", 42.0, 42),
        ("id", str(2**63 - 1), 2**63 - 1),
        ("ids", "42", [42]),
        ("ids", ["1", " 2 ", 3, 4.0], [1, 2, 3, 4]),
        ("ids", [], []),
        ("text", "hello", "hello"),
        ("text", "  padded  ", "  padded  "),
        ("text", 5, "5"),
        ("text", 1.5, "1.5"),
        ("secret", "hunter2-secret", "hunter2-secret"),
        ("when", " 2020-01-27T10:42:21.468912 ", "2020-01-27T10:42:21.468912"),
        ("when", "2020-01-27", "2020-01-27"),
        ("when", "2020-01-27T10:42:21+02:00", "2020-01-27T10:42:21+02:00"),
        ("flag", True, True),
        ("flag", False, False),
        ("flag", "true", True),
        ("flag", "FALSE", False),
        ("flag", " True ", True),
        ("sflag", "true", True),
        ("sflag", "False", False),
        ("sflag", False, False),
        ("code", '{"a": 1}', {"a": 1}),
        ("code", {"a": [1, 2]}, {"a": [1, 2]}),
        ("code", "{}", {}),
        ("codes", "[1, 2]", [1, 2]),
        ("codes", [{"a": 1}], [{"a": 1}]),
        ("texts", "one", ["one"]),
        ("texts", ["a", 1], ["a", "1"]),
        ("texts", ("a", "b"), ["a", "b"]),
        ("pairs", [{"key": "a", "value": 1}, {"key": "b"}], {"a": 1, "b": None}),
        ("pairs", {"a": 1, "b": "two"}, {"a": 1, "b": "two"}),
        ("pairs", ["a:1", " b : two words "], {"a": "1", "b": "two words"}),
        ("pairs", "a:1", {"a": "1"}),
        ("pairs", "url:https://x.test", {"url": "https://x.test"}),
        ("pairs", {"key": "a", "value": "1"}, {"a": "1"}),
        ("pairs", '{"limit": 1, "url": "https://x.test"}', {"limit": 1, "url": "https://x.test"}),
        ("pairs", ' {"key": "a", "value": 2}', {"a": 2}),
        ("limit", "5", 5),
        ("limit", " 100 ", 100),
        ("limit", 1, 1),
        ("limit", 7.0, 7),
        ("offset", "0", 0),
        ("offset", 123456, 123456),
        ("order", "asc", "asc"),
        ("order", " ASC ", "asc"),
        ("order", "desc", "DESC"),
        ("exact", "Open", "Open"),
        ("name", "report.pdf", "report.pdf"),
        ("name", " a b ", "a b"),
        ("name", "...", "..."),
    ],
)
def test_accepted_host_values_are_converted(key: str, value: Any, expected: Any) -> None:
    """Each kind accepts the forms a workflow designer stores and converts them to the typed value."""
    assert parsed(key, value) == expected


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("id", "abc", "Input 'id' (Ticket ID): expected a positive integer id, received \"abc\"."),
        ("id", 0, "Input 'id' (Ticket ID): expected a positive integer id, received 0."),
        ("id", -3, "Input 'id' (Ticket ID): expected a positive integer id, received -3."),
        ("id", "-3", "Input 'id' (Ticket ID): expected a positive integer id, received \"-3\"."),
        ("id", 4.5, "Input 'id' (Ticket ID): expected a positive integer id, received 4.5."),
        ("id", True, "Input 'id' (Ticket ID): expected a positive integer id, received true."),
        ("id", "4 2", "Input 'id' (Ticket ID): expected a positive integer id, received \"4 2\"."),
        ("id", "\u0664\u0662", "Input 'id' (Ticket ID): expected a positive integer id, received \"\\u0664\\u0662\"."),
        ("id", 2**63, f"Input 'id' (Ticket ID): expected a positive integer id, received {2**63}."),
        ("id", [1], "Input 'id' (Ticket ID): expected a positive integer id, received a list of 1 item."),
        ("id", "x" * 50, "Input 'id' (Ticket ID): expected a positive integer id, received \"" + "x" * 37 + "...\"."),
        ("ids", ["1", "x"],
         "Input 'ids' (Ticket IDs): expected a list of positive integer ids, received a list of 2 items."),
        ("ids", "x", "Input 'ids' (Ticket IDs): expected a list of positive integer ids, received \"x\"."),
        ("text", True, "Input 'text' (Text): expected a string, received true."),
        ("text", {"a": 1}, "Input 'text' (Text): expected a string, received an object."),
        ("when", "yesterday",
         "Input 'when' (When): expected an ISO 8601 date-time such as 2020-01-27T10:42:21.468912, received \"yesterday\"."),
        ("flag", "yes",
         "Input 'flag' (Flag): expected true or false (or the strings \"true\" / \"false\"), received \"yes\"."),
        ("flag", 1, "Input 'flag' (Flag): expected true or false (or the strings \"true\" / \"false\"), received 1."),
        ("sflag", "1",
         "Input 'sflag' (String Flag): expected true or false (or the strings \"true\" / \"false\"), received \"1\"."),
        ("code", "[1]", "Input 'code' (Code): expected a JSON object, received \"[1]\"."),
        ("code", "{oops", "Input 'code' (Code): expected valid JSON (parse error at line 1, column 2), received \"{oops\"."),
        ("code", 5, "Input 'code' (Code): expected a JSON object or array, or a JSON string, received 5."),
        ("codes", '{"a": 1}', "Input 'codes' (Codes): expected a JSON array, received \"{\\\"a\\\": 1}\"."),
        ("codes", {"a": 1}, "Input 'codes' (Codes): expected a JSON array, received an object."),
        ("texts", [{"x": 1}], "Input 'texts' (Texts): expected a list of strings, received a list of 1 item."),
        ("texts", True, "Input 'texts' (Texts): expected a list of strings, received true."),
        ("pairs", ["nocolon"], f"Input 'pairs' (Pairs): expected {KV_EXPECTED}, received a list of 1 item."),
        ("pairs", '{"limit":1', f"Input 'pairs' (Pairs): expected {KV_EXPECTED}; this looks like a JSON object but "
                                "is not one, received \"{\\\"limit\\\":1\"."),
        ("pairs", [{"key": ""}], f"Input 'pairs' (Pairs): expected {KV_EXPECTED}, received a list of 1 item."),
        ("pairs", [{"key": 1, "value": 2}], f"Input 'pairs' (Pairs): expected {KV_EXPECTED}, received a list of 1 item."),
        ("pairs", ":value", f"Input 'pairs' (Pairs): expected {KV_EXPECTED}, received \":value\"."),
        ("pairs", 5, f"Input 'pairs' (Pairs): expected {KV_EXPECTED}, received 5."),
        ("limit", "0", "Input 'limit' (Limit): expected a whole number from 1 to 100, received \"0\"."),
        ("limit", 101, "Input 'limit' (Limit): expected a whole number from 1 to 100, received 101."),
        ("limit", "ten", "Input 'limit' (Limit): expected a whole number from 1 to 100, received \"ten\"."),
        ("limit", 2.5, "Input 'limit' (Limit): expected a whole number from 1 to 100, received 2.5."),
        ("limit", False, "Input 'limit' (Limit): expected a whole number from 1 to 100, received false."),
        ("offset", "-1", "Input 'offset' (Offset): expected a whole number ≥ 0, received \"-1\"."),
        ("order", "up", "Input 'order' (Order): expected one of asc, DESC, received \"up\"."),
        ("exact", "open", "Input 'exact' (Exact): expected one of Open, closed, received \"open\"."),
        ("name", "a/b", f"Input 'name' (File Name): expected {PATH_EXPECTED}, received \"a/b\"."),
        ("name", "a\\b", f"Input 'name' (File Name): expected {PATH_EXPECTED}, received \"a\\\\b\"."),
        ("name", "..", f"Input 'name' (File Name): expected {PATH_EXPECTED}, received \"..\"."),
        ("name", " . ", f"Input 'name' (File Name): expected {PATH_EXPECTED}, received \" . \"."),
        ("name", "   ", f"Input 'name' (File Name): expected {PATH_EXPECTED}, received \"   \"."),
        ("name", "a\nb", f"Input 'name' (File Name): expected {PATH_EXPECTED}, received \"a\\nb\"."),
    ],
)
def test_rejected_values_name_the_input_what_was_expected_and_what_was_received(key: str, value: Any, message: str) -> None:
    """A value a kind cannot convert raises InputError with the input's key and an exact message."""
    error = rejection(key, value)
    assert str(error) == message
    assert error.key == key


@pytest.mark.parametrize("value", [{"value": "hunter2-secret"}, ["hunter2-secret"], True])
def test_a_malformed_password_is_described_by_its_type_only(value: Any) -> None:
    """A password input never echoes the value it received, even a malformed one."""
    error = rejection("secret", value)
    assert str(error) == f"Input 'secret' (Secret): expected a string, received a value of type {type(value).__name__}."
    assert "hunter2" not in str(error)


@pytest.mark.parametrize("missing", [None, ""])
def test_missing_null_or_empty_optional_inputs_are_not_set(missing: Any) -> None:
    """An optional input given as null or "" is None, exactly like one that is absent."""
    values = Sample.parse({spec.key: missing for spec in Sample.specs})
    assert all(getattr(values, spec.key) is None for spec in Sample.specs)
    assert all(getattr(Sample.parse({}), spec.key) is None for spec in Sample.specs)


class Defaults(Inputs):
    flag: Bool = Input("Flag", default="false")
    sflag: StringBool = Input("String Flag", default="true")
    size: Limit = Input("Size", default="25")
    order: Annotated[str, choice("asc", "desc")] = Input("Order", default="ASC")


def test_documented_defaults_apply_converted_when_an_input_is_not_set() -> None:
    """An input that is absent, null or "" gets its documented default, converted like a host value."""
    for raw in ({}, {"flag": None, "sflag": "", "size": None, "order": ""}):
        values = Defaults.parse(raw)
        assert (values.flag, values.sflag, values.size, values.order) == (False, True, 25, "asc")


def test_a_given_value_overrides_the_default() -> None:
    """A value the host passes replaces the default."""
    values = Defaults.parse({"flag": "TRUE", "sflag": False, "size": 3, "order": "desc"})
    assert (values.flag, values.sflag, values.size, values.order) == (True, False, 3, "desc")


class Required(Inputs):
    id: Id = Input("Ticket ID", required=True)
    name: PathSegment = Input("File Name", required=True)


@pytest.mark.parametrize("raw", [{"name": "a"}, {"id": None, "name": "a"}, {"id": "", "name": "a"}])
def test_a_required_input_that_is_missing_null_or_empty_is_refused(raw: dict[str, Any]) -> None:
    """A required input that is not given raises InputError saying that it is required."""
    with pytest.raises(InputError) as caught:
        Required.parse(raw)
    assert str(caught.value) == "Input 'id' (Ticket ID) is required, but no value was given."
    assert caught.value.key == "id"


def test_the_first_bad_input_in_declaration_order_is_reported() -> None:
    """When several inputs are wrong, the error names the first one declared."""
    with pytest.raises(InputError) as caught:
        Required.parse({"id": "x", "name": "a/b"})
    assert caught.value.key == "id"


def test_an_unknown_input_key_suggests_the_closest_known_key() -> None:
    """A key the model does not declare is refused before conversion, with a did-you-mean hint."""
    with pytest.raises(InputError) as caught:
        Required.parse({"idd": "1", "name": "a"}, owner="'getTicket'")
    assert str(caught.value) == "Unknown input 'idd' for 'getTicket'. Did you mean 'id'?"
    assert caught.value.key == "idd"


def test_an_unknown_input_key_without_a_close_match_lists_the_valid_inputs() -> None:
    """Without a near key the message lists every input the model takes."""
    with pytest.raises(InputError) as caught:
        Required.parse({"zzzzzz": 1})
    assert str(caught.value) == "Unknown input 'zzzzzz'. Valid inputs: id, name."


def test_did_you_mean_ignores_case() -> None:
    """A key that differs only in case is suggested in its declared spelling."""
    with pytest.raises(InputError) as caught:
        Sample.parse({"TEXT": "x"})
    assert str(caught.value) == "Unknown input 'TEXT'. Did you mean 'text'?"


def test_inputs_that_are_not_an_object_are_refused() -> None:
    """Inputs must be a mapping of values."""
    with pytest.raises(InputError) as caught:
        Sample.parse(["id", 1])  # type: ignore[arg-type]
    assert str(caught.value) == "Inputs: expected an object of values, received a list of 2 items."
    assert caught.value.key == "inputs"
