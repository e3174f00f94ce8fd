"""Datetimes are compared as instants whether they carry an offset or not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from component.instants import instant, utc_text


@pytest.mark.parametrize("text", ["2024-12-04T15:18:56", "2024-12-04T15:18:56+00:00", "2024-12-04T15:18:56Z",
                                  "2024-12-04T17:18:56+02:00", " 2024-12-04T10:18:56-05:00 "])
def test_naive_and_offset_forms_are_the_same_instant(text: str) -> None:
    assert instant(text) == datetime(2024, 12, 4, 15, 18, 56, tzinfo=UTC)
    assert utc_text(text) == "2024-12-04T15:18:56+00:00"


def test_instants_order_where_strings_would_not() -> None:
    """"10:00+02:00" is before "09:00" (UTC) although it sorts after it as text."""
    assert "2024-01-01T10:00:00+02:00" > "2024-01-01T09:00:00"
    assert instant("2024-01-01T10:00:00+02:00") < instant("2024-01-01T09:00:00")


@pytest.mark.parametrize("text", ["", "yesterday", "2024-13-01T00:00:00", "2024-01-01T00:00:00+25:00"])
def test_a_text_that_is_not_a_datetime_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        instant(text)
