"""The generic Raw Request action: any method and path of the connection's API, with its own retries.

Only paths are accepted, never URLs: the connection's credentials must never leave its API host.
The retry inputs alone decide what is retried (default: one request, no retry).
"""

from __future__ import annotations

import base64
import json
import math
from typing import Annotated, Any
from urllib.parse import unquote, urlsplit

from component.errors import InputError
from component.http import HttpClient
from component.inputs import Bool, Input, Inputs, Invalid, KeyValues, Kind, Text, choice, describe, int_range
from component.payloads import decode_json
from component.retries import RetryPolicy
from component.values import HEADER_NAME

__all__ = ["RawRequestInputs", "check_path", "send_raw_request"]

Method = Annotated[str, choice("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")]
ResponseType = Annotated[str, choice("json", "text", "binary")]
Retries = Annotated[int, int_range(0, 10)]
DelayMs = Annotated[int, int_range(0, 600_000)]
TimeoutMs = Annotated[int, int_range(1, 600_000)]


def _payload(value: Any) -> Any:
    if isinstance(value, str | dict | list):
        return value
    raise Invalid("a string (JSON or text) or a JSON object or array")


Payload = Annotated[Any, Kind("string", _payload, {"type": ["string", "object", "array"]})]


class RawRequestInputs(Inputs):
    """The documented Raw Request inputs; a component subclasses it to word `url` for its API."""

    debug_key = "debugRequest"

    data: Payload | None = Input(
        "Data", comments="The HTTP body payload to send to the URL.", example='{"exampleKey": "Example Data"}'
    )
    debugRequest: Bool = Input(
        "Debug Request", default="false", comments="Enabling this flag will log out the current request."
    )
    fileData: KeyValues | None = Input(
        "File Data", comments="File Data to be sent as a multipart form upload.",
        example='[{key: "example.txt", value: "My File Contents"}]',
        json_example=[{"key": "example.txt", "value": "My File Contents"}],
    )
    fileDataFileNames: KeyValues | None = Input(
        "File Data File Names",
        comments="File names to apply to the file data inputs. Keys must match the file data keys above.",
    )
    formData: KeyValues | None = Input(
        "Form Data", comments="The Form Data to be sent as a multipart form upload.",
        example='[{"key": "Example Key", "value": new Buffer("Hello World")}]',
        json_example=[{"key": "Example Key", "value": "Hello World"}],
    )
    headers: KeyValues | None = Input(
        "Header", comments="A list of headers to send with the request.", example="User-Agent: curl/7.64.1"
    )
    maxRetries: Retries = Input(
        "Max Retry Count", default="0", comments="The maximum number of retries to attempt. Specify 0 for no retries."
    )
    method: Method = Input("Method", required=True, comments="The HTTP method to use.")
    queryParams: KeyValues | None = Input(
        "Query Parameter",
        comments="A list of query parameters to send with the request. This is the portion at the end of the URL "
                 "similar to ?key1=value1&key2=value2.",
    )
    responseType: ResponseType = Input(
        "Response Type", required=True, default="json",
        comments="The type of data you expect in the response. You can request json, text, or binary data.",
    )
    retryAllErrors: Bool = Input(
        "Retry On All Errors", default="false",
        comments="If true, retries on all erroneous responses regardless of type. This is helpful when retrying "
                 "after HTTP 429 or other 3xx or 4xx errors. Otherwise, only retries on HTTP 5xx and network errors.",
    )
    retryDelayMS: DelayMs = Input(
        "Retry Delay (ms)", default="0",
        comments="The delay in milliseconds between retries. This is used when 'Use Exponential Backoff' is disabled.",
    )
    timeout: TimeoutMs | None = Input(
        "Timeout", comments="The maximum time that a client will await a response to its request", example="2000"
    )
    url: Text = Input("URL", required=True, comments="The path of the request, relative to the API's base URL.")
    useExponentialBackoff: Bool = Input(
        "Use Exponential Backoff", default="false",
        comments="Specifies whether to use a pre-defined exponential backoff strategy for retries. "
                 "When enabled, 'Retry Delay (ms)' is ignored.",
    )


