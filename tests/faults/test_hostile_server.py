"""A hostile Gorgias on loopback (issue 9): redirecting token endpoint, gzip bomb, slow drip, endless cursors, deep JSON."""

from __future__ import annotations

import gzip
import json
import logging
import threading
import time
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest

from component import ApiError, TransportError
from component.oauth import exchange_code, reset_token_cache
from gorgias_component import gorgias
from tests.faults.hostile import HostileServer, Request
from tests.support.mocked_gorgias import api_key_connection as api_key
from tests.support.mocked_gorgias import oauth_connection

ACCOUNT = json.dumps({"domain": "acme"}).encode()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[HostileServer]:
    """A hostile server the component talks to, without pacing; tokens shared by no other test."""
    hostile = HostileServer().start()
    monkeypatch.setenv("GORGIAS_API_BASE_URL", hostile.origin + "/api")
    monkeypatch.setenv("GORGIAS_RATE_LIMIT", "off")
    monkeypatch.delenv("GORGIAS_TIMEOUT", raising=False)
    reset_token_cache()
    yield hostile
    reset_token_cache()
    hostile.stop()


@pytest.fixture
def thief() -> Iterator[HostileServer]:
    """Another host a redirect points to; it must never hear from the component."""
    other = HostileServer().start()
    other.routes["/steal"] = lambda request: request.reply(200, b'{"access_token": "stolen"}')
    yield other
    other.stop()


def oauth(server: HostileServer, expires_in: float) -> dict[str, Any]:
    """The acme OAuth connection with the hostile server's endpoints (not acme's, on purpose)."""
    token = {"access_token": "access-1", "refresh_token": "refresh-1", "expires_at": int(time.time() + expires_in)}
    return oauth_connection(token, authorizeUrl=server.origin + "/oauth/authorize", tokenUrl=server.origin + "/oauth/token")


def page(items: range, next_cursor: str | None) -> bytes:
    return json.dumps({"object": "list", "uri": "/api/tickets", "data": [{"id": i, "subject": "s"} for i in items],
                       "meta": {"prev_cursor": None, "next_cursor": next_cursor}}).encode()


# -- 1. the token endpoint's redirects are never followed ----------------------------------------------------

def test_a_refresh_answered_with_a_redirect_sends_the_refresh_token_nowhere_else(
        server: HostileServer, thief: HostileServer) -> None:
    server.routes["/oauth/token"] = lambda r: r.reply(307, b"", Location=thief.origin + "/steal")
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("getAccount", {}, oauth(server, expires_in=-5))  # expired: the refresh is needed
    assert str(caught.value) == ("Gorgias answered the OAuth refresh request with a redirect (307 Temporary Redirect), "
                                 "which is never followed: nothing more was sent; check the Token URL of the connection.")
    assert caught.value.status == 307
    assert thief.seen == []
    assert [(method, path) for method, path, _ in server.seen] == [("POST", "/oauth/token")]


def test_a_code_exchange_answered_with_a_redirect_is_not_followed(server: HostileServer, thief: HostileServer) -> None:
    server.routes["/oauth/token"] = lambda r: r.reply(308, b"", Location=thief.origin + "/steal")
    from gorgias_component.connections.oauth2 import OAuth2Fields

    fields = OAuth2Fields.parse(oauth(server, 0)["fields"])
    with pytest.raises(ApiError, match=r"^Gorgias answered the OAuth code exchange request with a redirect \(308 "):
        exchange_code(fields.oauth_client(), "the-code", "https://app.example.com/callback")
    assert thief.seen == []


# -- 2. bodies are read under a size cap ---------------------------------------------------------------------

def test_a_gzip_bomb_stops_at_the_default_limit_without_inflating_it_all(server: HostileServer) -> None:
    bomb = gzip.compress(b"\0" * (100 * 1024 * 1024), compresslevel=9)  # 100 KB that inflate to 100 MiB
    server.routes["/api/account"] = lambda r: r.reply(200, bomb, Content_Encoding="gzip")
    tracemalloc.start()
    try:
        with pytest.raises(ApiError) as caught:
            gorgias.run_action("getAccount", {}, api_key())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(caught.value) == ("Gorgias answered 200 to GET /account with a body larger than 26,214,400 bytes, the "
                                 "most one answer may have: set GORGIAS_MAX_RESPONSE_BYTES (bytes) to change the limit.")
    assert peak < 60 * 1024 * 1024  # the whole body would be 100 MiB (twice that while joined)


