"""The one HTTP client: base URL, auth, timeouts, retries, pagination, error mapping, debug logging.

Actions describe a request (`api.get("/tickets/1")`); this module sends it. Retries follow a
`RetryPolicy`: 429 answers are waited out (the request was not processed, so that is safe for any
method); 5xx answers and network failures are retried only for idempotent methods unless the policy
says otherwise, so that a write is never sent twice.
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter

from component.errors import (
    ApiError,
    AuthError,
    RateLimitError,
    TransportError,
    WriteUncertainError,
)
from component.ratelimit import RateBudget
from component.redaction import Redactor

__all__ = ["DEFAULT_TIMEOUT", "HttpClient", "RefreshingAuth", "RetryPolicy", "session_for"]

log = logging.getLogger("component.http")

DEFAULT_TIMEOUT = 30.0
MAX_BODY_IN_MESSAGE = 500
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
JSON = Any
Query = list[tuple[str, str]]


class RefreshingAuth(Protocol):
    """An auth that can obtain new credentials once the API says the current ones expired."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest: ...

    def refresh_after_unauthorized(self) -> bool: ...


@dataclass(frozen=True)
class RetryPolicy:
    """When to send a request again and how long to wait first."""

    max_retries: int = 2  # for 5xx and network errors
    retry_writes: bool = False  # also re-send POST/PATCH (Raw Request: the user decides)
    retry_all_errors: bool = False  # retry any non-2xx, 429 included, within max_retries
    exponential: bool = True
    fixed_delay: float = 0.0  # seconds, when not exponential
    backoff_base: float = 0.1  # seconds; 0.1, 0.2, 0.4, ... plus up to 20 % jitter
    backoff_cap: float = 30.0
    rate_limit_retries: int = 6  # 429s waited out on top of max_retries (typed actions)
    retry_after_cap: float = 120.0
    budget: float = 300.0  # total seconds the client may spend waiting before it gives up

    def backoff(self, attempt: int) -> float:
        """Delay before retry number `attempt` (1-based): grows even when fixed_delay is 0."""
        if not self.exponential:
            return self.fixed_delay
        delay = min(self.backoff_cap, self.backoff_base * 2.0 ** (attempt - 1))
        return delay + random.uniform(0, delay * 0.2)


TYPED_POLICY = RetryPolicy()


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header given as seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    if seconds is not None:
        return max(0.0, seconds)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


_SESSIONS: dict[tuple[str, ...], requests.Session] = {}
_SESSIONS_LOCK = threading.Lock()


def session_for(*identity: str) -> requests.Session:
    """A pooled keep-alive session per (origin, credential) identity, shared across calls."""
    with _SESSIONS_LOCK:
        session = _SESSIONS.get(identity)
        if session is None:
            session = requests.Session()
            session.trust_env = False  # never pick up proxies or .netrc credentials implicitly
            adapter = HTTPAdapter(pool_connections=4, pool_maxsize=16, max_retries=0)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            _SESSIONS[identity] = session
        return session


