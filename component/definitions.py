"""Declarations of actions, data sources, connections and components: inert data plus a `perform`.

Importing a module of declarations runs no I/O. Decorators turn a typed function into a frozen
definition; a `ComponentDefinition` is built from explicit tuples of them and checks that keys are
unique. This module sits below the executor and the manifest: it imports neither (see
`component.components` for the `Component` hosts call). List actions are declared with
`component.listing.list_action`, from inputs that name their `Paging`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from component.errors import ComponentError, DefinitionError
from component.inputs import Bool, Input, Inputs, InputSpec, Kind
from component.jsonschemas import Document
from component.runtime import Runtime, default_runtime
from component.values import JSON, TokenCallback

if TYPE_CHECKING:
    from component.http import HttpClient
    from component.picklists import Listing, Search

__all__ = [
    "Action",
    "ActionInputs",
    "ComponentDefinition",
    "Connection",
    "ConnectionFields",
    "DataSource",
    "ListRequest",
    "NoInputs",
    "Opened",
    "Paging",
    "action",
    "collect",
    "data_source",
    "picklist",
]

MAX_OPTIONS = 10_000  # a picklist lists at most this many options, so an endless list cannot hang a form

I = TypeVar("I", bound=Inputs)  # noqa: E741 - the conventional name for "the inputs type"


class ActionInputs(Inputs):
    """Inputs every typed action has besides `connection`: the documented `debug` flag."""

    debug_key: ClassVar[str | None] = "debug"

    debug: Bool = Input("Debug Request", default="false", comments="Enabling this flag will log out the current request.")


class NoInputs(Inputs):
    """A data source's inputs when it has none besides its connection."""


class ConnectionFields(Inputs):
    """Base of a connection's fields; errors name them as connection fields."""

    where: ClassVar[str] = "Connection field"


@dataclass(frozen=True)
class Action(Generic[I]):
    """One action: its documented key, label, description, inputs and what it does."""

    key: str
    label: str
    description: str
    inputs: type[I]
    perform: Callable[[HttpClient, I], JSON]
    example: JSON = None  # the documentation's example output, {"data": ...}
    stream: Callable[[HttpClient, I], Iterator[Any]] | None = None  # list actions: item by item
    pages: Callable[[HttpClient, I], Iterator[dict[str, Any]]] | None = None  # list actions: page by page
    resource: str | None = None  # the menu group a designer shows it under
    output: Document | None = None  # JSON Schema of its `data`, read only when the manifest is built
    paging: Paging | None = None  # list actions: the inputs that page them

    def __call__(self, api: HttpClient, inputs: I) -> JSON:
        return self.perform(api, inputs)


@dataclass(frozen=True)
class DataSource(Generic[I]):
    """A picklist: perform returns [{"key": str, "label": str}, ...]."""

    key: str
    label: str
    description: str
    inputs: type[I]
    perform: Callable[[HttpClient, I], list[dict[str, str]]]
    example: JSON = None
    type: str = "picklist"
    max_options: int = MAX_OPTIONS  # the API's list is read no further: options past it are left out
    listing: Listing[I] | None = None  # how it reads one page and searches (`picklist`); else its list is sliced


@dataclass
class Opened:
    """What a connection's `open` hands the executor: a ready client and how to stop it."""

    client: HttpClient
    close: Callable[[], None] = lambda: None


@dataclass(frozen=True)
class Connection:
    """A way to authenticate: its fields and how to open a client from validated fields."""

    key: str
    label: str
    description: str
    fields: type[ConnectionFields]
    open: Callable[[ConnectionFields, Mapping[str, Any] | None, OpenOptions], Opened]


@dataclass(frozen=True)
class OpenOptions:
    """Per-call settings a connection needs to build its client."""

    debug: bool = False
    on_token_refresh: TokenCallback | None = None
    runtime: Runtime = field(default_factory=default_runtime)  # settings, pools and stores of the host


def action(key: str, label: str, description: str, *, example: JSON = None, resource: str | None = None,
           output: Document | None = None) -> Callable[[Callable[[HttpClient, I], JSON]], Action[I]]:
    """Declare an action from a typed `perform(api, inputs)` function, its menu group and output schema."""

    def wrap(perform: Callable[[HttpClient, I], JSON]) -> Action[I]:
        return Action(key, label, description, _inputs_type(perform, key), perform, example,
                      resource=resource, output=output)

    return wrap


@dataclass(frozen=True)
class ListRequest:
    """A paginated list request described as a value: path, filters (unset ones are None), method and body."""

    path: str
    params: Mapping[str, Any] = field(default_factory=dict)
    method: str = "GET"  # a list read with another method (a search sent as PUT) pages the same way
    body: Any = None  # JSON sent unchanged with every page (None: no body)


@dataclass(frozen=True)
class Paging:
    """Which inputs page a list: page token, page size, fetch every page (`component.listing.ListInputs`)."""

    token: str
    size: str
    every: str
    next: str | None = None  # where an answer carries the next page's token, for people and agents

    @property
    def inputs(self) -> tuple[str, str, str]:
        """The three paging inputs: none of them is a filter of the list."""
        return (self.token, self.size, self.every)

    def manifest(self) -> dict[str, str | None]:
        """The manifest's `paging` of a list action."""
        return {"token": self.token, "size": self.size, "all": self.every, "next": self.next}


