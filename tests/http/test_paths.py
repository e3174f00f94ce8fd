"""Paths: ids must be integers, other path parts are encoded, and Raw Request only takes paths below the API."""

from __future__ import annotations

from typing import Any

import pytest
import responses

from component.errors import InputError
from component.raw_request import check_path
from gorgias_component import gorgias
from tests.support.mocked_gorgias import MockedGorgias

SIGNED = "https://storage.example.com/a.png?sig=1"

# Every action whose path holds an id, with the id inputs that go into the path.
ID_PATHS = [
    ("getCustomer", {}, "id"),
    ("updateCustomer", {}, "id"),
    ("deleteCustomer", {}, "id"),
    ("getTicket", {}, "id"),
    ("deleteTicket", {}, "id"),
    ("getEvent", {}, "id"),
    ("listTicketCustomFields", {}, "ticket_id"),
    ("deleteTicketCustomField", {"id": 1}, "ticket_id"),
    ("deleteTicketCustomField", {"ticket_id": 1}, "id"),
    ("getTicketMessage", {"id": 1}, "ticket_id"),
    ("getTicketMessage", {"ticket_id": 1}, "id"),
]


@pytest.mark.parametrize(("key", "others", "field"), ID_PATHS)
@pytest.mark.parametrize("bad", ["1/../../account", "../1", "1.5", "-3", "0", "٣", " ", "1e3", True, 2**63, [1, 2]])
def test_ids_in_paths_must_be_positive_integers(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                key: str, others: dict[str, Any], field: str, bad: Any) -> None:
    """Anything but a positive integer (or its digits) is an InputError naming the input; nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action(key, {**others, field: bad}, connection)
    assert caught.value.key == field
    assert "expected a positive integer id" in str(caught.value)
    assert len(gorgias_api.calls) == 0


@pytest.mark.parametrize("bad", ["a/b", "/", ".", "..", " .. ", "", "a\\b", "a\nb"])
@pytest.mark.parametrize("field", ["domain_hash", "file_type", "resource_name"])
def test_non_numeric_path_parts_may_not_escape_their_segment(gorgias_api: MockedGorgias,
                                                             connection: dict[str, Any], field: str, bad: str) -> None:
    """A download path part with '/' or '\\', or that is '.' or '..', is refused before any request."""
    inputs = {"domain_hash": "h", "file_type": "attachment", "resource_name": "r.png", field: bad}
    with pytest.raises(InputError) as caught:
        gorgias.run_action("downloadFile", inputs, connection)
    assert caught.value.key == field
    assert len(gorgias_api.calls) == 0


def test_encoded_slashes_and_dots_stay_inside_their_segment(gorgias_api: MockedGorgias,
                                                            connection: dict[str, Any]) -> None:
    """'%2F' and '...' are data, not path syntax: they are percent-encoded into one segment."""
    gorgias_api.add(responses.GET, "/attachment/download/%252F..%252F/...", status=307,
                    headers={"Location": SIGNED})
    inputs = {"domain_hash": "%2F..%2F", "file_type": "attachment", "resource_name": "..."}
    assert gorgias.run_action("downloadFile", inputs, connection) == {"data": SIGNED}


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example.com/tickets",
        "http://acme.gorgias.com/api/tickets",
        "HTTPS://acme.gorgias.com/api/tickets",
        "//evil.example.com/tickets",
        "///evil.example.com",
        "\\\\evil.example.com\\x",
        "/\\evil.example.com",
        "https:evil.example.com",
        "javascript:alert(1)",
        "mailto:someone@example.com",
        "//[::1",
    ],
)
def test_raw_request_refuses_absolute_and_scheme_relative_urls(url: str) -> None:
    """Only paths below the base URL are accepted: the credentials must never go to another host."""
    with pytest.raises(InputError) as caught:
        check_path(url)
    assert caught.value.key == "url"
    assert "(not a full URL)" in str(caught.value)


@pytest.mark.parametrize("url", ["/..", "/tickets/../account", "/%2e%2e/x", "/a/%2E/b", "/tick\tets", "/a\x7fb",
                                 "/\ud800"])
def test_raw_request_refuses_dot_segments_and_control_characters(url: str) -> None:
    """Dot segments, even percent-encoded, and control characters or unencodable text are refused."""
    with pytest.raises(InputError) as caught:
        check_path(url)
    assert caught.value.key == "url"


@pytest.mark.parametrize(("url", "path"), [("tickets", "/tickets"), (" /tickets?limit=5 ", "/tickets?limit=5"),
                                           ("/tickets/1/messages", "/tickets/1/messages"), ("/a..b/c.d", "/a..b/c.d")])
def test_raw_request_accepts_paths(url: str, path: str) -> None:
    """Relative and absolute paths, with a query, are requested below the base URL."""
    assert check_path(url) == path


@pytest.mark.parametrize("headers", [{"X-A": "line\r\nInjected: yes"}, {"Bad Name": "v"}, {"X-A": "snow ☃"},
                                     {"X:A": "v"}, {"X-A": "nul\x00"}])
def test_raw_request_refuses_headers_http_cannot_carry(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                                       headers: dict[str, str]) -> None:
    """Header injection, spaces in names and non-Latin-1 values are InputErrors; nothing is sent."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("rawRequest", {"method": "GET", "url": "/x", "headers": headers}, connection)
    assert caught.value.key == "headers"
    assert len(gorgias_api.calls) == 0