@dataclass
class HttpClient:
    """Sends requests to one API on behalf of one connection."""

    base_url: str
    session: requests.Session
    auth: requests.auth.AuthBase | None = None
    service: str = "the API"
    timeout: float = DEFAULT_TIMEOUT
    redactor: Redactor = field(default_factory=Redactor)
    debug: bool = False
    policy: RetryPolicy = TYPED_POLICY
    rate_budget: RateBudget | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic

    def with_policy(self, policy: RetryPolicy, *, debug: bool | None = None) -> HttpClient:
        """The same client with another retry policy (Raw Request brings its own)."""
        return replace(self, policy=policy, debug=self.debug if debug is None else debug)

    # -- JSON helpers used by actions ------------------------------------------------------

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> JSON:
        return self.json("GET", path, params=params)

    def post(self, path: str, body: Any = None, params: Mapping[str, Any] | None = None) -> JSON:
        return self.json("POST", path, params=params, json=body)

    def put(self, path: str, body: Any = None, params: Mapping[str, Any] | None = None) -> JSON:
        return self.json("PUT", path, params=params, json=body)

    def delete(self, path: str, params: Mapping[str, Any] | None = None) -> JSON:
        return self.json("DELETE", path, params=params)

    def json(self, method: str, path: str, **kwargs: Any) -> JSON:
        """Send a request and decode its JSON answer (None for an empty body)."""
        response = self.request(method, path, **kwargs)
        return decode_json(response, self.service)

    # -- pagination ------------------------------------------------------------------------

    def pages(self, path: str, params: Mapping[str, Any], *, page_size: int = 100) -> Iterator[dict[str, Any]]:
        """Every page of a cursor-paginated list, following meta.next_cursor from the first page."""
        query = {k: v for k, v in params.items() if k not in ("cursor", "limit")}
        query["limit"] = page_size
        cursor: str | None = None
        while True:
            page = self.get(path, {**query, "cursor": cursor})
            if not isinstance(page, dict) or not isinstance(page.get("data"), list):
                raise ApiError(f"{self.service} answered {path} with something that is not a list page.",
                               status=200, body=page)
            yield page
            meta = page.get("meta") or {}
            cursor = meta.get("next_cursor") if isinstance(meta, dict) else None
            if not cursor:
                return

    def items(self, path: str, params: Mapping[str, Any], *, page_size: int = 100) -> Iterator[Any]:
        """Every item of a cursor-paginated list; memory is bounded by one page."""
        for page in self.pages(path, params, page_size=page_size):
            yield from page["data"]

    def list(self, path: str, params: Mapping[str, Any], *, fetch_all: bool) -> JSON:
        """One page as the API returns it, or with fetch_all every item in one envelope."""
        if not fetch_all:
            return self.get(path, params)
        envelope: dict[str, Any] | None = None
        items: list[Any] = []
        for page in self.pages(path, params):
            if envelope is None:
                envelope = {k: v for k, v in page.items() if k != "data"}
            items.extend(page["data"])
        assert envelope is not None
        meta = envelope.get("meta") if isinstance(envelope.get("meta"), dict) else {}
        envelope["meta"] = {**(meta or {}), "prev_cursor": None, "next_cursor": None}
        return {"data": items, **{k: v for k, v in envelope.items() if k != "data"}}

    # -- the one place requests are sent ---------------------------------------------------

    def url_for(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Any = None,
        files: Any = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        follow_redirects: bool = False,
        accept_redirect: bool = False,
    ) -> requests.Response:
        """Send with retries; return a 2xx (or, with accept_redirect, 3xx) response or raise."""
        method = method.upper()
        url = self.url_for(path)
        query = clean_params(params)
        send_headers = {**self.headers, **(headers or {})}
        policy = self.policy
        started = self.clock()
        waited = 0.0
        attempt = 0
        rate_limited = 0
        refreshed = False
        while True:
            if self.rate_budget is not None:
                waited += self.rate_budget.acquire(self.sleep)
            try:
                response = self._send(method, url, query, json, data, files, send_headers,
                                      timeout or self.timeout, follow_redirects)
            except requests.RequestException as exc:
                never_sent = isinstance(exc, requests.ConnectTimeout) or _connection_refused(exc)
                may_retry = method in IDEMPOTENT or policy.retry_writes or never_sent
                attempt += 1
                delay = policy.backoff(attempt)
                if may_retry and attempt <= policy.max_retries and waited + delay <= policy.budget:
                    self._log_retry(method, url, f"{type(exc).__name__}", delay)
                    self.sleep(delay)
                    waited += delay
                    continue
                raise self._transport_error(method, path, exc, never_sent, attempt) from None
            if self.rate_budget is not None:
                self.rate_budget.observe(response.headers)
            status = response.status_code
            if 200 <= status < 300 or (accept_redirect and 300 <= status < 400):
                return response
            if status == 401 and not refreshed and _can_refresh(self.auth):
                refreshed = True
                if self.auth.refresh_after_unauthorized():  # type: ignore[union-attr]
                    continue
            if status == 429 and not policy.retry_all_errors and rate_limited < policy.rate_limit_retries:
                rate_limited += 1
                delay = self._rate_limit_delay(response, policy, rate_limited)
                if waited + delay <= policy.budget:
                    self._log_retry(method, url, "429 Too Many Requests", delay)
                    self.sleep(delay)
                    waited += delay
                    continue
            retryable = policy.retry_all_errors or (
                status >= 500 and (method in IDEMPOTENT or policy.retry_writes)
            )
            if retryable and attempt < policy.max_retries:
                attempt += 1
                delay = policy.backoff(attempt)
                if status == 429:
                    delay = max(delay, min(policy.retry_after_cap, self._retry_after(response) or 0.0))
                if waited + delay <= policy.budget:
                    self._log_retry(method, url, f"{status}", delay)
                    self.sleep(delay)
                    waited += delay
                    continue
            raise self._api_error(method, path, response, self.clock() - started)

    def _send(self, method: str, url: str, query: Query, json: Any, data: Any, files: Any,
              headers: Mapping[str, str], timeout: float, follow_redirects: bool) -> requests.Response:
        started = time.perf_counter()
        response = self.session.request(
            method, url, params=query, json=json, data=data, files=files, headers=dict(headers),
            auth=self.auth, timeout=timeout, allow_redirects=False,
        )
        hops = 0
        while follow_redirects and response.is_redirect and hops < 5:
            hops += 1
            target = urljoin(response.url, response.headers["Location"])
            same_origin = _origin(target) == _origin(url)
            # Credentials stay with the API's origin: another host gets a bare GET.
            response = self.session.request(
                "GET", target, headers={} if not same_origin else dict(headers),
                auth=self.auth if same_origin else None, timeout=timeout, allow_redirects=False,
            )
        self._log(method, response, time.perf_counter() - started, json if json is not None else data)
        return response

    # -- errors and logging ----------------------------------------------------------------

    def _rate_limit_delay(self, response: requests.Response, policy: RetryPolicy, count: int) -> float:
        told = self._retry_after(response)
        base = policy.backoff(count) if told is None else told
        # Jitter only adds: several workers told the same second must not all come back at once.
        return min(policy.retry_after_cap, base) + random.uniform(0, 0.25)

    def _retry_after(self, response: requests.Response) -> float | None:
        return retry_after_seconds(response.headers.get("Retry-After"), time.time())

    def _api_error(self, method: str, path: str, response: requests.Response, elapsed: float) -> ApiError:
        status = response.status_code
        body = decode_body(response)
        detail = error_detail(body)
        where = f"{method} {path.split('?')[0]}"
        message = f"{self.service} answered {status} {response.reason or ''}".rstrip() + f" to {where}"
        if detail:
            message += f": {detail}"
        if isinstance(body, str) and "html" in response.headers.get("Content-Type", "").lower():
            message += " (an HTML page, not an API answer: check the account domain)"
        if status >= 500 and method not in IDEMPOTENT and not self.policy.retry_writes:
            message += (". The write may or may not have happened; it was not sent again to avoid a "
                        "duplicate: check before retrying")
        message = self.redactor.text(message.rstrip(".") + ".")
        cls = AuthError if status in (401, 403) else RateLimitError if status == 429 else ApiError
        return cls(message, status=status, body=self.redactor.value(body))

    def _transport_error(self, method: str, path: str, exc: Exception, never_sent: bool,
                         attempts: int) -> TransportError:
        kind = "timed out" if isinstance(exc, requests.Timeout) else "failed"
        reason = self.redactor.text(str(exc))[:MAX_BODY_IN_MESSAGE]
        tries = f" after {attempts} attempt{'s' if attempts != 1 else ''}"
        message = f"{method} {path.split('?')[0]} to {self.service} {kind}{tries}: {reason}"
        if method not in IDEMPOTENT and not never_sent and not self.policy.retry_writes:
            return WriteUncertainError(
                message + ". The write may or may not have happened; it was not sent again to avoid a "
                "duplicate: check before retrying."
            )
        return TransportError(message + ".")

    def _log(self, method: str, response: requests.Response, elapsed: float, body: Any) -> None:
        level = logging.INFO if self.debug else logging.DEBUG
        if not log.isEnabledFor(level):
            return
        url = self.redactor.url(response.request.url or "")
        log.log(level, "%s %s -> %s in %.1f ms", method, url, response.status_code, elapsed * 1000)
        if self.debug:
            log.log(level, "request headers: %s", self.redactor.headers(response.request.headers))
            if body is not None:
                log.log(level, "request body: %s", self.redactor.value(body))

    def _log_retry(self, method: str, url: str, reason: str, delay: float) -> None:
        level = logging.INFO if self.debug else logging.DEBUG
        log.log(level, "%s %s: %s, retrying in %.2f s", method, self.redactor.url(url), reason, delay)


