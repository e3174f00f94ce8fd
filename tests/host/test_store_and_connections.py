"""Connections are stored through the API: listed without secrets, encrypted at rest, usable by id, deletable."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import httpx

from component.host.server import RunningHost
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox


def database_bytes(folder: Path) -> bytes:
    """Everything SQLite wrote: the database file and its write-ahead log."""
    return b"".join(path.read_bytes() for path in sorted(folder.glob("host.db*")))


def test_the_manifest_and_openapi_are_served(client: httpx.Client) -> None:
    """GET /api/manifest is the component's manifest; /openapi.json documents the routes."""
    assert client.get("/api/manifest").json() == gorgias.manifest()
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/actions/{key}", "/api/data-sources/{key}", "/api/connections", "/api/connections/{connection_id}",
                 "/api/connections/{connection_id}/check", "/api/triggers/{key}/poll", "/oauth/start", "/oauth/callback",
                 "/hooks/{subscription_id}"):
        assert path in paths, path


def test_a_stored_connection_is_listed_without_its_secret(client: httpx.Client, api_key_id: str,
                                                          sandbox: Sandbox) -> None:
    """GET /api/connections shows the public fields and which secret fields are set, never their values."""
    answer = client.get("/api/connections")
    assert answer.status_code == 200
    assert sandbox.api_key not in answer.text
    (listed,) = answer.json()["data"]
    assert listed["id"] == api_key_id
    assert (listed["key"], listed["label"], listed["secretFields"]) == ("apiKey", "Sandbox key", ["apiKey"])
    assert listed["fields"] == {"domain": "sandbox", "username": sandbox.username}


def test_secrets_are_encrypted_at_rest(client: httpx.Client, api_key_id: str, sandbox: Sandbox, tmp_path: Path) -> None:
    """The database file holds the username in clear but not the API key; the key file is private (0600)."""
    raw = database_bytes(tmp_path)
    assert sandbox.username.encode() in raw  # the right file: public fields are readable
    assert sandbox.api_key.encode() not in raw
    mode = stat.S_IMODE(os.stat(tmp_path / "host.key").st_mode)
    assert mode == 0o600


def test_actions_and_checks_run_with_the_stored_connection(client: httpx.Client, api_key_id: str) -> None:
    """POST /api/actions/{key} with connectionId runs against the sandbox; /check proves the credentials."""
    ticket = client.post("/api/actions/getTicket", json={"inputs": {"id": "1"}, "connectionId": api_key_id})
    assert ticket.status_code == 200, ticket.text
    assert ticket.json()["data"]["id"] == 1
    check = client.post(f"/api/connections/{api_key_id}/check")
    assert check.status_code == 200 and check.json()["data"]["domain"]


def test_an_inline_connection_works_too(client: httpx.Client, sandbox: Sandbox) -> None:
    """{"connection": {...}} runs without storing anything."""
    answer = client.post("/api/actions/getAccount", json={"connection": sandbox.connection()})
    assert answer.status_code == 200
    assert client.get("/api/connections").json() == {"data": []}


def test_data_sources_page_and_search(client: httpx.Client, api_key_id: str) -> None:
    """search/limit give one page of matching options and a cursor; the cursor gives the next page."""
    first = client.post("/api/data-sources/selectTicket", json={"connectionId": api_key_id, "limit": 3})
    assert first.status_code == 200
    body = first.json()
    assert len(body["result"]) == 3 and isinstance(body["cursor"], str)
    second = client.post("/api/data-sources/selectTicket", json={"connectionId": api_key_id, "cursor": body["cursor"],
                                                                "limit": 3}).json()
    assert not {o["key"] for o in second["result"]} & {o["key"] for o in body["result"]}
    found = client.post("/api/data-sources/selectCustomer", json={"connectionId": api_key_id, "search": "a",
                                                                  "limit": 5}).json()
    assert found["result"] and all("a" in o["label"].lower() for o in found["result"])


def test_invalid_fields_are_refused_and_nothing_is_stored(client: httpx.Client) -> None:
    """A connection without its API key is a 400 naming the field."""
    answer = client.post("/api/connections", json={"key": "apiKey", "fields": {"domain": "acme", "username": "me"}})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert (error["type"], error["key"]) == ("input_error", "apiKey")
    assert client.get("/api/connections").json() == {"data": []}


def test_delete_forgets_the_connection(client: httpx.Client, api_key_id: str) -> None:
    """DELETE removes it; using it afterwards is a 400 on connectionId; deleting twice is one too."""
    assert client.delete(f"/api/connections/{api_key_id}").json() == {"data": {"message": "Success"}}
    answer = client.post("/api/actions/getAccount", json={"connectionId": api_key_id})
    assert answer.status_code == 400
    assert answer.json()["error"] == {"type": "input_error", "key": "connectionId",
                                      "message": f"No stored connection has the id {api_key_id!r}."}
    assert client.delete(f"/api/connections/{api_key_id}").status_code == 400


def test_connections_survive_a_restart(running: RunningHost, api_key_id: str) -> None:
    """A second store opened on the same file (and key file) decrypts the first one's connection."""
    from component.host.store import Store

    url = str(running.state.store.engine.url.database)
    again = Store.open(url)
    assert again.connection("gorgias", api_key_id)["fields"]["apiKey"] == "sandbox-api-key"


def test_an_inline_connection_with_a_token_is_refused(client: httpx.Client, sandbox: Sandbox) -> None:
    """A refreshed token of an inline connection could not be kept: such a connection must be stored."""
    answer = client.post("/api/actions/getAccount", json={"connection": sandbox.oauth_connection()})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["key"] == "connection" and error["message"].startswith("An inline connection cannot carry an OAuth token")
    assert "access_token" not in answer.text
