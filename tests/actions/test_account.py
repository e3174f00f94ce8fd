"""Get Account reads the account, and the connection check runs it."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import AuthError, InputError
from component.testing import invoke
from gorgias_component import gorgias
from tests.support.action_table import Refuses, Sends, refuses_test, sends_test
from tests.support.mocked_gorgias import MockedGorgias

ACCOUNT = {"domain": "acme", "status": {"status": "active"}, "settings": []}

test_sends = sends_test([
    Sends("getAccount", {"debug": "false"}, "GET", "/account", headers={"Accept": "application/json"}, answer=ACCOUNT),
])

# An undeclared input is refused before any request.
test_refuses = refuses_test([
    Refuses("getAccount", {"id": 1}, "id", "Unknown input 'id' for 'getAccount'. Valid inputs: debug."),
])


def test_check_connection_is_get_account(gorgias_api: MockedGorgias, connection: dict[str, Any]) -> None:
    """check_connection returns the account when the credentials work."""
    gorgias_api.add(responses.GET, "/account", json=ACCOUNT, match=[
        matchers.query_param_matcher({}),
    ])
    assert gorgias.check_connection(connection) == {"data": ACCOUNT}


def test_get_account_with_a_refused_key_is_an_auth_error(gorgias_api: MockedGorgias,
                                                         connection: dict[str, Any]) -> None:
    """A 401 is an AuthError (an ApiError) whose message carries no secret."""
    error = {"error": {"msg": "Invalid credentials", "data": {"auth": "bad key"}}}
    gorgias_api.add(responses.GET, "/account", status=401, json=error)
    with pytest.raises(AuthError) as caught:
        invoke(gorgias, "getAccount", {}, connection)
    assert caught.value.status == 401
    assert caught.value.body == error
    assert str(caught.value) == ("Gorgias answered 401 Unauthorized to GET /account: Invalid credentials (auth: bad key)."
                                 " Check the Username (the email you sign in to Gorgias with) and the API Key "
                                 "(Settings → REST API).")
    assert "k3y-s3cret-value" not in str(caught.value)


def test_get_account_refuses_a_connection_without_api_key(gorgias_api: MockedGorgias,
                                                          connection: dict[str, Any]) -> None:
    """A connection missing its API key is an InputError naming the field; nothing is sent."""
    del connection["fields"]["apiKey"]
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "getAccount", {}, connection)
    assert caught.value.key == "apiKey"
    assert str(caught.value) == "Connection field 'apiKey' (API Key) is required, but no value was given."
    assert len(gorgias_api.calls) == 0


@pytest.mark.parametrize(("field", "label", "shown"), [("username", "Username", '"me\\ud800@acme.com"'),
                                                      ("apiKey", "API Key", "a value of type str")])
def test_a_lone_surrogate_in_a_credential_is_an_input_error_naming_the_field(
        gorgias_api: MockedGorgias, connection: dict[str, Any], field: str, label: str, shown: str) -> None:
    """No header can carry a lone surrogate: the field is refused by name (an API key never shown); nothing is sent."""
    connection["fields"][field] = {"username": "me\ud800@acme.com", "apiKey": "k3y-s3cret\ud800"}[field]
    with pytest.raises(InputError) as caught:
        invoke(gorgias, "getAccount", {}, connection)
    assert caught.value.key == field
    assert str(caught.value) == (f"Connection field '{field}' ({label}): expected text without a lone surrogate such "
                                 f"as \\ud800 (no request can carry one), received {shown}.")
    assert "k3y-s3cret" not in str(caught.value)
    assert len(gorgias_api.calls) == 0
