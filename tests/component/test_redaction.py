"""The redactor masks secrets by value, by key and by pattern in text, URLs, headers and JSON values."""

from __future__ import annotations

import base64

import pytest

from component.redaction import MASK, Redactor, is_secret_key
from tests.support.mocked_gorgias import API_KEY, BASIC


def test_the_mask_is_a_fixed_marker() -> None:
    """Masked values read [REDACTED]."""
    assert MASK == "[REDACTED]"


def test_known_secret_values_are_masked_wherever_they_appear() -> None:
    """Every occurrence of a remembered secret is replaced, inside other words too."""
    redactor = Redactor([API_KEY])
    assert redactor.text(f"key {API_KEY} and again:{API_KEY}!") == "key [REDACTED] and again:[REDACTED]!"


def test_short_and_missing_secrets_are_ignored() -> None:
    """Values shorter than six characters and None are not remembered: masking them would garble text."""
    redactor = Redactor(["abc12", None, ""])
    assert repr(redactor) == "Redactor(0 secrets)"
    assert redactor.text("abc12 stays") == "abc12 stays"


def test_the_longest_secret_is_masked_first() -> None:
    """A secret that contains another is masked whole, not in pieces."""
    redactor = Redactor(["secret-1", "secret-1-and-more"])
    assert redactor.text("x secret-1-and-more y") == "x [REDACTED] y"


def test_secrets_added_later_are_masked_too() -> None:
    """Tokens obtained at run time are remembered with add()."""
    redactor = Redactor()
    redactor.add("fresh-access-token")
    assert redactor.text("got fresh-access-token") == "got [REDACTED]"
    assert repr(redactor) == "Redactor(1 secrets)"


def test_the_repr_shows_only_how_many_secrets_are_known() -> None:
    """Printing a redactor never prints its secrets."""
    assert repr(Redactor([API_KEY, "another-secret"])) == "Redactor(2 secrets)"


def test_a_basic_credential_is_masked_as_password_and_as_its_base64_form() -> None:
    """add_basic remembers the password and the base64 user:password that Basic auth sends."""
    redactor = Redactor()
    redactor.add_basic("me@acme.com", API_KEY)
    assert redactor.text(f"key {API_KEY}") == "key [REDACTED]"
    assert redactor.text(f"sent {BASIC} once") == "sent [REDACTED] once"
    assert BASIC not in redactor.text(f"Authorization: Basic {BASIC}")
    assert "me@acme.com" in redactor.text("user me@acme.com")


def test_a_basic_credential_is_masked_in_the_latin_1_form_requests_sends() -> None:
    """requests encodes Basic credentials as Latin-1: a non-ASCII user's header form is masked too."""
    redactor = Redactor()
    redactor.add_basic("josé@acme.com", API_KEY)
    sent = base64.b64encode(f"josé@acme.com:{API_KEY}".encode("latin-1")).decode()
    assert redactor.text(f"sent {sent} once") == "sent [REDACTED] once"


def test_a_credential_no_encoding_can_carry_is_still_masked_and_never_raises() -> None:
    """A lone surrogate fits no header encoding: add_basic keeps the password's text and raises nothing."""
    redactor = Redactor()
    redactor.add_basic("me\ud800@acme.com", "k3y-\ud800-value")
    assert repr(redactor) == "Redactor(1 secrets)"
    assert redactor.text("key k3y-\ud800-value") == "key [REDACTED]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("header Bearer abc.def-ghi_123", "header Bearer [REDACTED]"),
        ("sent Basic Zm9vOmJhcg==", "sent Basic [REDACTED]"),
        ("lowercase bearer abc", "lowercase bearer [REDACTED]"),
        ('{"api_key": "abc123", "name": "ok"}', '{"api_key": "[REDACTED]", "name": "ok"}'),
        ('{"access_token":"xyz","n":1}', '{"access_token":"[REDACTED]","n":1}'),
        ("password=hunter2&x=1", "password=[REDACTED]&x=1"),
        ("client_secret: abc, next", "client_secret: [REDACTED], next"),
        ("X-Signature=sig123", "X-Signature=[REDACTED]"),
        ("nothing secret here: value=1", "nothing secret here: value=1"),
    ],
)
def test_credential_looking_text_is_masked_by_pattern(text: str, expected: str) -> None:
    """Bearer/Basic credentials and key=value or "key": "value" pairs with a secret key are masked."""
    assert Redactor().text(text) == expected


def test_urls_lose_user_info_and_secret_query_values() -> None:
    """A URL keeps its host, path and ordinary parameters; user info goes, secret parameters are masked."""
    url = "https://user:pw@acme.gorgias.com/api/x?access_token=abc&limit=5&api_key=z&filter[a]=1"
    assert Redactor().url(url) == (
        "https://acme.gorgias.com/api/x?access_token=[REDACTED]&limit=5&api_key=[REDACTED]&filter[a]=1")


def test_urls_lose_known_secret_values_anywhere() -> None:
    """A remembered secret inside a URL path is masked as well."""
    assert Redactor([API_KEY]).url(f"https://h.test/keys/{API_KEY}?q=1") == "https://h.test/keys/[REDACTED]?q=1"


def test_headers_with_secret_names_are_masked_whole() -> None:
    """Authorization, API-key and cookie headers are masked; others keep their value, scrubbed of secrets."""
    headers = {"Authorization": "Basic x", "X-Api-Key": "k", "Cookie": "c", "Accept": "application/json",
               "X-Note": f"has {API_KEY}"}
    assert Redactor([API_KEY]).headers(headers) == {
        "Authorization": MASK, "X-Api-Key": MASK, "Cookie": MASK, "Accept": "application/json",
        "X-Note": "has [REDACTED]"}


def test_json_values_are_masked_by_key_recursively() -> None:
    """Fields whose names say they are credentials are masked at any depth; strings are scrubbed."""
    value = {"password": "p", "nested": [{"client_secret": "x", "ok": f"{API_KEY}!"}], "n": 5, "t": ("a",), "none": None}
    assert Redactor([API_KEY]).value(value) == {
        "password": MASK, "nested": [{"client_secret": MASK, "ok": "[REDACTED]!"}], "n": 5, "t": ["a"], "none": None}


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("Authorization", True), ("x-api-key", True), ("apiKey", True), ("api_key", True), ("refresh_token", True),
        ("Set-Cookie", True), ("X-Signature", True), ("session_id", True), ("credentials", True),
        ("clientSecret", True), ("PASSWORD", True),
        ("limit", False), ("domain", False), ("username", False), ("cursor", False), ("Accept", False),
    ],
)
def test_secret_key_names_are_recognised(name: str, secret: bool) -> None:
    """is_secret_key says whether a header, parameter or field name carries a credential."""
    assert is_secret_key(name) is secret
