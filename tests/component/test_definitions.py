"""Declarations are inert frozen data built from typed functions, and the Gorgias registries are complete."""

# No `from __future__ import annotations`: the decorators read the perform functions' type hints.

import dataclasses
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import gorgias_component.actions
import gorgias_component.connections
import gorgias_component.datasources
from component import (
    Action,
    ActionInputs,
    Component,
    Connection,
    ConnectionFields,
    DataSource,
    DefinitionError,
    HttpClient,
    Input,
    ListRequest,
    NoInputs,
    Opened,
    OpenOptions,
    action,
    data_source,
    list_action,
)
from component.inputs import Id, Password, Text
from gorgias_component import gorgias
from gorgias_component.actions import ACTIONS
from gorgias_component.actions.paging import ListInputs
from gorgias_component.connections import CONNECTIONS
from gorgias_component.connections.answers import GORGIAS_PAGES
from gorgias_component.datasources import DATA_SOURCES

REPO = Path(__file__).resolve().parents[2]


class EchoInputs(ActionInputs):
    text: Text | None = Input("Text")


class ThingsInputs(ListInputs):
    owner: Id | None = Input("Owner")


class Fields(ConnectionFields):
    token: Password = Input("Token", required=True)


def open_nothing(fields: ConnectionFields, token: Any, options: OpenOptions) -> Opened:
    raise AssertionError("never opened in these tests")


CONNECTION = Connection("token", "Token", "A token.", Fields, open_nothing)


@action("echo", "Echo", "Return the text.", example={"data": "hi"})
def echo(api: HttpClient, inputs: EchoInputs) -> object:
    return inputs.text


@data_source("pickThing", "Pick Thing", "Pick one thing.")
def pick_thing(api: HttpClient, inputs: NoInputs) -> list[dict[str, str]]:
    return []


@list_action("listThings", "List Things", "List things.")
def list_things(inputs: ThingsInputs) -> ListRequest:
    return ListRequest("/things", {"owner": inputs.owner})


def test_action_builds_a_frozen_definition_with_the_inputs_model_from_the_type_hints() -> None:
    """@action keeps key, label, description, example and perform, and finds the inputs model."""
    assert isinstance(echo, Action)
    assert (echo.key, echo.label, echo.description, echo.example) == ("echo", "Echo", "Return the text.", {"data": "hi"})
    assert echo.inputs is EchoInputs
    assert echo.stream is None
    assert echo(None, EchoInputs.parse({"text": "hi"})) == "hi"  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        echo.key = "other"  # type: ignore[misc]


def test_data_source_builds_a_frozen_picklist_definition() -> None:
    """@data_source keeps its declaration and is a picklist."""
    assert isinstance(pick_thing, DataSource)
    assert (pick_thing.key, pick_thing.label, pick_thing.type, pick_thing.inputs) == (
        "pickThing", "Pick Thing", "picklist", NoInputs)
    with pytest.raises(dataclasses.FrozenInstanceError):
        pick_thing.label = "other"  # type: ignore[misc]


def test_list_action_builds_an_action_that_pages_and_streams() -> None:
    """@list_action takes a describe(inputs) function and gives an action with a perform and a stream."""
    assert isinstance(list_things, Action)
    assert list_things.inputs is ThingsInputs
    assert list_things.stream is not None
    assert callable(list_things.perform)


def test_list_action_perform_sends_one_page_or_fetches_all() -> None:
    """Without fetchAll one page is asked with cursor and limit; with fetchAll every page is walked."""
    calls: list[tuple[str, Any, Any]] = []

    class Recorder:
        paginator = GORGIAS_PAGES  # builds the one page's query

        def list(self, path: str, params: Any, *, fetch_all: bool, method: str = "GET", body: Any = None) -> str:
            assert (method, body) == ("GET", None)  # a ListRequest reads with GET and no body unless it says so
            calls.append((path, dict(params), fetch_all))
            return "page"

    assert list_things.perform(Recorder(), ThingsInputs.parse({"owner": "7", "limit": "5", "cursor": "c1"})) == "page"
    list_things.perform(Recorder(), ThingsInputs.parse({"fetchAll": "true", "limit": "5"}))
    assert calls == [
        ("/things", {"owner": 7, "cursor": "c1", "limit": 5}, False),
        ("/things", {"owner": None}, True),
    ]


