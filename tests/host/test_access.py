"""Loopback hosts are open; any other bind address needs GORGIAS_HOST_TOKEN, sent as a Bearer token on /api."""

from __future__ import annotations

import httpx
import pytest

from component.host.access import AccessError, is_loopback, required_token, token_matches
from component.host.server import RunningHost, main
from component.host.store import Store
from gorgias_component import gorgias

TOKEN = "a-long-random-host-token-0123456789"


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("127.255.0.9", True), ("::1", True), ("[::1]", True),
    ("localhost", True), ("LOCALHOST", True), ("0.0.0.0", False), ("::", False), ("192.168.1.20", False),
    ("10.0.0.1", False), ("example.com", False), ("", False),
])
def test_loopback_decision(host: str, loopback: bool) -> None:
    """127.0.0.0/8, ::1 and localhost are loopback; the wildcard and other names are not."""
    assert is_loopback(host) is loopback


def test_a_token_is_required_off_loopback() -> None:
    """Binding 0.0.0.0 without a token refuses to start; with one, that token is required."""
    with pytest.raises(AccessError) as caught:
        required_token("0.0.0.0", {})
    assert "GORGIAS_HOST_TOKEN" in str(caught.value)
    assert required_token("0.0.0.0", {"GORGIAS_HOST_TOKEN": TOKEN}) == TOKEN
    assert required_token("127.0.0.2", {}) is None
    assert required_token("127.0.0.1", {"GORGIAS_HOST_TOKEN": TOKEN}) == TOKEN  # set on loopback: required too
    with pytest.raises(AccessError):
        required_token("0.0.0.0", {"GORGIAS_HOST_TOKEN": "short"})


def test_token_comparison() -> None:
    assert token_matches(f"Bearer {TOKEN}", TOKEN) and token_matches(f"bearer {TOKEN}", TOKEN)
    assert not token_matches(f"Bearer {TOKEN}x", TOKEN)
    assert not token_matches(f"Basic {TOKEN}", TOKEN) and not token_matches(None, TOKEN)


def test_serve_refuses_a_public_bind_without_a_token(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`serve --host 0.0.0.0` exits 2 before binding anything."""
    monkeypatch.delenv("GORGIAS_HOST_TOKEN", raising=False)
    assert main(gorgias, ["--host", "0.0.0.0", "--port", "0"]) == 2
    assert "set GORGIAS_HOST_TOKEN" in capsys.readouterr().err


def test_a_host_bound_off_loopback_needs_the_bearer_token(store: Store) -> None:
    """Bound to 0.0.0.0 (reached here through 127.0.0.1): /api without or with a wrong token is 401."""
    token = required_token("0.0.0.0", {"GORGIAS_HOST_TOKEN": TOKEN})
    with RunningHost(gorgias, store, host="0.0.0.0", token=token) as host, \
            httpx.Client(base_url=f"http://127.0.0.1:{host.port}", timeout=30) as client:
        missing = client.get("/api/manifest")
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        assert missing.json()["error"]["type"] == "unauthorized"
        assert client.get("/api/manifest", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/manifest", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert client.get("/").status_code == 200  # the page itself holds nothing; it asks for the token


def test_another_loopback_address_is_open(store: Store) -> None:
    """127.0.0.2 is loopback: no token needed."""
    with RunningHost(gorgias, store, host="127.0.0.2") as host, httpx.Client(base_url=host.url, timeout=30) as client:
        assert client.get("/api/manifest").status_code == 200
