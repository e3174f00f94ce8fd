"""Debug logging and error messages: what they say, how long they get, and that no secret ever shows."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import requests
import responses

from component.errors import ApiError, TransportError
from gorgias_component import gorgias
from tests.http.conftest import MakeClient
from tests.support.mocked_gorgias import API_KEY, BASE, BASIC, MockedGorgias

RUNTIME_TOKEN = "rt-0123456789abcdef-obtained-later"


def test_debug_logs_method_redacted_url_status_and_timing(
        gorgias_api: MockedGorgias, make_client: MakeClient, caplog: pytest.LogCaptureFixture) -> None:
    """With debug on, each request is an INFO line on component.http with its answer and timing."""
    gorgias_api.add(responses.GET, "/tickets", json={"data": []})
    with caplog.at_level(logging.INFO, logger="component.http"):
        make_client(debug=True).get("/tickets", {"limit": 5, "api_key": API_KEY})
    lines = [r.getMessage() for r in caplog.records if r.name == "component.http" and r.levelno == logging.INFO]
    assert any(line.startswith(f"GET {BASE}/tickets?limit=5&api_key=[REDACTED] -> 200 in ") and line.endswith(" ms")
               for line in lines), lines
    assert any("request headers: " in line and "'Authorization': '[REDACTED]'" in line for line in lines), lines


def test_without_debug_nothing_is_logged_at_info(
        gorgias_api: MockedGorgias, make_client: MakeClient, caplog: pytest.LogCaptureFixture) -> None:
    """Request lines are DEBUG unless the action's debug input asks for them."""
    gorgias_api.add(responses.GET, "/account", json={})
    with caplog.at_level(logging.INFO, logger="component.http"):
        make_client().get("/account")
    assert caplog.records == []


def test_no_secret_appears_in_debug_logs_of_a_whole_exchange(
        gorgias_api: MockedGorgias, make_client: MakeClient, caplog: pytest.LogCaptureFixture) -> None:
    """Retries, 429s, bodies and headers are logged with every known secret and credential field masked."""
    client = make_client(debug=True)
    client.redactor.add(RUNTIME_TOKEN)  # e.g. an access token obtained by a refresh while running
    gorgias_api.add(responses.POST, "/integrations", status=429, headers={"Retry-After": "0"})
    gorgias_api.add(responses.POST, "/integrations", status=201, json={"id": 1})
    body = {"name": "hook", "password": "hunter2-password", "note": f"uses {API_KEY} and {RUNTIME_TOKEN}",
            "headers": {"Authorization": f"Bearer {RUNTIME_TOKEN}"}}
    with caplog.at_level(logging.DEBUG, logger="component"):
        client.request("POST", f"/integrations?token={RUNTIME_TOKEN}", json=body,
                       headers={"X-Api-Key": "header-secret-value"})
    text = caplog.text
    assert "request body: " in text
    for secret in (API_KEY, BASIC, RUNTIME_TOKEN, "hunter2-password", "header-secret-value"):
        assert secret not in text


def test_no_secret_appears_in_errors_or_reprs(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """An API that echoes credentials back does not get them into the error, its body or the client's repr."""
    client = make_client()
    client.redactor.add(RUNTIME_TOKEN)
    echo = {"error": {"msg": f"bad key {API_KEY}", "data": {"field": [RUNTIME_TOKEN]}}, "apiKey": API_KEY}
    gorgias_api.add(responses.GET, "/account", status=400, json=echo)
    with pytest.raises(ApiError) as caught:
        client.get("/account")
    shown = f"{caught.value} {caught.value.body!r} {client!r} {client.rate_budget!r} {client.policy!r}"
    for secret in (API_KEY, BASIC, RUNTIME_TOKEN):
        assert secret not in shown
    assert str(caught.value) == "Gorgias answered 400 Bad Request to GET /account: bad key [REDACTED] (field: [REDACTED])."
    assert repr(client) == "HttpClient('https://acme.gorgias.com/api', service='Gorgias')"


def test_transport_errors_do_not_carry_secrets_from_the_url(gorgias_api: MockedGorgias,
                                                            make_client: MakeClient) -> None:
    """requests puts the URL in its exception text; the message that reaches the caller is masked."""
    failure = requests.exceptions.ChunkedEncodingError(f"broken body for /api/x?access_token={RUNTIME_TOKEN}")
    gorgias_api.add(responses.GET, "/x", body=failure)
    client = make_client()
    client.redactor.add(RUNTIME_TOKEN)
    with pytest.raises(TransportError) as caught:
        client.get("/x")
    assert RUNTIME_TOKEN not in str(caught.value)
    assert str(caught.value).startswith("GET /x to Gorgias failed: ChunkedEncodingError: broken body for ")


def test_long_error_bodies_are_cut_in_messages(gorgias_api: MockedGorgias, make_client: MakeClient) -> None:
    """A huge error message or HTML page is cut to a readable length in the exception text."""
    gorgias_api.add(responses.GET, "/a", status=400, json={"error": {"msg": "x" * 5000}})
    gorgias_api.add(responses.GET, "/b", status=404, body="<html>" + "y" * 5000 + "</html>",
                    content_type="text/html")
    with pytest.raises(ApiError) as json_error:
        make_client().get("/a")
    with pytest.raises(ApiError) as html_error:
        make_client().get("/b")
    assert len(str(json_error.value)) < 600
    assert str(json_error.value).endswith("x….")
    assert len(str(html_error.value)) < 400
    assert str(html_error.value).endswith("… (an HTML page, not an API answer: the base URL "
                                          "https://acme.gorgias.com/api looks wrong; check the account domain).")
    assert isinstance(html_error.value.body, str) and len(html_error.value.body) <= 503


def test_debug_logging_through_the_component_names_no_secret(
        gorgias_api: MockedGorgias, connection: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    """The documented `debug` input turns on INFO request lines, still without the API key or its Basic form."""
    gorgias_api.add(responses.GET, "/account", json={"domain": "acme"})
    with caplog.at_level(logging.INFO, logger="component.http"):
        gorgias.run_action("getAccount", {"debug": "true"}, connection)
    assert f"GET {BASE}/account -> 200 in " in caplog.text
    assert API_KEY not in caplog.text and BASIC not in caplog.text
