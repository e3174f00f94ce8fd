"""API-key credentials HTTP Basic cannot carry (requests encodes them as Latin-1) are refused by field, before sending."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import responses

from component.errors import InputError
from gorgias_component import gorgias

EXPECTED = "Latin-1 text (HTTP Basic authentication, as requests encodes it, carries no other characters)"


def _connection(**fields: str) -> dict[str, Any]:
    return {"key": "apiKey", "fields": {"domain": "acme", "username": "john@acme.com", "apiKey": "k3y-s3cret", **fields}}


def test_a_username_beyond_latin_1_is_an_input_error_naming_the_username(api_mock: responses.RequestsMock) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getAccount", {}, _connection(username="jöhn@例え.com"))
    assert caught.value.key == "username"
    assert str(caught.value) == (f"Connection field 'username' (Username): expected {EXPECTED}, received "
                                 '"j\\u00f6hn@\\u4f8b\\u3048.com".')
    assert len(api_mock.calls) == 0


def test_an_api_key_beyond_latin_1_is_refused_without_showing_it(api_mock: responses.RequestsMock) -> None:
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getAccount", {}, _connection(apiKey="s3cret-例え-key"))
    assert caught.value.key == "apiKey"
    assert str(caught.value) == (f"Connection field 'apiKey' (API Key): expected {EXPECTED}, received a value of "
                                 "type str.")
    assert len(api_mock.calls) == 0


def test_a_latin_1_username_is_sent_in_its_latin_1_form(api_mock: responses.RequestsMock) -> None:
    api_mock.get("https://acme.gorgias.com/api/account", json={"domain": "acme"})
    assert gorgias.run_action("getAccount", {}, _connection(username="josé@acme.com")) == {"data": {"domain": "acme"}}
    sent = base64.b64encode("josé@acme.com:k3y-s3cret".encode("latin-1")).decode()
    assert api_mock.calls[0].request.headers["Authorization"] == f"Basic {sent}"


def test_the_check_refuses_it_too(api_mock: responses.RequestsMock) -> None:
    """The connection check goes through the same fields: the host's POST /api/connections/{id}/check says the same."""
    with pytest.raises(InputError) as caught:
        gorgias.check_connection(_connection(username="例え@acme.com"))
    assert caught.value.key == "username"
    assert len(api_mock.calls) == 0
