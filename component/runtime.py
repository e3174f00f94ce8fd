"""The runtime a host creates once and passes down: settings, session pool, clocks, token store and budget store.

A host or worker builds one `Runtime` (by default from the environment, `Runtime.from_environ()`)
and hands it to its executor; every call it runs then reads its settings and shares its pools and
stores, and two runtimes in one process share nothing. Library use without a runtime gets
`default_runtime()`, whose settings are the live process environment. The token and budget stores
are small protocols so that a shared implementation (Redis, for workers on several machines) can
replace the in-process ones: with the `GORGIAS_REDIS_URL` setting, `Runtime.from_environ()` and the
default runtime share budgets and token refreshes through Redis (`component.redis_stores`), the tokens
encrypted with the runtime's secret key (the `GORGIAS_HOST_KEY` setting, or the key a host passes).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import requests

from component.errors import InternalError
from component.transport import new_session

__all__ = [
    "REDIS_URL_SETTING",
    "REFRESH_COOL_DOWN_SECONDS",
    "SECRET_KEY_SETTING",
    "TOKEN_TIMEOUT_SECONDS",
    "BudgetStore",
    "InMemoryBudgets",
    "InMemoryTokens",
    "Runtime",
    "SessionPool",
    "TokenStore",
    "default_runtime",
]

MAX_SESSIONS = 256  # a host serving many accounts keeps the most recently used ones warm
MAX_TOKEN_STATES = 1024
TOKEN_TIMEOUT_SECONDS = 30.0  # one token request, connecting and reading the whole answer
REFRESH_COOL_DOWN_SECONDS = 60.0  # after a failed early refresh, the valid token is used this long before trying again
REDIS_URL_SETTING = "GORGIAS_REDIS_URL"  # turns on the Redis budget and token stores
SECRET_KEY_SETTING = "GORGIAS_HOST_KEY"  # the Fernet key of secrets at rest: the host's store, shared tokens
MAKE_KEY = "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
STORES_GROUP = "component.stores"  # entry points: a function(url, key=...) -> {"budgets": ..., "tokens": ...}

S = TypeVar("S")
B = TypeVar("B")  # a rate budget (component.ratelimit.RateBudget)


class SessionPool:
    """Keep-alive sessions per (origin, credential) identity, least recently used forgotten past `max_sessions`."""

    def __init__(self, max_sessions: int = MAX_SESSIONS) -> None:
        self.max_sessions = max_sessions
        self._sessions: dict[tuple[str, ...], requests.Session] = {}
        self._lock = threading.Lock()

    def session(self, *identity: str) -> requests.Session:
        """The pooled session of `identity`, created (guarded by component.transport) on first use."""
        with self._lock:
            session = self._sessions.pop(identity, None)
            if session is None:
                if len(self._sessions) >= self.max_sessions:
                    # Forget the least recently used; a call still using it keeps it until it is done.
                    del self._sessions[next(iter(self._sessions))]
                session = new_session()
            self._sessions[identity] = session  # most recently used last
            return session

    def identities(self) -> list[tuple[str, ...]]:
        """The identities held, least recently used first."""
        with self._lock:
            return list(self._sessions)


class TokenStore(Protocol):
    """Where the OAuth token state of each connection identity is shared between calls."""

    def get(self, key: str) -> Any | None:
        """The state stored under `key`, or None."""
        ...

    def put(self, key: str, state: Any) -> None:
        """Store `state` under `key` (a rotated refresh token adds a second key for the same state)."""
        ...

    def setdefault(self, key: str, create: Callable[[], S]) -> tuple[S, bool]:
        """The state under `key`, created by `create` when there is none (atomically); True when just created."""
        ...

    def clear(self) -> list[Any]:
        """Forget every state; returns them so that their sessions can be closed."""
        ...

    def exclusive(self, key: str) -> AbstractContextManager[None]:
        """Held around a refresh of `key`'s token: no other process refreshes it meanwhile."""
        ...

    def latest(self, key: str) -> dict[str, Any] | None:
        """The newest token another process stored for `key` (under `exclusive`), or None."""
        ...

    def publish(self, keys: list[str], token: dict[str, Any]) -> None:
        """Share a refreshed token under `keys` (called before `exclusive` is left)."""
        ...