def test_list_inputs_declare_cursor_fetch_all_limit_and_debug() -> None:
    """Every list action has the shared paging inputs and the debug flag."""
    assert [spec.key for spec in ListInputs.specs] == ["debug", "cursor", "fetchAll", "limit"]
    assert ListInputs.debug_key == "debug"


def test_action_inputs_declare_the_documented_debug_flag() -> None:
    """ActionInputs brings `debug` with its documented label, default and comment."""
    (spec,) = ActionInputs.specs
    assert (spec.key, spec.label, spec.type, spec.default, spec.comments) == (
        "debug", "Debug Request", "boolean", "false", "Enabling this flag will log out the current request.")


def test_a_perform_without_typed_inputs_is_a_definition_error() -> None:
    """perform must take (api, inputs) with inputs annotated by an Inputs model."""
    with pytest.raises(DefinitionError) as caught:

        @action("bad", "Bad", "Bad.")
        def bad(api: HttpClient, inputs) -> object:  # type: ignore[no-untyped-def]
            return None

    assert str(caught.value) == "bad: declare it as `def bad(api, inputs: SomeInputs)`"


def test_a_perform_with_the_wrong_arity_is_a_definition_error() -> None:
    """A perform with one argument is refused with the expected signature."""
    with pytest.raises(DefinitionError) as caught:

        @data_source("bad", "Bad", "Bad.")
        def only_inputs(inputs: NoInputs) -> list[dict[str, str]]:
            return []

    assert str(caught.value) == "bad: declare it as `def only_inputs(api, inputs: SomeInputs)`"


def test_a_list_action_describe_with_two_arguments_is_a_definition_error() -> None:
    """A list action describes its request from its inputs alone."""
    with pytest.raises(DefinitionError) as caught:

        @list_action("bad", "Bad", "Bad.")
        def describe(api: HttpClient, inputs: ThingsInputs) -> ListRequest:
            return ListRequest("/x")

    assert str(caught.value) == "bad: declare it as `def describe(inputs: SomeInputs)`"


def test_inputs_that_are_not_an_inputs_model_are_a_definition_error() -> None:
    """The inputs annotation must be an Inputs subclass."""
    with pytest.raises(DefinitionError) as caught:

        @action("bad", "Bad", "Bad.")
        def bad(api: HttpClient, inputs: dict) -> object:  # type: ignore[type-arg]
            return None

    assert str(caught.value) == "bad: the inputs of perform must be an Inputs model, not <class 'dict'>"


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({"connections": (CONNECTION, CONNECTION)}, "demo: duplicate connection key 'token'"),
        ({"actions": (echo, list_things, echo)}, "demo: duplicate action key 'echo'"),
        ({"data_sources": (pick_thing, pick_thing)}, "demo: duplicate data source key 'pickThing'"),
    ],
)
def test_a_component_refuses_duplicate_keys(parts: dict[str, Any], message: str) -> None:
    """Keys are unique per kind within a component."""
    arguments: dict[str, Any] = {"connections": (CONNECTION,), "actions": (echo,), "data_sources": (), **parts}
    with pytest.raises(DefinitionError) as caught:
        Component("demo", "Demo", "A demo.", **arguments)
    assert str(caught.value) == message


def test_the_same_key_may_name_an_action_and_a_data_source() -> None:
    """Uniqueness is per kind: actions and data sources live in separate namespaces."""
    same = dataclasses.replace(pick_thing, key="echo")
    demo = Component("demo", "Demo", "A demo.", (CONNECTION,), (echo,), (same,))
    assert demo.action("echo") is echo
    assert demo.data_source("echo") is same


# -- the Gorgias registries --------------------------------------------------------------------


