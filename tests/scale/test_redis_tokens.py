"""The tokens shared through Redis are sealed with the runtime's key: no key refuses the runtime, another key or an
altered value reads as no shared token (logged once), and a host seals them with its store's key."""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from component.errors import InputError
from component.redis_stores import RedisTokens, SharedStoreError, redis_client
from component.runtime import Runtime

TOKEN = {"access_token": "access-3f9d2c7a1b", "refresh_token": "refresh-8e4b6a0c5d", "token_type": "Bearer",
         "expires_at": 1893456000.0, "scope": "openid tickets:read"}
NO_KEY = ("GORGIAS_REDIS_URL is set (redis://127.0.0.1:1/0) but GORGIAS_HOST_KEY is not: the OAuth tokens shared "
          "through Redis are encrypted with that key, and every process sharing them needs the same one. Make one "
          "with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' and set "
          "GORGIAS_HOST_KEY to it in every process, or unset GORGIAS_REDIS_URL to keep budgets and tokens in this "
          "process.")
UNREADABLE = ("A shared OAuth token in Redis cannot be opened with this process's GORGIAS_HOST_KEY (it was sealed "
              "with another key, or altered): it is ignored and this process refreshes its own token. Give every "
              "process the same GORGIAS_HOST_KEY.")


def test_redis_without_a_key_refuses_the_runtime_naming_the_setting_and_not_the_password() -> None:
    """Nothing listens on port 1: the refusal comes before any connection, from the settings alone."""
    url = "redis://:s3cret-pass@127.0.0.1:1/0"
    for settings in ({"GORGIAS_REDIS_URL": url}, {"GORGIAS_REDIS_URL": url, "GORGIAS_HOST_KEY": "  "}):
        with pytest.raises(SharedStoreError) as caught:
            Runtime.from_environ(settings)
        assert str(caught.value) == NO_KEY
        assert "s3cret" not in repr(caught.value)


def test_a_key_that_is_not_a_fernet_key_is_an_input_error_that_does_not_show_it() -> None:
    with pytest.raises(InputError) as caught:
        Runtime.from_environ({"GORGIAS_REDIS_URL": "redis://127.0.0.1:1/0", "GORGIAS_HOST_KEY": "hunter2-not-a-key"})
    assert caught.value.key == "GORGIAS_HOST_KEY"
    assert str(caught.value) == ("Setting GORGIAS_HOST_KEY: expected a Fernet key (32 bytes, URL-safe base64 "
                                 "encoded), received another value. Make one with: python -c 'from "
                                 "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'")


def test_a_token_sealed_with_another_key_or_altered_reads_as_absent_and_is_logged_once(
        redis_url: str, prefix: str, caplog: pytest.LogCaptureFixture) -> None:
    key, other = Fernet.generate_key(), Fernet.generate_key()
    RedisTokens(redis_client(redis_url), prefix, key=key).publish(["a", "b"], TOKEN)
    raw = redis_client(redis_url).get(f"{prefix}token:a")
    assert isinstance(raw, bytes) and b"access-3f9d2c7a1b" not in raw and b"refresh-8e4b6a0c5d" not in raw
    assert RedisTokens(redis_client(redis_url), prefix, key=key).latest("a") == TOKEN
    altered = raw[:40] + (b"B" if raw[40:41] == b"A" else b"A") + raw[41:]  # one character of the ciphertext
    redis_client(redis_url).set(f"{prefix}token:b", altered)
    reader = RedisTokens(redis_client(redis_url), prefix, key=other)
    with caplog.at_level(logging.WARNING, logger="component.redis_stores"):
        assert reader.latest("a") is None
        assert reader.latest("a") is None
        assert RedisTokens(redis_client(redis_url), prefix, key=key).latest("b") is None
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("WARNING", UNREADABLE)] * 2  # once per store
    assert "access-3f9d2c7a1b" not in caplog.text and "refresh-8e4b6a0c5d" not in caplog.text


def test_the_runtime_seals_with_the_key_it_was_given_else_its_setting(redis_url: str) -> None:
    """`secret_key` (a host's vault key) wins over the GORGIAS_HOST_KEY setting."""
    given, setting = Fernet.generate_key(), Fernet.generate_key()
    name = f"test-scale-{uuid.uuid4().hex}"
    client = redis_client(redis_url)
    try:
        for secret_key, expected in ((given, given), (None, setting)):
            runtime = Runtime.from_environ({"GORGIAS_REDIS_URL": redis_url, "GORGIAS_HOST_KEY": setting.decode()},
                                           secret_key=secret_key)
            runtime.tokens.publish([name], TOKEN)
            raw = client.get(f"gorgias-component:token:{name}")
            assert isinstance(raw, bytes) and json.loads(Fernet(expected).decrypt(raw)) == TOKEN
    finally:
        client.delete(f"gorgias-component:token:{name}")


def test_a_host_without_the_key_setting_seals_shared_tokens_with_its_key_file(
        redis_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from component.host.app import create_app
    from component.host.server import host_app
    from component.host.store import Store
    from gorgias_component import gorgias

    monkeypatch.delenv("GORGIAS_HOST_KEY", raising=False)
    monkeypatch.setenv("GORGIAS_REDIS_URL", redis_url)
    name = f"test-scale-{uuid.uuid4().hex}"
    client = redis_client(redis_url)
    try:
        for app in (host_app(gorgias, bind="127.0.0.1", database=str(tmp_path / "host.db")),
                    create_app(gorgias, Store.open(str(tmp_path / "host.db")))):
            client.delete(f"gorgias-component:token:{name}")
            app.state.host.component.runtime.tokens.publish([name], TOKEN)
            raw = client.get(f"gorgias-component:token:{name}")
            key = (tmp_path / "host.key").read_bytes().strip()
            assert isinstance(raw, bytes) and json.loads(Fernet(key).decrypt(raw)) == TOKEN
    finally:
        client.delete(f"gorgias-component:token:{name}")
    with pytest.raises(SharedStoreError) as caught:  # an in-memory database's key lives in this process only
        host_app(gorgias, bind="127.0.0.1", database="sqlite://")
    assert "GORGIAS_HOST_KEY is not" in str(caught.value)
