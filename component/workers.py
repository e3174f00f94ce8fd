"""Celery workers that run a component's actions, data sources and trigger polls, and the host's side that awaits them.

A task message names the component (its entry point), the action, data source or trigger key, the
inputs and the id of a connection in the host's store; the worker reads the connection (and writes
back refreshed tokens) from that store itself, so no secret ever travels through the broker. The
answer is `{"ok": result}` or `{"error": {...}}`, which `Broker.run` turns back into the same
`ComponentError`. Reads (data sources, trigger polls, actions that change nothing or are idempotent)
are acknowledged after they ran and given again to another worker when theirs dies; an action that
may create something is acknowledged when a worker takes it, so a worker killed in the middle loses
it rather than sending the create twice (the host's caller gets a timeout and must check). Each
worker process makes one `Runtime` from the environment on its first task (not in the parent of a
prefork pool: sessions and database connections do not survive a fork) and runs every task on it;
the store's location and key are read from that runtime's settings, and the runtime seals the tokens
it shares through Redis with the store's key, like the host.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Any

from celery import Celery

from component import errors, product
from component.components import Component
from component.errors import ComponentError, InputError, TransportError, WriteUncertainError
from component.runtime import SECRET_KEY_SETTING, Runtime

__all__ = ["Broker", "celery_app", "main"]

QUEUE = product.QUEUE
RESULT_SECONDS = 120.0  # a host waits this long for a worker's answer
READ_TASK = "component.run_read"  # acknowledged after running: redelivered if the worker dies
WRITE_TASK = "component.run_write"  # acknowledged on receipt: never run twice


def celery_app(broker: str, *, database: str | None = None, queue: str = QUEUE,
               runtime: Runtime | None = None) -> Celery:
    """The Celery application on `broker` (Redis, also the result backend) with both tasks registered.

    Tasks run on `runtime`, or on one each worker process makes from its environment on its first task.
    """
    app = Celery(product.APP, broker=broker, backend=broker, set_as_current=False)
    app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"],
                    task_default_queue=queue, worker_prefetch_multiplier=1, result_expires=3600,
                    broker_connection_retry_on_startup=True, worker_hijack_root_logger=False)
    worker = _Worker(database, runtime)

    def run(component: str, kind: str, key: str, inputs: dict[str, Any], connection_id: str,
            options: dict[str, Any]) -> dict[str, Any]:
        """One task: the call's result as {"ok": ...}, or the ComponentError it raised as {"error": {...}}."""
        try:
            return {"ok": worker.perform(component, kind, key, inputs, connection_id, options)}
        except ComponentError as exc:
            return {"error": _reported(exc)}

    # Not shared: Celery would otherwise register these tasks in every app made later in the process, so that
    # a second app's tasks would run on the first one's runtime and store.
    app.task(name=READ_TASK, acks_late=True, reject_on_worker_lost=True, shared=False)(run)
    app.task(name=WRITE_TASK, acks_late=False, shared=False)(run)
    return app


class _Worker:
    """What a worker process keeps between tasks: its runtime, the host's store and the components bound to it."""

    def __init__(self, database: str | None, runtime: Runtime | None) -> None:
        self.database = database
        self.given = runtime
        self.opened: tuple[Runtime, Any] | None = None  # the runtime and the store, once the first task made them
        self.components: dict[str, Any] = {}
        self._lock = threading.Lock()  # the threads pool runs tasks at once

    def parts(self, component_key: str) -> tuple[Any, Any]:
        """The component bound to this process's runtime, and the store; both made on the first task."""
        with self._lock:
            if self.opened is None:
                self.opened = _runtime_and_store(self.database, self.given)
            runtime, store = self.opened
            if component_key not in self.components:
                found = _component(component_key)
                self.components[component_key] = found.using(runtime) if isinstance(found, Component) else found
            return self.components[component_key], store

    def perform(self, component_key: str, kind: str, key: str, inputs: Mapping[str, Any], connection_id: str,
                options: Mapping[str, Any]) -> Any:
        """Run one call with the stored connection; refreshed tokens go back to the store."""
        component, store = self.parts(component_key)
        return _perform(component, store, kind, key, inputs, connection_id, options)


def _runtime_and_store(database: str | None, runtime: Runtime | None) -> tuple[Runtime, Any]:
    """The runtime (`runtime`, else one made from the environment with the store's key) and the host's store
    (at `database`, else the runtime's database setting; its key from the runtime's settings)."""
    from component.host.store import Store

    settings = runtime.settings if runtime is not None else dict(os.environ)
    store = Store.open(database, settings)  # else the database setting, as `serve` reads it
    if runtime is None:
        runtime = Runtime.from_environ(settings, secret_key=store.vault.shared_key)
    return runtime, store


