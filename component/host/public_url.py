"""The address at which the API reaches this host (`GORGIAS_HOST_PUBLIC_URL`, `serve --public-url`), for webhook URLs.

Behind a reverse proxy, or on a private address, the address a request arrived at is not the one the API
can call. The public URL replaces it: the hook path is appended to it. It is an absolute https URL,
because a delivery carries the subscription's secret and the account's data; plain http is accepted
only on a loopback address (the sandbox, a test, an API on the same machine). It has no user name or
password (the API would send them with every delivery), no query and no fragment (a path is appended).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from component.errors import InputError
from component.host.access import is_loopback
from component.inputs import describe

__all__ = ["PUBLIC_URL_SETTING", "checked_public_url"]

PUBLIC_URL_SETTING = "GORGIAS_HOST_PUBLIC_URL"
EXAMPLE = '"https://hooks.example.com" or "https://example.com/gorgias"'


def checked_public_url(value: str, name: str = PUBLIC_URL_SETTING) -> str:
    """`value` without its trailing slash when it is a usable public URL; an InputError keyed and worded `name`."""
    text = value.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        parts = None
    if parts is not None and (parts.username is not None or parts.password is not None):
        # Not echoed: it holds a credential.
        raise InputError(name, f"{name}: a public URL cannot carry a user name or password (the API would send "
                               "them with every webhook); received a URL that does.")
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname
            or any(c.isspace() for c in text)):
        raise InputError(name, f"{name}: expected the absolute http(s) URL at which the API reaches this host, "
                               f"such as {EXAMPLE}, received {describe(value)}.")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise InputError(name, f"{name}: a public URL cannot have a query or a fragment (the webhook path is "
                               f"appended to it), received {describe(value)}.")
    if parts.scheme.lower() == "http" and not is_loopback(parts.hostname):
        raise InputError(name, f"{name}: webhooks carry their secret and the account's data, so the public URL "
                               "must use https (http only on a loopback address such as http://127.0.0.1:8000), "
                               f"received {describe(value)}.")
    return text.rstrip("/")
