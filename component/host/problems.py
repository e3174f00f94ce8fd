"""Errors as the host answers them: `{"error": {"type", "message", "key"?, "status"?}}` with a fitting HTTP status."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import JSONResponse

from component.errors import (
    ApiError,
    AuthError,
    ComponentError,
    InputError,
    InternalError,
    RateLimitError,
    TransportError,
    UnknownKeyError,
    WriteUncertainError,
)

__all__ = ["error_response", "problem"]

# Seconds a caller is told to wait when the API did not say: a typical rate-limit window. A host that knows
# its connection's window passes it to `error_response`.
DEFAULT_RETRY_AFTER = 20
_ASKED = re.compile(r"asked to wait (\d+) s")


def problem(status: int, kind: str, message: str, *, key: str | None = None, api_status: int | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON error answer."""
    body: dict[str, Any] = {"type": kind, "message": message}
    if key is not None:
        body["key"] = key
    if api_status is not None:
        body["status"] = api_status
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def error_response(exc: ComponentError, *, retry_after: int = DEFAULT_RETRY_AFTER) -> JSONResponse:
    """400 bad input (404 unknown key), 502 when the API refused (its status in the body; 401/403 included:
    the host's caller is not the one unauthorized), 429 with Retry-After when the budget is spent (the API's
    wait, else `retry_after`), 504 on timeouts, 500 for a bug. Messages come from the component, which has
    already removed every secret."""
    message = str(exc)
    if isinstance(exc, UnknownKeyError):
        return problem(404, "unknown_key", message, key=exc.key)
    if isinstance(exc, InputError):
        return problem(400, "input_error", message, key=exc.key)
    if isinstance(exc, RateLimitError):
        asked = _ASKED.search(message)
        wait = str(asked.group(1) if asked else retry_after)
        return problem(429, "rate_limited", message, api_status=exc.status, headers={"Retry-After": wait})
    if isinstance(exc, AuthError):
        return problem(502, "auth_error", message, api_status=exc.status)
    if isinstance(exc, ApiError):
        return problem(502, "api_error", message, api_status=exc.status)
    if isinstance(exc, WriteUncertainError):
        return problem(504 if "timed out" in message else 502, "write_uncertain", message)
    if isinstance(exc, TransportError):
        timed_out = "timed out" in message or "within" in message
        return problem(504 if timed_out else 502, "timeout" if timed_out else "transport_error", message)
    if isinstance(exc, InternalError):
        return problem(500, "internal_error", message)
    return problem(500, "component_error", message)
