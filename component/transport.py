"""The wire under the HTTP client: guarded sessions, one deadline per attempt, and bodies read under a size cap.

`requests` applies its timeout to each socket read, so a server that drips two bytes every half
second keeps a call alive forever, and it reads a body whole, so a small gzip body that inflates to
gigabytes fills memory. Sessions made here wrap every response's socket so that each read gets only
what is left of the attempt's deadline (`deadline`), and `read_body` streams the decoded body and
stops at a limit. urllib3 (2.6 and later) inflates at most the requested amount per read, so memory
stays bounded by one chunk beyond the limit.
"""

from __future__ import annotations

import io
import logging
import math
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ProtocolError, ReadTimeoutError

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "BodyTooLarge",
    "DeadlineExceeded",
    "deadline",
    "guard",
    "keep_body",
    "new_session",
    "read_body",
]

DEFAULT_MAX_RESPONSE_BYTES = 25 * 1024 * 1024
CHUNK = 64 * 1024

_deadline: ContextVar[float | None] = ContextVar("component_http_deadline", default=None)
_SLACK = 0.05  # seconds: how far the deadline may be nearer than the timeout before the timeout is cut


class DeadlineExceeded(requests.Timeout):
    """The attempt's overall deadline passed while connecting, waiting for headers or reading the body."""


class BodyTooLarge(Exception):
    """The decoded body is larger than the limit; `limit` is the number of bytes allowed."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


@contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Every socket read of a guarded session in this context ends `seconds` from now at the latest."""
    at = time.monotonic() + seconds
    token = _deadline.set(at)
    try:
        yield at
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left before the current deadline (None outside `deadline`)."""
    at = _deadline.get()
    return None if at is None else at - time.monotonic()


class _DeadlineReader(io.RawIOBase):
    """A socket's reading side whose every read waits at most until the deadline."""

    def __init__(self, sock: socket.socket, at: float) -> None:
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # counts as a reference to the socket, as http.client's does
        self._at = at
        self._timeout = sock.gettimeout()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self._at - time.monotonic()
        if left <= 0:
            raise TimeoutError("the deadline of the attempt passed")
        self._sock.settimeout(left if self._timeout is None else min(left, self._timeout))
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _DeadlineSocket:
    """The connection's socket as http.client sees it while reading one response: reads obey the deadline."""

    def __init__(self, sock: socket.socket, at: float) -> None:
        self._sock = sock
        self._at = at

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._at))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _Deadlined:
    """Mixin of urllib3 connections: the response is read through a deadline-aware socket."""

    sock: Any

    def getresponse(self) -> Any:
        at = _deadline.get()
        real = self.sock
        if at is None or real is None:
            return super().getresponse()  # type: ignore[misc]
        wrapped = self.sock = _DeadlineSocket(real, at)
        try:
            return super().getresponse()  # type: ignore[misc]
        finally:
            if self.sock is wrapped:  # http.client sets it to None when the server closes the connection
                self.sock = real


class _HTTPConnection(_Deadlined, HTTPConnection):
    pass


class _HTTPSConnection(_Deadlined, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _Adapter(HTTPAdapter):
    """requests' adapter with deadline-aware connections and no retries of its own."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def guard(session: requests.Session) -> requests.Session:
    """Make `session` obey deadlines and never read proxies or .netrc from the environment."""
    session.trust_env = False
    adapter = _Adapter(pool_connections=4, pool_maxsize=16, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    _hide_queries_from_urllib3()
    return session


def new_session() -> requests.Session:
    """A keep-alive session guarded by `guard`."""
    return guard(requests.Session())


def send(session: requests.Session, prepared: requests.PreparedRequest, timeout: float) -> requests.Response:
    """Send within the current deadline (or `timeout` when there is none); the body is left unread."""
    left = remaining()
    if left is not None:
        if left <= 0:
            raise DeadlineExceeded("the deadline of the attempt passed before sending")
        # The deadline-aware socket bounds every read by the time left, so the timeout handed to requests only
        # needs shortening when the deadline is clearly nearer (a call that waited for its rate budget); a few
        # milliseconds spent since the deadline was set keep the configured timeout as the request's own.
        if left < timeout - _SLACK:
            timeout = math.ceil(left * 1000) / 1000
    try:
        return session.send(prepared, timeout=timeout, allow_redirects=False, stream=True)
    except requests.ConnectionError as exc:
        if isinstance(exc, requests.Timeout) or not _timed_out(exc):
            raise
        raise DeadlineExceeded(str(exc)) from exc


def read_body(response: requests.Response, limit: int) -> bytes:
    """The decoded body, read in chunks; BodyTooLarge once it exceeds `limit` bytes (the connection is dropped).

    The body is kept on the response, so `response.content`, `.text` and `.json()` work as usual.
    """
    if getattr(response, "_content_consumed", False):  # already read (e.g. by a test double)
        return response.content or b""
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.raw.stream(CHUNK, decode_content=True):
            size += len(chunk)
            if size > limit:
                response.close()
                raise BodyTooLarge(limit)
            chunks.append(chunk)
    except (ReadTimeoutError, TimeoutError) as exc:
        response.close()
        raise DeadlineExceeded(f"timed out reading the body: {type(exc).__name__}") from None
    except ProtocolError as exc:
        response.close()
        if _timed_out(exc):
            raise DeadlineExceeded("timed out reading the body") from None
        raise requests.ConnectionError(exc) from None
    body = b"".join(chunks)
    keep_body(response, body)
    return body


def keep_body(response: requests.Response, body: bytes) -> None:
    """Store `body` as the response's content, as requests does once it has read a body itself."""
    response._content = body
    setattr(response, "_content_consumed", True)  # noqa: B010 - requests' own flag, untyped in its stubs


def _timed_out(exc: BaseException) -> bool:
    """Whether a wrapped failure is, underneath, a timeout of a socket read."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, TimeoutError | ReadTimeoutError):
            return True
        inner = next((a for a in current.args if isinstance(a, BaseException)), None)
        current = inner or current.__cause__ or current.__context__
    return False


class _HideQueries(logging.Filter):
    """urllib3 logs each request line at DEBUG: drop its query string, which may carry secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(_without_query(a) if isinstance(a, str) else a for a in record.args)
        return True


def _without_query(text: str) -> str:
    head, mark, _ = text.partition("?")
    return f"{head}?(query hidden)" if mark else text


_FILTER = _HideQueries()


def _hide_queries_from_urllib3() -> None:
    logger = logging.getLogger("urllib3.connectionpool")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
