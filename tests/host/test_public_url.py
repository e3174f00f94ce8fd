"""Webhook URLs under the host's public URL (GORGIAS_HOST_PUBLIC_URL, `serve --public-url`): used, checked, refused."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import responses
from fastapi.testclient import TestClient

from component.errors import InputError
from component.host.app import create_app
from component.host.public_url import checked_public_url
from component.host.server import RunningHost, host_app
from component.host.server import main as serve
from component.host.store import Store
from component.ratelimit import forget_budgets
from component.runtime import Runtime
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.host.test_triggers import WithTriggers
from tests.support.on_sandbox import use_sandbox

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

PUBLIC = "https://hooks.example.com/gorgias"


@pytest.fixture
def public_host(sandbox: Sandbox, store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[httpx.Client]:
    """A host on the sandbox whose runtime says it is reached at PUBLIC (with a trailing slash, which is dropped)."""
    use_sandbox(monkeypatch, sandbox)
    forget_budgets()
    runtime = Runtime.from_environ({**os.environ, "GORGIAS_HOST_PUBLIC_URL": PUBLIC + "/"})
    with RunningHost(gorgias, store, runtime=runtime) as host, httpx.Client(base_url=host.url, timeout=30) as client:
        yield client


def test_the_subscription_made_on_the_api_carries_the_public_hook_url(public_host: httpx.Client,
                                                                      sandbox: Sandbox) -> None:
    stored = public_host.post("/api/connections", json={**sandbox.connection(), "label": "Key"}).json()["id"]
    made = public_host.post("/api/triggers/newTicket/subscriptions", json={"connectionId": stored})
    assert made.status_code == 201, made.text
    hook = made.json()
    assert hook["targetUrl"] == f"{PUBLIC}/hooks/{hook['id']}"
    urls = [(i.get("http") or {}).get("url") for i in sandbox.store.integrations.values()]
    assert urls.count(hook["targetUrl"]) == 1
    # The hook route itself is unchanged: the proxy in front forwards /gorgias/hooks/... to /hooks/... here.
    assert public_host.post(f"/hooks/{hook['id']}", json={}).status_code == 401
    assert public_host.delete(f"/api/triggers/subscriptions/{hook['id']}").status_code == 200


def test_without_a_public_url_the_hook_url_is_the_address_the_request_came_to(store: Store) -> None:
    """Today's behaviour, kept: the subscribing request's own address (here TestClient's http://testserver)."""
    component = WithTriggers(**{f.name: getattr(gorgias, f.name) for f in dataclasses.fields(gorgias)
                                if f.init and f.name != "_executor"})
    connection = store.add_connection("gorgias", "apiKey", "Key", {"domain": "acme", "username": "me@acme.com"},
                                      {"apiKey": "k3y"})
    with TestClient(create_app(component, store, runtime=Runtime.from_environ({}))) as client:
        made = client.post("/api/triggers/newTicket/subscriptions", json={"connectionId": connection}).json()
    assert made["targetUrl"] == f"http://testserver/hooks/{made['id']}"
    assert component.calls == [("subscribe", made["targetUrl"])]


def test_serve_public_url_overrides_the_setting(tmp_path: Path) -> None:
    runtime = Runtime.from_environ({"GORGIAS_HOST_PUBLIC_URL": "https://setting.example.com"})
    app = host_app(gorgias, bind="127.0.0.1", database=str(tmp_path / "host.db"), runtime=runtime,
                   public_url="https://option.example.com/")
    assert app.state.host.public_url == "https://option.example.com"
    assert host_app(gorgias, bind="127.0.0.1", database=str(tmp_path / "host.db"),
                    runtime=runtime).state.host.public_url == "https://setting.example.com"
    assert host_app(gorgias, bind="127.0.0.1", database=str(tmp_path / "host.db"),
                    runtime=Runtime.from_environ({})).state.host.public_url is None


@pytest.mark.parametrize("value", ["http://127.0.0.1:8000", "http://localhost:9/x/", "https://10.0.0.7",
                                   "HTTPS://Hooks.Example.com:8443/a/b/"])
def test_accepted_public_urls(value: str) -> None:
    assert checked_public_url(value) == value.rstrip("/")


EXPECTED = 'such as "https://hooks.example.com" or "https://example.com/gorgias"'


@pytest.mark.parametrize(("value", "message"), [
    ("hooks.example.com", "GORGIAS_HOST_PUBLIC_URL: expected the absolute http(s) URL at which the API reaches this "
                          f'host, {EXPECTED}, received "hooks.example.com".'),
    ("ftp://hooks.example.com", "GORGIAS_HOST_PUBLIC_URL: expected the absolute http(s) URL at which the API reaches "
                                f'this host, {EXPECTED}, received "ftp://hooks.example.com".'),
    ("https://", "GORGIAS_HOST_PUBLIC_URL: expected the absolute http(s) URL at which the API reaches this host, "
                 f'{EXPECTED}, received "https://".'),
    ("https://hooks.example.com:99999", "GORGIAS_HOST_PUBLIC_URL: expected the absolute http(s) URL at which the API "
                                        f'reaches this host, {EXPECTED}, received "https://hooks.example.com:99999".'),
    ("https://hooks.example.com/?a=1", "GORGIAS_HOST_PUBLIC_URL: a public URL cannot have a query or a fragment (the "
                                       'webhook path is appended to it), received "https://hooks.example.com/?a=1".'),
    ("https://hooks.example.com/#x", "GORGIAS_HOST_PUBLIC_URL: a public URL cannot have a query or a fragment (the "
                                     'webhook path is appended to it), received "https://hooks.example.com/#x".'),
    ("http://hooks.example.com", "GORGIAS_HOST_PUBLIC_URL: webhooks carry their secret and the account's data, so "
                                 "the public URL must use https (http only on a loopback address such as "
                                 'http://127.0.0.1:8000), received "http://hooks.example.com".'),
    ("https://me:s3cret-pw@hooks.example.com", "GORGIAS_HOST_PUBLIC_URL: a public URL cannot carry a user name or "
                                               "password (the API would send them with every webhook); received a "
                                               "URL that does."),
])
def test_bad_public_urls_are_refused_naming_the_setting(value: str, message: str, tmp_path: Path) -> None:
    runtime = Runtime.from_environ({"GORGIAS_HOST_PUBLIC_URL": value})
    with responses.RequestsMock() as api, pytest.raises(InputError) as caught:
        host_app(gorgias, bind="127.0.0.1", database=str(tmp_path / "host.db"), runtime=runtime)
    assert (caught.value.key, str(caught.value)) == ("GORGIAS_HOST_PUBLIC_URL", message)
    assert len(api.calls) == 0


def test_serve_refuses_a_bad_public_url_option_before_serving(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Any] = []
    monkeypatch.setattr("uvicorn.Server.run", lambda self: served.append(self))
    with responses.RequestsMock() as api:
        status = serve(gorgias, ["--database", str(tmp_path / "host.db"), "--public-url", "http://hooks.example.com"])
    assert status == 2 and served == [] and len(api.calls) == 0
    assert capsys.readouterr().err == (
        "error: --public-url: webhooks carry their secret and the account's data, so the public URL must use https "
        '(http only on a loopback address such as http://127.0.0.1:8000), received "http://hooks.example.com".\n')
