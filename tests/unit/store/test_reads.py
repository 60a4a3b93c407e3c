"""The store's fast read paths equal the plain ones: streamed deals, deal lines, refunds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from helpers.deals import mark_paid

from pos.store import Deal, DealLine, DealState, RefundState, Store

from .test_store import NOW, make_deal, pay

START = NOW - timedelta(hours=1)
END = NOW + timedelta(hours=1)


@pytest.fixture
def filled(store: Store) -> Store:
    """Deals before, in and after [START, END): ties on created_at, every optional field."""
    make_deal(store, at=START - timedelta(microseconds=1))  # just before: left out
    for minute in (0, 0, 0, 7, 7, 30):  # three (and two) deals created at the same moment
        make_deal(store, at=START + timedelta(minutes=minute))
    paid = pay(store, make_deal(store, at=NOW), transaction_id="4200009")
    store.create_refund(paid.out_trade_no, "R1", 500, "退货", NOW)
    store.update_refund("R1", state=RefundState.SUCCESS, now=NOW, success_time=NOW)
    late = make_deal(store, at=NOW + timedelta(seconds=1))
    store.transition(
        late.out_trade_no,
        DealState.CLOSING,
        reason="gave up",
        now=NOW,
        deadline=NOW + timedelta(minutes=5),
        last_error="网络超时",
    )
    mark_paid(
        store,
        late.out_trade_no,
        NOW,
        "4200010",
        reason="late payment",
        paid_at=NOW + timedelta(seconds=90, microseconds=123456),
        bank_type="CMB_DEBIT",
        is_late=True,
    )
    make_deal(store, at=END - timedelta(microseconds=1))  # the last moment in
    make_deal(store, at=END)  # end is exclusive: left out
    return store


@pytest.mark.parametrize("batch", [1, 2, 3, 4, 2000])
def test_iter_deals_between_equals_deals_between(filled: Store, batch: int) -> None:
    expected = filled.deals_between(START, END)
    assert len(expected) == 9
    streamed = list(filled.iter_deals_between(START, END, batch=batch))
    assert streamed == expected
    assert all(type(d) is Deal for d in streamed)
    late = streamed[-2]
    assert late.is_late and late.paid_at == NOW + timedelta(seconds=90, microseconds=123456)
    assert late.paid_at is not None and late.paid_at.utcoffset() == timedelta(0)
    assert late.deadline == NOW + timedelta(minutes=5) and late.last_error == "网络超时"


def test_iter_deal_lines_equal_the_deals_fields(filled: Store) -> None:
    expected = [
        DealLine(
            d.id,
            d.out_trade_no,
            d.amount_fen,
            d.product,
            d.state,
            d.created_at,
            d.transaction_id,
            d.paid_at,
        )
        for d in filled.deals_between(START, END)
    ]
    assert list(filled.iter_deal_lines(START, END, batch=2)) == expected
    assert all(type(line.state) is DealState for line in expected)


def test_a_whole_day_and_an_empty_range(filled: Store) -> None:
    day = datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 25, tzinfo=UTC)
    assert list(filled.iter_deals_between(*day, batch=5)) == filled.deals_between(*day)
    assert list(filled.iter_deals_between(END + timedelta(days=1), END + timedelta(days=2))) == []


def test_arguments_are_checked_when_called_not_when_iterated(store: Store) -> None:
    naive = datetime(2026, 11, 24)
    with pytest.raises(ValueError, match="timezone-aware"):
        store.iter_deals_between(naive, END)
    with pytest.raises(ValueError, match="timezone-aware"):
        store.iter_deal_lines(START, naive)
    with pytest.raises(ValueError, match="batch"):
        store.iter_deals_between(START, END, batch=0)
    with pytest.raises(ValueError, match="limit"):
        store.recent_deals(-1)


def test_each_batch_is_its_own_query(store: Store) -> None:
    """Keyset batches hold nothing open between them: a deal created meanwhile, after the
    last one read, is still found (and nothing is read twice)."""
    first = [make_deal(store, at=NOW + timedelta(seconds=n)) for n in range(3)]
    streamed: Iterator[Deal] = store.iter_deals_between(START, END, batch=2)
    assert [next(streamed), next(streamed)] == first[:2]
    later = make_deal(store, at=NOW + timedelta(minutes=5))
    assert list(streamed) == [first[2], later]


def test_recent_deals_newest_first(filled: Store) -> None:
    every = filled.deals_between(START - timedelta(days=1), END + timedelta(days=1))
    newest_first = sorted(every, key=lambda d: (d.created_at, d.id), reverse=True)
    assert filled.recent_deals(4) == newest_first[:4]
    assert filled.recent_deals(100) == newest_first
    assert filled.recent_deals(0) == []
    # Ties on created_at: the higher id (created later) first.
    ties = [d for d in filled.recent_deals(100) if d.created_at == START]
    assert [d.id for d in ties] == sorted((d.id for d in ties), reverse=True)
    assert len(ties) == 3


def test_refunds_for_deals_equals_refunds_for(store: Store) -> None:
    deals = [pay(store, make_deal(store), transaction_id=f"42000{n}") for n in range(3)]
    for n, deal in enumerate(deals[:2]):
        for k in range(n + 2):
            store.create_refund(deal.out_trade_no, f"R{n}x{k}", 100, "", NOW)
    store.update_refund("R0x1", state=RefundState.SUCCESS, now=NOW, success_time=NOW)
    numbers = [d.out_trade_no for d in deals]
    # More numbers than one IN list holds, with repeats and unknown ones.
    asked = [*numbers, "UNKNOWN001", *(f"NOSUCH{n:06d}" for n in range(1200)), numbers[0]]
    found = store.refunds_for_deals(asked)
    assert set(found) == set(asked)
    for number in numbers:
        assert found[number] == store.refunds_for(number)
    assert [len(found[n]) for n in numbers] == [2, 3, 0]
    assert found["UNKNOWN001"] == []
    assert found[numbers[0]][1].state is RefundState.SUCCESS
    assert store.refunds_for_deals([]) == {}


def test_refunds_between_by_creation_time(store: Store) -> None:
    deal = pay(store, make_deal(store, amount_fen=10_000))
    for n, at in enumerate((START - timedelta(seconds=1), START, NOW, END)):
        store.create_refund(deal.out_trade_no, f"RB{n}", 100, "", at)
    store.update_refund("RB2", state=RefundState.SUCCESS, now=NOW, success_time=NOW)
    found = store.refunds_between(START, END)
    assert [r.out_refund_no for r in found] == ["RB1", "RB2"]
    assert found == [store.get_refund("RB1"), store.get_refund("RB2")]
    assert found[1].success_time == NOW and found[1].out_trade_no == deal.out_trade_no
    with pytest.raises(ValueError, match="timezone-aware"):
        store.refunds_between(START, datetime(2026, 11, 25))