def _perform(component: Any, store: Any, kind: str, key: str, inputs: Mapping[str, Any], connection_id: str,
             options: Mapping[str, Any]) -> Any:
    """Run one call in the worker with the stored connection; refreshed tokens go back to the store."""
    from component.host.context import Host

    connection, saver = Host(component, store).connection(connection_id, None)
    if kind == "action":
        return component.run_action(key, inputs, connection, on_token_refresh=saver)
    if kind == "data source":
        return component.run_data_source(key, inputs, connection, on_token_refresh=saver, **options)
    run_trigger = getattr(component, "run_trigger", None)
    if kind != "trigger" or not callable(run_trigger):
        raise InputError("kind", f"Workers run actions, data sources and trigger polls, not {kind!r}.")
    return run_trigger(key, inputs, connection, options.get("state"), on_token_refresh=saver)


def _component(key: str) -> Any:
    """The installed component named `key` (its `component.components` entry point)."""
    from importlib.metadata import entry_points

    found = next(iter(entry_points(group="component.components", name=key)), None)
    if found is None:
        raise InputError("component", f"No component named {key!r} is installed on this worker.")
    return found.load()


def _retried_safely(kind: str, key: str) -> bool:
    """Whether running the call twice is harmless (reads and idempotent writes)."""
    if kind != "action":
        return True
    from component.mcp.effects import classify

    return classify(key).idempotent


def _reported(exc: ComponentError) -> dict[str, Any]:
    """What a worker sends back of an error (JSON): enough for `_error` to rebuild it at the host."""
    return {"type": type(exc).__name__, "message": str(exc), "key": getattr(exc, "key", None),
            "status": getattr(exc, "status", None), "kind": getattr(exc, "kind", None),
            "retry_after": getattr(exc, "retry_after", None)}


def _error(detail: Mapping[str, Any]) -> ComponentError:
    """The ComponentError a worker reported, rebuilt with its class, key and status."""
    cls = getattr(errors, str(detail.get("type")), None)
    message = str(detail.get("message"))
    if not (isinstance(cls, type) and issubclass(cls, ComponentError)):
        return errors.InternalError(message)
    if issubclass(cls, errors.UnknownKeyError):
        return cls(str(detail.get("key")), message, kind=str(detail.get("kind") or ""))
    if issubclass(cls, InputError):
        return cls(str(detail.get("key")), message)
    if issubclass(cls, errors.RateLimitError):
        wait = detail.get("retry_after")
        return cls(message, status=int(detail.get("status") or 0),
                   retry_after=float(wait) if isinstance(wait, int | float) else None)
    if issubclass(cls, errors.ApiError):
        return cls(message, status=int(detail.get("status") or 0))
    return cls(message)


class Broker:
    """The host's side: enqueue a call for the workers and await its answer."""

    def __init__(self, url: str, *, queue: str = QUEUE, timeout: float = RESULT_SECONDS) -> None:
        self.app = celery_app(url, queue=queue)
        self.timeout = timeout

    def run(self, component: str, kind: str, key: str, inputs: Mapping[str, Any], connection_id: str | None,
            **options: Any) -> Any:
        """Run the call on a worker; its result, or the ComponentError it raised there."""
        if connection_id is None:
            raise InputError("connectionId", "Calls run by workers need a stored connection: give 'connectionId' "
                                             "(POST /api/connections), not an inline connection.")
        task = READ_TASK if _retried_safely(kind, key) else WRITE_TASK
        from celery.exceptions import TimeoutError as ResultTimeout

        try:
            result = self.app.send_task(task, args=[component, kind, key, dict(inputs), connection_id, options])
            answer = result.get(timeout=self.timeout, propagate=True)
        except ResultTimeout:
            late = f"The workers did not answer {kind} '{key}' within {self.timeout:g} s (timed out)"
            if task == WRITE_TASK:
                raise WriteUncertainError(late + "; the write may or may not have happened: check before "
                                                 "retrying.") from None
            raise TransportError(late + ".") from None
        except Exception as exc:  # the broker unreachable, or the worker died running a write (WorkerLostError)
            if task == WRITE_TASK:
                raise WriteUncertainError(f"The workers did not finish action '{key}' ({type(exc).__name__}): the "
                                          "write may or may not have happened; it was not run again to avoid a "
                                          "duplicate: check before retrying.") from None
            raise TransportError(f"The broker could not run {kind} '{key}': {type(exc).__name__}.") from None
        if "error" in answer:
            raise _error(answer["error"])
        return answer["ok"]


def main(broker: str, database: str | None, concurrency: int, pool: str, queue: str = QUEUE) -> int:
    """Run a worker until interrupted (the `worker` command); settings it could run no task with stop it first."""
    from component.vault import VaultError

    try:
        # The store and runtime each task process will make, made once here to check them, then let go.
        _, store = _runtime_and_store(database, None)
        store.engine.dispose()
    except VaultError as exc:
        raise InputError(SECRET_KEY_SETTING, str(exc)) from None
    app = celery_app(broker, database=database, queue=queue)
    app.worker_main(["worker", "--loglevel=INFO", f"--concurrency={concurrency}", f"--pool={pool}",
                     f"--queues={queue}", "--without-gossip", "--without-mingle", "--without-heartbeat"])
    return 0
