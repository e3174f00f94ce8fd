"""The one HTTP client: base URL, auth, timeouts, retries, pagination, error mapping, debug logging.

Actions describe a request (`api.get("/tickets/1")`); this module sends it. Retries follow a
`RetryPolicy`: 429 answers are waited out for at least what `Retry-After` says (the request was not
processed, so that is safe for any method); 5xx answers and network failures are retried only for
idempotent methods unless the policy says otherwise, so that a write is never sent twice. Every wait
counts against the policy's total time budget. A shared `RateBudget` paces requests so that 429s are
rare in the first place.
"""

from __future__ import annotations

import json as jsonlib
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import requests

from component import pagination, progress, transport
from component.errors import (
    ApiError,
    AuthError,
    ComponentError,
    InputError,
    RateLimitError,
    TransportError,
    WriteUncertainError,
)
from component.pagination import Paginator
from component.payloads import decode_body, decode_json, error_detail
from component.ratelimit import RateBudget
from component.redaction import Redactor
from component.retries import TYPED_POLICY, Attempt, Outcome, RetryPolicy, retry_after_seconds
from component.runtime import default_runtime
from component.transport import DEFAULT_MAX_RESPONSE_BYTES, BodyTooLarge
from component.values import HEADER_NAME, JSON

__all__ = ["DEFAULT_MAX_PAGES", "DEFAULT_TIMEOUT", "HttpClient", "RefreshingAuth", "session_for"]

log = logging.getLogger("component.http")

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_PAGES = 10_000
MAX_BODY_IN_LOG = 2000
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
UNCERTAIN_WRITE = ("The write may or may not have happened; it was not sent again to avoid a duplicate: "
                   "check before retrying")
Query = list[tuple[str, str]]



class RefreshingAuth(Protocol):
    """An auth that can obtain new credentials once the API says the current ones expired."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest: ...

    def refresh_after_unauthorized(self) -> bool:
        """Refresh the credentials after a 401; True when the request is worth sending again."""
        ...


def session_for(*identity: str) -> requests.Session:
    """The default runtime's pooled keep-alive session for an (origin, credential) identity."""
    return default_runtime().sessions.session(*identity)


@dataclass(frozen=True)
class _Call:
    """One logical request as the caller described it; sent once or more."""

    method: str
    path: str
    url: str
    query: Query
    json: Any
    data: Any
    files: Any
    headers: Mapping[str, str]
    timeout: float
    follow_redirects: bool

    @property
    def where(self) -> str:
        return f"{self.method} /{self.path.split('?')[0].lstrip('/')}"


