"""The Gorgias account domain: what users may type, and the API base URL it gives."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import urlsplit

from component.errors import InputError
from component.inputs import Invalid, Kind

__all__ = ["BASE_URL_ENV", "Domain", "api_base_url", "normalise_domain", "oauth_url"]

BASE_URL_ENV = "GORGIAS_API_BASE_URL"
_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_EXPECTED = (
    'a Gorgias account domain such as "acme", "acme.gorgias.com" or "https://acme.gorgias.com/api"'
)


def normalise_domain(value: Any) -> str:
    """The account subdomain ("acme") from any of the forms Gorgias shows; anything else is refused.

    Accepted: "acme", "acme.gorgias.com", "acme.gorgias.com/api" and the same with "https://" (the
    "Base API URL" of Gorgias's settings page), any case, with or without a trailing slash. Refused:
    another host, another path, a port, user info, a query, a fragment, whitespace or non-ASCII.
    """
    if not isinstance(value, str):
        raise Invalid(_EXPECTED)
    text = value.strip()
    if not text or not text.isascii() or any(c.isspace() or c in "@\\" for c in text):
        raise Invalid(_EXPECTED)
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # a malformed port or IPv6 literal
        raise Invalid(_EXPECTED) from None
    if parts.scheme.lower() != "https" or parts.query or parts.fragment or port is not None or "?" in text:
        raise Invalid(_EXPECTED)
    if parts.path.rstrip("/") not in ("", "/api") or "#" in text:
        raise Invalid(_EXPECTED)
    host = (parts.hostname or "").lower()
    if host.endswith(".gorgias.com"):
        host = host[: -len(".gorgias.com")]
    if not _SUBDOMAIN.fullmatch(host):
        raise Invalid(_EXPECTED)
    return host


Domain = Annotated[str, Kind("string", normalise_domain, {"type": "string", "minLength": 1})]


def _checked_override(text: str) -> str:
    """The GORGIAS_API_BASE_URL value when it is an http(s) URL with a host; an InputError naming it otherwise."""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        parts = None
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname or parts.query
            or parts.fragment or any(c.isspace() for c in text)):
        # Not echoed: a URL may carry user:password@ in it.
        raise InputError(BASE_URL_ENV, f"Environment variable {BASE_URL_ENV}: expected an http(s) URL such as "
                                       "http://127.0.0.1:8765/api (the API's base URL), received a value that is "
                                       "not one. Fix or unset it.")
    return text.rstrip("/")


def api_base_url(domain: str, settings: Mapping[str, str] | None = None) -> str:
    """https://{domain}.gorgias.com/api, or the GORGIAS_API_BASE_URL override of the settings (sandbox, tests)."""
    override = ((os.environ if settings is None else settings).get(BASE_URL_ENV) or "").strip()
    if override:
        return _checked_override(override)
    return f"https://{domain}.gorgias.com/api"


def oauth_url(domain: str, path: str, settings: Mapping[str, str] | None = None) -> str:
    """An OAuth endpoint of the account (or of the overriding server of the settings)."""
    base = api_base_url(domain, settings)
    origin = base[: -len("/api")] if base.endswith("/api") else base
    return origin + path
