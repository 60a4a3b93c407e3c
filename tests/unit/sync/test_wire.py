"""The sync wire form: what a till writes is what the server reads; fen are ints, never floats."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.store import DealState, RefundState
from pos.sync.wire import (
    MAX_FEN,
    Batch,
    DealSnapshot,
    HistoryRow,
    RefundSnapshot,
    ShopRecord,
    WireError,
    parse_batch,
)

AT = datetime(2026, 11, 24, 4, 0, 0, 123456, tzinfo=UTC)


def a_batch(amount: int = 2550, refunded: int = 0) -> Batch:
    return Batch(
        till="POS-01",
        mch_id="10000100",
        origin="ab" * 16,
        deals=(
            DealSnapshot(
                "POS0100001", "10000100", amount, "咖啡", DealState.PAID, AT, 3,
                paid_at=AT, transaction_id="42000", refunded_fen=refunded, clerk="王芳",
            ),
        ),
        history=(HistoryRow(1, "POS0100001", AT, None, DealState.CREATED, "created", "{}"),),
        refunds=(RefundSnapshot("RF1", "POS0100001", 1, RefundState.PENDING, AT, AT),),
        records=(ShopRecord(1, "shift", "POS-01/1", AT, {"float_fen": 20000, "ok": True}),),
    )  # fmt: skip


def test_a_batch_reads_back_as_written() -> None:
    sent = a_batch()
    assert parse_batch(sent.to_json()) == sent


@given(st.integers(min_value=1, max_value=MAX_FEN))
def test_any_amount_of_fen_goes_through_exactly(amount: int) -> None:
    assert parse_batch(a_batch(amount, amount).to_json()).deals[0].amount_fen == amount


@given(st.floats(allow_nan=False, allow_infinity=False) | st.booleans() | st.text(max_size=5))
def test_a_float_a_bool_or_text_is_never_fen(value: object) -> None:
    document = json.loads(a_batch().to_json())
    document["deals"][0]["amount_fen"] = value
    with pytest.raises(WireError, match="amount_fen must be an integer number of fen"):
        parse_batch(json.dumps(document).encode())


def test_times_are_read_in_utc_whatever_their_offset() -> None:
    document = json.loads(a_batch().to_json())
    document["history"][0]["at"] = "2026-11-24T12:00:00.123456+08:00"
    assert parse_batch(json.dumps(document).encode()).history[0].at == AT
    document["history"][0]["at"] = "2026-11-24T12:00:00"
    with pytest.raises(WireError, match=r"history\[0\]\.at"):
        parse_batch(json.dumps(document).encode())
