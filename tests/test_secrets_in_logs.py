"""With debug on, request bodies are logged: of every kind of write, and around OAuth token requests, no secret shows.

Each body carries a marker that must be logged (so the test sees the body) next to the API key (masked by
value) and credentials under secret-looking keys (masked by key). The OAuth exchange logs the calls before
and after a refresh; neither the client secret nor any token may appear.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import time
from typing import Any

import pytest
import responses
from responses import matchers

from component.oauth import reset_token_cache
from gorgias_component import gorgias
from tests.support.mocked_gorgias import (
    API_KEY,
    BASE,
    BASIC,
    CLIENT_ID,
    CLIENT_SECRET,
    TOKEN_URL,
    MockedGorgias,
    oauth_connection,
)

MARKER = "visible-marker-42"
PASSWORD = "hunter2-password"
TOKEN = "tok-9f8e7d6c5b4a39"
SOURCE = {"type": "email", "from": {"address": "john@example.com"}, "to": [{"address": "support@acme.com"}]}

# key, HTTP method, inputs: each puts the marker, the API key and a secret-keyed credential in the body.
WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("createCustomer", "POST", {"name": f"{MARKER} {API_KEY}",
                                "channels": [{"type": "email", "address": "a@example.com", "password": PASSWORD}]}),
    ("updateCustomer", "PUT", {"id": "1", "name": f"{MARKER} {API_KEY}",
                               "channels": [{"type": "email", "address": "a@example.com", "api_token": TOKEN}]}),
    ("createTicket", "POST", {"subject": f"{MARKER} {API_KEY}", "customer": {"id": 1, "password": PASSWORD},
                              "messages": [{"channel": "email", "via": "api", "from_agent": False,
                                            "body_text": f"key {API_KEY}", "source": {**SOURCE, "token": TOKEN}}]}),
    ("createTicketMessage", "POST", {"ticket_id": "1", "channel": "email", "via": "api", "source": SOURCE,
                                     "body_text": f"{MARKER} {API_KEY}", "sender": {"id": 1, "password": PASSWORD}}),
    ("search", "POST", {"type": "customer", "query": f"{MARKER} {API_KEY}"}),
    ("rawRequest", "POST", {"method": "POST", "url": "/integrations", "responseType": "json",
                            "data": json.dumps({"note": f"{MARKER} {API_KEY}", "password": PASSWORD, "token": TOKEN})}),
]


@pytest.mark.parametrize(("key", "method", "inputs"), WRITES, ids=[key for key, _, _ in WRITES])
def test_a_logged_request_body_names_no_secret(gorgias_api: MockedGorgias, connection: dict[str, Any],
                                               caplog: pytest.LogCaptureFixture, key: str, method: str,
                                               inputs: dict[str, Any]) -> None:
    """The body is logged (its marker shows) with the API key, its Basic form and secret-keyed values masked."""
    gorgias_api.add(method, re.compile("/.+"), status=201 if method == "POST" else 202, json={"id": 1})
    debug = "debugRequest" if key == "rawRequest" else "debug"
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="component"):
        gorgias.run_action(key, {**inputs, debug: "true"}, connection)
    bodies = [r.getMessage() for r in caplog.records if "request body: " in r.getMessage()]
    assert len(bodies) == 1 and MARKER in bodies[0], caplog.text
    assert "[REDACTED]" in bodies[0]
    for secret in (API_KEY, BASIC, PASSWORD, TOKEN):
        assert secret not in caplog.text, secret


def test_an_oauth_refresh_logs_no_token_and_no_client_secret(api_mock: responses.RequestsMock,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """401, token request, replay: every line at DEBUG, from any logger, is free of the tokens and the client secret."""
    reset_token_cache()
    old, new, refresh = "access-old-0123456789", "access-new-0123456789", "refresh-0123456789"
    connection = oauth_connection({"access_token": old, "refresh_token": refresh, "expires_at": int(time.time()) + 3600})
    # Bearer tokens, not the Basic credentials gorgias_api requires: the strict mock with full URLs.
    api_mock.add(responses.POST, f"{BASE}/customers", status=401, json={"error": {"msg": f"bad token {old}"}},
                 match=[matchers.header_matcher({"Authorization": f"Bearer {old}"})])
    api_mock.add(responses.POST, TOKEN_URL, json={"access_token": new, "token_type": "Bearer", "expires_in": 3600},
                 match=[matchers.urlencoded_params_matcher({"grant_type": "refresh_token", "refresh_token": refresh})])
    api_mock.add(responses.POST, f"{BASE}/customers", status=201, json={"id": 1},
                 match=[matchers.header_matcher({"Authorization": f"Bearer {new}"})])
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="component"):
        gorgias.run_action("createCustomer", {"name": MARKER, "channels": [], "debug": "true"}, connection)
    reset_token_cache()
    assert caplog.text.count("request body: ") == 2 and "refreshed the OAuth access token after a 401" in caplog.text
    client_basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    for secret in (old, new, refresh, CLIENT_SECRET, client_basic):
        assert secret not in caplog.text, secret
