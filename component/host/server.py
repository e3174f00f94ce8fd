"""`gorgias-component serve`: the host on uvicorn, optionally with the bundled sandbox and its connections registered."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import threading
from collections.abc import Iterator
from typing import Any

import uvicorn

from component.components import Component
from component.host.access import AccessError, is_loopback, required_token
from component.host.app import create_app
from component.host.context import Host
from component.host.store import Store
from component.host.vault import VaultError
from component.runtime import Runtime

__all__ = ["RunningHost", "main", "register_sandbox", "sandbox"]

log = logging.getLogger("component.host")


class RunningHost:
    """A host served by uvicorn on a background thread (tests, `--sandbox`); `url` once started."""

    def __init__(self, component: Component, store: Store, *, host: str = "127.0.0.1", port: int = 0,
                 token: str | None = None, runtime: Runtime | None = None) -> None:
        """A host of `component` on `host`:`port` (0: a free port), not started yet; see `create_app`."""
        self.app = create_app(component, store, token=token, runtime=runtime)
        config = uvicorn.Config(self.app, host=host, port=port, log_level="warning", access_log=False,
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run, name="gorgias-host", daemon=True)
        self.bound_host = host

    @property
    def state(self) -> Host:
        """The served component and store."""
        host: Host = self.app.state.host
        return host

    def start(self, timeout: float = 20.0) -> RunningHost:
        """Serve on a background thread; returns once uvicorn listens (RuntimeError after `timeout` seconds)."""
        self._thread.start()
        for _ in range(int(timeout / 0.02)):
            if self.server.started:
                return self
            if not self._thread.is_alive():
                break
            threading.Event().wait(0.02)
        raise RuntimeError("the host did not start")

    @property
    def port(self) -> int:
        """The port uvicorn listens on."""
        sockets = [s for server in self.server.servers for s in server.sockets]
        return int(sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        """http://HOST:PORT, with a loopback address when bound to every interface."""
        host = "127.0.0.1" if self.bound_host in ("0.0.0.0", "::", "") else self.bound_host
        return f"http://{host}:{self.port}"

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for its thread."""
        self.server.should_exit = True
        self._thread.join(timeout=10)

    def __enter__(self) -> RunningHost:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def register_sandbox(component: Component, store: Store, connections: list[dict[str, Any]]) -> list[str]:
    """Store the sandbox's connections under fixed labels (replacing those of an earlier run); returns their ids."""
    host = Host(component, store)
    ids = []
    for value in connections:
        definition = component.executor.find("connection", value["key"], component.connections)
        secret = host.secret_fields(definition.key)
        fields = value["fields"]
        ids.append(store.upsert_connection(component.key, definition.key, f"Sandbox ({definition.label})",
                                           {k: v for k, v in fields.items() if k not in secret},
                                           {k: v for k, v in fields.items() if k in secret}))
    return ids


@contextlib.contextmanager
def sandbox(component: Component, store: Store) -> Iterator[list[str]]:
    """Run the component's sandbox and register its connections; the whole process talks to it meanwhile."""
    if component.sandbox_connections is None:
        raise AccessError(f"component '{component.key}' has no sandbox")
    from component.cli import _environment  # the CLI's --sandbox sets the environment the same way

    with component.sandbox_connections() as (connections, environment), _environment(environment):
        yield register_sandbox(component, store, connections)


def main(component: Component, argv: list[str]) -> int:
    """Parse `serve` options and serve until interrupted; returns the exit status."""
    parser = argparse.ArgumentParser(prog="gorgias-component serve", description=(
        "Serve the component over HTTP with stored connections and the playground page at /. Off loopback, "
        "GORGIAS_HOST_TOKEN must be set and every /api call must send it as a Bearer token."))
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--sandbox", action="store_true",
                        help="start the bundled sandbox and register its API-key and OAuth connections")
    parser.add_argument("--database", metavar="URL",
                        help="SQLAlchemy URL or SQLite file path (default ~/.local/share/gorgias-component/host.db); "
                             "secrets are encrypted with GORGIAS_HOST_KEY or a key file beside the SQLite file")
    parser.add_argument("--broker", metavar="URL",
                        help="run calls on `gorgias-component worker` processes through this Celery broker "
                             "(redis://...) instead of in this process")
    args = parser.parse_args(argv)
    logging.getLogger("component.host").setLevel(logging.INFO)
    try:
        token = required_token(args.host)
        store = Store.open(args.database)
        with sandbox(component, store) if args.sandbox else contextlib.nullcontext():
            # One runtime for the whole process, made once the sandbox (if any) has set its settings.
            app = create_app(component, store, token=token, runtime=Runtime.from_environ())
            if args.broker:
                from component.workers import Broker  # Celery loads only in broker mode

                app.state.host.broker = Broker(args.broker)
            config = uvicorn.Config(app, host=args.host, port=args.port,
                                    log_level="info", access_log=False)
            where = f"http://{args.host if is_loopback(args.host) or args.host != '0.0.0.0' else '127.0.0.1'}"
            print(f"serving {component.label} on {where}:{args.port}/ (playground), API under /api, "
                  f"OpenAPI at /openapi.json{' - sandbox connections registered' if args.sandbox else ''}",
                  file=sys.stderr, flush=True)
            uvicorn.Server(config).run()
    except (AccessError, VaultError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
