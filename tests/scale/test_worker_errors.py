"""A worker's error crosses the broker as JSON and comes back at the host as the same ComponentError."""

from __future__ import annotations

import json

import pytest

from component import errors
from component.workers import _error, _reported


@pytest.mark.parametrize("raised", [
    errors.RateLimitError("Gorgias kept answering 429", status=429, retry_after=20.0),
    errors.RateLimitError("Gorgias kept answering 429", status=429),
    errors.ApiError("Gorgias answered 404", status=404),
    errors.InputError("id", "Ticket ID: expected a whole number, received 'abc'."),
    errors.UnknownKeyError("getTicke", "Unknown action 'getTicke'.", kind="action"),
])
def test_an_error_survives_the_trip_through_the_broker(raised: errors.ComponentError) -> None:
    rebuilt = _error(json.loads(json.dumps(_reported(raised))))
    assert type(rebuilt) is type(raised) and str(rebuilt) == str(raised)
    for name in ("key", "status", "kind", "retry_after"):
        assert getattr(rebuilt, name, None) == getattr(raised, name, None), name