def test_raw_request_sends_header_values_as_json_scalars(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any]) -> None:
    """Numbers and booleans become their JSON text; a header without a value is not sent."""
    seen: list[dict[str, str]] = []

    def answer(request: Any) -> tuple[int, dict[str, str], str]:
        seen.append(dict(request.headers))
        return 200, {}, "{}"

    gorgias_api.add_callback(responses.GET, "/x", callback=answer)
    headers = [{"key": "X-Count", "value": 5}, {"key": "X-Flag", "value": True}, {"key": "X-Empty"}]
    gorgias.run_action("rawRequest", {"method": "GET", "url": "/x", "headers": headers}, connection)
    assert (seen[0]["X-Count"], seen[0]["X-Flag"]) == ("5", "true")
    assert "X-Empty" not in seen[0]


def test_raw_request_refuses_data_json_cannot_carry(gorgias_api: MockedGorgias,
                                                    connection: dict[str, Any]) -> None:
    """An object holding NaN cannot be sent as JSON: an InputError on `data`, and no request."""
    with pytest.raises(InputError) as caught:
        gorgias.run_action("rawRequest", {"method": "POST", "url": "/x", "data": {"n": float("nan")}}, connection)
    assert caught.value.key == "data"
    assert str(caught.value) == ("Input 'data' (Data): expected JSON, received an object holding NaN, Infinity or "
                                 "nesting too deep to send.")
    assert len(gorgias_api.calls) == 0


def test_raw_request_sends_text_that_only_looks_like_json_as_typed(gorgias_api: MockedGorgias,
                                                                   connection: dict[str, Any]) -> None:
    """'{"n": NaN}' is not JSON: it is sent as the text the user wrote."""
    gorgias_api.add(responses.POST, "/x", json={}, match=[responses.matchers.body_matcher('{"n": NaN}')])
    assert gorgias.run_action("rawRequest", {"method": "POST", "url": "/x", "data": '{"n": NaN}'}, connection) == {
        "data": {}}


def test_a_typed_body_json_cannot_carry_is_an_input_error(gorgias_api: MockedGorgias,
                                                          connection: dict[str, Any]) -> None:
    """A code input holding NaN would fail inside requests: it is an InputError before anything is sent."""
    message = {"channel": "email", "from_agent": False, "via": "api", "body_text": "Hello"}
    inputs = {"messages": [message], "customer": {"id": 1, "score": float("inf")}}
    with pytest.raises(InputError) as caught:
        gorgias.run_action("createTicket", inputs, connection)
    assert caught.value.key == "body"
    assert str(caught.value) == ("The request body cannot be sent as JSON: it holds a number JSON cannot represent "
                                 "(NaN or Infinity).")
    assert len(gorgias_api.calls) == 0
