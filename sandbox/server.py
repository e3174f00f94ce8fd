"""The `Sandbox` class: a threaded keep-alive HTTP server with auth, rate limits and fault injection."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import random
import secrets
import socket
import socketserver
import threading
import time
import traceback
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import import_module
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote

from gorgias_component.sandbox import files
from gorgias_component.sandbox.hooks import Deliveries
from gorgias_component.sandbox.oauth import DEFAULT_SCOPE, OAuthServer
from gorgias_component.sandbox.ratelimit import RateLimiter
from gorgias_component.sandbox.router import ApiError, Auth, Request, Response, Route, Router, error_response
from gorgias_component.sandbox.seed import seed_store
from gorgias_component.sandbox.stats import Stats
from gorgias_component.sandbox.store import Store
from gorgias_component.sandbox.store_index import SortedIndex, same_instant

_PHRASES = {status.value: status.phrase for status in HTTPStatus}

# The resource modules, each serving its routes with `register(router, store)`: one line per module.
ROUTES = (
    "customers",
    "tickets",
    "messages",
    "events",
    "search",
    "tags",
    "teams",
    "users",
    "integrations",
    "widgets",
    "voice",
    "statistics",
    "uploads",
    "custom_fields",
    "ticket_changes",
    "views",
    "macros",
    "rules",
    "satisfaction_surveys",
    "jobs",
    "account_settings",
)


class Sandbox:
    """A local Gorgias-compatible API server seeded with deterministic demo data."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, customers: int = 40, tickets: int = 300,
                 seed: int = 1, rate_limit: tuple[int, float] | None = None, fault_rate: float = 0.0,
                 latency_ms: float = 0.0, username: str = "demo@sandbox.gorgias.local",
                 api_key: str = "sandbox-api-key", client_id: str = "sandbox-client-id",
                 client_secret: str = "sandbox-client-secret", visibility_lag: float = 0.0) -> None:
        self._rate = RateLimiter(*rate_limit) if rate_limit else None  # validates before binding a socket
        # Without a limit, calls are still metered so every answer carries Gorgias's call-limit header.
        self._meter = self._rate or RateLimiter(40, 20)
        self.username, self.api_key = username, api_key
        self.client_id, self.client_secret = client_id, client_secret
        self.store = Store()
        seed_store(self.store, customers=customers, tickets=tickets, seed=seed, username=username)
        self.stats = Stats()
        self._httpd = _HTTPServer((host, port), self)
        self.host = "127.0.0.1" if host in ("", "0.0.0.0") else host
        self.port: int = self._httpd.server_address[1]
        self.oauth = OAuthServer(client_id, client_secret, self.origin, self.store.api_user_id, username,
                                 on_grant=self.stats.on_grant)
        self.router = Router()
        for name in ROUTES:
            import_module(f"gorgias_component.sandbox.{name}").register(self.router, self.store)
        files.register(self.router, self.store, secrets.token_bytes(32))
        self.oauth.register(self.router)
        self._fault_rng = random.Random(f"faults-{seed}")
        self._fault_lock = threading.Lock()
        self.fault_rate, self.latency_ms, self.drop_rate = fault_rate, latency_ms, 0.0
        self._thread: threading.Thread | None = None
        self._stopped = False
        self.deliveries = Deliveries(self.store, self.origin)  # HTTP integrations call their URL on events
        self.store.observers.append(self.deliveries.on_event)
        self.set_visibility_lag(visibility_lag)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> Sandbox:
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                            name=f"gorgias-sandbox-{self.port}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.deliveries.stop()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.close_open_connections()
        self._httpd.server_close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --------------------------------------------------------------- public API
    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.origin + "/api"

    def connection(self) -> dict[str, Any]:
        return {"key": "apiKey", "fields": {"domain": "sandbox", "username": self.username, "apiKey": self.api_key}}

    def oauth_connection(self, token: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"key": "oauth2", "fields": {
            "domain": "sandbox", "clientId": self.client_id, "clientSecret": self.client_secret,
            "authorizeUrl": self.origin + "/oauth/authorize", "tokenUrl": self.origin + "/oauth/token",
            "scopes": DEFAULT_SCOPE}, "token": token if token is not None else self.issue_token()}

    def issue_token(self, expires_in_seconds: float = 86400, scope: str = DEFAULT_SCOPE) -> dict[str, Any]:
        return self.oauth.issue_token(expires_in_seconds, scope)

    def set_visibility_lag(self, milliseconds: float) -> None:
        """Test knob: items created from now on show in lists up to `milliseconds` after their timestamp."""
        with self.store.lock:
            indexes = [v for v in vars(self.store).values() if isinstance(v, SortedIndex)]
            indexes += [i for t in self.store.tables.values() for i in (t.by_created, t.by_updated)]
            for index in indexes:
                index.lag = milliseconds / 1000

    same_instant = staticmethod(same_instant)  # test knob: a burst of items with one timestamp

    def reset_stats(self) -> None:
        self.stats.reset()

    def set_faults(self, fault_rate: float | None = None, latency_ms: float | None = None,
                   drop_rate: float | None = None) -> None:
        with self._fault_lock:
            if fault_rate is not None:
                self.fault_rate = fault_rate
            if latency_ms is not None:
                self.latency_ms = latency_ms
            if drop_rate is not None:
                self.drop_rate = drop_rate

    def revoke_all_refresh_tokens(self) -> None:
        self.oauth.revoke_all_refresh_tokens()

    def expire_access_tokens(self) -> None:
        self.oauth.expire_access_tokens()

    # ------------------------------------------------------------------ pipeline
    def _authenticate(self, headers: dict[str, str]) -> Auth | None:
        header = headers.get("authorization", "")
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() == "basic":
            try:
                user, _, key = base64.b64decode(credentials.strip(), validate=True).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                return None
            if user == self.username and hmac.compare_digest(key.encode(), self.api_key.encode()):
                return Auth("api_key", user, self.store.api_user_id, frozenset())
        elif scheme.lower() == "bearer":
            claims = self.oauth.verify(credentials.strip())
            if claims is not None:
                return Auth("oauth", "sandbox", int(claims["sub"]), frozenset(str(claims["scope"]).split()))
        return None

    def _draw_fault(self) -> str | None:
        with self._fault_lock:
            draw = self._fault_rng.random()
            if draw < self.drop_rate:
                return "drop"
            if draw < self.drop_rate + self.fault_rate:
                return "fault"
            return None

    def dispatch(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Response | None:
        """Answer one request; None means: close the connection without replying."""
        path, _, raw_query = target.partition("?")
        path = unquote(path)
        route, params, allowed = self.router.match(method, path)
        is_api = path == "/api" or path.startswith("/api/")
        self.stats.add("requests")
        self.stats.count("received", (method, route.template if route else "<unmatched>"))
        req = Request(method, path, raw_query, parse_qs(raw_query, keep_blank_values=True), headers, body,
                      self.origin, params)
        extra: list[tuple[str, str]] = []
        if is_api:
            if self.latency_ms > 0:
                time.sleep(self.latency_ms / 1000)
            req.auth = self._authenticate(headers)
            if req.auth is None:
                self.stats.add("unauthorized")
                return error_response(401, "Unauthorized.")
            decision = self._meter.hit(req.auth.kind, req.auth.account)
            extra.append(("X-Gorgias-Account-Api-Call-Limit", decision.header))
            if self._rate is not None and not decision.allowed:
                self.stats.add("rate_limited")
                refused = error_response(429, "Too many requests.")
                refused.headers += [*extra, ("Retry-after", str(decision.retry_after))]
                return refused
            fault = self._draw_fault()
            if fault == "drop":
                self.stats.add("drops")
                return None
            if fault == "fault":
                self.stats.add("faults")
                refused = error_response(503, "Service unavailable (injected fault).")
                refused.headers += extra
                return refused
            if route is not None and (missing := self._missing_scope(req.auth, route.scope, method)):
                refused = error_response(403, f"Missing scope: {missing}")
                refused.headers += extra
                return refused
        response = self._run(route, allowed, req, method)
        response.headers += extra
        return response

    def _missing_scope(self, auth: Auth, scope: str | None, method: str) -> str | None:
        if auth.kind != "oauth" or scope is None or not auth.scopes or "write:all" in auth.scopes:
            return None
        if scope.endswith(":read"):  # a route that reads whatever its method (statistics are POSTed, read-only)
            return None if scope in auth.scopes else scope
        write = f"{scope}:write"
        if method == "GET":
            return None if {f"{scope}:read", write} & auth.scopes else f"{scope}:read"
        return None if write in auth.scopes else write

    def _run(self, route: Route | None, allowed: list[str], req: Request, method: str) -> Response:
        if route is None:
            if allowed:
                refused = error_response(405, "Method not allowed.")
                refused.headers.append(("Allow", ", ".join(sorted(set(allowed)))))
                return refused
            return error_response(404, "Resource not found.")
        self.stats.count("processed", (method, route.template))
        try:
            return route.handler(req)
        except ApiError as exc:
            return error_response(exc.status, exc.msg, exc.data)
        except Exception:
            traceback.print_exc()
            return error_response(500, "Internal server error.")



class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:  # skip HTTPServer's slow reverse-DNS getfqdn()
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = self.socket.accept()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._open_lock:
            self._open.add(sock)
        return sock, address

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._open_lock:
            open_sockets = list(self._open)
        for sock in open_sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # silence per-request logging
        pass

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _serve(self) -> None:
        try:
            body = self._read_body()
        except ValueError:
            self.close_connection = True
            self._write(error_response(400, "Invalid request body framing."))
            return
        headers = {name.lower(): value for name, value in self.headers.items()}
        response = self.server.sandbox.dispatch(self.command, self.path, headers, body)
        if response is None:
            self.close_connection = True
            return
        self._write(response)

    def _write(self, response: Response) -> None:
        """Headers and body in ONE write: split writes stall keep-alive clients on delayed ACKs."""
        self.server.sandbox.stats.count("statuses", response.status)
        lines = [f"HTTP/1.1 {response.status} {_PHRASES.get(response.status, 'Unknown')}",
                 "Server: gorgias-sandbox", f"Date: {formatdate(usegmt=True)}",
                 f"Content-Length: {len(response.body)}"]
        if response.content_type:
            lines.append(f"Content-Type: {response.content_type}")
        lines.extend(f"{name}: {value}" for name, value in response.headers)
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.wfile.write(head if self.command == "HEAD" else head + response.body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _serve


__all__ = ["Sandbox"]
