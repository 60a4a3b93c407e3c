"""The shop's business day: which day a moment belongs to, wherever the computer is."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.clock import BEIJING_DAY, BusinessDay, time_zone


def test_a_beijing_day_begins_at_16_00_utc_the_day_before() -> None:
    start, end = BEIJING_DAY.bounds(date(2026, 12, 7))
    assert start == datetime(2026, 12, 6, 16, 0, tzinfo=UTC)
    assert end - start == timedelta(days=1)
    assert BEIJING_DAY.of(datetime(2026, 12, 6, 15, 59, 59, tzinfo=UTC)) == date(2026, 12, 6)
    assert BEIJING_DAY.of(datetime(2026, 12, 6, 16, 0, tzinfo=UTC)) == date(2026, 12, 7)


def test_a_day_with_a_clock_change_has_its_own_length() -> None:
    paris = BusinessDay.named("Europe/Paris")
    start, end = paris.bounds(date(2026, 10, 25))  # summer time ends: 25 hours
    assert end - start == timedelta(hours=25)


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        time_zone("Mars/Olympus")


@given(
    moment=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    name=st.sampled_from(["Asia/Shanghai", "America/Los_Angeles", "Europe/Paris", "UTC"]),
)
def test_every_moment_falls_within_the_bounds_of_its_day(moment: datetime, name: str) -> None:
    day = BusinessDay.named(name)
    start, end = day.bounds(day.of(moment))
    assert start <= moment < end
