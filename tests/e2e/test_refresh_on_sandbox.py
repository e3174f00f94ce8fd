"""Against the sandbox: a 401 that survives the OAuth refresh ends the call, it never loops."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from component import AuthError
from component.oauth import reset_token_cache
from gorgias_component import gorgias
from gorgias_component.sandbox import Sandbox
from tests.support.on_sandbox import use_sandbox

TOKEN_ROUTE = ("POST", "/oauth/token")


@pytest.fixture
def sb(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A fresh sandbox the component talks to, with no token remembered from another test."""
    reset_token_cache()
    with Sandbox(customers=1, tickets=1) as sandbox:
        use_sandbox(monkeypatch, sandbox)
        yield sandbox
    reset_token_cache()


def refuse_every_refreshed_token(sb: Sandbox) -> None:
    """Make the API refuse each access token the token endpoint hands out, as soon as it is handed out."""
    count_grant = sb.oauth.on_grant

    def on_grant(kind: str) -> None:
        if count_grant is not None:
            count_grant(kind)
        sb.expire_access_tokens()

    sb.oauth.on_grant = on_grant


@pytest.mark.timeout(30)  # the loop this guards against would otherwise run until the suite's limit
def test_a_401_that_persists_after_the_refresh_is_one_token_request_then_an_auth_error(sb: Sandbox) -> None:
    """401, one refresh, 401 again: an AuthError, with the refreshed token still handed back."""
    token = sb.issue_token()
    sb.expire_access_tokens()
    refuse_every_refreshed_token(sb)
    refreshed: list[dict[str, Any]] = []
    with pytest.raises(AuthError) as caught:
        gorgias.run_action("getAccount", {}, sb.oauth_connection(token), on_token_refresh=refreshed.append)
    assert caught.value.status == 401
    assert str(caught.value) == ("Gorgias answered 401 Unauthorized to GET /account: Unauthorized."
                                 " Reconnect the Gorgias OAuth connection to authorize it again.")
    assert sb.stats.received[TOKEN_ROUTE] == 1 and sb.stats.token_refreshes == 1
    assert sb.stats.received[("GET", "/api/account")] == 2 and sb.stats.unauthorized == 2
    assert [t["access_token"] for t in refreshed] != [token["access_token"]] and len(refreshed) == 1
