"""The day's rows, totals, takings by hour and search, from a store filled over the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.deals import add_deal
from helpers.manager_world import World, open_world

from pos.refunds import Refunder
from pos.reports.day import DealRow, day_bounds, day_report, hourly_takings, iter_rows, search_rows
from pos.store import DealState, Store
from pos.wechatpay.types import BEIJING


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with open_world(tmp_path) as made:
        yield made


def test_day_bounds_are_beijing_midnights() -> None:
    start, end = day_bounds(date(2026, 11, 24))
    assert start.astimezone(UTC) == datetime(2026, 11, 23, 16, tzinfo=UTC)
    assert end - start == timedelta(days=1)


def test_rows_and_totals_of_the_day(world: World) -> None:
    latte = world.paid_deal(2550, "拿铁咖啡")
    cake = world.paid_deal(1800, "芝士蛋糕")
    world.unpaid_deal(999, "没付的")
    progress = Refunder(world.store, world.client).refund(cake.out_trade_no, 800, "部分退货")
    Refunder(world.store, world.client).follow(progress.refund.out_refund_no, interval=0.05)
    today = datetime.now(BEIJING).date()
    report = day_report(world.store, today)
    assert [r.product for r in report.rows] == ["拿铁咖啡", "芝士蛋糕", "没付的"]
    by_number = {r.out_trade_no: r for r in report.rows}
    assert by_number[latte.out_trade_no].transaction_id == latte.transaction_id
    assert by_number[cake.out_trade_no].state is DealState.PARTIALLY_REFUNDED
    assert by_number[cake.out_trade_no].refunded_fen == 800
    assert by_number[cake.out_trade_no].net_fen == 1000
    t = report.totals
    assert (t.count, t.all_count, t.gross_fen, t.refunded_fen, t.net_fen) == (2, 3, 4350, 800, 3550)
    assert latte.paid_at is not None and cake.paid_at is not None
    assert report.hourly_fen[latte.paid_at.astimezone(BEIJING).hour] >= 2550
    assert report.hourly_fen[cake.paid_at.astimezone(BEIJING).hour] >= 1800
    assert sum(report.hourly_fen) == 4350  # gross paid: the unpaid deal is not takings
    assert all(r.time.utcoffset() == timedelta(hours=8) for r in report.rows)


def test_a_deal_belongs_to_its_beijing_day(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    # 23:30 Beijing on the 24th is 15:30 UTC; 00:30 Beijing on the 25th is 16:30 UTC.
    for number, moment in (
        ("DAYA000001", datetime(2026, 11, 24, 15, 30, tzinfo=UTC)),
        ("DAYB000002", datetime(2026, 11, 24, 16, 30, tzinfo=UTC)),
    ):
        add_deal(store, moment, out_trade_no=number, amount_fen=100, till_id="T")
    assert [r.out_trade_no for r in iter_rows(store, date(2026, 11, 24), date(2026, 11, 24))] == [
        "DAYA000001"
    ]
    assert [r.out_trade_no for r in iter_rows(store, date(2026, 11, 25), date(2026, 11, 25))] == [
        "DAYB000002"
    ]
    assert len(list(iter_rows(store, date(2026, 11, 24), date(2026, 11, 25)))) == 2
    with pytest.raises(ValueError):
        list(iter_rows(store, date(2026, 11, 25), date(2026, 11, 24)))
    store.close()


def _row(number: str, amount: int, tid: str = "") -> DealRow:
    return DealRow(
        time=datetime(2026, 11, 24, 9, tzinfo=BEIJING),
        product="p",
        amount_fen=amount,
        state=DealState.PAID,
        out_trade_no=number,
        transaction_id=tid,
        refunded_fen=0,
        paid_at=datetime(2026, 11, 24, 9, 59, tzinfo=BEIJING),
    )


def test_search_by_amount_or_number() -> None:
    rows = [
        _row("POS01A000001", 2550, "4200000000000000000000000123"),
        _row("POS01A000002", 1000),
        _row("POS01B000025", 300),
    ]
    assert [r.out_trade_no for r in search_rows(rows, "25.5")] == ["POS01A000001"]
    assert [r.out_trade_no for r in search_rows(rows, "¥10")] == ["POS01A000002"]
    # "25" is both 25.00 yuan (none) and a piece of two numbers.
    assert [r.out_trade_no for r in search_rows(rows, "25")] == ["POS01B000025"]
    assert [r.out_trade_no for r in search_rows(rows, "0123")] == ["POS01A000001"]
    assert [r.out_trade_no for r in search_rows(rows, "pos01b")] == ["POS01B000025"]
    assert search_rows(rows, "  ") == rows
    assert search_rows(rows, "咖啡") == []


def test_hourly_takings_use_the_payment_time() -> None:
    hours = hourly_takings([_row("A00001", 100), _row("A00002", 250)])
    assert hours[9] == 350 and sum(hours) == 350


def test_rows_are_the_same_whatever_the_batch(world: World) -> None:
    """Refunds are read once per batch of deals: a batch edge never loses a refunded sum."""
    cake = world.paid_deal(1800, "芝士蛋糕")
    world.paid_deal(2550, "拿铁咖啡")
    tea = world.paid_deal(1200, "抹茶拿铁")
    refunder = Refunder(world.store, world.client)
    for deal, fen in ((cake, 800), (tea, 1200)):
        progress = refunder.refund(deal.out_trade_no, fen, "退货")
        refunder.follow(progress.refund.out_refund_no, interval=0.05)
    today = datetime.now(BEIJING).date()
    whole = list(iter_rows(world.store, today, today))
    assert [r.refunded_fen for r in whole] == [800, 0, 1200]
    assert whole[2].state is DealState.REFUNDED
    for batch in (1, 2):
        assert list(iter_rows(world.store, today, today, batch=batch)) == whole
