"""Fixtures of the scale-out tests: the machine's Redis (and PostgreSQL), required under CI=true, else skipped.

Each test gets its own Redis key prefix and deletes its keys afterwards, so tests never share a bucket,
a lock or a token.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest

REDIS_URL = os.environ.get("SCALE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
POSTGRES_URL = os.environ.get("SCALE_TEST_POSTGRES_URL", "postgresql://root@127.0.0.1:5432/test")


def require_service(name: str, host: str, port: int) -> None:
    """Skip (or, under CI=true, fail) unless something listens on host:port."""
    try:
        socket.create_connection((host, port), timeout=1.0).close()
    except OSError as exc:
        message = f"{name} is not reachable at {host}:{port} ({exc.__class__.__name__})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: CI=true requires it")
        pytest.skip(f"{message}: start it to run this test (CI=true makes it required)")


@pytest.fixture
def redis_url() -> str:
    """The URL of the machine's Redis (SCALE_TEST_REDIS_URL, else 127.0.0.1:6379 db 0)."""
    from urllib.parse import urlsplit

    parts = urlsplit(REDIS_URL)
    require_service("Redis", parts.hostname or "127.0.0.1", parts.port or 6379)
    return REDIS_URL


@pytest.fixture
def prefix(redis_url: str) -> Iterator[str]:
    """A Redis key prefix of this test alone; its keys are deleted afterwards."""
    import redis

    value = f"test-scale:{uuid.uuid4().hex}:"
    yield value
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=value + "*"))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@pytest.fixture
def postgres_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database of this test alone on the machine's PostgreSQL (SQLAlchemy URL), dropped afterwards.

    GORGIAS_HOST_KEY is set: a store on a database server has no key file beside it.
    """
    from urllib.parse import urlsplit

    parts = urlsplit(POSTGRES_URL)
    require_service("PostgreSQL", parts.hostname or "127.0.0.1", parts.port or 5432)
    import psycopg
    from cryptography.fernet import Fernet

    name = f"scale_{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("GORGIAS_HOST_KEY", Fernet.generate_key().decode())
    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://").rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
