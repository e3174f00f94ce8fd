"""Hardening of inputs and packaging (issue 9): connection values never quoted, framing headers refused, floors."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import responses

from component import InputError
from gorgias_component import gorgias
from tests.support.mocked_gorgias import API_KEY, MockedGorgias

ROOT = Path(__file__).resolve().parents[2]


def test_fields_given_as_a_json_string_are_described_never_quoted(api_mock: responses.RequestsMock) -> None:
    fields = '{"domain": "acme", "username": "me@acme.com", "apiKey": "' + API_KEY + '"}'
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getAccount", {}, {"key": "apiKey", "fields": fields})
    assert str(caught.value) == "Connection 'apiKey': expected 'fields' to be an object, received a string."
    assert "acme" not in str(caught.value) and API_KEY[:6] not in str(caught.value)


@pytest.mark.parametrize("name", ["Host", "content-length", "Transfer-Encoding", "Connection", "TE", "Upgrade",
                                  "Trailer", "Proxy-Authorization", "proxy-connection"])
def test_raw_request_refuses_framing_and_connection_headers(api_mock: responses.RequestsMock,
                                                            connection: dict[str, Any], name: str) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_action("rawRequest", {"method": "GET", "url": "/tickets", "responseType": "json",
                                          "headers": {name: "x"}}, connection)
    assert caught.value.key == "headers"
    assert str(caught.value) == (f"Input 'headers' (Header): header \"{name}\" frames the request or steers the "
                                 "connection; the HTTP client sets it, so it cannot be given.")


@pytest.mark.parametrize("value", ["a\x01b", "a\x7fb", "a\x1bb", "a\x0bb"])
def test_raw_request_refuses_control_characters_in_header_values_without_showing_them(
        api_mock: responses.RequestsMock, connection: dict[str, Any], value: str) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_action("rawRequest", {"method": "GET", "url": "/tickets", "responseType": "json",
                                          "headers": {"X-Secret": value}}, connection)
    assert str(caught.value) == ("Input 'headers' (Header): expected header names without spaces or separators and "
                                 "single-line Latin-1 values without control characters (tab aside), received "
                                 "\"X-Secret\" with a value that is not.")


def test_raw_request_lets_a_tab_through(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    gorgias_api.add(responses.GET, "/tickets", json={}, match=[responses.matchers.header_matcher({"X-Tabbed": "a\tb"})])
    result = gorgias.run_action("rawRequest", {"method": "GET", "url": "/tickets", "responseType": "json",
                                               "headers": {"X-Tabbed": "a\tb"}}, connection)
    assert result == {"data": {}}


def _floor(requirement: str) -> tuple[int, ...]:
    match = re.search(r">=\s*([\d.]+)", requirement)
    assert match, requirement
    return tuple(int(part) for part in match[1].split("."))


def test_dependency_floors_are_past_the_known_advisories() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    floors = {re.split(r"[<>=\[ ]", d, maxsplit=1)[0].lower(): _floor(d) for d in declared}
    assert floors["requests"] >= (2, 32, 4)
    assert floors["authlib"] >= (1, 6, 5)
    assert floors["urllib3"] >= (2, 6)
