"""Errors are JSON {"error": {"type", "message", "key"?, "status"?}} with the documented HTTP statuses."""

from __future__ import annotations

import httpx
import pytest

from component.errors import ApiError, AuthError, InternalError, RateLimitError, TransportError, WriteUncertainError
from component.host.problems import error_response
from gorgias_component.sandbox import Sandbox


def test_bad_input_is_400_with_the_input_key(client: httpx.Client, api_key_id: str) -> None:
    """An InputError names the input; nothing is sent."""
    answer = client.post("/api/actions/getTicket", json={"inputs": {"id": "zero"}, "connectionId": api_key_id})
    assert answer.status_code == 400
    assert answer.json() == {"error": {"type": "input_error", "key": "id", "message":
                                       "Input 'id' (Ticket ID): expected a positive integer id, received \"zero\"."}}


def test_an_unknown_action_is_404(client: httpx.Client, api_key_id: str) -> None:
    """UnknownKeyError: 404 with a did-you-mean."""
    answer = client.post("/api/actions/getTiket", json={"connectionId": api_key_id})
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error["type"] == "unknown_key" and "getTicket" in error["message"]


def test_a_gorgias_404_is_a_502_with_its_status(client: httpx.Client, api_key_id: str) -> None:
    """Gorgias's own error status goes in the body; the host answers 502 (a bad gateway, not a missing route)."""
    answer = client.post("/api/actions/getTicket", json={"inputs": {"id": "999999"}, "connectionId": api_key_id})
    assert answer.status_code == 502
    assert answer.json()["error"]["type"] == "api_error" and answer.json()["error"]["status"] == 404


def test_refused_credentials_are_a_502_carrying_401(client: httpx.Client, sandbox: Sandbox) -> None:
    """Gorgias's 401 is not the host's caller being unauthorized: 502 with status 401, and no secret echoed."""
    connection = sandbox.connection()
    connection["fields"]["apiKey"] = "wrong-key-value-123"
    answer = client.post("/api/actions/getAccount", json={"connection": connection})
    assert answer.status_code == 502
    assert answer.json()["error"]["status"] == 401 and answer.json()["error"]["type"] == "auth_error"
    assert "wrong-key-value-123" not in answer.text


def test_a_malformed_body_is_400_without_echoing_values(client: httpx.Client) -> None:
    """FastAPI's validation errors become our JSON shape and never repeat what was sent."""
    answer = client.post("/api/actions/getAccount", json={"connection": "secret-looking-string", "inputs": []})
    assert answer.status_code == 400
    assert answer.json()["error"]["type"] == "input_error"
    assert "secret-looking-string" not in answer.text


def test_an_unknown_route_is_a_json_404(client: httpx.Client) -> None:
    assert client.get("/api/nothing").json() == {"error": {"type": "not_found", "message": "Not Found"}}


@pytest.mark.parametrize(("error", "status", "body", "headers"), [
    (RateLimitError("Gorgias answered 429 Too Many Requests to GET /tickets. Still rate limited after 6 attempts; "
                    "Gorgias asked to wait 17 s.", status=429), 429,
     {"type": "rate_limited", "status": 429}, {"retry-after": "17"}),
    (RateLimitError("Gorgias answered 429.", status=429), 429, {"type": "rate_limited", "status": 429},
     {"retry-after": "20"}),
    (AuthError("Gorgias answered 403 Forbidden.", status=403), 502, {"type": "auth_error", "status": 403}, {}),
    (ApiError("Gorgias answered 500.", status=500), 502, {"type": "api_error", "status": 500}, {}),
    (TransportError("GET /tickets to Gorgias timed out: no answer within 30 s."), 504, {"type": "timeout"}, {}),
    (TransportError("GET /tickets to Gorgias could not connect."), 502, {"type": "transport_error"}, {}),
    (WriteUncertainError("POST /tickets to Gorgias timed out: no answer within 30 s. The write may..."), 504,
     {"type": "write_uncertain"}, {}),
    (InternalError("'x' failed unexpectedly"), 500, {"type": "internal_error"}, {}),
])
def test_error_mapping(error: Exception, status: int, body: dict[str, object], headers: dict[str, str]) -> None:
    """429 keeps Gorgias's wait as Retry-After (20 s when unknown), timeouts are 504, Gorgias refusals 502."""
    assert isinstance(error, ApiError | TransportError | InternalError)
    response = error_response(error)
    assert response.status_code == status
    import json

    payload = json.loads(bytes(response.body))["error"]
    assert {k: payload[k] for k in body} == body and payload["message"] == str(error)
    assert {k: response.headers[k] for k in headers} == headers