def data_source(key: str, label: str, description: str, *, example: JSON = None,
                max_options: int = MAX_OPTIONS) -> Callable[
    [Callable[[HttpClient, I], list[dict[str, str]]]], DataSource[I]
]:
    """Declare a picklist data source from a typed `perform(api, inputs)` function; its cap is stated in its description."""

    def wrap(perform: Callable[[HttpClient, I], list[dict[str, str]]]) -> DataSource[I]:
        return DataSource(key, label, _stated(description, max_options), _inputs_type(perform, key), perform, example,
                          max_options=max_options)

    return wrap


def picklist(key: str, label: str, description: str, *, label_of: Callable[[Any], str], key_field: str = "id",
             search: Search[Any] | None = None, example: JSON = None, max_options: int = MAX_OPTIONS) -> Callable[
    [Callable[[I], ListRequest]], DataSource[I]
]:
    """Declare a picklist from the list request it reads, each item's label and, if any, the API's search.

    An option is `{"key": str(item[key_field]), "label": label_of(item)}`. The complete list follows
    every page; `run_data_source(..., search=, cursor=, limit=)` reads one page.
    """

    def option(item: Any) -> dict[str, str]:
        return {"key": str(item[key_field]), "label": label_of(item)}

    def wrap(describe: Callable[[I], ListRequest]) -> DataSource[I]:
        from component.picklists import Listing  # only at declaration time

        def perform(api: HttpClient, values: I) -> list[dict[str, str]]:
            request = describe(values)
            return [option(item) for item in api.items(request.path, request.params, method=request.method,
                                                                 body=request.body)]

        inputs = _inputs_type(describe, key, arity=1)
        return DataSource(key, label, _stated(description, max_options), inputs, perform, example,
                          listing=Listing(describe, option, search), max_options=max_options)

    return wrap


def collect(package: str, modules: tuple[str, ...], attribute: str) -> tuple[Any, ...]:
    """The declarations listed as `attribute` by each module of `package`, ordered by key.

    A registry is then one line per module, so modules added side by side merge without conflict.
    """
    from importlib import import_module

    found = [item for name in modules for item in getattr(import_module(f"{package}.{name}"), attribute)]
    return tuple(sorted(found, key=lambda item: str(item.key)))


def _stated(description: str, max_options: int) -> str:
    """A picklist's description with its cap: a host shows the user why a long list ends early."""
    return f"{description} Lists at most {max_options:,} options."


def _inputs_type(perform: Callable[..., Any], key: str, arity: int = 2) -> Any:
    import typing  # only at declaration time

    hints = typing.get_type_hints(perform)
    params = list(perform.__code__.co_varnames[: perform.__code__.co_argcount])
    if len(params) != arity or params[-1] not in hints:
        shape = "(api, inputs: SomeInputs)" if arity == 2 else "(inputs: SomeInputs)"
        raise DefinitionError(f"{key}: declare it as `def {perform.__name__}{shape}`")
    inputs = hints[params[-1]]
    if not (isinstance(inputs, type) and issubclass(inputs, Inputs)):
        raise DefinitionError(f"{key}: the inputs of perform must be an Inputs model, not {inputs!r}")
    return inputs


CONNECTION_INPUT = InputSpec("connection", "Connection", Kind("connection", lambda v: v, {"type": "object"}), required=True)


@dataclass(frozen=True)
class ComponentDefinition:
    """A set of connections, actions and data sources under one key: the data a host runs and describes."""

    key: str
    label: str
    description: str
    connections: tuple[Connection, ...]
    actions: tuple[Action[Any], ...]
    data_sources: tuple[DataSource[Any], ...] = ()
    connection_input: InputSpec = CONNECTION_INPUT
    check_action: str | None = None  # the action check_connection runs (no required inputs)
    # A context manager yielding (connection, environment) of a local stand-in for the API, if any.
    sandbox: Callable[[], AbstractContextManager[tuple[dict[str, Any], dict[str, str]]]] | None = None
    serve_sandbox: Callable[[list[str]], int] | None = None  # `sandbox` command: serve in the foreground
    # The sandbox's connections for a host to register (API key and an OAuth app without a token), with its environment.
    sandbox_connections: Callable[[], AbstractContextManager[tuple[list[dict[str, Any]], dict[str, str]]]] | None = None
    # Rewords a failed check_connection (error, connection key, validated fields, the runtime's settings) to say
    # what to fix.
    explain_check_failure: Callable[[ComponentError, str, ConnectionFields, Mapping[str, str]], ComponentError] | None = None
    # What to fix when the API refuses a connection's credentials (401), by connection key: every call says it.
    refusal_hint: Callable[[str], str] | None = None
    # One line for a person after a successful check (account data, connection key, validated fields, settings).
    check_summary: Callable[[Any, str, ConnectionFields, Mapping[str, str]], str] | None = None
    triggers: tuple[Any, ...] = ()  # component.triggers.Trigger: polled lists and webhooks

    def __post_init__(self) -> None:
        for kind, items in (("connection", self.connections), ("action", self.actions),
                            ("data source", self.data_sources), ("trigger", self.triggers)):
            seen: set[str] = set()
            for item in items:
                if item.key in seen:
                    raise DefinitionError(f"{self.key}: duplicate {kind} key '{item.key}'")
                seen.add(item.key)
