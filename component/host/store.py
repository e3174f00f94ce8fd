"""The host's store: connections, OAuth states, trigger subscriptions and webhook items, on SQLAlchemy.

SQLite by default (one file); any SQLAlchemy URL works, PostgreSQL included, so that several hosts can
share connections. Secrets (password fields, OAuth tokens, subscriptions) are sealed by the `Vault`
before they reach the database; the public fields stay readable for listing.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool

from component import product
from component.vault import Vault

__all__ = ["DATABASE_SETTING", "OAuthState", "Store", "StoreClosedError", "StoreError", "database_url"]

DATABASE_SETTING = product.DATABASE_SETTING  # the store's URL or path when `--database` is not given

metadata = MetaData()

connections = Table(
    "connections", metadata,
    Column("id", String(32), primary_key=True),
    Column("component", String(100), nullable=False),
    Column("key", String(100), nullable=False),
    Column("label", String(200), nullable=False),
    Column("fields", JSON, nullable=False),  # the public fields only
    Column("sealed", LargeBinary, nullable=False),  # {"fields": {secret fields}, "token": {...} | null}
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)
oauth_states = Table(
    "oauth_states", metadata,
    Column("state_hash", String(64), primary_key=True),  # the state itself is never stored
    Column("connection_id", String(32), nullable=False),
    Column("redirect_uri", Text, nullable=False),
    Column("nonce", String(200), nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("used_at", Float, nullable=True),
)
subscriptions = Table(
    "subscriptions", metadata,
    Column("id", String(32), primary_key=True),
    Column("component", String(100), nullable=False),
    Column("trigger", String(100), nullable=False),
    Column("connection_id", String(32), nullable=False),
    Column("sealed", LargeBinary, nullable=False),  # the subscription, with its webhook secret
    Column("created_at", Float, nullable=False),
)
trigger_events = Table(
    "trigger_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subscription_id", String(32), nullable=False, index=True),
    Column("trigger", String(100), nullable=False, index=True),
    Column("item", JSON, nullable=False),
    Column("received_at", Float, nullable=False),
)

STATE_LIFETIME = 600.0  # seconds an OAuth state stays usable


class StoreError(Exception):
    """A stored record is missing or cannot be used as asked; `kind` names what (connection, state, ...)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class StoreClosedError(RuntimeError):
    """The store was closed: it has no database connection any more."""


@dataclass(frozen=True)
class OAuthState:
    """What an OAuth state was issued for."""

    connection_id: str
    redirect_uri: str
    nonce: str


def database_url(value: str | None) -> tuple[str, Path | None]:
    """A SQLAlchemy URL from `--database` (a URL or a file path) and the SQLite file it names, if any."""
    if not value:
        value = str(Path.home() / ".local" / "share" / product.DATA_DIR / "host.db")
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        return f"sqlite:///{path}", path
    url = make_url(value)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return value, Path(str(url.database)).expanduser().resolve()
    return value, None


