"""Raw Request sends any method and path of the Gorgias API as described, and refuses to leave the API host."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, refuses_test, required, sends_test
from tests.support.mocked_gorgias import MockedGorgias


def raw(**inputs: Any) -> dict[str, Any]:
    """Raw Request inputs with the documented default response type."""
    return {"responseType": "json", **inputs}


URL_OUTSIDE = "Input 'url' (URL): expected a path below the API base URL such as /tickets (not a full URL)"

test_sends = sends_test([
    # The path is appended to the account's base URL and sent with the connection's auth.
    *(Sends("rawRequest", raw(method="GET", url=url), "GET", "/tickets", answer={"data": []})
      for url in ("/tickets", "tickets", " /tickets ")),
    # Query parameters and headers given as key-value lists, an object or "key:value" strings are all sent.
    Sends("rawRequest", raw(method="get", url="/customers", queryParams=[{"key": "email", "value": "a@b.c"},
                                                                       {"key": "limit", "value": 5}],
                            headers=["User-Agent: curl/7.64.1", "X-Trace:42"], debugRequest="false"),
          "GET", "/customers", query={"email": "a@b.c", "limit": "5"},
          headers={"User-Agent": "curl/7.64.1", "X-Trace": "42"}, answer={"data": [1]}),
    # Data given as a JSON string or an object is sent as a JSON body.
    *(Sends("rawRequest", raw(method="POST", url="/customers", data=data), "POST", "/customers",
            body={"name": "Jo", "tags": [1]}, headers={"Content-Type": "application/json"}, answer={"id": 1}, status=201)
      for data in ('{"name": "Jo", "tags": [1]}', {"name": "Jo", "tags": [1]})),
    # formData and fileData go out as one multipart form; fileDataFileNames names the files.
    Sends("rawRequest", raw(method="POST", url="/upload", fileData=[{"key": "file", "value": "My File Contents"}],
                            fileDataFileNames={"file": "report.txt"},
                            formData=[{"key": "note", "value": "Hello World"}, {"key": "meta", "value": {"a": 1}}]),
          "POST", "/upload", parts=[("note", None, None, b"Hello World"), ("meta", None, None, b'{"a": 1}'),
                                    ("file", "report.txt", None, b"My File Contents")], answer={"ok": True}),
    # A file without a declared name is named after its key.
    Sends("rawRequest", raw(method="POST", url="/upload", fileData={"example.txt": "My File Contents"}),
          "POST", "/upload", parts=[("example.txt", "example.txt", None, b"My File Contents")], answer={"ok": True}),
])

test_refuses = refuses_test([
    # Absolute URLs, protocol-relative URLs and dot segments (even encoded) never leave the API.
    *(Refuses("rawRequest", raw(method="GET", url=url), "url", f"{URL_OUTSIDE}{rest}, received {received}.")
      for url, rest, received in (
          ("https://evil.example.com/api/tickets", "", '"https://evil.example.com/api/tickets"'),
          ("//evil.example.com/x", "", '"//evil.example.com/x"'),
          ("/a/../b", " without '.' or '..' segments", '"/a/../b"'),
          ("/tickets/%2e%2e/%2E%2E/oauth", " without '.' or '..' segments", '"/tickets/%2e%2e/%2E%2E/oauth"'),
          ("\\\\evil\\x", "", r'"\\\\evil\\x"'),  # the received value is shown JSON-escaped
      )),
    required("rawRequest", raw(url="/x"), "method", "Method"),
    Refuses("rawRequest", raw(method="FETCH", url="/x"), "method",
            "Input 'method' (Method): expected one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, received \"FETCH\"."),
    Refuses("rawRequest", raw(method="GET", url="/x", responseType="xml"), "responseType",
            "Input 'responseType' (Response Type): expected one of json, text, binary, received \"xml\"."),
    Refuses("rawRequest", raw(method="GET", url="/x", maxRetries="11"), "maxRetries",
            "Input 'maxRetries' (Max Retry Count): expected a whole number from 0 to 10, received \"11\"."),
    Refuses("rawRequest", raw(method="GET", url="/x", timeout=0), "timeout",
            "Input 'timeout' (Timeout): expected a whole number from 1 to 600000, received 0."),
    Refuses("rawRequest", raw(method="GET", url="/x", headers=[{"value": "no key"}]), "headers",
            "Input 'headers' (Header): expected a list of {\"key\": ..., \"value\": ...} items, an object, or "
            "\"key:value\" strings, received a list of 1 item."),
])


def test_raw_sends_text_that_is_not_json_as_is(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """Data that is not JSON is sent verbatim."""
    gorgias_api.add(responses.PUT, "/notes/1", status=204, match=[matchers.body_matcher("plain words")])
    result = invoke(gorgias, "rawRequest", raw(method="PUT", url="/notes/1", data="plain words"), connection)
    assert result == {"data": None}


def test_raw_response_type_text_returns_the_body(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """responseType text returns the body as a string, even when it is not JSON."""
    gorgias_api.add(responses.GET, "/export.csv", body="id,name\n1,Jo\n", content_type="text/csv")
    result = invoke(gorgias, "rawRequest", raw(method="GET", url="/export.csv", responseType="text"), connection)
    assert result == {"data": "id,name\n1,Jo\n"}


def test_raw_response_type_binary_returns_base64_and_content_type(gorgias_api: MockedGorgias,
                                                                  connection: dict[str, Any]) -> None:
    """responseType binary returns the bytes base64-encoded with their content type."""
    gorgias_api.add(responses.GET, "/logo.png", body=b"\x89PNG\x00\xff", content_type="image/png")
    result = invoke(gorgias, "rawRequest", raw(method="GET", url="/logo.png", responseType="BINARY"), connection)
    assert result == {"data": {"contentType": "image/png", "data": base64.b64encode(b"\x89PNG\x00\xff").decode()}}


def test_raw_json_response_that_is_not_json_says_what_to_do(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any]) -> None:
    """A non-JSON answer with responseType json is an ApiError pointing to text or binary."""
    gorgias_api.add(responses.GET, "/page", body="<html>hi</html>", content_type="text/html")
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "rawRequest", raw(method="GET", url="/page"), connection)
    assert caught.value.status == 200
    assert caught.value.body == "<html>hi</html>"
    assert str(caught.value) == (
        "Gorgias answered 200 to GET /page with a body that is not JSON; set Response Type to text or binary to read it."
    )


def test_raw_timeout_is_given_in_milliseconds(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """The timeout input (ms) becomes the request's timeout in seconds."""
    gorgias_api.add(responses.GET, "/account", json={}, match=[matchers.request_kwargs_matcher({"timeout": 2.0})])
    result = invoke(gorgias, "rawRequest", raw(method="GET", url="/account", timeout="2000"), connection)
    assert result == {"data": {}}
