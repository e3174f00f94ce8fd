"""Rate budgets and OAuth token refreshes shared by every process of a deployment, through Redis.

`RedisBudgets` replaces the runtime's in-process budgets: each account's leaky bucket lives in one
Redis hash, and every reservation and every correction from the API's call-limit header is one
atomic Lua script (one round trip, Redis's own clock), so that processes on several machines draw
from the same bucket. `RedisTokens` keeps the in-process token states and adds a Redis lock around
each refresh plus the newest token: a process that waited for the lock takes the token another
process just stored instead of refreshing again; that token is sealed with Fernet under the runtime's
secret key (the `SECRET_KEY_SETTING` setting), so Redis never holds a token in clear, and one that cannot be opened
(another key, altered) counts as absent. When Redis cannot be reached a call fails with
`SharedStoreError` before anything is sent; it never falls back to pacing on its own (that would
overrun the account's budget). redis-py and cryptography are imported only when a Redis URL is configured.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar
from urllib.parse import urlsplit

from component import product
from component.errors import InputError, TransportError
from component.ratelimit import RateBudget, parse_call_limit
from component.redaction import Redactor
from component.runtime import MAKE_KEY, REDIS_URL_SETTING, SECRET_KEY_SETTING, InMemoryBudgets, InMemoryTokens

if TYPE_CHECKING:
    import redis

    from component.vault import Vault

__all__ = ["RedisBudget", "RedisBudgets", "RedisTokens", "SharedStoreError", "public_url", "redis_client", "stores"]

log = logging.getLogger("component.redis_stores")

B = TypeVar("B")
S = TypeVar("S")

CONNECT_SECONDS = 2.0  # an unreachable Redis fails the call quickly
COMMAND_SECONDS = 5.0
LOCK_SECONDS = 60.0  # the refresh lock expires by itself if its holder dies (a token request takes ≤ 30 s)
LOCK_WAIT_SECONDS = 65.0
TOKEN_DAYS = 30  # a shared token is forgotten this long after its last refresh

# Leak the bucket to Redis's clock, then reserve one request (returning the wait) or correct the level
# from the API's count; the hash expires once the bucket would be empty.
_BUCKET = """
local capacity = tonumber(ARGV[1])
local rate = capacity / tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(state[1]) or 0
local at = tonumber(state[2]) or now
level = math.max(0, level - math.max(0, now - at) * rate)
local wait = 0
if ARGV[4] == 'reserve' then
  wait = math.max(0, (level + 1 - (capacity - tonumber(ARGV[3]))) / rate)
  level = level + 1
elseif ARGV[4] == 'observe' then
  level = math.max(level, tonumber(ARGV[5]) - 1 - math.max(0, tonumber(ARGV[6])) * rate)
else
  return {'0', tostring(level)}
end
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', string.format('%.6f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((level / rate + 1) * 1000))
return {tostring(wait), tostring(level)}
"""


class SharedStoreError(TransportError):
    """Redis, which holds the shared budgets and tokens, could not be used: nothing was sent."""


def public_url(url: str) -> str:
    """`url` without its user name and password, to name the server in messages."""
    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"


def redis_client(url: str) -> redis.Redis:
    """A Redis client for `url` (redis://, rediss:// or unix://) with short connect and command timeouts."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=CONNECT_SECONDS, socket_timeout=COMMAND_SECONDS,
                                      health_check_interval=30)
    except ValueError:
        raise InputError(REDIS_URL_SETTING, f"Setting {REDIS_URL_SETTING}: expected a Redis URL such as "
                                            f"redis://127.0.0.1:6379/0, received {public_url(url)!r}.") from None
    return client


def _fail(client: redis.Redis, what: str, exc: Exception) -> NoReturn:
    kwargs = client.connection_pool.connection_kwargs
    where = kwargs.get("path") or f"{kwargs.get('host')}:{kwargs.get('port')}/{kwargs.get('db', 0)}"
    detail = Redactor([kwargs.get("password"), kwargs.get("username")]).text(str(exc))[:200]
    raise SharedStoreError(f"Redis at {where} ({REDIS_URL_SETTING}) could not be used for {what}: "
                           f"{type(exc).__name__}: {detail}. Nothing was sent; start Redis, or unset "
                           f"{REDIS_URL_SETTING} to keep budgets and tokens in this process.") from None


