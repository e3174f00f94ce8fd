"""Token values: expiry from expires_at, expires_in, the JWT exp claim or 24 hours, and the token handed back to store."""

from __future__ import annotations

import pytest

from component.oauth import DEFAULT_LIFETIME_SECONDS, jwt_claims, normalised_token, token_expiry
from tests.oauth.conftest import jwt

NOW = 1_767_225_600.0
GORGIAS = {"zero_lifetime_is_unknown": True}  # what the Gorgias connection's OAuthClient says


def test_expires_at_given_by_the_token_wins_over_everything_else() -> None:
    token = {"access_token": jwt(NOW + 60), "expires_at": NOW + 500, "expires_in": 10}
    assert token_expiry(token, NOW) == int(NOW + 500)


def test_expires_at_given_as_a_string_of_digits_is_read_as_a_number() -> None:
    assert token_expiry({"access_token": "opaque", "expires_at": "1767229200"}, NOW) == 1767229200


def test_a_positive_expires_in_counts_from_now() -> None:
    assert token_expiry({"access_token": jwt(NOW + 60), "expires_in": 3600}, NOW) == int(NOW + 3600)


def test_gorgias_expires_in_zero_falls_back_to_the_jwt_exp_claim() -> None:
    assert token_expiry({"access_token": jwt(NOW + 86400), "expires_in": 0}, NOW, **GORGIAS) == int(NOW + 86400)


@pytest.mark.parametrize("access_token", ["opaque-token-value", "a.b.c", jwt(None, sub="1"), None])
def test_without_expires_at_or_a_jwt_exp_the_token_is_taken_to_live_24_hours(access_token: str | None) -> None:
    expiry = token_expiry({"access_token": access_token, "expires_in": 0}, NOW, **GORGIAS)
    assert expiry == int(NOW + DEFAULT_LIFETIME_SECONDS)


@pytest.mark.parametrize("bad", [True, "soon", 0, -5, None])
def test_an_unusable_expires_at_is_ignored(bad: object) -> None:
    assert token_expiry({"access_token": jwt(NOW + 70), "expires_at": bad}, NOW) == int(NOW + 70)


def test_jwt_claims_decodes_the_payload_without_verifying_and_refuses_what_is_not_a_jwt() -> None:
    assert jwt_claims(jwt(NOW, sub="7")) == {"sub": "7", "exp": int(NOW)}
    assert jwt_claims("not-a-jwt") is None
    assert jwt_claims("a.!!!.c") is None
    assert jwt_claims(12) is None


def test_a_refresh_answer_without_a_refresh_token_keeps_the_old_one() -> None:
    previous = {"access_token": "old", "refresh_token": "refresh-1", "expires_at": 1}
    answer = {"access_token": jwt(NOW + 86400), "expires_in": 0, "token_type": "Bearer", "scope": "openid"}
    assert normalised_token(answer, previous, **GORGIAS) == {
        "access_token": answer["access_token"], "refresh_token": "refresh-1", "expires_at": int(NOW + 86400),
        "token_type": "Bearer", "scope": "openid",
    }


@pytest.mark.parametrize("empty", [None, ""])
def test_an_empty_refresh_token_in_the_answer_also_keeps_the_old_one(empty: str | None) -> None:
    answer = {"access_token": jwt(NOW), "refresh_token": empty}
    assert normalised_token(answer, {"refresh_token": "refresh-1"})["refresh_token"] == "refresh-1"


def test_a_rotated_refresh_token_replaces_the_old_one() -> None:
    answer = {"access_token": jwt(NOW), "refresh_token": "refresh-2"}
    assert normalised_token(answer, {"refresh_token": "refresh-1"})["refresh_token"] == "refresh-2"


def test_a_token_without_an_access_token_counts_as_expired_so_that_it_is_refreshed_first() -> None:
    assert normalised_token({"refresh_token": "refresh-1", "expires_at": NOW + 3600}) == {
        "refresh_token": "refresh-1", "expires_at": 0}
