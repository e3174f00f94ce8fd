"""HTTP integrations that really call their URL: on a matching event, POST the rendered form as JSON.

Deliveries run in one background thread from a bounded queue, each retried a few times on failure
(a connection error or a status >= 300), as Gorgias does; the sandbox's API calls never wait for them.
The sandbox calls loopback URLs only (it never reaches the internet): a call elsewhere is recorded
in `sent` with status 0 and not made.
"""

from __future__ import annotations

import contextlib
import json
import queue
import threading
import urllib.parse
import urllib.request
from typing import Any

from gorgias_component.sandbox import render
from gorgias_component.sandbox.store import JSON, Event, Store

__all__ = ["Deliveries"]

MAX_QUEUED = 1000  # deliveries waiting past this are dropped (a test that floods the sandbox cannot grow it)
DELAYS = (0.05, 0.2, 0.5)  # seconds before each retry
TIMEOUT = 5.0
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Deliveries:
    """Calls the HTTP integrations of `store` whose triggers match each recorded event."""

    def __init__(self, store: Store, origin: str) -> None:
        self.store, self.origin = store, origin
        self.sent: list[tuple[str, int]] = []  # (url, status) of each attempt, for tests
        self._queue: queue.Queue[tuple[JSON, Event] | None] = queue.Queue(MAX_QUEUED)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sandbox-hooks", daemon=True)
        self._thread.start()

    def on_event(self, event: Event) -> None:
        """Queue a call of each active HTTP integration that follows `event.type` (the store's lock is held)."""
        for record in self._integrations():
            http = record.get("http") or {}
            if record.get("deactivated_datetime") or not (http.get("triggers") or {}).get(event.type):
                continue
            with contextlib.suppress(queue.Full):
                self._queue.put_nowait((http, event))

    def stop(self) -> None:
        """Stop the delivery thread (what is queued is dropped)."""
        self._stop.set()
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(None)
        self._thread.join(timeout=2)

    def _integrations(self) -> list[JSON]:
        with self.store.lock:
            table = self.store.integrations
            return [dict(table[i]) for i in table if (table[i].get("type") == "http")]

    def _form(self, form: JSON, event: Event) -> JSON:
        """The form with `{{ticket}}`, `{{message}}` and `{{customer}}` replaced by the objects."""
        objects = self._objects(event)
        return {key: objects.get(value.strip("{} "), value) if isinstance(value, str) and value.startswith("{{")
                else value for key, value in form.items()}

    def _objects(self, event: Event) -> dict[str, Any]:
        with self.store.lock:
            found: dict[str, Any] = {"event": {"id": event.id, "type": event.type, "object_id": event.object_id}}
            if event.object_type == "Ticket" and event.object_id in self.store.tickets:
                found["ticket"] = render.ticket(self.store, self.store.tickets[event.object_id], self.origin,
                                                with_messages=False)
            if event.object_type == "TicketMessage" and event.object_id in self.store.messages:
                message = self.store.messages[event.object_id]
                found["message"] = render.message(self.store, message, self.origin)
                found["ticket"] = render.ticket(self.store, self.store.tickets[message.ticket_id], self.origin,
                                                with_messages=False)
            if event.object_type == "Customer" and event.object_id in self.store.customers:
                found["customer"] = render.customer(self.store, self.store.customers[event.object_id])
            return found

    def _run(self) -> None:
        while not self._stop.is_set():
            job = self._queue.get()
            if job is None:
                return
            http, event = job
            # Rendered when sent, as Gorgias does: a new ticket's event is sent with its first message.
            body = json.dumps(self._form(http.get("form") or {}, event)).encode()
            headers = {"Content-Type": "application/json", **(http.get("headers") or {})}
            method, url = http.get("method") or "POST", http["url"]
            for delay in (0.0, *DELAYS):
                if self._stop.wait(delay):
                    return
                if self._send(method, url, headers, body):
                    break

    def _send(self, method: str, url: str, headers: dict[str, str], body: bytes) -> bool:
        if urllib.parse.urlsplit(url).hostname not in LOOPBACK:
            self.sent.append((url, 0))
            return True  # not retried: it will never be made
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
                status = int(answer.status)
        except urllib.error.HTTPError as exc:
            status = exc.code
        except (OSError, ValueError):
            status = 0
        self.sent.append((url, status))
        return 200 <= status < 300
