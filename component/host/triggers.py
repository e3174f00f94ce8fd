"""Triggers through the host: poll now, subscribe and unsubscribe webhooks, receive them, list what arrived.

The routes call the component's trigger API (`run_trigger`, `subscribe_trigger`, `unsubscribe_trigger`,
`handle_webhook`, issue 11's contract) when the component has it, and answer 501 otherwise.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from pydantic import Field

from component.errors import AuthError, InputError
from component.host.api import Call
from component.host.context import Host, host_of
from component.host.problems import problem
from component.host.store import StoreError

__all__ = ["NotSupported", "api_router", "router"]

router = APIRouter()
api_router = APIRouter(prefix="/api/triggers")
MAX_HOOK_BODY = 1_000_000


class NotSupported(Exception):
    """The component has no trigger API (or not this part of it)."""


class PollCall(Call):
    """A poll: inputs, a connection and the state the previous poll returned (None: start now)."""

    state: dict[str, Any] | None = None


class SubscribeCall(Call):
    """A webhook subscription: inputs and a stored connection."""

    inputs: dict[str, Any] = Field(default_factory=dict)


def _method(host: Host, name: str) -> Callable[..., Any]:
    """The component's trigger method `name`, or NotSupported (answered 501)."""
    method = getattr(host.component, name, None)
    if not callable(method):
        raise NotSupported(f"Component '{host.component.key}' has no triggers ({name} is not available).")
    return method  # type: ignore[no-any-return]


@api_router.post("/{key}/poll", summary="Poll a trigger once: {\"data\", \"state\", \"more\"}")
def poll(key: str, call: PollCall, request: Request) -> Any:
    """Poll the trigger `key` once from the given state: new items oldest first, the next state, whether more wait."""
    host = host_of(request)
    run = _method(host, "run_trigger")
    if host.broker is not None:
        return host.broker.run(host.component.key, "trigger", key, call.inputs, call.connectionId, state=call.state)
    connection, saver = host.connection(call.connectionId, call.connection)
    return run(key, call.inputs, connection, call.state, on_token_refresh=saver)


@api_router.post("/{key}/subscriptions", status_code=201, summary="Subscribe a webhook trigger to this host")
def subscribe(key: str, call: SubscribeCall, request: Request) -> dict[str, Any]:
    """Have the API call this host's /hooks URL (under its public URL, if set) for trigger `key`; answer the
    subscription's id and target URL."""
    host = host_of(request)
    run = _method(host, "subscribe_trigger")
    if call.connectionId is None:
        raise InputError("connectionId", "A webhook subscription needs a stored connection: give 'connectionId'.")
    connection, _ = host.connection(call.connectionId, None)
    identifier = secrets.token_hex(12)
    if host.public_url is not None:  # behind a proxy or on a private address: the configured public URL
        target = host.public_url + str(request.app.url_path_for("receive_hook", subscription_id=identifier))
    else:
        target = str(request.url_for("receive_hook", subscription_id=identifier))
    subscription = run(key, call.inputs, connection, target)["data"]
    host.store.add_subscription(host.component.key, key, call.connectionId, identifier, subscription)
    return {"id": identifier, "targetUrl": target}


@api_router.get("/subscriptions", summary="Webhook subscriptions, without their secrets")
def subscriptions(request: Request) -> dict[str, Any]:
    """Answer {"data": [...]}: the stored webhook subscriptions, secrets left out."""
    host = host_of(request)
    return {"data": host.store.list_subscriptions(host.component.key)}


@api_router.delete("/subscriptions/{subscription_id}", summary="Unsubscribe: remove the webhook and forget it")
def unsubscribe(subscription_id: str, request: Request) -> dict[str, Any]:
    """Remove the webhook from the API, then forget the subscription."""
    host = host_of(request)
    run = _method(host, "unsubscribe_trigger")
    try:
        _, trigger, connection_id, subscription = host.store.subscription(subscription_id)
    except StoreError as exc:
        raise InputError("subscriptionId", str(exc)) from None
    connection, _ = host.connection(connection_id, None)
    run(trigger, subscription, connection)
    host.store.delete_subscription(subscription_id)
    return {"data": {"message": "Success"}}


@api_router.get("/{key}/events", summary="Items webhooks delivered for a trigger, oldest first")
def events(key: str, request: Request, after: int = 0, limit: int = 100) -> dict[str, Any]:
    """Answer {"data": [...]}: at most `limit` (1-500) items received for `key` after the event id `after`, oldest first."""
    host = host_of(request)
    return {"data": host.store.items(key, after=max(after, 0), limit=min(max(limit, 1), 500))}


@router.post("/hooks/{subscription_id}", name="receive_hook", summary="A webhook delivery (authenticated by its secret)")
async def receive_hook(subscription_id: str, request: Request) -> Any:
    """Check a delivery's secret and keep its items; an unknown subscription or a wrong secret is a 401."""
    host = host_of(request)
    body = await request.body()
    if len(body) > MAX_HOOK_BODY:
        return problem(413, "too_large", "The webhook body is larger than 1 MB.")
    try:
        _, trigger, _, subscription = host.store.subscription(subscription_id)
    except StoreError:
        # The same answer as a wrong secret: a caller cannot probe which subscriptions exist.
        return problem(401, "auth_error", "Unknown subscription or wrong secret.")
    handle = _method(host, "handle_webhook")
    delivery = {"method": request.method, "headers": dict(request.headers), "query": dict(request.query_params),
                "body": body}
    try:
        items = handle(trigger, delivery, subscription)["data"]
    except AuthError:
        return problem(401, "auth_error", "Unknown subscription or wrong secret.")
    host.store.add_items(subscription_id, trigger, list(items))
    return {"received": len(items)}
