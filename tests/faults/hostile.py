"""A hostile Gorgias on loopback: each test routes paths to handlers that misbehave on purpose."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[["Request"], None]


class Request(BaseHTTPRequestHandler):
    """One request to the hostile server; `reply` and the raw `wfile` are what handlers use."""

    server: HostileServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        path = self.path.split("?")[0]
        self.server.seen.append((self.command, self.path, self.body))
        handler = self.server.routes.get(path)
        if handler is None:
            self.reply(404, b'{"error": {"msg": "no such route"}}')
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client hung up, as it should
            handler(self)

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def reply(self, status: int, body: bytes, content_type: str = "application/json", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


class HostileServer(ThreadingHTTPServer):
    """Serves `routes` (path -> handler) on a free loopback port; `seen` lists (method, path, body)."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Request)
        self.routes: dict[str, Handler] = {}
        self.seen: list[tuple[str, str, bytes]] = []
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
