"""OAuth tokens as values: when an access token expires, what its JWT says, and the form in which a token is stored.

Plain functions over token mappings, with no I/O and no authlib: the token endpoint's answers
(`component.oauth_endpoints`) and the refreshing auth (`component.oauth`) are normalised the same
way here, and the rules (an `expires_in` of 0, a missing refresh token kept) are tested on values.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Mapping
from typing import Any

__all__ = ["DEFAULT_LIFETIME_SECONDS", "LEEWAY_SECONDS", "jwt_claims", "normalised_token", "number_in", "secrets_of",
           "token_expiry"]

LEEWAY_SECONDS = 300  # refresh this long before the access token expires
DEFAULT_LIFETIME_SECONDS = 24 * 3600  # when neither the answer nor the JWT says how long the token lives


def jwt_claims(token: Any) -> dict[str, Any] | None:
    """The payload of a JWT, decoded without verifying it (only to read `exp`), or None if it is not one."""
    if not isinstance(token, str) or token.count(".") != 2:
        return None
    payload = token.split(".")[1]
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except ValueError:
        return None
    return claims if isinstance(claims, dict) else None


def number_in(value: Any) -> float | None:
    """A number given as a JSON number or numeric text (a token's expires_in / expires_at), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def token_expiry(token: Mapping[str, Any], now: float | None = None, *, zero_lifetime_is_unknown: bool = False) -> int:
    """When the access token expires (epoch seconds): expires_at, else expires_in, else JWT exp, else 24 h.

    An `expires_in` of 0 means "expires now" (RFC 6749), unless `zero_lifetime_is_unknown` (see `OAuthClient`).
    """
    now = time.time() if now is None else now
    expires_at = number_in(token.get("expires_at"))
    if expires_at is not None and expires_at > 0:
        return int(expires_at)
    expires_in = number_in(token.get("expires_in"))
    if expires_in is not None and (expires_in > 0 or (expires_in == 0 and not zero_lifetime_is_unknown)):
        return int(now + expires_in)
    exp = number_in((jwt_claims(token.get("access_token")) or {}).get("exp"))
    if exp is not None and exp > 0:
        return int(exp)
    return int(now + DEFAULT_LIFETIME_SECONDS)


def normalised_token(token: Mapping[str, Any], previous: Mapping[str, Any] | None = None, *,
                     zero_lifetime_is_unknown: bool = False) -> dict[str, Any]:
    """The token to store: a plain dict with `expires_at`, the old refresh token kept when none came back."""
    result = {str(k): v for k, v in token.items() if k != "expires_in"}
    refresh = result.get("refresh_token")
    if not (isinstance(refresh, str) and refresh):
        old = (previous or {}).get("refresh_token")
        if isinstance(old, str) and old:
            result["refresh_token"] = old
        else:
            result.pop("refresh_token", None)
    access = result.get("access_token")
    result["expires_at"] = (token_expiry(token, zero_lifetime_is_unknown=zero_lifetime_is_unknown)
                            if isinstance(access, str) and access else 0)
    return result


def secrets_of(token: Mapping[str, Any]) -> list[str | None]:
    """The token's secret strings (access, refresh and id tokens), for a redactor to learn."""
    return [v for k, v in token.items() if k in ("access_token", "refresh_token", "id_token") and isinstance(v, str)]
