"""How a Gorgias connection becomes an HTTP client: base URL, pooled session, rate budget, timeout.

Two environment variables tune it for an account:

- `GORGIAS_RATE_LIMIT`: the API-key bucket as "requests/seconds" ("40/20", the default; "40/10" for
  Enterprise accounts), or "off" to send without pacing. OAuth connections get twice the requests
  over the same window, as Gorgias gives OAuth apps 80 where API keys get 40.
- `GORGIAS_TIMEOUT`: seconds one attempt may take, connecting and reading the whole answer (default 30).
- `GORGIAS_MAX_RESPONSE_BYTES`: the largest answer body read, decoded (default 25 MiB).
- `GORGIAS_MAX_PAGES`: the most pages one list call follows (default 10,000).
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
from importlib.metadata import PackageNotFoundError, version

import requests

from component.definitions import OpenOptions
from component.errors import InputError
from component.http import DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT, HttpClient, session_for
from component.inputs import describe
from component.ratelimit import RateBudget, budget_for
from component.redaction import Redactor
from component.transport import DEFAULT_MAX_RESPONSE_BYTES
from gorgias_component.connections.answers import GORGIAS_PAGES, gorgias_error_detail
from gorgias_component.connections.domain import BASE_URL_ENV, api_base_url

__all__ = ["CALL_LIMIT_HEADER", "MAX_PAGES_ENV", "MAX_RESPONSE_BYTES_ENV", "RATE_LIMIT_ENV", "TIMEOUT_ENV",
           "gorgias_client"]

CALL_LIMIT_HEADER = "X-Gorgias-Account-Api-Call-Limit"
RATE_LIMIT_ENV = "GORGIAS_RATE_LIMIT"
TIMEOUT_ENV = "GORGIAS_TIMEOUT"
MAX_RESPONSE_BYTES_ENV = "GORGIAS_MAX_RESPONSE_BYTES"
MAX_PAGES_ENV = "GORGIAS_MAX_PAGES"
LIMIT_HINTS = {"max_response_bytes": f"set {MAX_RESPONSE_BYTES_ENV} (bytes)", "max_pages": f"set {MAX_PAGES_ENV}"}
# Gorgias: 40 requests per 20 s with an API key, 80 with OAuth (leaky bucket per account).
DEFAULT_LIMITS = {"apiKey": (40, 20.0), "oauth2": (80, 20.0)}
_LIMIT = re.compile(r"^\s*(\d{1,6})\s*/\s*(\d+(?:\.\d+)?)\s*s?\s*$")


@functools.cache
def user_agent() -> str:
    """gorgias-component/<version>; read from the installed metadata once, on the first request (not at import)."""
    try:
        return f"gorgias-component/{version('gorgias-component')}"
    except PackageNotFoundError:
        return "gorgias-component"


def rate_limit(kind: str) -> tuple[int, float] | None:
    """(requests, seconds) of the account's bucket for this auth kind, or None when pacing is off."""
    setting = os.environ.get(RATE_LIMIT_ENV, "").strip()
    if setting.lower() == "off":
        return None
    if not setting:
        return DEFAULT_LIMITS[kind]
    match = _LIMIT.match(setting)
    if match is None or int(match[1]) < 1 or not 0 < float(match[2]) < math.inf:
        raise InputError(RATE_LIMIT_ENV, f"Environment variable {RATE_LIMIT_ENV}: expected requests/seconds such "
                                         f'as "40/20" (or "40/10" for Enterprise), or "off", received '
                                         f"{describe(setting)}.")
    capacity, window = int(match[1]), float(match[2])
    return (capacity * 2, window) if kind == "oauth2" else (capacity, window)


def timeout() -> float:
    """Seconds to wait for each answer: GORGIAS_TIMEOUT, or the default."""
    setting = os.environ.get(TIMEOUT_ENV, "").strip()
    if not setting:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(setting)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= 3600:
        raise InputError(TIMEOUT_ENV, f"Environment variable {TIMEOUT_ENV}: expected seconds between 0 and 3600 "
                                      f"such as 30, received {describe(setting)}.")
    return seconds


def whole_number(name: str, default: int) -> int:
    """A positive whole number from the environment variable `name`, or `default` when it is unset."""
    setting = os.environ.get(name, "").strip()
    if not setting:
        return default
    if not (setting.isascii() and setting.isdigit()) or int(setting) < 1:
        raise InputError(name, f"Environment variable {name}: expected a whole number above 0 such as {default}, "
                               f"received {describe(setting)}.")
    return int(setting)


def _budget(base_url: str, kind: str) -> RateBudget | None:
    limit = rate_limit(kind)
    if limit is None:
        return None
    return budget_for(base_url, kind, limit[0], limit[1], CALL_LIMIT_HEADER)


@functools.lru_cache(maxsize=256)
def _account(domain: str, kind: str, identity: str, base_url_setting: str | None) -> tuple[str, requests.Session]:
    """Base URL and pooled session of one account and credential (the setting is part of the cache key)."""
    base_url = api_base_url(domain)
    return base_url, session_for(base_url, kind, hashlib.sha256(identity.encode()).hexdigest())


def gorgias_client(domain: str, kind: str, identity: str, auth: requests.auth.AuthBase | None,
                   redactor: Redactor, options: OpenOptions) -> HttpClient:
    """A client for one account; sessions and budgets are shared by every call for that account."""
    base_url, session = _account(domain, kind, identity, os.environ.get(BASE_URL_ENV))
    return HttpClient(
        base_url=base_url,
        session=session,
        auth=auth,
        service="Gorgias",
        timeout=timeout(),
        redactor=redactor,
        debug=options.debug,
        rate_budget=_budget(base_url, kind),
        max_response_bytes=whole_number(MAX_RESPONSE_BYTES_ENV, DEFAULT_MAX_RESPONSE_BYTES),
        max_pages=whole_number(MAX_PAGES_ENV, DEFAULT_MAX_PAGES),
        limit_hints=LIMIT_HINTS,
        paginator=GORGIAS_PAGES,
        explain=gorgias_error_detail,
        headers={"Accept": "application/json", "User-Agent": user_agent()},
    )
