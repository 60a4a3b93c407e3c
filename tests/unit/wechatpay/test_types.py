"""Wire times: ``yyyyMMddHHmmss`` in Beijing time, both ways, and what is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.wechatpay.types import BEIJING, from_wire_time, to_wire_time


def test_a_wire_time_is_beijing_time() -> None:
    moment = from_wire_time("20240601123105")
    assert moment == datetime(2024, 6, 1, 4, 31, 5, tzinfo=UTC)
    assert moment.utcoffset() == timedelta(hours=8)


@given(st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30)))
def test_round_trip(naive: datetime) -> None:
    moment = naive.replace(microsecond=0, tzinfo=BEIJING)
    assert from_wire_time(to_wire_time(moment)) == moment


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2024060112310",  # 13 digits
        "202406011231055",  # 15
        "2024-06-01 12:31",
        "20241301123105",  # month 13
        "20240230123105",  # 30 February
        "20240601243105",  # hour 24
        "20240601126005",  # minute 60
        "2024060112310５",  # a full-width digit: isdigit() says yes, int() would take it
        " 2024060112310",
    ],
)
def test_malformed_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        from_wire_time(text)