def check_path(url: str) -> str:
    """The path to request below the base URL; absolute and scheme-relative URLs and escapes are refused."""
    path = url.strip()
    expected = "a path below the API base URL such as /tickets (not a full URL)"
    try:
        parts = urlsplit(path)
    except ValueError:  # e.g. an unbalanced IPv6 bracket: certainly not a plain path
        parts = None
    if parts is None or parts.scheme or parts.netloc or path.startswith(("//", "\\")) or "\\" in path:
        raise InputError("url", f"Input 'url' (URL): expected {expected}, received {describe(url)}.")
    decoded = unquote(parts.path)
    if (any(segment in (".", "..") for segment in decoded.split("/")) or any(ord(c) < 32 or ord(c) == 127 for c in path)
            or not _encodable(path)):
        raise InputError("url", f"Input 'url' (URL): expected {expected} without '.' or '..' segments, "
                                f"received {describe(url)}.")
    return path if path.startswith("/") else "/" + path


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return False
    return True


# Headers that frame the message or steer the connection: the HTTP client sets them, a user never may.
FRAMING_HEADERS = frozenset({"host", "content-length", "transfer-encoding", "connection", "te", "upgrade", "trailer"})


def _headers(inputs: RawRequestInputs) -> dict[str, str]:
    """The header inputs as strings (unset values left out); names and values HTTP cannot carry are refused."""
    headers: dict[str, str] = {}
    for name, value in (inputs.headers or {}).items():
        if value is None:
            continue
        text = (value if isinstance(value, str) else json.dumps(value, default=str)).strip()  # true, 5, {"a": 1}
        if name.lower() in FRAMING_HEADERS or name.lower().startswith("proxy-"):
            raise InputError("headers", f"Input 'headers' (Header): header {describe(name)} frames the request or "
                                        "steers the connection; the HTTP client sets it, so it cannot be given.")
        try:
            text.encode("latin-1")
            valid = bool(HEADER_NAME.fullmatch(name)) and not any(_control(c) for c in text)
        except UnicodeEncodeError:
            valid = False
        if not valid:
            raise InputError("headers", f"Input 'headers' (Header): expected header names without spaces or "
                                        f"separators and single-line Latin-1 values without control characters "
                                        f"(tab aside), received {describe(name)} with a value that is not.")
        headers[name] = text
    return headers


def _control(char: str) -> bool:
    return (ord(char) < 32 and char != "\t") or ord(char) == 127


def _body(inputs: RawRequestInputs) -> dict[str, Any]:
    if inputs.fileData or inputs.formData:
        names = inputs.fileDataFileNames or {}
        files = {
            key: (str(names.get(key, key)), value if isinstance(value, bytes) else str(value).encode("utf-8", "replace"))
            for key, value in (inputs.fileData or {}).items()
        }
        form = {key: value if isinstance(value, str | bytes) else json.dumps(value)
                for key, value in (inputs.formData or {}).items()}
        return {"files": files or None, "data": form or None}
    if isinstance(inputs.data, dict | list):
        try:
            json.dumps(inputs.data, allow_nan=False)
        except (ValueError, RecursionError):
            raise InputError("data", f"Input 'data' (Data): expected JSON, received {describe(inputs.data)} holding "
                                     "NaN, Infinity or nesting too deep to send.") from None
        return {"json": inputs.data}
    if isinstance(inputs.data, str):
        try:
            return {"json": json.loads(inputs.data, parse_constant=_not_json)}
        except (ValueError, RecursionError):  # not JSON (NaN and Infinity are not JSON either): sent as typed
            return {"data": inputs.data.encode("utf-8", "replace")}
    return {}


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def send_raw_request(api: HttpClient, inputs: RawRequestInputs) -> Any:
    """Send the request as described and decode the answer as the user asked."""
    path = check_path(inputs.url)
    headers = _headers(inputs)
    # The retry inputs alone decide: no extra 429 retries, no jitter, no time budget beyond what they add up to.
    policy = RetryPolicy(
        max_retries=inputs.maxRetries,
        retry_writes=True,
        retry_all_errors=inputs.retryAllErrors,
        exponential=inputs.useExponentialBackoff,
        fixed_delay=inputs.retryDelayMS / 1000,
        jitter=False,
        rate_limit_retries=0,
        budget=math.inf,
    )
    client = api.with_policy(policy, debug=inputs.debugRequest)
    response = client.request(
        inputs.method, path, params=inputs.queryParams, headers=headers,
        timeout=inputs.timeout / 1000 if inputs.timeout else None, follow_redirects=True, **_body(inputs),
    )
    if inputs.responseType == "binary":
        return {
            "contentType": response.headers.get("Content-Type", "application/octet-stream"),
            "data": base64.b64encode(response.content).decode("ascii"),
        }
    if inputs.responseType == "text":
        return response.text
    return decode_json(response, api.service, f"{inputs.method} {path}", "set Response Type to text or binary to read it")
