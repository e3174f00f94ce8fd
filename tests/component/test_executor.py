"""The executor resolves the connection, validates inputs, runs perform, translates failures and wraps results."""

# No `from __future__ import annotations`: the decorators read the perform functions' type hints.

from collections.abc import Iterator
from typing import Any

import pytest
import requests
import responses
from responses import matchers

from component import (
    ActionInputs,
    ApiError,
    AuthError,
    Component,
    ComponentError,
    Connection,
    ConnectionFields,
    HttpClient,
    Input,
    InputError,
    InternalError,
    ListRequest,
    NoInputs,
    Opened,
    OpenOptions,
    UnknownKeyError,
    action,
    data_source,
    list_action,
)
from component.inputs import Id, Password, Text
from component.pagination import CursorPaginator
from component.redaction import Redactor
from gorgias_component import gorgias
from gorgias_component.actions.paging import ListInputs
from gorgias_component.connections.answers import gorgias_error_detail
from tests.support.mocked_gorgias import MockedGorgias, oauth_connection

SECRET = "s3cr3t-token-value"
DEMO = "https://api.example.test/v1"  # a demo API of this module's own component, not the mocked Gorgias
DEMO_PAGES = CursorPaginator("cursor", "limit", "data", ("meta", "next_cursor"))  # the demo API's lists
EVENTS: list[tuple[Any, ...]] = []


class DemoFields(ConnectionFields):
    token: Password = Input("Token", required=True)


def open_demo(fields: ConnectionFields, token: Any, options: OpenOptions) -> Opened:
    assert isinstance(fields, DemoFields)
    session = requests.Session()
    client = HttpClient(DEMO, session, service="Demo", redactor=Redactor([fields.token]), debug=options.debug,
                        headers={"Authorization": f"Bearer {fields.token}"}, paginator=DEMO_PAGES,
                        explain=gorgias_error_detail)  # the demo API words its errors as Gorgias does: error.msg
    EVENTS.append(("open", options.debug, options.on_token_refresh, token))

    def close() -> None:
        EVENTS.append(("close",))
        session.close()

    return Opened(client, close)


class EchoInputs(ActionInputs):
    text: Text | None = Input("Text")
    count: Id | None = Input("Count")


@action("echo", "Echo", "Return the set inputs.")
def echo(api: HttpClient, inputs: EchoInputs) -> object:
    return inputs.set_values()


@action("leak", "Leak", "Raise an API error that quotes the secret.")
def leak(api: HttpClient, inputs: ActionInputs) -> object:
    raise ApiError(f"Demo refused {SECRET} for you", status=400, body={"detail": "refused"})


@action("crash", "Crash", "Fail like a bug would.")
def crash(api: HttpClient, inputs: ActionInputs) -> object:
    raise RuntimeError(f"oops with {SECRET}")


@action("fetch", "Fetch", "Get one thing.")
def fetch(api: HttpClient, inputs: ActionInputs) -> object:
    return api.get("/thing")


class ThingsInputs(ListInputs):
    owner: Id | None = Input("Owner")


@list_action("listThings", "List Things", "List things.")
def list_things(inputs: ThingsInputs) -> ListRequest:
    return ListRequest("/things", inputs.set_values(exclude=("cursor", "limit", "fetchAll")))


def options_source(result: Any, key: str) -> Any:
    @data_source(key, key.title(), "Options.")
    def perform(api: HttpClient, inputs: NoInputs) -> list[dict[str, str]]:
        return result  # type: ignore[no-any-return]

    return perform


DEMO_COMPONENT = Component(
    "demo", "Demo", "A component built from the framework alone.",
    connections=(Connection("token", "Token", "A bearer token.", DemoFields, open_demo),),
    actions=(echo, leak, crash, fetch, list_things),
    data_sources=(
        options_source([{"key": "1", "label": "One", "extra": "dropped"}], "good"),
        options_source([{"key": "1", "label": " "}], "unlabeled"),
        options_source([{"label": "No key"}], "keyless"),
        options_source({"key": "1", "label": "One"}, "single"),
    ),
)
DEMO_CONNECTION = {"key": "token", "fields": {"token": SECRET}}


@pytest.fixture(autouse=True)
def _clear_events() -> Iterator[None]:
    EVENTS.clear()
    yield
    EVENTS.clear()


def failure(call: Any, *args: Any, **kwargs: Any) -> ComponentError:
    with pytest.raises(ComponentError) as caught:
        call(*args, **kwargs)
    return caught.value