def _redis_errors() -> tuple[type[Exception], ...]:
    import redis

    return (redis.RedisError, OSError)


class RedisBudget(RateBudget):
    """A `RateBudget` whose bucket level is kept in Redis, shared by every process using the same key."""

    def __init__(self, client: redis.Redis, name: str, capacity: int, window: float, *, header: str,
                 headroom: int = 1) -> None:
        super().__init__(capacity, window, header=header, headroom=headroom)
        self.name = name
        self._client = client
        self._script = client.register_script(_BUCKET)

    def __repr__(self) -> str:
        return f"RedisBudget({self.name!r}, {self.capacity}/{self.window:g}s)"

    def _run(self, mode: str, used: int = 0, elapsed: float = 0.0) -> tuple[float, float]:
        try:
            wait, level = self._script(keys=[self.name], args=[self.capacity, self.window, self.headroom, mode,
                                                              used, elapsed])
        except _redis_errors() as exc:
            _fail(self._client, "the shared rate budget", exc)
        return float(wait), float(level)

    @property
    def level(self) -> float:
        """The bucket's level in Redis now, reservations of every process included."""
        return self._run("peek")[1]

    def reserve(self) -> float:
        """Take the next free slot of the shared bucket; returns how many seconds to wait before sending."""
        return self._run("reserve")[0]

    def observe(self, headers: Mapping[str, str], elapsed: float = 0.0) -> None:
        """Correct the shared level from the API's count (never lower); a Redis failure here is ignored.

        The request has been sent and counted already, so failing the call now would only hide its answer.
        """
        value = next((v for k, v in headers.items() if k.lower() == self.header.lower()), None)
        parsed = parse_call_limit(value)
        if parsed is None:
            return
        used, limit = parsed
        if limit != self.capacity:
            self.capacity = limit  # the API knows the account's real size
            self.headroom = min(self.headroom, limit - 1)
        try:
            self._run("observe", used, elapsed if math.isfinite(elapsed) else 0.0)
        except SharedStoreError:
            return


class RedisBudgets:
    """Budgets kept in Redis under `prefix`, one bucket per account host and auth kind."""

    def __init__(self, client: redis.Redis, prefix: str = product.REDIS_PREFIX) -> None:
        self.client = client
        self.prefix = prefix
        self._local = InMemoryBudgets()  # one RedisBudget object per key in this process

    def budget(self, key: tuple[Any, ...], create: Callable[[], B]) -> B:
        """The shared budget of `key` = (base URL, auth kind, ...), sized like the one `create` makes."""

        def shared() -> Any:
            local = create()
            assert isinstance(local, RateBudget)
            return RedisBudget(self.client, self.name(key), local.capacity, local.window, header=local.header,
                               headroom=local.headroom)

        budget: B = self._local.budget(key, shared)
        return budget

    def name(self, key: tuple[Any, ...]) -> str:
        """The Redis key of a budget: the account's host (not the configured size) and the auth kind."""
        first = str(key[0]) if key else ""
        host = urlsplit(first).netloc.lower() or first
        return self.prefix + "budget:" + ":".join([host, *(str(part) for part in key[1:2])])

    def clear(self) -> None:
        """Forget this process's budget objects (the shared levels expire by themselves)."""
        self._local.clear()


