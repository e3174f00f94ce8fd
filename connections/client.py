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
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version

import requests

from component.definitions import OpenOptions
from component.errors import InputError
from component.http import DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT, HttpClient
from component.inputs import describe
from component.ratelimit import RateBudget
from component.redaction import Redactor
from component.runtime import Runtime
from component.transport import DEFAULT_MAX_RESPONSE_BYTES
from component.values import whole_number as whole_number_in
from gorgias_component.connections.answers import GORGIAS_PAGES, gorgias_error_detail
from gorgias_component.connections.domain import api_base_url

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


def rate_limit(kind: str, settings: Mapping[str, str] | None = None) -> tuple[int, float] | None:
    """(requests, seconds) of the account's bucket for this auth kind, or None when pacing is off."""
    setting = _setting(settings, RATE_LIMIT_ENV)
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


def _setting(settings: Mapping[str, str] | None, name: str) -> str:
    """A setting of the runtime (the process environment when none is given), stripped."""
    return ((os.environ if settings is None else settings).get(name) or "").strip()


def timeout(settings: Mapping[str, str] | None = None) -> float:
    """Seconds one attempt may take: GORGIAS_TIMEOUT, or the default."""
    setting = _setting(settings, TIMEOUT_ENV)
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


def whole_number(name: str, default: int, settings: Mapping[str, str] | None = None) -> int:
    """A positive whole number from the setting `name`, or `default` when it is unset."""
    setting = _setting(settings, name)
    if not setting:
        return default
    number = whole_number_in(setting)
    if number is None or number < 1:
        raise InputError(name, f"Environment variable {name}: expected a whole number above 0 such as {default}, "
                               f"received {describe(setting)}.")
    return number


def _budget(runtime: Runtime, base_url: str, kind: str) -> RateBudget | None:
    limit = rate_limit(kind, runtime.settings)
    if limit is None:
        return None
    capacity, window = limit
    return runtime.budgets.budget((base_url, kind, capacity, window),
                                  lambda: RateBudget(capacity, window, header=CALL_LIMIT_HEADER))


def gorgias_client(domain: str, kind: str, identity: str, auth: requests.auth.AuthBase | None,
                   redactor: Redactor, options: OpenOptions) -> HttpClient:
    """A client for one account; the runtime's sessions and budgets are shared by every call for that account."""
    runtime, settings = options.runtime, options.runtime.settings
    base_url = api_base_url(domain, settings)
    return HttpClient(
        base_url=base_url,
        session=runtime.sessions.session(base_url, kind, hashlib.sha256(identity.encode()).hexdigest()),
        auth=auth,
        service="Gorgias",
        timeout=timeout(settings),
        redactor=redactor,
        debug=options.debug,
        rate_budget=_budget(runtime, base_url, kind),
        sleep=runtime.sleep,
        clock=runtime.clock,
        wall_clock=runtime.wall_clock,
        max_response_bytes=whole_number(MAX_RESPONSE_BYTES_ENV, DEFAULT_MAX_RESPONSE_BYTES, settings),
        max_pages=whole_number(MAX_PAGES_ENV, DEFAULT_MAX_PAGES, settings),
        limit_hints=LIMIT_HINTS,
        paginator=GORGIAS_PAGES,
        explain=gorgias_error_detail,
        headers={"Accept": "application/json", "User-Agent": user_agent()},
    )
