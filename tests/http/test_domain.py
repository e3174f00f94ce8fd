"""The account domain: every form Gorgias shows becomes the subdomain; anything else is refused before a request."""

from __future__ import annotations

from typing import Any

import pytest
import responses
from responses import matchers

from component.errors import InputError
from component.inputs import Invalid
from gorgias_component import gorgias
from gorgias_component.connections.domain import api_base_url, normalise_domain
from tests.support.mocked_gorgias import MockedGorgias, api_key_connection

EXPECTED = 'a Gorgias account domain such as "acme", "acme.gorgias.com" or "https://acme.gorgias.com/api"'


@pytest.mark.parametrize(
    "value",
    [
        "acme",
        "ACME",
        "  acme  ",
        "acme.gorgias.com",
        "Acme.Gorgias.com",
        "acme.gorgias.com/",
        "acme.gorgias.com/api",
        "https://acme.gorgias.com",
        "https://acme.gorgias.com/",
        "https://acme.gorgias.com/api",
        "https://acme.gorgias.com/api/",
        "HTTPS://ACME.GORGIAS.COM/api",
    ],
)
def test_every_form_gorgias_shows_gives_the_subdomain(value: str) -> None:
    """The bare name, the host and the Base API URL of the settings page all mean account "acme"."""
    assert normalise_domain(value) == "acme"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "evil.com",
        "acme.gorgias.com.evil.com",
        "acme.evil.com/.gorgias.com",
        "http://acme.gorgias.com",
        "https://acme.gorgias.com:443",
        "https://acme.gorgias.com:abc",
        "https://[::1",
        "https://me@acme.gorgias.com",
        "me:pw@acme",
        "https://acme.gorgias.com/api/tickets",
        "https://acme.gorgias.com/api?x=1",
        "https://acme.gorgias.com/api#frag",
        "acme.gorgias.com?",
        "ac me",
        "acme\\evil",
        "-acme",
        "acme-",
        "a" * 64,
        "ácme",
        "\u212acme",  # KELVIN SIGN lower-cases to "k": not ASCII, refused
        "gorgias.com",
        ".gorgias.com",
        "javascript:alert(1)",
        "//acme.gorgias.com",
    ],
)
def test_anything_else_is_refused(value: str) -> None:
    """Other hosts, ports, paths, user info, queries, whitespace and non-ASCII are refused with one message."""
    with pytest.raises(Invalid) as caught:
        normalise_domain(value)
    assert caught.value.expected == EXPECTED


@pytest.mark.parametrize("value", [None, 42, True, ["acme"], {"domain": "acme"}])
def test_non_strings_are_refused(value: Any) -> None:
    """Only a string can name an account."""
    with pytest.raises(Invalid):
        normalise_domain(value)


def test_the_base_url_comes_from_the_subdomain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the override the API lives at https://{domain}.gorgias.com/api."""
    monkeypatch.delenv("GORGIAS_API_BASE_URL", raising=False)
    assert api_base_url("acme") == "https://acme.gorgias.com/api"


def test_a_connection_with_a_foreign_domain_sends_nothing(api_mock: responses.RequestsMock) -> None:
    """The domain is checked with the connection, so credentials are never sent to another host."""
    connection = api_key_connection(domain="https://evil.example.com/api")  # another host, on purpose
    with pytest.raises(InputError) as caught:
        gorgias.run_action("getAccount", {}, connection)
    assert caught.value.key == "domain"
    assert str(caught.value) == (f"Connection field 'domain' (Domain): expected {EXPECTED}, "
                                 'received "https://evil.example.com/api".')
    assert len(api_mock.calls) == 0


def test_a_base_api_url_domain_reaches_the_account(gorgias_api: MockedGorgias) -> None:
    """Pasting the settings page's Base API URL works as the domain."""
    gorgias_api.add(responses.GET, "/account", json={"domain": "acme"},
                    match=[matchers.header_matcher({"Accept": "application/json"})])
    connection = api_key_connection(domain="https://acme.gorgias.com/api/")  # the Base API URL as the domain, on purpose
    assert gorgias.run_action("getAccount", {}, connection) == {"data": {"domain": "acme"}}
