"""Download File returns the signed URL of Gorgias's redirect without following it."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import ApiError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, refuses_test
from tests.support.mocked_gorgias import BASE, MockedGorgias

SIGNED = "https://storage.example.com/attachments/12345?X-Signature=abc"
INPUTS = {"domain_hash": "Hna8kldnmlal", "file_type": "attachment",
          "resource_name": "image-test-c9f158fc-062d-4b00-a826-e29b36852c9b.png"}


def test_download_file_returns_the_location_of_the_redirect(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any]) -> None:
    """The 307's Location is the result; the storage URL is never requested (it is not mocked)."""
    path = "/attachment/download/Hna8kldnmlal/image-test-c9f158fc-062d-4b00-a826-e29b36852c9b.png"
    url = f"{BASE}{path}"
    gorgias_api.add(responses.GET, path, status=307, headers={"Location": SIGNED}, match=[
        matchers.query_param_matcher({}),
    ])
    assert invoke(gorgias, "downloadFile", {**INPUTS, "debug": "false"}, connection) == {"data": SIGNED}
    assert [call.request.url for call in gorgias_api.calls] == [url]


def test_download_file_url_encodes_each_path_part(gorgias_api: MockedGorgias,
                                                  connection: dict[str, Any]) -> None:
    """Spaces, '#', '?' and '%' in a path part are percent-encoded, so they stay inside that part."""
    gorgias_api.add(responses.GET, "/private%20file/download/a%23b/my%20photo%3F%25.png", status=302,
                 headers={"Location": SIGNED}, match=[matchers.query_param_matcher({})])
    inputs = {"domain_hash": "a#b", "file_type": "private file", "resource_name": "my photo?%.png"}
    assert invoke(gorgias, "downloadFile", inputs, connection) == {"data": SIGNED}


LABELS = {"resource_name": "Resource Name", "domain_hash": "Domain Hash", "file_type": "File Type"}

test_refuses = refuses_test([
    # A part containing '/' or equal to '.'/'..' cannot escape its place in the path.
    *(Refuses("downloadFile", {**INPUTS, key: value}, key,
              f"Input '{key}' ({LABELS[key]}): expected a single path segment: not empty, without '/', and not '.' or "
              f"'..', received \"{value}\".")
      for key, value in (("resource_name", "../account"), ("domain_hash", ".."), ("file_type", "a/b"),
                         ("resource_name", "."))),
    # A lone surrogate (JSON can carry "\ud800", a URL cannot).
    Refuses("downloadFile", {**INPUTS, "resource_name": "image-\ud800.png"}, "resource_name",
            "Input 'resource_name' (Resource Name): expected text without a lone surrogate such as \\ud800 (no request "
            'can carry one), received "image-\\ud800.png".'),
])


def test_download_file_without_a_redirect_is_an_api_error(gorgias_api: MockedGorgias,
                                                          connection: dict[str, Any]) -> None:
    """A 200 without a redirect is an ApiError saying the redirect to the file is missing."""
    gorgias_api.add(responses.GET, "/attachment/download/h/r.png", status=200, body=b"raw bytes")
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "downloadFile", {**INPUTS, "domain_hash": "h", "resource_name": "r.png"}, connection)
    assert caught.value.status == 200
    assert str(caught.value) == (
        "Gorgias answered 200 to GET /attachment/download/h/r.png without the redirect to the file."
    )


def test_download_file_of_a_missing_file_is_an_api_error(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any]) -> None:
    """A 404 becomes ApiError with Gorgias's message."""
    gorgias_api.add(responses.GET, "/attachment/download/h/r.png", status=404,
                 json={"error": {"msg": "File not found"}})
    with pytest.raises(ApiError) as caught:
        invoke(gorgias, "downloadFile", {**INPUTS, "domain_hash": "h", "resource_name": "r.png"}, connection)
    assert caught.value.status == 404
    assert caught.value.body == {"error": {"msg": "File not found"}}
    assert str(caught.value) == "Gorgias answered 404 Not Found to GET /attachment/download/h/r.png: File not found."