def clean_params(params: Mapping[str, Any] | None) -> Query:
    """Query pairs without unset values; lists repeat their key, dicts become key[op]=value."""
    pairs: Query = []
    for key, value in (params or {}).items():
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, Mapping):
            pairs.extend((f"{key}[{op}]", _scalar(v)) for op, v in value.items() if v is not None)
        elif isinstance(value, list | tuple):
            pairs.extend((key, _scalar(v)) for v in value)
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def decode_body(response: requests.Response) -> Any:
    """The response body as JSON when it is JSON, else as text cut to a readable length."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        text = response.text
        return text if len(text) <= MAX_BODY_IN_MESSAGE else text[:MAX_BODY_IN_MESSAGE] + "..."


def decode_json(response: requests.Response, service: str) -> JSON:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        raise ApiError(
            f"{service} answered {response.status_code} with a body that is not JSON.",
            status=response.status_code, body=decode_body(response),
        ) from None


def error_detail(body: Any) -> str:
    """The API's own explanation: error.msg and error.data, an OAuth error, or the start of the text."""
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            msg = str(error.get("msg") or error.get("message") or "").strip()
            data = error.get("data")
            if isinstance(data, dict) and data:
                fields = "; ".join(
                    f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in data.items()
                )
                msg = f"{msg} ({fields})" if msg else fields
            return msg[:MAX_BODY_IN_MESSAGE]
        if isinstance(error, str):
            description = body.get("error_description")
            return f"{error}: {description}" if description else error
        if "message" in body:
            return str(body["message"])[:MAX_BODY_IN_MESSAGE]
        return ""
    if isinstance(body, str):
        text = " ".join(body.split())
        return text[:200] + ("..." if len(text) > 200 else "")
    return ""


def _can_refresh(auth: Any) -> bool:
    return callable(getattr(auth, "refresh_after_unauthorized", None))


def _connection_refused(exc: Exception) -> bool:
    """True when the connection was never established, so the request cannot have been processed."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = type(current).__name__
        if name in ("NewConnectionError", "ConnectionRefusedError", "NameResolutionError", "ConnectTimeoutError"):
            return True
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        reason = getattr(current, "reason", None)
        current = reason if isinstance(reason, BaseException) else inner or current.__cause__ or current.__context__
    return False


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc
