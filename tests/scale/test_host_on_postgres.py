"""The host's store and OAuth tests again, with the store on the machine's PostgreSQL instead of SQLite.

The tests that read the SQLite file itself (encryption at rest, the key file) stay SQLite-only;
`test_postgres_store` checks the sealed column on PostgreSQL instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from component.host.store import Store
from tests.host.conftest import api_key_id, client, running, sandbox
from tests.host.test_oauth_flow import (
    test_a_refreshed_token_is_written_back,
    test_a_replayed_state_is_refused,
    test_an_expired_state_is_refused,
    test_concurrent_calls_refresh_once_and_the_store_keeps_the_newest_token,
)
from tests.host.test_store_and_connections import (
    test_a_stored_connection_is_listed_without_its_secret,
    test_actions_and_checks_run_with_the_stored_connection,
    test_delete_forgets_the_connection,
    test_invalid_fields_are_refused_and_nothing_is_stored,
)

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

# Imported fixtures and tests are collected here, with the PostgreSQL `store` below.
__all__ = [
    "api_key_id",
    "client",
    "running",
    "sandbox",
    "test_a_refreshed_token_is_written_back",
    "test_a_replayed_state_is_refused",
    "test_a_stored_connection_is_listed_without_its_secret",
    "test_actions_and_checks_run_with_the_stored_connection",
    "test_an_expired_state_is_refused",
    "test_concurrent_calls_refresh_once_and_the_store_keeps_the_newest_token",
    "test_delete_forgets_the_connection",
    "test_invalid_fields_are_refused_and_nothing_is_stored",
]


@pytest.fixture
def store(postgres_url: str) -> Iterator[Store]:
    """The host's store on a fresh PostgreSQL database."""
    opened = Store.open(postgres_url)
    assert opened.engine.dialect.name == "postgresql"
    yield opened
    opened.engine.dispose()
