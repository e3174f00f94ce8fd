"""What every route of the host shares: the component it serves, the store, and how to open a connection."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from component.components import Component
from component.errors import InputError
from component.host.store import Store, StoreError

__all__ = ["Host", "host_of"]

TokenSaver = Callable[[dict[str, Any]], None] | None


@dataclass
class Host:
    """The component served (bound to the host's runtime), its store and the bearer token /api calls need (None: open)."""

    component: Component
    store: Store
    token: str | None = None
    broker: Any = None  # a component.workers.Broker: calls run on workers (`serve --broker`)
    public_url: str | None = None  # where the API reaches this host (webhooks); None: the address a request came to

    def secret_fields(self, key: str) -> frozenset[str]:
        """The password fields of connection `key`: they are sealed in the store and never listed."""
        definition = self.component.executor.find("connection", key, self.component.connections)
        return frozenset(spec.key for spec in definition.fields.specs if spec.type == "password")

    def connection(self, connection_id: str | None, inline: Mapping[str, Any] | None) -> tuple[dict[str, Any], TokenSaver]:
        """The connection a call runs with, stored (by id) or given inline, and where its refreshed tokens go."""
        if connection_id is not None and inline is not None:
            raise InputError("connectionId", "Give either 'connectionId' (a stored connection) or 'connection', "
                                             "not both.")
        if inline is not None:
            if inline.get("token") is not None:
                # A refreshed token would have nowhere to go (it is never put in a response): store it instead.
                raise InputError("connection", "An inline connection cannot carry an OAuth token: the host could not "
                                               "keep the tokens it refreshes. Store it (POST /api/connections) and "
                                               "pass its connectionId.")
            return dict(inline), None
        if connection_id is None:
            raise InputError("connectionId", "connectionId: expected the id of a stored connection "
                                             "(POST /api/connections), received nothing.")
        try:
            value = self.store.connection(self.component.key, connection_id)
        except StoreError as exc:
            raise InputError("connectionId", str(exc)) from None
        return value, lambda token: self.store.save_token(connection_id, token)


def host_of(request: Request) -> Host:
    """The Host the application was built with."""
    host: Host = request.app.state.host
    return host
