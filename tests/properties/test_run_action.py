"""The whole entry point, for every action and picklist: any JSON-like inputs give a result or an InputError.

Never another exception, and never a request sent for invalid input. Each example runs under a strict
mock of the real host that answers like Gorgias; a request anywhere else fails the example.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import requests
import responses
from hypothesis import example, given
from hypothesis import strategies as st

from component.errors import InputError
from gorgias_component import gorgias
from tests.properties.conftest import PROPERTY, REPORTABLE, host_values, inputs_for, json_like
from tests.support.mocked_gorgias import api_key_connection

ANY_PATH = re.compile(r"https://[a-z0-9-]+\.gorgias\.com/api(/.*)?")  # any account: any valid domain may be drawn
CONNECTION = api_key_connection()  # a constant, not the fixture: Hypothesis runs many examples per test call
PAGE = {"object": "list", "uri": "/api/x", "data": [], "meta": {"prev_cursor": None, "next_cursor": None}}

pytestmark = REPORTABLE


def gorgias_like(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
    """A plausible Gorgias answer for any request: a redirect for downloads, else the method's success status."""
    if "/download/" in (request.path_url or ""):
        return 307, {"Location": "https://storage.example.com/file"}, ""
    status = {"POST": 201, "PUT": 202, "DELETE": 204}.get(request.method or "GET", 200)
    body = "" if status == 204 or request.method == "HEAD" else json.dumps(PAGE)
    return status, {"Content-Type": "application/json"}, body


def mocked_gorgias() -> responses.RequestsMock:
    """Not gorgias_api: any account and any credentials are drawn, so neither base URL nor credentials are fixed."""
    mock = responses.RequestsMock(assert_all_requests_are_fired=False)
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"):
        mock.add_callback(method, ANY_PATH, callback=gorgias_like)
    return mock


def outcome(run: Any) -> str:
    """Run under the mock; "result" or "input error", asserting no request was sent for an input error."""
    with mocked_gorgias() as mock:
        try:
            result = run()
        except InputError:
            assert len(mock.calls) == 0, [call.request.url for call in mock.calls]
            return "input error"
    assert isinstance(result, dict)
    return "result"


ACTIONS = {action.key: action for action in gorgias.actions}
SOURCES = {source.key: source for source in gorgias.data_sources}


@pytest.mark.parametrize("key", sorted(ACTIONS))
@PROPERTY
@given(data=st.data())
def test_run_action_gives_a_result_or_an_input_error(key: str, data: st.DataObject) -> None:
    """For any inputs object, run_action returns {"data": ...} or raises InputError before any request."""
    inputs = data.draw(inputs_for(ACTIONS[key].inputs.specs), label="inputs")
    with mocked_gorgias() as mock:
        try:
            result = gorgias.run_action(key, inputs, CONNECTION)
        except InputError:
            assert len(mock.calls) == 0
            return
    assert list(result) == ["data"]


@pytest.mark.parametrize("key", sorted(SOURCES))
@PROPERTY
@given(data=st.data())
def test_run_data_source_gives_options_or_an_input_error(key: str, data: st.DataObject) -> None:
    """For any inputs object, a picklist returns {"result": [...]} or raises InputError before any request."""
    inputs = data.draw(inputs_for(SOURCES[key].inputs.specs), label="inputs")
    with mocked_gorgias() as mock:
        try:
            result = gorgias.run_data_source(key, inputs, CONNECTION)
        except InputError:
            assert len(mock.calls) == 0
            return
    assert result == {"result": []}


@PROPERTY
@given(key=st.sampled_from(sorted(ACTIONS)), inputs=json_like.filter(lambda v: v is not None and not isinstance(v, dict)))
def test_inputs_that_are_not_an_object_are_an_input_error(key: str, inputs: Any) -> None:
    """A list, string or number where the inputs object belongs is refused before any request."""
    assert outcome(lambda: gorgias.run_action(key, inputs, CONNECTION)) == "input error"


@PROPERTY
@given(domain=host_values, username=host_values, api_key=host_values)
# Lone surrogates once reached the redactor's Basic encoding and escaped as a bare UnicodeEncodeError.
@example(domain="acme", username="me@acme.com", api_key="k3y\ud800value")
@example(domain="acme", username="me\ud800@acme.com", api_key="k3y-s3cret-value")
@example(domain="true", username="true", api_key="\ud800")
def test_any_connection_fields_give_a_result_or_an_input_error(domain: Any, username: Any, api_key: Any) -> None:
    """Whatever the connection holds, getAccount answers or refuses it before sending the credentials anywhere."""
    connection = {"key": "apiKey", "fields": {"domain": domain, "username": username, "apiKey": api_key}}
    assert outcome(lambda: gorgias.run_action("getAccount", {}, connection)) in ("result", "input error")


DOWNLOAD = {"domain_hash": "Hna8kldnmlal", "file_type": "attachment", "resource_name": "image.png"}


@PROPERTY
@given(part=st.sampled_from(sorted(DOWNLOAD)), value=host_values)
# A lone surrogate in a path part once failed in URL quoting, inside perform: an InternalError.
@example(part="resource_name", value="image-\ud800.png")
@example(part="domain_hash", value="\ud800")
def test_any_download_path_part_gives_the_signed_url_or_an_input_error(part: str, value: Any) -> None:
    """Download File answers the redirect's URL or refuses the path part before any request, whatever it holds."""
    assert outcome(lambda: gorgias.run_action("downloadFile", {**DOWNLOAD, part: value}, CONNECTION)) in (
        "result", "input error")


@PROPERTY
@given(connection=json_like)
def test_any_connection_value_gives_a_result_or_an_input_error(connection: Any) -> None:
    """A connection that is not even an object is an InputError."""
    assert outcome(lambda: gorgias.run_action("getAccount", {}, connection)) == "input error"


@PROPERTY
@given(key=json_like)
def test_an_unknown_action_key_is_an_input_error(key: Any) -> None:
    """Any key that names no action is refused."""
    if isinstance(key, str) and key in ACTIONS:
        return
    assert outcome(lambda: gorgias.run_action(key, {}, CONNECTION)) == "input error"