# -- resolving the connection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("connection", "key", "message"),
    [
        ("apiKey", "connection", "Connection: expected an object with 'key' and 'fields', received a string."),
        (None, "connection", "Connection: expected an object with 'key' and 'fields', received null."),
        ({"key": "apikey", "fields": {}}, "apikey",
         "Unknown connection \"apikey\" in component 'gorgias'. Did you mean 'apiKey'?"),
        ({"key": "basic", "fields": {}}, "basic",
         "Unknown connection \"basic\" in component 'gorgias'. Valid connection keys: apiKey, oauth2."),
        ({"fields": {}}, "connection",
         'Connection: expected an object with "key" (one of: apiKey, oauth2) and "fields" (an object of that '
         "connection's fields), but \"key\" is missing."),
        ({}, "connection",
         'Connection: expected an object with "key" (one of: apiKey, oauth2) and "fields" (an object of that '
         "connection's fields), but \"key\" and \"fields\" are missing."),
        ({"key": "apiKey", "fields": "domain=acme"}, "connection",
         "Connection 'apiKey': expected 'fields' to be an object, received a string."),  # never quoted (issue 9)
        ({"key": "apiKey"}, "connection",
         'Connection: expected an object with "key" (one of: apiKey, oauth2) and "fields" (an object of that '
         "connection's fields), but \"fields\" is missing."),
        ({"key": "apiKey", "fields": None}, "connection",
         "Connection 'apiKey': expected 'fields' to be an object, received null."),
        ({"key": "apiKey", "fields": {"domain": "acme", "username": "u"}}, "apiKey",
         "Connection field 'apiKey' (API Key) is required, but no value was given."),
    ],
)
def test_a_bad_connection_value_is_an_input_error(api_mock: responses.RequestsMock, connection: Any, key: str,
                                                  message: str) -> None:
    """The connection is resolved before anything is sent; each way it can be wrong has its message."""
    error = failure(gorgias.run_action, "getAccount", {}, connection)
    assert isinstance(error, InputError)
    assert (error.key, str(error)) == (key, message)


def test_an_unknown_connection_key_is_an_unknown_key_error() -> None:
    """A connection key nobody registered raises UnknownKeyError, an InputError."""
    error = failure(DEMO_COMPONENT.run_action, "echo", {}, {"key": "tokn", "fields": {}})
    assert isinstance(error, UnknownKeyError)
    assert str(error) == "Unknown connection \"tokn\" in component 'demo'. Did you mean 'token'?"


@pytest.mark.parametrize(("token", "shown"), [("ya29-access-token-value", "a string"),
                                              (["ya29-access-token-value"], "a list of 1 item")])
def test_a_token_that_is_not_an_object_is_described_by_its_type_only(token: Any, shown: str) -> None:
    """A malformed OAuth token is still a secret: the error says only what type it was."""
    error = failure(gorgias.run_action, "getAccount", {}, oauth_connection(token))
    assert isinstance(error, InputError)
    assert error.key == "token"
    assert str(error) == (
        f"Connection 'oauth2': expected 'token' to be an object, received {shown}.")


# -- finding actions and data sources ----------------------------------------------------------


ALL_ACTIONS = ", ".join(action.key for action in gorgias.actions)
ALL_SOURCES = ", ".join(source.key for source in gorgias.data_sources)


@pytest.mark.parametrize(
    ("method", "key", "error_key", "kind", "message"),
    [
        ("run_action", "getCustomr", "getCustomr", "action",
         "Unknown action \"getCustomr\" in component 'gorgias'. Did you mean 'getCustomer'?"),
        ("run_action", "frobnicate", "frobnicate", "action",
         f"Unknown action \"frobnicate\" in component 'gorgias'. Valid action keys: {ALL_ACTIONS}."),
        ("run_action", 5, "5", "action", "Unknown action 5 in component 'gorgias'."),
        ("run_data_source", "selectTickets", "selectTickets", "data source",
         "Unknown data source \"selectTickets\" in component 'gorgias'. Did you mean 'selectTicket'?"),
        ("run_data_source", "pick", "pick", "data source",
         f"Unknown data source \"pick\" in component 'gorgias'. Valid data source keys: {ALL_SOURCES}."),
        ("iter_items", "listTicket", "listTicket", "action",
         "Unknown action \"listTicket\" in component 'gorgias'. Did you mean 'listTickets'?"),
    ],
)
def test_an_unknown_key_is_refused_with_a_suggestion(connection: dict[str, Any], method: str, key: Any,
                                                     error_key: str, kind: str, message: str) -> None:
    """An unknown key raises UnknownKeyError whose .key is that key: the close match, or every valid key."""
    error = failure(getattr(gorgias, method), key, {}, connection)
    assert isinstance(error, UnknownKeyError)
    assert (error.key, error.kind, str(error)) == (error_key, kind, message)