@dataclass(repr=False)
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
    wall_clock: Callable[[], float] = time.time  # for Retry-After given as an HTTP date
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES  # decoded size of one answer's body
    max_pages: int = DEFAULT_MAX_PAGES  # pages one list call follows
    max_items: int | None = None  # items `items()` yields before it stops quietly (picklists)
    # How a user changes each limit, e.g. {"max_pages": "set GORGIAS_MAX_PAGES"}; said in the error.
    limit_hints: Mapping[str, str] = field(default_factory=dict)
    paginator: Paginator | None = None  # how the API's lists page (the connection supplies it)
    explain: Callable[[Any], str] = error_detail  # the API's own explanation of an error answer

    def __repr__(self) -> str:
        return f"HttpClient({self.redactor.url(self.base_url)!r}, service={self.service!r})"

    def with_policy(self, policy: RetryPolicy, *, debug: bool | None = None) -> HttpClient:
        """The same client with another retry policy (Raw Request brings its own)."""
        return replace(self, policy=policy, debug=self.debug if debug is None else debug)

    def capped(self, max_items: int) -> HttpClient:
        """The same client whose `items()` stops quietly after `max_items` items (a picklist's cap)."""
        return replace(self, max_items=max_items)

    def limit_hint(self, limit: str) -> str:
        """How a user changes one of the client's limits ("set GORGIAS_MAX_PAGES"), for error messages."""
        return self.limit_hints.get(limit, f"raise the client's {limit}")

    # -- JSON helpers used by actions ------------------------------------------------------

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> JSON:
        """GET `path` and return its JSON body."""
        return self.json("GET", path, params=params)

    def post(self, path: str, body: Any = None, params: Mapping[str, Any] | None = None) -> JSON:
        """POST `body` as JSON to `path` and return the JSON answer."""
        return self.json("POST", path, params=params, json=body)

    def put(self, path: str, body: Any = None, params: Mapping[str, Any] | None = None) -> JSON:
        """PUT `body` as JSON to `path` and return the JSON answer."""
        return self.json("PUT", path, params=params, json=body)

    def delete(self, path: str, params: Mapping[str, Any] | None = None) -> JSON:
        """DELETE `path` and return its JSON body (None when empty)."""
        return self.json("DELETE", path, params=params)

    def json(self, method: str, path: str, **kwargs: Any) -> JSON:
        """Send a request and decode its JSON answer (None for an empty body)."""
        response = self.request(method, path, **kwargs)
        return decode_json(response, self.service, f"{method.upper()} {path.split('?')[0]}")

    # -- pagination (component.pagination, with the connection's paginator) ------------------

    def pages(self, path: str, params: Mapping[str, Any], *, page_size: int | None = None, method: str = "GET",
              body: Any = None) -> Iterator[dict[str, Any]]:
        """Every page of a paginated list as the API sent it, each requested when the previous one is consumed.

        Pages are `page_size` items long; by default the longest the connection's paginator allows.
        Each page is asked for with `method` and the same JSON `body` (None: none).
        """
        return (page.raw for page in pagination.pages(self, path, params, page_size, method=method, body=body))

    def page_fetched(self, items: int) -> None:
        """Report one more list page to whoever watches progress (the CLI's progress line)."""
        progress.page_fetched(items)

    def page(self, path: str, params: Mapping[str, Any], *, token: str | None, size: int | None,
             method: str = "GET", body: Any = None) -> tuple[list[Any], str | None]:
        """One page of a paginated list, from `token` (None: the first), `size` items long (None: the API's default).

        Returns its items and the token of the next page (None at the end).
        """
        page = pagination.one_page(self, path, params, token, size, method=method, body=body)
        return page.items, page.next

    @property
    def largest_page(self) -> int:
        """The most items one page of the API's lists holds (its paginator's `max_size`)."""
        return pagination.paginator_of(self).max_size

    def items(self, path: str, params: Mapping[str, Any], *, page_size: int | None = None, method: str = "GET",
              body: Any = None) -> Iterator[Any]:
        """Every item of a paginated list (at most `max_items`); memory is bounded by one page."""
        return pagination.items(self, path, params, page_size, method=method, body=body)

    def list(self, path: str, params: Mapping[str, Any], *, fetch_all: bool, method: str = "GET",
             body: Any = None) -> JSON:
        """One page as the API returns it, or with fetch_all every item in one answer shaped like a page.

        The list is read with `method` and JSON `body` (None: none), the same on every page.
        """
        if not fetch_all:
            return self.json(method, path, params=params, json=body)
        return pagination.fetch_all(self, path, params, method=method, body=body)

    # -- the one place requests are sent ---------------------------------------------------

    def url_for(self, path: str) -> str:
        """The absolute URL of an API path under the base URL."""
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
        send_headers = {**self.headers, **(headers or {})}
        _check_headers(send_headers)
        call = _Call(method.upper(), path, self.url_for(path), clean_params(params), json, data, files,
                     send_headers, timeout or self.timeout, follow_redirects)
        started = self.clock()
        attempt = Attempt()
        sent = 0  # requests that left (or tried to), 401 replays included
        refreshed = False
        while True:
            sent += 1
            response, failure = self._attempt(call, accept_redirect)
            outcome = self._outcome(call, response, failure)
            status = outcome.status or 0
            if response is not None and (200 <= status < 300 or (accept_redirect and 300 <= status < 400)):
                return response
            refresh = getattr(self.auth, "refresh_after_unauthorized", None)
            if status == 401 and not refreshed and callable(refresh):
                refreshed = True
                if refresh():  # new credentials: replay the request once
                    continue
            attempt = attempt.at(self.clock() - started)
            delay = self.policy.delay_for(outcome, attempt)
            if delay is None:
                raise self._failure(call, response, failure, outcome, attempt, sent) from None
            self._wait(call, outcome.reason, delay)
            attempt = attempt.after(outcome, self.policy)

    def _attempt(self, call: _Call, accept_redirect: bool) -> tuple[requests.Response | None,
                                                                      requests.RequestException | None]:
        """Pace, send once, and learn from the answer's rate-limit headers: the answer, or why none came."""
        self._pace(call)
        sent_at = self.clock()
        try:
            response = self._send(call, accept_redirect)
        except requests.RequestException as exc:
            self._log_failure(call, exc, self.clock() - sent_at)
            return None, exc
        if self.rate_budget is not None:
            self.rate_budget.observe(response.headers, self.clock() - sent_at)
        return response, None

    def _outcome(self, call: _Call, response: requests.Response | None,
                 failure: requests.RequestException | None) -> Outcome:
        idempotent = call.method in IDEMPOTENT
        if response is None:
            assert failure is not None
            never_sent = isinstance(failure, requests.ConnectTimeout) or _connection_refused(failure)
            return Outcome(idempotent, error=type(failure).__name__, never_sent=never_sent)
        told = self._retry_after(response) if response.status_code == 429 else None
        return Outcome(idempotent, response.status_code, retry_after=told)

    def _failure(self, call: _Call, response: requests.Response | None, failure: requests.RequestException | None,
                 outcome: Outcome, attempt: Attempt, sent: int) -> ComponentError:
        """The error a call ends with once the policy gives up on `outcome`."""
        if response is None:
            assert failure is not None
            return self._transport_error(call, failure, outcome.never_sent, sent)
        rate_limited = sent if outcome.status == 429 and not self.policy.retry_all_errors and attempt.rate_limited else 0
        return self._api_error(call, response, rate_limited, outcome.retry_after)

    def _pace(self, call: _Call) -> None:
        if self.rate_budget is None:
            return
        waited = self.rate_budget.acquire(self.sleep)
        if waited > 0:
            log.log(self._level, "%s %s: waited %.2f s for the rate budget", call.method,
                    self.redactor.url(call.url), waited)

    def _wait(self, call: _Call, reason: str, delay: float) -> None:
        log.log(self._level, "%s %s: %s, retrying in %.2f s", call.method, self.redactor.url(call.url), reason, delay)
        self.sleep(delay)

    def _send(self, call: _Call, accept_redirect: bool = False) -> requests.Response:
        """One attempt: connecting, the headers and the whole body (redirects included) within `call.timeout`."""
        with transport.deadline(call.timeout):
            response = self._send_once(call)
            if accept_redirect and response.is_redirect:
                response.close()  # only the headers matter (Download File); the body is never read
                transport.keep_body(response, b"")
                return response
            try:
                transport.read_body(response, self.max_response_bytes)
            except BodyTooLarge as exc:
                raise ApiError(
                    f"{self.service} answered {response.status_code} to {call.where} with a body larger than "
                    f"{exc.limit:,} bytes, the most one answer may have: {self.limit_hint('max_response_bytes')} "
                    "to change the limit.", status=response.status_code) from None
        return response

    def _send_once(self, call: _Call) -> requests.Response:
        started = self.clock()
        prepared = self._prepare(call.method, call.url, call.query, call.json, call.data, call.files,
                                 call.headers, with_auth=True)
        self._log_request(prepared, call.json if call.json is not None else call.data)
        response = transport.send(self.session, prepared, call.timeout)
        hops = 0
        while call.follow_redirects and response.is_redirect and hops < 5:
            hops += 1
            target = urljoin(response.url or call.url, response.headers["Location"])
            same_origin = _origin(target) == _origin(call.url)
            method = prepared.method or call.method
            keep_body = response.status_code in (307, 308)  # the same request again; else as requests does
            if not keep_body and method != "HEAD" and (
                    response.status_code in (302, 303) or (response.status_code == 301 and method == "POST")):
                method = "GET"
            if not same_origin and method not in ("GET", "HEAD"):
                break  # another host only ever gets a bare GET: never the API's body or a write
            keep_body = keep_body and same_origin
            # Credentials and the caller's headers stay with the API's origin: another host gets a bare request.
            prepared = self._prepare(
                method, target, [], call.json if keep_body else None, call.data if keep_body else None,
                call.files if keep_body else None, call.headers if same_origin else {}, with_auth=same_origin,
            )
            response.close()  # the redirect's own body is never read
            response = transport.send(self.session, prepared, call.timeout)
        self._log_response(call.method, response, self.clock() - started)
        return response

    def _prepare(self, method: str, url: str, query: Query, json: Any, data: Any, files: Any,
                 headers: Mapping[str, str], *, with_auth: bool) -> requests.PreparedRequest:
        request = requests.Request(method, url, params=query, json=json, data=data, files=files,
                                   headers=dict(headers), auth=self.auth if with_auth else None)
        try:
            return self.session.prepare_request(request)
        except requests.exceptions.InvalidJSONError:
            raise InputError("body", "The request body cannot be sent as JSON: it holds a number JSON cannot "
                                     "represent (NaN or Infinity).") from None
        except (requests.exceptions.InvalidHeader, requests.exceptions.InvalidURL, UnicodeError) as exc:
            raise InputError("request", self.redactor.text(
                f"The request to {self.service} cannot be sent as given: {type(exc).__name__}."
            )) from None

    # -- errors and logging ----------------------------------------------------------------

    @property
    def _level(self) -> int:
        return logging.INFO if self.debug else logging.DEBUG

    def _retry_after(self, response: requests.Response) -> float | None:
        return retry_after_seconds(response.headers.get("Retry-After"), self.wall_clock())

    def _api_error(self, call: _Call, response: requests.Response, rate_limited_attempts: int,
                   told: float | None) -> ApiError:
        status = response.status_code
        body = self.redactor.value(decode_body(response))
        detail = self.explain(body)
        message = f"{self.service} answered {status} {response.reason or ''}".rstrip() + f" to {call.where}"
        if detail:
            message += f": {detail}"
        if isinstance(body, str) and "html" in response.headers.get("Content-Type", "").lower():
            # A 404 page where the API should answer: the base URL is not the API's (a missing /api, say).
            wrong = f"the base URL {self.redactor.url(self.base_url)} looks wrong; " if status == 404 else ""
            message += f" (an HTML page, not an API answer: {wrong}check the account domain)"
        if status >= 500 and call.method not in IDEMPOTENT and not self.policy.retry_writes:
            message = message.rstrip(".") + ". " + UNCERTAIN_WRITE
        if status == 429 and (rate_limited_attempts or (told is not None and told > self.policy.retry_after_cap)):
            tried = f"{rate_limited_attempts} attempt{'s' if rate_limited_attempts != 1 else ''}"
            message = message.rstrip(".") + (f". Still rate limited after {tried}" if rate_limited_attempts
                                             else ". Not retried")
            if told is not None:
                message += f"; {self.service} asked to wait {told:.0f} s"
        message = self.redactor.text(message.rstrip(".") + ".")
        cls = AuthError if status in (401, 403) else RateLimitError if status == 429 else ApiError
        return cls(message, status=status, body=body)

    def _transport_error(self, call: _Call, exc: requests.RequestException, never_sent: bool,
                         attempts: int) -> TransportError:
        if isinstance(exc, requests.ConnectTimeout):
            what = f"could not connect to {_host(call.url)} within {call.timeout:g} s"
        elif isinstance(exc, requests.Timeout):
            what = f"timed out: no answer within {call.timeout:g} s"
        elif never_sent:
            what = f"could not connect to {_host(call.url)}"
        elif isinstance(exc, requests.ConnectionError) and not isinstance(exc, requests.exceptions.SSLError):
            what = "failed: the connection closed before an answer arrived"
        else:
            what = f"failed: {type(exc).__name__}: {str(exc)[:200]}"
        tries = f" ({attempts} attempts)" if attempts > 1 else ""
        message = f"{call.where} to {self.service} {what}{tries}"
        uncertain = call.method not in IDEMPOTENT and not never_sent
        if uncertain and not self.policy.retry_writes:
            return WriteUncertainError(self.redactor.text(f"{message}. {UNCERTAIN_WRITE}."))
        if uncertain:
            sent = "once" if attempts == 1 else f"{attempts} times"
            return WriteUncertainError(self.redactor.text(
                f"{message}. The write may or may not have happened (it was sent {sent}): check before retrying."
            ))
        return TransportError(self.redactor.text(message + "."))

    def _log_request(self, prepared: requests.PreparedRequest, body: Any) -> None:
        if not self.debug or not log.isEnabledFor(logging.INFO):
            return
        url = self.redactor.url(prepared.url or "")
        log.info("%s %s request headers: %s", prepared.method, url, self.redactor.headers(prepared.headers))
        if body is not None:
            log.info("%s %s request body: %s", prepared.method, url, self._loggable(body))

    def _loggable(self, body: Any) -> str:
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        value = self.redactor.value(body)
        text = value if isinstance(value, str) else jsonlib.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= MAX_BODY_IN_LOG else text[:MAX_BODY_IN_LOG] + "..."

    def _log_response(self, method: str, response: requests.Response, elapsed: float) -> None:
        if not log.isEnabledFor(self._level):
            return
        url = self.redactor.url(response.request.url or "") if response.request is not None else ""
        log.log(self._level, "%s %s -> %s in %.1f ms", method, url, response.status_code, elapsed * 1000)

    def _log_failure(self, call: _Call, exc: Exception, elapsed: float) -> None:
        log.log(self._level, "%s %s -> %s after %.1f ms", call.method, self.redactor.url(call.url),
                type(exc).__name__, elapsed * 1000)


def _check_headers(headers: Mapping[str, Any]) -> None:
    """Refuse header names and values HTTP cannot carry, before anything is sent (values never shown)."""
    for name, value in headers.items():
        ok = isinstance(name, str) and bool(HEADER_NAME.fullmatch(name)) and isinstance(value, str | bytes)
        if ok and isinstance(value, str):
            ok = not value[:1].isspace() and not any(c in value for c in "\r\n\0")
            try:
                value.encode("latin-1")
            except UnicodeEncodeError:
                ok = False
        if not ok:
            raise InputError("headers", f"Header {str(name)[:60]!r}: expected a token name and a single-line "
                                        "Latin-1 value that does not start with a space.")


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


def _host(url: str) -> str:
    """host[:port] of `url`, without any user:password@ it may carry."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or "?"
    return f"{host}:{port}" if port is not None else host


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()
