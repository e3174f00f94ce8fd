"""What a failed Gorgias connection check means, in words that say which connection field to fix."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from component import ApiError, AuthError, ComponentError, ConnectionFields
from component.oauth import GrantError
from gorgias_component.connections.answers import gorgias_error_detail
from gorgias_component.connections.domain import api_base_url

__all__ = ["check_summary", "explain_check_failure", "missing_scope", "refusal_hint"]

PREFIX = "Connection check failed: "
# "Missing scope: account:read", "requires the account:read scope", "write:all" ...
_SCOPE = re.compile(r"\b(write:all|[a-z_]+:(?:read|write))\b")


def missing_scope(body: Any) -> str | None:
    """The scope a 403 answer names, when it names one."""
    text = gorgias_error_detail(body) if not isinstance(body, str) else body
    match = _SCOPE.search(text or "")
    return match.group(1) if match else None


def refusal_hint(connection_key: str) -> str:
    """What to fix when Gorgias refuses a connection's credentials (401), for a check and for any call."""
    if connection_key == "apiKey":
        return ("check the Username (the email you sign in to Gorgias with) and the API Key "
                "(Settings → REST API)")
    return "reconnect the Gorgias OAuth connection to authorize it again"


def check_summary(account: Any, connection_key: str, fields: ConnectionFields,
                  settings: Mapping[str, str] | None = None) -> str:
    """One line after a successful check: "Connected to acme.gorgias.com as me@acme.com"."""
    host = urlsplit(api_base_url(str(getattr(fields, "domain", "")), settings)).netloc
    who = getattr(fields, "username", None)
    domain = account.get("domain") if isinstance(account, dict) else None
    named = f" (account {domain})" if domain and not host.startswith(f"{domain}.") else ""
    return f"Connected to {host}{named} " + (f"as {who}" if who else "with OAuth 2.0")


def explain_check_failure(error: ComponentError, connection_key: str, fields: ConnectionFields,
                          settings: Mapping[str, str] | None = None) -> ComponentError:
    """The error of a failed `check_connection`, reworded to say what to fix; other errors are returned unchanged."""
    if isinstance(error, GrantError) or not isinstance(error, ApiError):
        return error  # a refused refresh token already says "reconnect"; network failures say "retry"
    status, body = error.status, error.body
    if status == 404 and isinstance(body, str):
        host = urlsplit(api_base_url(str(getattr(fields, "domain", "")), settings)).netloc
        return AuthError(f"{PREFIX}no Gorgias account at {host}: check the Domain (the part before .gorgias.com, "
                         "as in https://acme.gorgias.com/api).", status=status, body=body)
    if status == 401 and connection_key == "apiKey":
        return AuthError(f"{PREFIX}Gorgias refused the username or API key (401): {refusal_hint(connection_key)}.",
                         status=status, body=body)
    if status == 401:
        return AuthError(f"{PREFIX}Gorgias refused the OAuth access token even after refreshing it (401): "
                         f"{refusal_hint(connection_key)}.", status=status, body=body)
    if status == 403:
        scope = missing_scope(body)
        if scope and connection_key == "oauth2":
            return AuthError(f"{PREFIX}the OAuth token lacks the scope {scope} (403): add {scope} to Scopes and "
                             "reconnect the Gorgias OAuth connection.", status=status, body=body)
        detail = gorgias_error_detail(body)
        said = f" ({detail})" if detail else ""
        advice = ("add account:read (or write:all) to Scopes and reconnect" if connection_key == "oauth2"
                  else "ask a Gorgias admin to give this user a role that can read the account")
        return AuthError(f"{PREFIX}Gorgias refused access to the account (403){said}: {advice}.",
                         status=status, body=body)
    return error
