"""A small framework for declarative API connectors: actions, data sources, connections, manifest.

The framework knows nothing about any particular API. A component declares connections, actions
and picklist data sources; the executor validates inputs, runs them through one HTTP client and
wraps results; the manifest and JSON Schemas derive from the declarations.
"""

from component.components import Component
from component.definitions import (
    Action,
    ActionInputs,
    Connection,
    ConnectionFields,
    DataSource,
    ListRequest,
    NoInputs,
    Opened,
    OpenOptions,
    Paging,
    action,
    data_source,
    picklist,
)
from component.errors import (
    ApiError,
    AuthError,
    ComponentError,
    DefinitionError,
    InputError,
    InternalError,
    RateLimitError,
    TransportError,
    UnknownKeyError,
    WriteUncertainError,
)
from component.http import HttpClient
from component.inputs import Input, Inputs
from component.listing import ListInputs, list_action
from component.picklists import Search
from component.retries import RetryPolicy

__all__ = [
    "Action",
    "ActionInputs",
    "ApiError",
    "AuthError",
    "Component",
    "ComponentError",
    "Connection",
    "ConnectionFields",
    "DataSource",
    "DefinitionError",
    "HttpClient",
    "Input",
    "InputError",
    "Inputs",
    "InternalError",
    "ListInputs",
    "ListRequest",
    "NoInputs",
    "OpenOptions",
    "Opened",
    "Paging",
    "RateLimitError",
    "RetryPolicy",
    "Search",
    "TransportError",
    "UnknownKeyError",
    "WriteUncertainError",
    "action",
    "data_source",
    "list_action",
    "picklist",
]