def camel_case(label: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", label)
    return words[0].lower() + "".join(word.capitalize() for word in words[1:])


def declared(package: ModuleType, kind: type[Any]) -> dict[str, Any]:
    """Every declaration of `kind` bound in the package's modules, by key, found by scanning them (not the registry)."""
    found: dict[str, Any] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        for value in vars(importlib.import_module(info.name)).values():
            if isinstance(value, kind):
                assert found.setdefault(value.key, value) is value, f"{value.key} is declared twice"
    return found


@pytest.mark.parametrize(("package", "kind", "registered"), [
    (gorgias_component.actions, Action, lambda: gorgias.actions),
    (gorgias_component.datasources, DataSource, lambda: gorgias.data_sources),
    (gorgias_component.connections, Connection, lambda: gorgias.connections),
], ids=["actions", "datasources", "connections"])
def test_every_declaration_in_the_modules_is_registered(package: ModuleType, kind: type[Any],
                                                        registered: Any) -> None:
    """No action, data source or connection declared in a module is missing from the component, nor registered twice."""
    found = declared(package, kind)
    keys = [item.key for item in registered()]
    assert sorted(keys) == sorted(found) and len(set(keys)) == len(keys)
    assert all(found[item.key] is item for item in registered())


def test_the_gorgias_component_registers_every_declaration() -> None:
    """gorgias holds the actions, data sources and 2 connections of the registries, each key once."""
    assert gorgias.key == "gorgias"
    assert len({a.key for a in ACTIONS}) == len(ACTIONS) > 20
    assert len({d.key for d in DATA_SOURCES}) == len(DATA_SOURCES) > 4
    assert [c.key for c in CONNECTIONS] == ["apiKey", "oauth2"]
    assert gorgias.check_action == "getAccount"


OPERATIONS = next((p for p in (REPO.parent / "shared" / "docs" / "gorgias-operations.md",
                                REPO.parents[1] / "shared" / "docs" / "gorgias-operations.md") if p.is_file()),
                  REPO / "missing")


def test_the_registered_keys_include_the_documented_ones() -> None:
    """Every action and data source of the component documentation is registered."""
    assert {a.key for a in ACTIONS} >= {
        "createCustomer", "createTicket", "createTicketMessage", "deleteCustomer", "deleteTicket",
        "deleteTicketCustomField", "downloadFile", "getAccount", "getCustomer", "getEvent", "getTicket",
        "getTicketMessage", "listCustomers", "listEvents", "listMessages", "listTicketCustomFields", "listTickets",
        "rawRequest", "search", "updateCustomer",
    }
    assert {d.key for d in DATA_SOURCES} >= {"selectCustomer", "selectEvent", "selectMessage", "selectTicket"}


@pytest.mark.skipif(not OPERATIONS.is_file(), reason="the operations table is not available")
def test_every_action_key_is_an_operation_of_the_api() -> None:
    """Each action key beside rawRequest is the action key of one Gorgias operation in the operations table."""
    keys = set(re.findall(r"\| `(\w+)` \|(?: seed)? *\|$", OPERATIONS.read_text(encoding="utf-8"), re.M))
    assert {a.key for a in ACTIONS} - {"rawRequest"} <= keys


def test_every_action_key_is_its_label_in_camel_case() -> None:
    """Keys derive from labels: "Create Ticket Message" is createTicketMessage."""
    assert [a.key for a in ACTIONS] == [camel_case(a.label) for a in ACTIONS]
    assert [d.key for d in DATA_SOURCES] == [camel_case(d.label) for d in DATA_SOURCES]


def test_every_declaration_is_typed() -> None:
    """Each action and data source has a description and an inputs model; list actions can stream."""
    for item in (*ACTIONS, *DATA_SOURCES):
        assert item.description.strip(), item.key
        assert item.inputs.specs is not None
    streaming = {a.key for a in ACTIONS if a.stream is not None}
    assert streaming >= {"listCustomers", "listEvents", "listMessages", "listTickets"}
    assert all(key.startswith("list") for key in streaming - {"searchViewItems"})  # a search that pages (PUT)
    assert "searchViewItems" in streaming


NO_IO_IMPORT = textwrap.dedent(
    """
    import builtins, json, socket, sys

    def refuse(*args, **kwargs):
        raise AssertionError("I/O during import: " + repr(args[:1]))

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.socket.bind = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    builtins.open = refuse

    import importlib
    module = importlib.import_module("gorgias_component")
    for name in ("actions", "datasources", "connections", "component.cli", "component.manifest"):
        importlib.import_module(name)
    print(json.dumps({
        "actions": len(module.gorgias.actions),
        "loaded": sorted(m for m in ("jsonschema", "sandbox") if m in sys.modules),
    }))
    """
)


def test_importing_the_component_performs_no_io() -> None:
    """Importing the declarations opens no socket and no file, and loads neither jsonschema nor the sandbox."""
    done = subprocess.run([sys.executable, "-c", NO_IO_IMPORT], cwd=REPO, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"actions": len(ACTIONS), "loaded": []}
