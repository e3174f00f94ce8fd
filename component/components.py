"""The `Component` hosts call: a component's definition plus run, check, stream and manifest.

It sits on top of the framework's layers: declarations (`component.definitions`) below the executor
and the manifest, both below this module, so no module imports one that imports it back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self

from component.calls import Call, Stream
from component.definitions import Action, ComponentDefinition, DataSource
from component.executor import Executor
from component.values import TokenCallback

if TYPE_CHECKING:
    from component.runtime import Runtime

__all__ = ["Component"]


@dataclass(frozen=True)
class Component(ComponentDefinition):
    """A set of connections, actions and data sources under one key, plus how to run them."""

    _executor: list[Executor] = field(default_factory=list, repr=False, compare=False)

    @property
    def executor(self) -> Executor:
        """The executor that runs this component's actions and data sources (made on first use)."""
        if not self._executor:
            self._executor.append(Executor(self))
        return self._executor[0]

    @property
    def runtime(self) -> Runtime:
        """The runtime this component's calls run on: the default one, unless it was bound with `using`."""
        return self.executor.runtime

    def using(self, runtime: Runtime) -> Self:
        """A copy of this component whose calls run on `runtime` (its settings, pools and stores); this one is untouched.

        A host, CLI command or worker makes its runtime once and binds the component to it once.
        """
        bound = dataclasses.replace(self, _executor=[])
        bound._executor.append(Executor(bound, runtime))
        return bound

    def action(self, key: str) -> Action[Any]:
        """The action declared under `key`, or an UnknownKeyError."""
        return self.executor.find("action", key, self.actions)

    def data_source(self, key: str) -> DataSource[Any]:
        """The data source declared under `key`, or an UnknownKeyError."""
        return self.executor.find("data source", key, self.data_sources)

    def manifest(self) -> dict[str, Any]:
        """The JSON description of this component: connections, actions, data sources, inputs, schemas."""
        from component.manifest import build_manifest  # only hosts need it

        return build_manifest(self)

    def run_action(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any], *,
                   on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """Run an action; returns {"data": ...} or raises a ComponentError."""
        return self.executor.action(Call(key, inputs, connection, on_token_refresh))

    def run_data_source(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any], *,
                        search: str | None = None, cursor: str | None = None, limit: int | str | None = None,
                        on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """Run a data source: {"result": [{"key", "label"}, ...]}; given search, cursor or limit, one page
        {"result", "cursor"}. Raises a ComponentError."""
        return self.executor.data_source(Call(key, inputs, connection, on_token_refresh), search=search, cursor=cursor,
                                         limit=limit)

    def check_connection(self, connection: Mapping[str, Any], *,
                         on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """Prove the credentials work; returns {"data": <account>} or raises a ComponentError."""
        return self.executor.check(connection, on_token_refresh)

    def iter_items(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any], *,
                   on_token_refresh: TokenCallback | None = None) -> Stream[Any]:
        """Stream every item of a list action, one page in memory at a time (`with` closes it early)."""
        return self.executor.stream(Call(key, inputs, connection, on_token_refresh))

    def iter_pages(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any], *,
                   on_token_refresh: TokenCallback | None = None) -> Stream[dict[str, Any]]:
        """Stream every page (the API's list envelope) of a list action, one at a time (`with` closes it early)."""
        return self.executor.stream(Call(key, inputs, connection, on_token_refresh), pages=True)

    # -- triggers (component.triggers) -----------------------------------------------------

    def trigger(self, key: str) -> Any:
        """The trigger declared under `key`, or an UnknownKeyError."""
        return self.executor.find("trigger", key, self.triggers)

    def run_trigger(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any],
                    state: Any = None, *,
                    on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """Poll a trigger once: {"data": [item, ...] oldest first, "state": {...}, "more": bool}."""
        from component.triggers import run_poll

        return run_poll(self.executor, self.trigger(key), Call(key, inputs, connection, on_token_refresh), state)

    def subscribe_trigger(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any],
                          target_url: str) -> dict[str, Any]:
        """Have the API call `target_url` for this trigger: {"data": subscription} (keep it: it holds the secret)."""
        from component.triggers import run_subscribe

        return run_subscribe(self.executor, self.trigger(key), Call(key, inputs, connection), target_url)

    def unsubscribe_trigger(self, key: str, subscription: Mapping[str, Any],
                            connection: Mapping[str, Any]) -> dict[str, Any]:
        """Remove a webhook subscription; one already gone counts as done: {"data": {"message": "Success"}}."""
        from component.triggers import run_unsubscribe

        return run_unsubscribe(self.executor, self.trigger(key), subscription, Call(key, {}, connection))

    def handle_webhook(self, key: str, request: Mapping[str, Any], subscription: Mapping[str, Any]) -> dict[str, Any]:
        """The items of one webhook delivery, {"data": [...]}, or an AuthError when its secret is wrong."""
        from component.triggers import read_webhook

        return read_webhook(self.trigger(key), request, subscription)
