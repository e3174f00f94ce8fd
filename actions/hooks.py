"""Gorgias webhooks: an HTTP integration that POSTs the object as JSON, with the subscription's secret in a header.

Gorgias HTTP integrations fire on ticket events only (`ticket-created`, `ticket-updated`,
`ticket-message-created`): customer triggers are polled.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from component import HttpClient
from component.errors import ApiError, InputError
from component.inputs import describe
from component.triggers import SECRET_HEADER, Webhook

__all__ = ["webhook"]


def webhook(event: str, variable: str) -> Webhook:
    """The webhook mode of a trigger fired by the HTTP-integration `event`, whose body holds `{{variable}}`."""

    def subscribe(api: HttpClient, inputs: Any, target_url: str, secret: str) -> dict[str, Any]:
        body = {
            "name": f"Trigger {event} -> {target_url}"[:255],
            "type": "http",
            "http": {
                "url": target_url,
                "method": "POST",
                "headers": {SECRET_HEADER: secret},
                "request_content_type": "application/json",
                "response_content_type": "application/json",
                "form": {"event": event, variable: "{{" + variable + "}}"},
                "triggers": {event: True},
            },
        }
        made = api.post("/integrations", body)
        return {"integration_id": made["id"]}

    def unsubscribe(api: HttpClient, subscription: Mapping[str, Any]) -> None:
        integration = subscription.get("integration_id")
        if not isinstance(integration, int) or isinstance(integration, bool):
            raise InputError("subscription", "Subscription: expected the object subscribe_trigger returned, with "
                                             f"an 'integration_id' number; received {describe(integration)}.")
        try:
            api.delete(f"/integrations/{integration}")
        except ApiError as exc:
            if exc.status != 404:  # already removed: the goal is reached
                raise

    def items(body: Any) -> list[Any]:
        item = body.get(variable) if isinstance(body, Mapping) else None
        return [item] if isinstance(item, Mapping) else []

    return Webhook(subscribe, unsubscribe, items)