class InMemoryTokens:
    """Token states in this process, the oldest forgotten past `max_states` (it only costs one extra refresh)."""

    def __init__(self, max_states: int = MAX_TOKEN_STATES) -> None:
        self.max_states = max_states
        self._states: dict[str, Any] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Any | None:
        """The state stored under `key`, or None."""
        with self._lock:
            return self._states.get(key)

    def put(self, key: str, state: Any) -> None:
        """Store `state` under `key`, forgetting the oldest past `max_states`."""
        with self._lock:
            self._states[key] = state
            while len(self._states) > self.max_states:
                self._states.pop(next(iter(self._states)))

    def setdefault(self, key: str, create: Callable[[], S]) -> tuple[S, bool]:
        """The state under `key`, created by `create` when there is none; True when it was just created."""
        with self._lock:
            state = self._states.get(key)
            if state is not None:
                return state, False
            state = self._states[key] = create()
            return state, True

    def clear(self) -> list[Any]:
        """Forget every state; returns them (each once) so that their sessions can be closed."""
        with self._lock:
            states = list({id(s): s for s in self._states.values()}.values())
            self._states.clear()
        return states

    def exclusive(self, key: str) -> AbstractContextManager[None]:
        """Nothing to hold: the state's own lock already serialises refreshes in one process."""
        return nullcontext()

    def latest(self, key: str) -> dict[str, Any] | None:
        """None: every call of this process shares the state itself."""
        return None

    def publish(self, keys: list[str], token: dict[str, Any]) -> None:
        """Nothing to do: no other process reads these states."""
        return None


class BudgetStore(Protocol):
    """Where the rate budget of each account is shared between calls."""

    def budget(self, key: tuple[Any, ...], create: Callable[[], B]) -> B:
        """The budget under `key`, created by `create` on first use."""
        ...

    def clear(self) -> None:
        """Forget every budget."""
        ...


class InMemoryBudgets:
    """Rate budgets in this process: every thread working for one account draws from the same one."""

    def __init__(self) -> None:
        self._budgets: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()

    def budget(self, key: tuple[Any, ...], create: Callable[[], B]) -> B:
        """The budget under `key`, created by `create` on first use."""
        with self._lock:
            budget: B | None = self._budgets.get(key)
            if budget is None:
                budget = self._budgets[key] = create()
            return budget

    def clear(self) -> None:
        """Forget every budget."""
        with self._lock:
            self._budgets.clear()


@dataclass(eq=False)
class Runtime:
    """Settings, pools, clocks and stores of one host or worker; created once, passed to every call."""

    settings: Mapping[str, str] = field(default_factory=dict)  # environment-style settings, e.g. GORGIAS_TIMEOUT
    sessions: SessionPool = field(default_factory=SessionPool)
    tokens: TokenStore = field(default_factory=InMemoryTokens)
    budgets: BudgetStore = field(default_factory=InMemoryBudgets)
    clock: Callable[[], float] = time.monotonic  # measures waits and budgets
    sleep: Callable[[float], None] = time.sleep
    wall_clock: Callable[[], float] = time.time  # reads Retry-After dates
    token_timeout: float = TOKEN_TIMEOUT_SECONDS  # seconds for one OAuth token request (exchange or refresh)
    refresh_cool_down: float = REFRESH_COOL_DOWN_SECONDS  # seconds between early refreshes after one failed

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, *, secret_key: str | bytes | None = None,
                     **parts: Any) -> Runtime:
        """A runtime whose settings are a copy of the environment taken now (later changes are not seen).

        With `GORGIAS_REDIS_URL` set, budgets and tokens not given in `parts` are shared through Redis, the
        tokens encrypted with `secret_key` (a host passes its vault's key), else the `GORGIAS_HOST_KEY` setting.
        """
        settings = dict(os.environ if environ is None else environ)
        return cls(settings=settings, **{**_shared_stores(settings, secret_key), **parts})

    def setting(self, name: str) -> str:
        """The setting `name`, stripped; "" when unset."""
        return (self.settings.get(name) or "").strip()


def _shared_stores(settings: Mapping[str, str], secret_key: str | bytes | None = None) -> dict[str, Any]:
    """The shared budget and token stores when the settings name a Redis server, else nothing.

    The stores are a plug-in (the `component.stores` entry point `redis`, i.e. component.redis_stores),
    so this module, which everything below the executor uses, never imports them, redis-py or cryptography.
    """
    url = (settings.get(REDIS_URL_SETTING) or "").strip()
    if not url:
        return {}
    key = secret_key or (settings.get(SECRET_KEY_SETTING) or "").strip() or None
    from importlib.metadata import entry_points

    plugin = next(iter(entry_points(group=STORES_GROUP, name="redis")), None)
    if plugin is None:
        raise InternalError(f"{REDIS_URL_SETTING} is set but no '{STORES_GROUP}' entry point named 'redis' is "
                           "installed: reinstall gorgias-component")
    stores: dict[str, Any] = plugin.load()(url, key=key)
    return stores


_DEFAULT: list[Runtime] = []  # created on first use, so that the Redis stores import nothing at import time
_DEFAULT_LOCK = threading.Lock()


def default_runtime() -> Runtime:
    """The runtime of calls made without one (library use, the bundled CLI): the live environment's settings."""
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(Runtime(settings=os.environ, **_shared_stores(os.environ)))
    return _DEFAULT[0]