class Store:
    """Every record the host keeps; each method is one transaction. `close()` (or `with`) releases the database."""

    def __init__(self, url: str, vault: Vault) -> None:
        self.vault = vault
        self.closed = False
        options: dict[str, Any] = {}
        if make_url(url).get_backend_name() == "sqlite" and make_url(url).database in (None, "", ":memory:"):
            # One in-memory database shared by every thread of the server.
            options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        self.engine: Engine = create_engine(url, pool_pre_ping=True, **options)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)

    @classmethod
    def open(cls, database: str | None, settings: Mapping[str, str] | None = None) -> Store:
        """The store at `--database` (URL or path), with the vault whose key is in `settings` or sits beside it.

        `settings` are the host's (its runtime's); None reads the process environment. Without `database`,
        the `DATABASE_SETTING` setting names it, else the default SQLite file.
        """
        if not database:
            database = ((os.environ if settings is None else settings).get(DATABASE_SETTING) or "").strip() or None
        url, path = database_url(database)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Secrets in it are sealed, but names, domains and webhook items are nobody else's business either.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        return cls(url, Vault.for_database(path.with_suffix(".key") if path is not None else None, settings))

    def close(self) -> None:
        """Close every pooled database connection; the store refuses any later use (StoreClosedError). Idempotent."""
        self.closed = True
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        if self.closed:
            raise StoreClosedError(f"The host's store ({self.engine.url.render_as_string(hide_password=True)}) is "
                                   "closed: open a new Store to use the database again.")
        with self.engine.begin() as db:
            yield db

    # -- connections -------------------------------------------------------------------------

    def add_connection(self, component: str, key: str, label: str, public: Mapping[str, Any],
                       secret: Mapping[str, Any], token: Mapping[str, Any] | None = None) -> str:
        """Store a connection; returns its new id."""
        now = time.time()
        identifier = secrets.token_hex(8)
        with self._tx() as db:
            db.execute(insert(connections).values(
                id=identifier, component=component, key=key, label=label, fields=dict(public),
                sealed=self.vault.seal({"fields": dict(secret), "token": token}), created_at=now, updated_at=now))
        return identifier

    def upsert_connection(self, component: str, key: str, label: str, public: Mapping[str, Any],
                          secret: Mapping[str, Any]) -> str:
        """Store a connection under `label`, replacing the fields of one stored under the same label and key."""
        with self._tx() as db:
            row = db.execute(select(connections.c.id, connections.c.sealed).where(
                connections.c.component == component, connections.c.key == key, connections.c.label == label)).first()
            if row is None:
                identifier = None
            else:
                identifier = str(row.id)
                token = self.vault.open(row.sealed).get("token")
                db.execute(update(connections).where(connections.c.id == identifier).values(
                    fields=dict(public), sealed=self.vault.seal({"fields": dict(secret), "token": token}),
                    updated_at=time.time()))
        return identifier or self.add_connection(component, key, label, public, secret)

    def list_connections(self, component: str) -> list[dict[str, Any]]:
        """Every connection of `component`, without secrets: which secret fields are set and whether a token is."""
        with self._tx() as db:
            rows = db.execute(select(connections).where(connections.c.component == component)
                              .order_by(connections.c.created_at)).all()
        return [self._public(row) for row in rows]

    def _public(self, row: Any) -> dict[str, Any]:
        sealed = self.vault.open(row.sealed)
        token = sealed.get("token")
        return {"id": row.id, "key": row.key, "label": row.label, "fields": row.fields,
                "secretFields": sorted(sealed.get("fields", {})), "authorized": bool(token),
                "tokenExpiresAt": token.get("expires_at") if isinstance(token, dict) else None,
                "createdAt": row.created_at}

    def connection(self, component: str, identifier: str) -> dict[str, Any]:
        """The connection value a component runs with: {"key", "fields", "token"?}, secrets decrypted."""
        with self._tx() as db:
            row = db.execute(select(connections).where(connections.c.id == identifier,
                                                       connections.c.component == component)).first()
        if row is None:
            raise StoreError("connection", f"No stored connection has the id {identifier!r}.")
        sealed = self.vault.open(row.sealed)
        value: dict[str, Any] = {"key": row.key, "fields": {**row.fields, **sealed.get("fields", {})}}
        if sealed.get("token"):
            value["token"] = sealed["token"]
        return value

    def delete_connection(self, component: str, identifier: str) -> None:
        """Forget a connection and its pending OAuth states."""
        with self._tx() as db:
            gone = db.execute(delete(connections).where(connections.c.id == identifier,
                                                        connections.c.component == component)).rowcount
            db.execute(delete(oauth_states).where(oauth_states.c.connection_id == identifier))
        if not gone:
            raise StoreError("connection", f"No stored connection has the id {identifier!r}.")

    def save_token(self, identifier: str, token: Mapping[str, Any]) -> None:
        """Write a new OAuth token into a connection: read, replace and write in one locked transaction."""
        with self._tx() as db:
            row = db.execute(select(connections.c.sealed).where(connections.c.id == identifier)
                             .with_for_update()).first()
            if row is None:
                raise StoreError("connection", f"No stored connection has the id {identifier!r}.")
            sealed = self.vault.open(row.sealed)
            sealed["token"] = dict(token)
            db.execute(update(connections).where(connections.c.id == identifier).values(
                sealed=self.vault.seal(sealed), updated_at=time.time()))

    # -- OAuth states ------------------------------------------------------------------------

    def issue_state(self, connection_id: str, redirect_uri: str, nonce: str, state: str) -> None:
        """Remember an OAuth state (by its hash) for one connection, usable once within STATE_LIFETIME."""
        now = time.time()
        with self._tx() as db:
            db.execute(delete(oauth_states).where(oauth_states.c.expires_at < now - STATE_LIFETIME))
            db.execute(insert(oauth_states).values(state_hash=_hash(state), connection_id=connection_id,
                                                   redirect_uri=redirect_uri, nonce=nonce,
                                                   expires_at=now + STATE_LIFETIME))

    def consume_state(self, state: str) -> OAuthState:
        """Use a state once: unknown, used or expired states are refused (StoreError "state")."""
        now, hashed = time.time(), _hash(state)
        with self._tx() as db:
            used = db.execute(update(oauth_states).where(
                oauth_states.c.state_hash == hashed, oauth_states.c.used_at.is_(None),
                oauth_states.c.expires_at >= now).values(used_at=now)).rowcount
            row = db.execute(select(oauth_states).where(oauth_states.c.state_hash == hashed)).first()
        if row is None:
            raise StoreError("state", "Unknown OAuth state: start the authorization again from the host.")
        if not used:
            why = "was already used" if row.used_at is not None else "has expired"
            raise StoreError("state", f"This OAuth state {why}: start the authorization again from the host.")
        return OAuthState(row.connection_id, row.redirect_uri, row.nonce)

    # -- trigger subscriptions and their items -----------------------------------------------

    def add_subscription(self, component: str, trigger: str, connection_id: str, identifier: str,
                         subscription: Any) -> None:
        """Keep a webhook subscription (sealed: it holds the webhook's secret)."""
        with self._tx() as db:
            db.execute(insert(subscriptions).values(id=identifier, component=component, trigger=trigger,
                                                    connection_id=connection_id, sealed=self.vault.seal(subscription),
                                                    created_at=time.time()))

    def subscription(self, identifier: str) -> tuple[str, str, str, Any]:
        """(component, trigger, connection id, subscription) of a stored subscription."""
        with self._tx() as db:
            row = db.execute(select(subscriptions).where(subscriptions.c.id == identifier)).first()
        if row is None:
            raise StoreError("subscription", f"No subscription has the id {identifier!r}.")
        return row.component, row.trigger, row.connection_id, self.vault.open(row.sealed)

    def list_subscriptions(self, component: str) -> list[dict[str, Any]]:
        """Every subscription of `component`, without its secret."""
        with self._tx() as db:
            rows = db.execute(select(subscriptions.c.id, subscriptions.c.trigger, subscriptions.c.connection_id,
                                     subscriptions.c.created_at).where(subscriptions.c.component == component)).all()
        return [{"id": r.id, "trigger": r.trigger, "connectionId": r.connection_id, "createdAt": r.created_at}
                for r in rows]

    def delete_subscription(self, identifier: str) -> None:
        """Forget a subscription and the items it received."""
        with self._tx() as db:
            db.execute(delete(subscriptions).where(subscriptions.c.id == identifier))
            db.execute(delete(trigger_events).where(trigger_events.c.subscription_id == identifier))

    def add_items(self, subscription_id: str, trigger: str, items: list[Any]) -> None:
        """Keep the items a webhook delivered, for the page and `GET /api/triggers/{key}/events`."""
        if not items:
            return
        now = time.time()
        with self._tx() as db:
            db.execute(insert(trigger_events), [{"subscription_id": subscription_id, "trigger": trigger, "item": item,
                                                 "received_at": now} for item in items])

    def items(self, trigger: str, after: int = 0, limit: int = 100) -> list[dict[str, Any]]:
        """The items received for `trigger` after the event id `after`, oldest first."""
        with self._tx() as db:
            rows = db.execute(select(trigger_events).where(trigger_events.c.trigger == trigger,
                                                           trigger_events.c.id > after)
                              .order_by(trigger_events.c.id).limit(limit)).all()
        return [{"id": r.id, "subscriptionId": r.subscription_id, "item": r.item, "receivedAt": r.received_at}
                for r in rows]


def _hash(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    # WAL lets the page read while a token refresh writes; busy_timeout waits for a writer instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
