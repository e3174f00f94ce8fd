"""The `serve` command: the host on uvicorn, optionally with the bundled sandbox and its connections registered."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import threading
from collections.abc import Iterator
from typing import Any

import uvicorn
from fastapi import FastAPI

from component import product
from component.components import Component
from component.errors import ComponentError
from component.host.access import AccessError, is_loopback, required_token
from component.host.app import create_app
from component.host.context import Host
from component.host.store import Store
from component.runtime import Runtime
from component.vault import VaultError

__all__ = ["RunningHost", "host_app", "main", "register_sandbox", "sandbox"]

log = logging.getLogger("component.host")


class RunningHost:
    """A host served by uvicorn on a background thread (tests, `--sandbox`); `url` once started."""

    def __init__(self, component: Component, store: Store, *, host: str = "127.0.0.1", port: int = 0,
                 token: str | None = None, runtime: Runtime | None = None, public_url: str | None = None) -> None:
        """A host of `component` on `host`:`port` (0: a free port), not started yet; see `create_app`."""
        self.app = create_app(component, store, token=token, runtime=runtime, public_url=public_url)
        config = uvicorn.Config(self.app, host=host, port=port, log_level="warning", access_log=False,
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run, name=product.HOST_THREAD, daemon=True)
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
        """Ask uvicorn to exit, wait for its thread, then close the store (uvicorn runs no lifespan here)."""
        self.server.should_exit = True
        self._thread.join(timeout=10)
        self.state.store.close()

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
    with _sandbox_environment(component) as connections:
        yield register_sandbox(component, store, connections)


@contextlib.contextmanager
def _sandbox_environment(component: Component) -> Iterator[list[dict[str, Any]]]:
    """Run the component's sandbox with its settings in the environment; yields its connections."""
    if component.sandbox_connections is None:
        raise AccessError(f"component '{component.key}' has no sandbox")
    from component.cli import _environment  # the CLI's --sandbox sets the environment the same way

    with component.sandbox_connections() as (connections, environment), _environment(environment):
        yield connections


def host_app(component: Component, *, bind: str, database: str | None, runtime: Runtime | None = None,
             public_url: str | None = None) -> FastAPI:
    """The application `serve` runs: its bearer token, its store (`database`, else the database setting), its
    store's key, its public URL (`public_url`, else its setting) and its calls use one runtime's settings.

    `runtime` is made from the environment when None, with the store's key (its setting, else the key
    file beside the SQLite database), so that tokens shared through Redis are sealed with it.
    """
    settings = runtime.settings if runtime is not None else dict(os.environ)
    token = required_token(bind, settings)
    store = Store.open(database, settings)
    try:
        if runtime is None:
            runtime = Runtime.from_environ(settings, secret_key=store.vault.shared_key)
        return create_app(component, store, token=token, runtime=runtime, public_url=public_url)
    except BaseException:
        store.close()  # the host will not start: its database connections go now
        raise


def main(component: Component, argv: list[str]) -> int:
    """Parse `serve` options and serve until interrupted; returns the exit status."""
    parser = argparse.ArgumentParser(prog=f"{product.PROG} serve", description=(
        "Serve the component over HTTP with stored connections and the playground page at /. Off loopback, "
        f"{product.TOKEN_SETTING} must be set and every /api call must send it as a Bearer token."))
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--sandbox", action="store_true",
                        help="start the bundled sandbox and register its API-key and OAuth connections")
    parser.add_argument("--database", metavar="URL",
                        help=f"SQLAlchemy URL or SQLite file path (default {product.DATABASE_SETTING}, else "
                             f"{product.DEFAULT_DATABASE}); secrets are encrypted with "
                             f"{product.SECRET_KEY_SETTING} or a key file beside the SQLite file")
    parser.add_argument("--public-url", metavar="URL",
                        help="the https URL at which the API reaches this host, for webhook subscriptions behind a "
                             f"proxy or on a private address (default {product.PUBLIC_URL_SETTING}, else the address "
                             "each request came to)")
    parser.add_argument("--broker", metavar="URL",
                        help=f"run calls on `{product.PROG} worker` processes through this Celery broker "
                             "(redis://...) instead of in this process")
    args = parser.parse_args(argv)
    logging.getLogger("component.host").setLevel(logging.INFO)
    try:
        sandboxed: contextlib.AbstractContextManager[list[dict[str, Any]]] = \
            _sandbox_environment(component) if args.sandbox else contextlib.nullcontext([])
        with sandboxed as connections:
            # One runtime for the whole process, made once the sandbox (if any) has set its settings.
            app = host_app(component, bind=args.host, database=args.database, public_url=args.public_url)
            register_sandbox(component, app.state.host.store, connections)
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
    except (AccessError, VaultError, ComponentError) as exc:  # settings the host cannot start with
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
