"""How a Gorgias connection becomes an HTTP client: base URL, pooled session, rate budget."""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from importlib.metadata import PackageNotFoundError, version

import requests

from component.definitions import OpenOptions
from component.http import HttpClient, session_for
from component.ratelimit import RateBudget, budget_for
from component.redaction import Redactor
from connections.domain import api_base_url

__all__ = ["CALL_LIMIT_HEADER", "RATE_LIMIT_ENV", "gorgias_client"]

CALL_LIMIT_HEADER = "X-Gorgias-Account-Api-Call-Limit"
RATE_LIMIT_ENV = "GORGIAS_RATE_LIMIT"  # "40/20" requests per seconds, or "off"
# Gorgias: 40 requests per 20 s with an API key, 80 with OAuth (leaky bucket per account).
DEFAULT_LIMITS = {"apiKey": (40, 20.0), "oauth2": (80, 20.0)}


def _user_agent() -> str:
    try:
        return f"gorgias-component/{version('gorgias-component')}"
    except PackageNotFoundError:
        return "gorgias-component"


USER_AGENT = _user_agent()


def _budget(base_url: str, kind: str) -> RateBudget | None:
    setting = os.environ.get(RATE_LIMIT_ENV, "").strip().lower()
    capacity, window = DEFAULT_LIMITS[kind]
    if setting == "off":
        return None
    if setting:
        count, _, seconds = setting.partition("/")
        with suppress(ValueError):
            capacity, window = int(count), float(seconds)
        if kind == "oauth2" and "/" in setting:
            capacity *= 2
    return budget_for(base_url, kind, capacity, window, CALL_LIMIT_HEADER)


def gorgias_client(domain: str, kind: str, identity: str, auth: requests.auth.AuthBase | None,
                   redactor: Redactor, options: OpenOptions) -> HttpClient:
    """A client for one account; sessions and budgets are shared by every call for that account."""
    base_url = api_base_url(domain)
    fingerprint = hashlib.sha256(identity.encode()).hexdigest()
    return HttpClient(
        base_url=base_url,
        session=session_for(base_url, kind, fingerprint),
        auth=auth,
        service="Gorgias",
        redactor=redactor,
        debug=options.debug,
        rate_budget=_budget(base_url, kind),
        headers={"Accept": "application/json", "User-Agent": USER_AGENT},
    )
