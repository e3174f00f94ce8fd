"""Triggers, the fourth kind of definition: a list read newest first, polled with a small state, or webhooks.

A trigger is inert data: its key, label, inputs, how to describe its list request (`ListRequest`
sorted newest first on the `stamp` field) and, for webhook mode, a `Webhook` that says how to
subscribe, unsubscribe and read a delivery. `run_poll` and the webhook functions below are what
`Component.run_trigger`, `subscribe_trigger`, `unsubscribe_trigger` and `handle_webhook` call.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar

from component.definitions import ListRequest, _inputs_type
from component.errors import AuthError, InputError
from component.inputs import DateTime, Input, Inputs, int_range
from component.instants import instant
from component.jsonschemas import Document
from component.polling import Feed, poll

if TYPE_CHECKING:
    from component.calls import Call
    from component.executor import Executor
    from component.http import HttpClient

__all__ = ["SECRET_HEADER", "Trigger", "TriggerInputs", "Webhook", "run_poll", "trigger"]

I = TypeVar("I", bound="TriggerInputs")  # noqa: E741 - the conventional name for "the inputs type"
SECRET_HEADER = "X-Component-Secret"  # the header a webhook subscription's secret travels in

MaxItems = Annotated[int, int_range(1, 10_000)]


class TriggerInputs(Inputs):
    """Inputs every polling trigger has: a backfill start and the most items one poll returns."""

    since: DateTime | None = Input(
        "Since", comments="Backfill: the first poll returns the items from this date-time on (default: only new ones).",
        example="2024-12-04T15:18:56+00:00")
    maxItems: MaxItems = Input(
        "Max Items", default="500", comments="The most items one poll returns; the rest come with the next polls.")


@dataclass(frozen=True)
class Webhook:
    """How a trigger subscribes a URL, unsubscribes it and reads one delivery's items."""

    subscribe: Callable[[HttpClient, Any, str, str], dict[str, Any]]  # (api, inputs, target_url, secret) -> subscription
    unsubscribe: Callable[[HttpClient, Mapping[str, Any]], None]
    items: Callable[[Any], list[Any]]  # the decoded JSON body -> items


@dataclass(frozen=True)
class Trigger(Generic[I]):
    """One trigger: its key, label, inputs, the list it polls, the field that orders it, and its webhook mode."""

    key: str
    label: str
    description: str
    inputs: type[I]
    describe: Callable[[I], ListRequest]  # the list request, sorted newest first on `stamp`
    stamp: str  # the item field holding the instant the list is sorted on, e.g. "created_datetime"
    ident: str = "id"
    dedupe_on: tuple[str, ...] = ("id",)
    resource: str | None = None
    example: Any = None  # {"data": [item, ...]}
    output: Document | None = None  # JSON Schema of one item
    webhook: Webhook | None = None
    lookback: timedelta = timedelta(minutes=5)

    @property
    def modes(self) -> list[str]:
        """"poll", and "webhook" when the API can call a URL for it."""
        return ["poll", "webhook"] if self.webhook else ["poll"]


def trigger(key: str, label: str, description: str, *, stamp: str,
            dedupe_on: tuple[str, ...] = ("id",), resource: str | None = None, example: Any = None,
            output: Document | None = None, webhook: Webhook | None = None) -> Callable[
    [Callable[[I], ListRequest]], Trigger[I]
]:
    """Declare a trigger from a function describing its list request, sorted newest first on `stamp`."""

    def wrap(describe: Callable[[I], ListRequest]) -> Trigger[I]:
        return Trigger(key, label, description, _inputs_type(describe, key, arity=1), describe, stamp,
                       dedupe_on=dedupe_on, resource=resource, example=example, output=output, webhook=webhook)

    return wrap


def feed_of(definition: Trigger[Any], api: HttpClient, values: Any) -> Feed:
    """The trigger's list as the polling algorithm reads it: one page per request (the largest), newest first."""
    request = definition.describe(values)
    size = api.largest_page

    def page(token: str | None) -> tuple[list[Any], str | None]:
        return api.page(request.path, request.params, token=token, size=size, method=request.method,
                        body=request.body)

    return Feed(page, lambda item: str(item[definition.stamp]), lambda item: item[definition.ident])


def run_poll(executor: Executor, definition: Trigger[Any], call: Call, state: Any) -> dict[str, Any]:
    """One poll: {"data": [item, ...], "state": {...}, "more": bool}; a bad state is refused before any request."""
    from component.polling import read_state

    read_state(definition.key, state)

    def run(api: HttpClient, values: Any) -> Any:
        since = instant(values.since) if values.since else None
        return poll(feed_of(definition, api, values), definition.key, state, since=since, max_items=values.maxItems,
                    lookback=definition.lookback)

    batch = executor.perform(call, definition.inputs, run)
    return {"data": batch.items, "state": batch.state, "more": batch.more}


def run_subscribe(executor: Executor, definition: Trigger[Any], call: Call, target_url: str) -> dict[str, Any]:
    """Subscribe `target_url` with a new random secret: {"data": subscription} (the secret is in it)."""
    import secrets

    webhook = _webhook(definition)
    if not isinstance(target_url, str) or not target_url.startswith(("https://", "http://")):
        raise InputError("target_url", f"Target URL: expected an http(s) URL, received {target_url!r}.")
    secret = secrets.token_urlsafe(32)
    made = executor.perform(call, definition.inputs, lambda api, values: webhook.subscribe(api, values, target_url, secret))
    return {"data": {**made, "trigger": definition.key, "target_url": target_url, "secret": secret}}


def run_unsubscribe(executor: Executor, definition: Trigger[Any], subscription: Mapping[str, Any],
                    call: Call) -> dict[str, Any]:
    """Remove the subscription from the API; one already gone counts as done."""
    webhook = _webhook(definition)
    if not isinstance(subscription, Mapping):
        raise InputError("subscription", "Subscription: expected the object subscribe_trigger returned.")
    executor.perform(call, definition.inputs, lambda api, _: webhook.unsubscribe(api, subscription))
    return {"data": {"message": "Success"}}


def read_webhook(definition: Trigger[Any], request: Mapping[str, Any], subscription: Mapping[str, Any]) -> dict[str, Any]:
    """The items of one delivery, after its secret is checked in constant time (else an AuthError)."""
    import json

    webhook = _webhook(definition)
    expected = str(subscription.get("secret") or "") if isinstance(subscription, Mapping) else ""
    headers = {str(k).lower(): str(v) for k, v in dict(request.get("headers") or {}).items()}
    given = headers.get(SECRET_HEADER.lower(), "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise AuthError("The webhook delivery is not signed with this subscription's secret.", status=401)
    body = request.get("body") or b""
    try:
        decoded = json.loads(body)
    except ValueError:
        raise InputError("body", "Webhook body: expected JSON.") from None
    return {"data": webhook.items(decoded)}


def _webhook(definition: Trigger[Any]) -> Webhook:
    if definition.webhook is None:
        raise InputError("key", f"Trigger '{definition.key}' has no webhook mode; poll it instead.")
    return definition.webhook
