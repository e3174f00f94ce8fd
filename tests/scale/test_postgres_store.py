"""The host's store on PostgreSQL (several hosts and workers share connections): the same records as on SQLite."""

from __future__ import annotations

import pytest

from component.host.store import Store, StoreError


def test_two_hosts_share_connections_and_tokens_through_postgresql(postgres_url: str) -> None:
    import psycopg

    first, second = Store.open(postgres_url), Store.open(postgres_url)
    try:
        assert first.engine.dialect.name == "postgresql"
        identifier = first.add_connection("gorgias", "oauth2", "Acme", {"domain": "acme", "clientId": "app"},
                                          {"clientSecret": "s3cret-client"},
                                          {"access_token": "a1-token", "refresh_token": "r1-token"})
        listed = second.list_connections("gorgias")
        assert [(c["id"], c["label"]) for c in listed] == [(identifier, "Acme")]
        assert "s3cret-client" not in repr(listed)
        second.save_token(identifier, {"access_token": "a2-token", "refresh_token": "r2-token", "expires_at": 1})
        value = first.connection("gorgias", identifier)
        assert value["fields"]["clientSecret"] == "s3cret-client" and value["token"]["access_token"] == "a2-token"
        with psycopg.connect(postgres_url.replace("+psycopg", "")) as raw:
            rows = raw.execute("SELECT sealed FROM connections").fetchall()
        assert len(rows) == 1 and b"s3cret" not in bytes(rows[0][0]) and b"a2-token" not in bytes(rows[0][0])
        first.delete_connection("gorgias", identifier)
        with pytest.raises(StoreError):
            second.connection("gorgias", identifier)
    finally:
        first.engine.dispose()
        second.engine.dispose()
