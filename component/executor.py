"""The executor: resolve -> validate -> build the client -> perform -> wrap.

It is the only place that turns failures into `ComponentError` subclasses and the only place that
wraps results (`{"data": ...}` for actions, `{"result": [...]}` for data sources).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from component.calls import Call, Stream
from component.definitions import ComponentDefinition, Connection, ConnectionFields, Opened, OpenOptions
from component.errors import AuthError, ComponentError, InputError, InternalError, RateLimitError, UnknownKeyError
from component.inputs import Inputs, describe
from component.redaction import Redactor
from component.runtime import Runtime, default_runtime
from component.suggestions import did_you_mean
from component.values import TokenCallback

if TYPE_CHECKING:
    from component.http import HttpClient

__all__ = ["Executor"]

log = logging.getLogger("component.executor")

K = TypeVar("K")
R = TypeVar("R")


class Executor:
    """Runs a component's actions and data sources on behalf of a host."""

    def __init__(self, component: ComponentDefinition, runtime: Runtime | None = None) -> None:
        self.component = component
        self.runtime = runtime if runtime is not None else default_runtime()  # a host passes the one it created
        self._checked: dict[tuple[str, frozenset[tuple[str, Any]]], ConnectionFields] = {}

    def find(self, kind: str, key: Any, items: Sequence[K]) -> K:
        """The item of `items` declared under `key`, or an UnknownKeyError listing what is close or valid."""
        for item in items:
            if getattr(item, "key", None) == key:
                return item
        keys = [str(getattr(item, "key", "")) for item in items]
        hint = did_you_mean(key, keys, noun=f"{kind} keys") if isinstance(key, str) else ""
        raise UnknownKeyError(
            key if isinstance(key, str) else describe(key),
            f"Unknown {kind} {describe(key)} in component '{self.component.key}'.{hint}",
            kind=kind,
        )

    # -- public entry points: one Call value each -------------------------------------------

    def action(self, call: Call) -> dict[str, Any]:
        """Run the action `call.key`: {"data": ...}."""
        action = self.find("action", call.key, self.component.actions)
        return {"data": self.perform(call, action.inputs, action.perform)}

    def data_source(self, call: Call, *, search: Any = None, cursor: Any = None, limit: Any = None) -> dict[str, Any]:
        """Run the data source `call.key`: every option, or one page of them given search, cursor or limit."""
        from component.picklists import one_page, page_request

        key = call.key
        source = self.find("data source", key, self.component.data_sources)
        paging = page_request(key, search, cursor, limit)

        def every(client: HttpClient, values: Any) -> Any:
            return source.perform(client.capped(source.max_options), values)

        if paging is None:
            return {"result": _checked_options(key, self.perform(call, source.inputs, every))}

        def one(client: HttpClient, values: Any) -> tuple[Any, str | None]:
            return one_page(source.listing, client, values, paging,
                            lambda: _checked_options(key, every(client, values)))

        page, following = self.perform(call, source.inputs, one)
        return {"result": _checked_options(key, page), "cursor": following}

    def check(self, connection: Mapping[str, Any], on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """Run the component's check action on `connection`; a failure is reworded to say what to fix."""
        check = self.component.check_action
        if check is None:
            raise InputError("connection", f"Component '{self.component.key}' declares no connection check.")
        try:
            return self.action(Call(check, {}, connection, on_token_refresh))
        except InputError:
            raise
        except ComponentError as exc:
            explain = self.component.explain_check_failure
            if explain is None:
                raise
            definition, fields, _ = self.resolve(connection)
            explained = explain(exc, definition.key, fields, self.runtime.settings)
            if explained is exc:
                raise
            raise explained from exc

    def stream(self, call: Call, *, pages: bool = False) -> Stream[Any]:
        """The items (or pages) of the list action `call.key`; the stream owns the connection until it is closed."""
        key = call.key
        action = self.find("action", key, self.component.actions)
        stream = action.pages if pages else action.stream
        if stream is None:
            raise InputError("action", f"Action '{key}' is not a list action; it cannot be streamed.")
        # Validate and open before the first next(), so that bad input fails where the caller asked.
        context = self._opened(action.inputs, call)
        opened, values = context.__enter__()
        try:
            items = self._guarded(key, lambda: stream(opened.client, values), opened.client.redactor, lazy=True)
        except BaseException:
            context.__exit__(None, None, None)
            raise
        return Stream(items, lambda: context.__exit__(None, None, None))

    # -- the same, with the host's arguments spread out (kept for callers of the first API) -----

    def run_action(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any], *,
                   on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """`action(Call(...))`."""
        return self.action(Call(key, inputs, connection, on_token_refresh))

    def run_data_source(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any], *,
                        search: Any = None, cursor: Any = None, limit: Any = None,
                        on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """`data_source(Call(...), ...)`."""
        return self.data_source(Call(key, inputs, connection, on_token_refresh), search=search, cursor=cursor,
                                limit=limit)

    def check_connection(self, connection: Mapping[str, Any], *,
                         on_token_refresh: TokenCallback | None = None) -> dict[str, Any]:
        """`check(...)`."""
        return self.check(connection, on_token_refresh)

    def iter_items(self, key: str, inputs: Mapping[str, Any] | None, connection: Mapping[str, Any], *,
                   on_token_refresh: TokenCallback | None = None, pages: bool = False) -> Stream[Any]:
        """`stream(Call(...))`."""
        return self.stream(Call(key, inputs, connection, on_token_refresh), pages=pages)

    # -- steps -----------------------------------------------------------------------------

    def resolve(self, connection: Mapping[str, Any]) -> tuple[Connection, ConnectionFields, Mapping[str, Any] | None]:
        """The connection definition, its validated fields and its OAuth token, if any."""
        if not isinstance(connection, Mapping):
            # A connection passed as a string may be JSON holding credentials: name its type only.
            raise InputError("connection", f"Connection: expected an object with 'key' and 'fields', "
                                           f"received {_shape(connection)}.")
        missing = [f'"{name}"' for name in ("key", "fields") if name not in connection]
        if missing:
            keys = ", ".join(c.key for c in self.component.connections)
            raise InputError("connection", f'Connection: expected an object with "key" (one of: {keys}) and "fields" '
                                           f"(an object of that connection's fields), but {' and '.join(missing)} "
                                           f"{'is' if len(missing) == 1 else 'are'} missing.")
        definition = self.find("connection", connection.get("key"), self.component.connections)
        fields = connection.get("fields")
        if not isinstance(fields, Mapping):
            # Fields given as text are most likely JSON holding the credentials: describe, never quote.
            raise InputError("connection", f"Connection '{definition.key}': expected 'fields' to be an object, "
                                           f"received {_shape(fields)}.")
        token = connection.get("token")
        if token is not None and not isinstance(token, Mapping):
            # A malformed token is still a secret: say only what type it was.
            raise InputError("token", f"Connection '{definition.key}': expected 'token' to be an object, "
                                      f"received {_shape(token)}.")
        return definition, self._fields(definition, fields), token

    def _fields(self, definition: Connection, raw: Mapping[str, Any]) -> ConnectionFields:
        """Validated connection fields; hosts send the same connection on every call, so remember a few."""
        try:
            key = (definition.key, frozenset(raw.items()))
        except TypeError:  # an unhashable value: validate it every time (and fail there, most likely)
            return definition.fields.parse(raw, owner=f"connection '{definition.key}'")
        fields = self._checked.get(key)
        if fields is None:
            fields = definition.fields.parse(raw, owner=f"connection '{definition.key}'")
            if len(self._checked) >= 64:
                self._checked.clear()
            self._checked[key] = fields
        return fields

    @contextmanager
    def _opened(self, model: type[Inputs], call: Call) -> Iterator[tuple[Opened, Any]]:
        definition, fields, token = self.resolve(call.connection)
        values = model.parse(call.inputs if call.inputs is not None else {}, owner=f"'{call.key}'")
        debug = bool(getattr(values, model.debug_key)) if model.debug_key else False
        opened = definition.open(fields, token, OpenOptions(debug=debug, on_token_refresh=call.on_token_refresh,
                                                            runtime=self.runtime))
        try:
            yield opened, values
        except RateLimitError as exc:
            budget = opened.client.rate_budget
            if exc.retry_after is None and budget is not None:
                exc.retry_after = budget.window  # the API did not say: its bucket drains fully within one window
            raise
        except AuthError as exc:
            hint = self.component.refusal_hint
            if type(exc) is not AuthError or exc.status != 401 or hint is None:  # a GrantError says what to fix
                raise
            # Refused credentials mean the same on any call as on a check: say which field to fix.
            advice = hint(definition.key)
            raise type(exc)(f"{str(exc).rstrip('.')}. {advice[:1].upper()}{advice[1:]}.", status=exc.status,
                            body=exc.body) from exc
        finally:
            opened.close()

    def perform(self, call: Call, inputs: type[Inputs], work: Callable[[HttpClient, Any], R]) -> R:
        """Open `call`'s connection, parse its inputs with `inputs` and return `work(client, values)`.

        The one path of actions, data sources and triggers: bad input fails before anything is sent, the
        client is closed afterwards, and every failure is a ComponentError with the connection's secrets masked.
        """
        with self._opened(inputs, call) as (opened, values):
            result: R = self._guarded(call.key, lambda: work(opened.client, values), opened.client.redactor)
        return result

    def _guarded(self, key: str, call: Callable[[], Any], redactor: Redactor, *, lazy: bool = False) -> Any:
        """`call()`, its failures turned into ComponentErrors with secrets masked (for a stream, as it is read)."""
        try:
            result = call()
            if lazy:
                return self._guard_stream(key, result, redactor)
            return result
        except ComponentError as exc:
            _scrub(exc, redactor)
            raise
        except Exception as exc:
            raise _internal(key, exc, redactor) from None

    def _guard_stream(self, key: str, items: Iterator[Any], redactor: Redactor) -> Iterator[Any]:
        try:
            yield from items
        except ComponentError as exc:
            _scrub(exc, redactor)
            raise
        except Exception as exc:
            raise _internal(key, exc, redactor) from None


def _shape(value: Any) -> str:
    """Describe a value that may hold credentials without showing any of its text."""
    return "a string" if isinstance(value, str) else describe(value)


def _internal(key: str, exc: Exception, redactor: Redactor) -> InternalError:
    log.debug("unexpected failure in %s", key, exc_info=False)
    return InternalError(redactor.text(f"'{key}' failed unexpectedly: {type(exc).__name__}: {exc}"))


def _scrub(exc: ComponentError, redactor: Redactor) -> None:
    """Mask secrets in an error's message and arguments in place."""
    exc.args = tuple(redactor.text(a) if isinstance(a, str) else a for a in exc.args)


def _checked_options(key: str, result: Any) -> list[dict[str, str]]:
    if not isinstance(result, list):
        raise InternalError(f"Data source '{key}' returned {describe(result)}, not a list of options.")
    options = []
    for item in result:
        if not (isinstance(item, Mapping) and isinstance(item.get("key"), str)
                and isinstance(item.get("label"), str) and item["label"].strip()):
            raise InternalError(f"Data source '{key}' returned an option without a key or label: {describe(item)}.")
        options.append({"key": item["key"], "label": item["label"]})
    return options