def test_the_limit_is_set_by_gorgias_max_response_bytes(server: HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_MAX_RESPONSE_BYTES", "1000")
    server.routes["/api/account"] = lambda r: r.reply(200, b'{"x": "' + b"a" * 2000 + b'"}')
    with pytest.raises(ApiError, match=r"^Gorgias answered 200 to GET /account with a body larger than 1,000 bytes"):
        gorgias.run_action("getAccount", {}, api_key())
    server.routes["/api/account"] = lambda r: r.reply(200, ACCOUNT)
    assert gorgias.run_action("getAccount", {}, api_key()) == {"data": {"domain": "acme"}}


def test_download_file_reads_no_body_so_the_limit_does_not_apply(server: HostileServer,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_MAX_RESPONSE_BYTES", "10")
    server.routes["/api/attachment/download/h/f.png"] = lambda r: r.reply(
        307, b"x" * 5000, content_type="text/html", Location="https://files.example.com/f.png?sig=1")
    result = gorgias.run_action("downloadFile", {"domain_hash": "h", "file_type": "attachment",
                                                 "resource_name": "f.png"}, api_key())
    assert result == {"data": "https://files.example.com/f.png?sig=1"}


# -- 3. one deadline per attempt -------------------------------------------------------------------------------

def _drip_body(request: Request) -> None:
    request.send_response(200)
    request.send_header("Content-Type", "application/json")
    request.send_header("Content-Length", "100000")
    request.end_headers()
    request.wfile.flush()
    for _ in range(200):  # 2 bytes every 0.05 s: each read returns in time, the whole never arrives
        if request.server.stopping.is_set():
            return
        request.wfile.write(b"  ")
        request.wfile.flush()
        time.sleep(0.05)


def _drip_headers(request: Request) -> None:
    request.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for number in range(200):
        if request.server.stopping.is_set():
            return
        request.wfile.write(f"X-Drip-{number}: 1\r\n".encode())
        request.wfile.flush()
        time.sleep(0.05)


@pytest.mark.parametrize("drip", [_drip_body, _drip_headers], ids=["body", "headers"])
def test_a_slow_drip_times_out_at_the_deadline_of_each_attempt(server: HostileServer, monkeypatch: pytest.MonkeyPatch,
                                                               drip: Any) -> None:
    monkeypatch.setenv("GORGIAS_TIMEOUT", "0.4")
    server.routes["/api/account"] = drip
    started = time.monotonic()
    with pytest.raises(TransportError) as caught:
        gorgias.run_action("getAccount", {}, api_key())
    elapsed = time.monotonic() - started
    assert str(caught.value) == "GET /account to Gorgias timed out: no answer within 0.4 s (3 attempts)."
    assert elapsed < 4.0  # three attempts of 0.4 s and two short back-offs; without the deadline: 10 s each
    assert len(server.seen) == 3


# -- 4. endless pagination --------------------------------------------------------------------------------------

def _endless(request: Request) -> None:
    number = len(request.server.seen) - 1  # this request is already counted
    request.reply(200, page(range(number * 100, number * 100 + 100), f"cursor-{number}"))


def test_fetch_all_on_endless_cursors_stops_at_the_page_cap(server: HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_MAX_PAGES", "5")
    server.routes["/api/tickets"] = _endless
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("listTickets", {"fetchAll": "true"}, api_key())
    assert str(caught.value) == ("Gorgias answered /tickets with more than 5 pages, the most one call follows: narrow "
                                 "the filters, or set GORGIAS_MAX_PAGES to change the cap.")
    assert len(server.seen) == 5


def test_iter_items_and_iter_pages_stop_at_the_page_cap_too(server: HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GORGIAS_MAX_PAGES", "3")
    server.routes["/api/tickets"] = _endless
    with pytest.raises(ApiError, match=r"more than 3 pages"):
        list(gorgias.iter_items("listTickets", {}, api_key()))
    with pytest.raises(ApiError, match=r"more than 3 pages"):
        list(gorgias.iter_pages("listTickets", {}, api_key()))
    assert len(server.seen) == 6


def test_the_default_page_cap_is_ten_thousand() -> None:
    from component.http import DEFAULT_MAX_PAGES

    assert DEFAULT_MAX_PAGES == 10_000


def test_a_picklist_on_endless_cursors_stops_at_its_stated_cap(server: HostileServer) -> None:
    server.routes["/api/tickets"] = _endless
    result = gorgias.run_data_source("selectTicket", {}, api_key())["result"]
    assert len(result) == 10_000
    assert result[-1] == {"key": "9999", "label": "#9999 s"}
    assert len(server.seen) == 100  # not one page more than the options need
    descriptions = {d["key"]: d["description"] for d in gorgias.manifest()["dataSources"]}
    assert descriptions["selectTicket"] == "Select a ticket from a list of tickets. Lists at most 10,000 options."


# -- 8. deep nesting --------------------------------------------------------------------------------------------

def test_deeply_nested_json_is_an_api_error_that_says_the_answer_could_not_be_read(server: HostileServer) -> None:
    server.routes["/api/account"] = lambda r: r.reply(200, b"[" * 100_000)
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("getAccount", {}, api_key())
    assert type(caught.value) is ApiError
    assert str(caught.value) == ("Gorgias answered 200 to GET /account with JSON nested too deeply: the answer could "
                                 "not be read.")


def test_a_deeply_nested_error_answer_still_gives_the_status(server: HostileServer) -> None:
    server.routes["/api/account"] = lambda r: r.reply(400, b"[" * 100_000)
    with pytest.raises(ApiError) as caught:
        gorgias.run_action("getAccount", {}, api_key())
    assert str(caught.value) == "Gorgias answered 400 Bad Request to GET /account: (JSON nested too deeply to read)."


def test_a_deeply_nested_token_answer_is_an_api_error(server: HostileServer) -> None:
    server.routes["/oauth/token"] = lambda r: r.reply(200, b"[" * 100_000)
    with pytest.raises(ApiError, match=r"^Gorgias answered the OAuth refresh request with JSON nested too deeply"):
        gorgias.run_action("getAccount", {}, oauth(server, expires_in=-5))


# -- 6. a hanging early refresh holds nobody up ---------------------------------------------------------------------

def test_while_one_call_refreshes_early_the_others_use_the_valid_token(server: HostileServer) -> None:
    release = threading.Event()

    def slow_token(request: Request) -> None:
        release.wait(10)
        request.reply(200, json.dumps({"access_token": "access-2", "expires_in": 3600}).encode())

    server.routes["/oauth/token"] = slow_token
    server.routes["/api/account"] = lambda r: r.reply(200, json.dumps(
        {"auth": r.headers.get("Authorization")}).encode())
    connection = oauth(server, expires_in=120)  # valid, but inside the five-minute early-refresh window
    refreshed: list[dict[str, Any]] = []
    first = threading.Thread(target=lambda: gorgias.run_action("getAccount", {}, connection,
                                                               on_token_refresh=refreshed.append))
    first.start()
    deadline = time.monotonic() + 5
    while not any(path == "/oauth/token" for _, path, _ in server.seen) and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    others = [gorgias.run_action("getAccount", {}, connection) for _ in range(3)]
    waited = time.monotonic() - started
    release.set()
    first.join(10)
    assert others == [{"data": {"auth": "Bearer access-1"}}] * 3
    assert waited < 2.0  # they did not queue behind the refresh
    assert [t["access_token"] for t in refreshed] == ["access-2"]
    assert sum(path == "/oauth/token" for _, path, _ in server.seen) == 1


# -- 9. urllib3's own DEBUG line keeps query secrets out -------------------------------------------------------------

def test_urllib3_debug_log_does_not_show_raw_request_query_params(server: HostileServer,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    server.routes["/api/tickets"] = lambda r: r.reply(200, b"{}")
    with caplog.at_level(logging.DEBUG):
        gorgias.run_action("rawRequest", {"method": "GET", "url": "/tickets", "responseType": "json",
                                          "queryParams": {"api_token": "q-s3cret-value"}}, api_key())
    assert [path for _, path, _ in server.seen] == ["/tickets?api_token=q-s3cret-value".replace("/", "/api/", 1)]
    assert "q-s3cret-value" not in caplog.text
    assert '"GET /api/tickets?(query hidden) HTTP/1.1" 200' in caplog.text
