"""Who may call the host: anyone on loopback; off loopback only callers with the host token."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping

__all__ = ["TOKEN_ENV", "AccessError", "is_loopback", "required_token", "token_matches"]

TOKEN_ENV = "GORGIAS_HOST_TOKEN"
MIN_TOKEN_LENGTH = 16


class AccessError(Exception):
    """The host may not start with this address and these settings."""


def is_loopback(host: str) -> bool:
    """Whether binding `host` keeps the server reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def required_token(host: str, settings: Mapping[str, str]) -> str | None:
    """The bearer token every /api call must carry, or None when none is needed; `settings` are the host's runtime's.

    Off loopback the token is mandatory (GORGIAS_HOST_TOKEN, at least 16 characters). On loopback it is
    required only when set, so a host can be locked down on a shared machine too.
    """
    token = (settings.get(TOKEN_ENV) or "").strip()
    if token and len(token) < MIN_TOKEN_LENGTH:
        raise AccessError(f"{TOKEN_ENV} is too short: use at least {MIN_TOKEN_LENGTH} random characters.")
    if not token and not is_loopback(host):
        raise AccessError(f"Binding {host} makes the host reachable from other machines: set {TOKEN_ENV} to a "
                          "long random value; every /api call must then send 'Authorization: Bearer <token>'.")
    return token or None


def token_matches(authorization: str | None, token: str) -> bool:
    """Whether an Authorization header carries exactly `Bearer <token>` (compared in constant time)."""
    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())