class RedisTokens:
    """Token states in this process plus, in Redis, a refresh lock and the newest token of each connection.

    The newest token is stored sealed with `key` (a Fernet key): every process sharing it needs the same key.
    """

    def __init__(self, client: redis.Redis, prefix: str = product.REDIS_PREFIX, *, key: str | bytes) -> None:
        self.client = client
        self.prefix = prefix
        self._vault = _vault(key)
        self._local = InMemoryTokens()
        self._warned = False  # an unreadable shared token is logged once per store

    def get(self, key: str) -> Any | None:
        return self._local.get(key)

    def put(self, key: str, state: Any) -> None:
        self._local.put(key, state)

    def setdefault(self, key: str, create: Callable[[], S]) -> tuple[S, bool]:
        return self._local.setdefault(key, create)

    def clear(self) -> list[Any]:
        return self._local.clear()

    @contextmanager
    def exclusive(self, key: str) -> Iterator[None]:
        """Hold the Redis lock of `key`'s refresh (a SharedStoreError when it cannot be had)."""
        lock = self.client.lock(f"{self.prefix}token-lock:{key}", timeout=LOCK_SECONDS,
                                blocking_timeout=LOCK_WAIT_SECONDS, thread_local=False)
        try:
            acquired = lock.acquire()
        except _redis_errors() as exc:
            _fail(self.client, "the OAuth refresh lock", exc)
        if not acquired:
            raise SharedStoreError(f"Another process held the OAuth refresh lock in Redis for more than "
                                   f"{LOCK_WAIT_SECONDS:g} s: the token was not refreshed; try again.")
        try:
            yield
        finally:
            try:
                lock.release()
            except _redis_errors():
                pass  # expired (a LockError is a RedisError) or unreachable: it expires by itself

    def latest(self, key: str) -> dict[str, Any] | None:
        """The token last published for `key`, or None."""
        try:
            raw = self.client.get(f"{self.prefix}token:{key}")
        except _redis_errors() as exc:
            _fail(self.client, "the shared OAuth token", exc)
        if not isinstance(raw, bytes | str):
            return None
        from component.vault import VaultError

        try:
            token = self._vault.open(raw if isinstance(raw, bytes) else raw.encode())
        except VaultError:
            if not self._warned:
                self._warned = True
                log.warning("A shared OAuth token in Redis cannot be opened with this process's %s (it was sealed "
                            "with another key, or altered): it is ignored and this process refreshes its own token. "
                            "Give every process the same %s.", SECRET_KEY_SETTING, SECRET_KEY_SETTING)
            return None
        except ValueError:
            return None
        return token if isinstance(token, dict) else None

    def publish(self, keys: list[str], token: dict[str, Any]) -> None:
        """Store `token`, sealed, as the newest one of every key in `keys` (one round trip)."""
        text = self._vault.seal(token)
        try:
            with self.client.pipeline(transaction=True) as pipe:
                for key in keys:
                    pipe.set(f"{self.prefix}token:{key}", text, ex=TOKEN_DAYS * 86400)
                pipe.execute()
        except _redis_errors() as exc:
            _fail(self.client, "the shared OAuth token", exc)


def _vault(key: str | bytes) -> Vault:
    """The vault sealing shared tokens with `key`, or an InputError naming the setting (never showing the key)."""
    from component.vault import Vault, VaultError

    try:
        return Vault(key.encode() if isinstance(key, str) else key)
    except VaultError:
        raise InputError(SECRET_KEY_SETTING, f"Setting {SECRET_KEY_SETTING}: expected a Fernet key (32 bytes, URL-safe "
                                             f"base64 encoded), received another value. Make one with: "
                                             f"{MAKE_KEY}") from None


def stores(url: str, key: str | bytes | None = None) -> dict[str, Any]:
    """The runtime's budget and token stores on the Redis at `url` (the `component.stores` entry point).

    The shared tokens are sealed with `key`; without one nothing is shared and a SharedStoreError says how to
    make one (nothing has been sent to Redis yet).
    """
    client = redis_client(url)
    if not key:
        raise SharedStoreError(f"{REDIS_URL_SETTING} is set ({public_url(url)}) but {SECRET_KEY_SETTING} is not: "
                               f"the OAuth tokens shared through Redis are encrypted with that key, and every process "
                               f"sharing them needs the same one. Make one with: {MAKE_KEY} and set "
                               f"{SECRET_KEY_SETTING} to it in every process, or unset {REDIS_URL_SETTING} to keep "
                               "budgets and tokens in this process.")
    return {"budgets": RedisBudgets(client), "tokens": RedisTokens(client, key=key)}
