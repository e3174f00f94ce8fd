"""The exceptions a component raises, grouped by what the caller must do about them.

    ComponentError                 every error a host sees
    ├── DefinitionError            the component author misused the framework (fix the code)
    ├── InputError                 an input or connection field is invalid; nothing was sent (fix the input)
    │   └── UnknownKeyError        no action / data source / connection with that key
    ├── ApiError                   the API answered with a non-2xx status after any retries
    │   ├── AuthError              401 / 403 / OAuth grant errors (fix the connection)
    │   └── RateLimitError         429 after every retry the budget allowed (retry later)
    ├── TransportError             no usable answer: connection refused, reset, timeout (retry)
    │   └── WriteUncertainError    a non-idempotent write may or may not have happened
    └── InternalError              a bug in an action's perform (report it)

Messages never carry secrets: the executor passes every message through the connection's
redactor before it leaves.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ApiError",
    "AuthError",
    "ComponentError",
    "DefinitionError",
    "InputError",
    "InternalError",
    "RateLimitError",
    "TransportError",
    "UnknownKeyError",
    "WriteUncertainError",
]


class ComponentError(Exception):
    """Root of every error raised by a component."""


class DefinitionError(ComponentError):
    """A component, action, data source or connection is declared wrongly."""


class InputError(ComponentError):
    """An input or connection field is missing or invalid; raised before any request."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class UnknownKeyError(InputError):
    """No action, data source or connection is registered under the requested key; `.key` is that key."""

    def __init__(self, key: str, message: str, *, kind: str = "") -> None:
        super().__init__(key, message)
        self.kind = kind  # "action", "data source" or "connection"


class ApiError(ComponentError):
    """The API answered with a non-2xx status."""

    def __init__(self, message: str, *, status: int, body: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class AuthError(ApiError):
    """The credentials were refused: the connection must be fixed or reauthorized."""


class RateLimitError(ApiError):
    """The API kept answering 429 until the retry budget ran out; `retry_after`: seconds to wait, when known."""

    def __init__(self, message: str, *, status: int, body: Any = None, retry_after: float | None = None) -> None:
        super().__init__(message, status=status, body=body)
        self.retry_after = retry_after


class TransportError(ComponentError):
    """No usable answer arrived: the network failed or the request timed out."""


class WriteUncertainError(TransportError):
    """A non-idempotent request may have reached the API; it was not sent again."""


class InternalError(ComponentError):
    """An action or data source failed in a way the framework did not expect."""