def test_bad_inputs_are_refused_before_any_request(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """Input validation happens before the client is opened: nothing is sent."""
    error = failure(gorgias.run_action, "getCustomer", {"id": "abc"}, connection)
    assert isinstance(error, InputError)
    assert str(error) == "Input 'id' (Customer ID): expected a positive integer id, received \"abc\"."
    error = failure(gorgias.run_action, "getCustomer", {"idd": 1}, connection)
    assert str(error) == "Unknown input 'idd' for 'getCustomer'. Did you mean 'id'?"
    assert len(api_mock.calls) == 0


# -- results -----------------------------------------------------------------------------------


def test_an_action_result_is_wrapped_in_data(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """run_action returns exactly {"data": <what perform returned>}."""
    gorgias_api.add(responses.GET, "/customers/42", json={"id": 42, "name": "John"})
    assert gorgias.run_action("getCustomer", {"id": " 42 "}, connection) == {"data": {"id": 42, "name": "John"}}


def test_none_inputs_count_as_no_inputs() -> None:
    """Inputs given as None are an empty object."""
    assert DEMO_COMPONENT.run_action("echo", None, DEMO_CONNECTION) == {"data": {}}


def test_a_data_source_result_is_wrapped_in_result_with_only_key_and_label() -> None:
    """run_data_source returns {"result": [{"key", "label"}, ...]} and drops any other field."""
    assert DEMO_COMPONENT.run_data_source("good", {}, DEMO_CONNECTION) == {"result": [{"key": "1", "label": "One"}]}


def test_a_gorgias_picklist_is_wrapped_in_result(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """A Gorgias data source lists through the API and answers options."""
    john = {"id": 7, "name": "John Smith", "email": "john@example.com"}
    gorgias_api.add(responses.GET, "/customers", match=[matchers.query_param_matcher({"limit": "100"})],
                    json={"data": [john], "meta": {"next_cursor": None}})
    assert gorgias.run_data_source("selectCustomer", {}, connection) == {
        "result": [{"key": "7", "label": "John Smith (john@example.com)"}]}


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("unlabeled", "Data source 'unlabeled' returned an option without a key or label: an object."),
        ("keyless", "Data source 'keyless' returned an option without a key or label: an object."),
        ("single", "Data source 'single' returned an object, not a list of options."),
    ],
)
def test_data_source_options_without_a_label_are_an_internal_error(key: str, message: str) -> None:
    """Options must each have a string key and a non-blank label."""
    error = failure(DEMO_COMPONENT.run_data_source, key, {}, DEMO_CONNECTION)
    assert isinstance(error, InternalError)
    assert str(error) == message


# -- failures ----------------------------------------------------------------------------------


def test_an_exception_inside_perform_becomes_an_internal_error_without_secrets() -> None:
    """An unexpected exception is reported as InternalError, redacted, without its traceback chain."""
    error = failure(DEMO_COMPONENT.run_action, "crash", {}, DEMO_CONNECTION)
    assert type(error) is InternalError
    assert str(error) == "'crash' failed unexpectedly: RuntimeError: oops with [REDACTED]"
    assert error.__cause__ is None
    assert error.__suppress_context__


def test_component_errors_from_perform_are_redacted_with_the_connection_secrets() -> None:
    """A ComponentError keeps its type and attributes but loses every secret of the connection."""
    error = failure(DEMO_COMPONENT.run_action, "leak", {}, DEMO_CONNECTION)
    assert type(error) is ApiError
    assert str(error) == "Demo refused [REDACTED] for you"
    assert error.args == ("Demo refused [REDACTED] for you",)
    assert (error.status, error.body) == (400, {"detail": "refused"})


def test_an_api_error_quoting_the_secret_is_redacted(api_mock: responses.RequestsMock) -> None:
    """An error answer that echoes the credential does not carry it to the host."""
    api_mock.get(f"{DEMO}/thing", status=403, json={"error": {"msg": f"token {SECRET} was revoked"}},
               match=[matchers.header_matcher({"Authorization": f"Bearer {SECRET}"})])
    error = failure(DEMO_COMPONENT.run_action, "fetch", {}, DEMO_CONNECTION)
    assert type(error) is AuthError
    assert str(error) == "Demo answered 403 Forbidden to GET /thing: token [REDACTED] was revoked."
    assert error.body == {"error": {"msg": "token [REDACTED] was revoked"}}


def test_the_client_is_opened_with_the_debug_flag_and_token_callback_and_closed_after_perform() -> None:
    """The connection's open receives OpenOptions from the inputs and the host; close always runs."""

    def callback(token: dict[str, Any]) -> None:
        raise AssertionError("not called")

    DEMO_COMPONENT.run_action("echo", {"debug": "true"}, DEMO_CONNECTION, on_token_refresh=callback)
    failure(DEMO_COMPONENT.run_action, "crash", {}, {**DEMO_CONNECTION, "token": {"access_token": "a"}})
    expected = [("open", True, callback, None), ("close",), ("open", False, None, {"access_token": "a"}), ("close",)]
    assert expected == EVENTS


def test_check_connection_runs_get_account(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """check_connection calls GET /account with the connection's credentials and answers {"data": account}."""
    gorgias_api.add(responses.GET, "/account", json={"domain": "acme"})  # the fixture requires the credentials
    assert gorgias.check_connection(connection) == {"data": {"domain": "acme"}}


def test_a_component_without_a_check_action_cannot_check_connections() -> None:
    """check_connection needs the component to name its check action."""
    error = failure(DEMO_COMPONENT.check_connection, DEMO_CONNECTION)
    assert isinstance(error, InputError)
    assert (error.key, str(error)) == ("connection", "Component 'demo' declares no connection check.")


# -- streaming ---------------------------------------------------------------------------------


def test_iter_items_validates_before_the_first_item(api_mock: responses.RequestsMock, connection: dict[str, Any]) -> None:
    """Bad inputs fail when iter_items is called, not when the first item is asked for."""
    error = failure(gorgias.iter_items, "listCustomers", {"view_id": "x"}, connection)
    assert str(error) == "Input 'view_id' (View ID): expected a positive integer id, received \"x\"."
    assert len(api_mock.calls) == 0


def test_iter_items_streams_page_by_page(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Items come one page at a time: the second page is asked for only when the first is used up."""
    gorgias_api.add(responses.GET, "/customers", match=[matchers.query_param_matcher({"limit": "100", "view_id": "9"})],
                    json={"data": [{"id": 1}, {"id": 2}], "meta": {"next_cursor": "c2"}})
    gorgias_api.add(responses.GET, "/customers",
                    match=[matchers.query_param_matcher({"limit": "100", "view_id": "9", "cursor": "c2"})],
                    json={"data": [{"id": 3}], "meta": {"next_cursor": None}})
    items = gorgias.iter_items("listCustomers", {"view_id": 9}, connection)
    assert len(gorgias_api.calls) == 0
    assert next(items) == {"id": 1}
    assert len(gorgias_api.calls) == 1
    assert list(items) == [{"id": 2}, {"id": 3}]
    assert len(gorgias_api.calls) == 2


def test_errors_while_streaming_are_redacted(api_mock: responses.RequestsMock) -> None:
    """A failure on a later page reaches the consumer as a redacted ComponentError, and the client is closed."""
    api_mock.get(f"{DEMO}/things", match=[matchers.query_param_matcher({"limit": "100"})],
               json={"data": [{"id": 1}], "meta": {"next_cursor": SECRET}})
    api_mock.get(f"{DEMO}/things", match=[matchers.query_param_matcher({"limit": "100", "cursor": SECRET})],
               status=401, json={"error": {"msg": f"bad cursor {SECRET}"}})
    items = DEMO_COMPONENT.iter_items("listThings", {}, DEMO_CONNECTION)
    assert next(items) == {"id": 1}
    error = failure(next, items)
    assert type(error) is AuthError
    assert str(error) == "Demo answered 401 Unauthorized to GET /things: bad cursor [REDACTED]."
    assert EVENTS[-1] == ("close",)


def test_only_list_actions_can_be_streamed(connection: dict[str, Any]) -> None:
    """iter_items refuses an action that is not a list action."""
    error = failure(gorgias.iter_items, "getAccount", {}, connection)
    assert isinstance(error, InputError)
    assert (error.key, str(error)) == ("action", "Action 'getAccount' is not a list action; it cannot be streamed.")
