"""Cash sales and cash refunds: change due, bad input refused, paid at once, never at WeChat."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers.fakes import FakeClock, FakeWeChatPay
from helpers.shop import qr_deal

from pos.checkout import change_due, refund_cash, sell_for_cash
from pos.clock import BEIJING_DAY
from pos.counter.receipt import PaymentSlip, layout_text, payment_receipt
from pos.errors import AmountError, RefundLimitError, StoreError
from pos.refunds import Refunder
from pos.reports.day import day_report
from pos.reports.export import export
from pos.store import DealState, PaymentMethod, RefundState, Stamp, Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "till.sqlite3")
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("amount", "received", "change"),
    [(2550, 3000, 450), (2550, 2550, 0), (1, 10_000, 9_999), (99_999, 100_000, 1)],
)
def test_the_change_is_what_was_received_less_the_amount(
    amount: int, received: int, change: int
) -> None:
    assert change_due(amount, received) == change


@pytest.mark.parametrize(
    ("amount", "received", "code"),
    [
        (2550, 2549, "not_enough"),
        (2550, 0, "not_enough"),
        (2550, -3000, "negative"),
        (-2550, 3000, "negative"),
        (0, 3000, "zero"),
    ],
)
def test_bad_sums_are_refused_with_their_reason(amount: int, received: int, code: str) -> None:
    with pytest.raises(AmountError) as refused:
        change_due(amount, received)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("amount", "received"), [(25.5, 3000), (2550, 30.0), (2550, True), ("2550", 3000)]
)
def test_floats_and_other_non_fen_are_refused(amount: object, received: object) -> None:
    with pytest.raises(TypeError, match="int number of fen"):
        change_due(amount, received)  # type: ignore[arg-type]


def test_a_refused_cash_sale_stores_nothing(store: Store) -> None:
    clock = FakeClock()
    for amount, received in ((2550, 2000), (2550, -1), (25.5, 3000)):
        with pytest.raises((AmountError, TypeError)):
            sell_for_cash(
                store,
                amount_fen=amount,
                received_fen=received,
                till_id="T1",
                clock=clock,  # type: ignore[arg-type]
            )
    assert store.recent_deals(10) == []


def test_a_cash_sale_is_paid_at_once_with_its_change_and_stamp(store: Store) -> None:
    clock = FakeClock()
    stamp = Stamp()  # a till without clerks; stamped sales are in tests/unit/shop
    sale = sell_for_cash(
        store, amount_fen=2550, received_fen=5000, till_id="T1", clock=clock, stamp=stamp
    )
    assert (sale.received_fen, sale.change_fen) == (5000, 2450)
    deal = store.get_deal(sale.deal.out_trade_no)
    assert deal == sale.deal and deal is not None
    assert deal.state is DealState.PAID and deal.method is PaymentMethod.CASH
    assert (deal.amount_fen, deal.cash_received_fen, deal.change_fen) == (2550, 5000, 2450)
    assert deal.transaction_id is None  # WeChat Pay never had it
    assert deal.paid_at == clock() and deal.product == "现金收款"
    assert deal.out_trade_no.startswith("T1")  # the till's own numbers: the slip finds it
    assert [(e.from_state, e.to_state, e.reason) for e in store.events(deal.out_trade_no)] == [
        (None, DealState.CREATED, "created"),
        (DealState.CREATED, DealState.PAID, "cash received"),
    ]
    assert store.unfinished_deals() == []  # nothing for start-up recovery to ask WeChat


def test_a_cash_sale_never_moves_like_a_wechat_deal(store: Store) -> None:
    clock = FakeClock()
    deal = sell_for_cash(store, amount_fen=1000, received_fen=1000, till_id="T1", clock=clock).deal
    # A notification with this number (forged, or a bug) cannot give it a transaction.
    with pytest.raises(StoreError, match="cash sale"):
        store.transition(
            deal.out_trade_no, DealState.PAID, reason="notified", now=clock(), transaction_id="42"
        )
    with pytest.raises(StoreError, match="cash sale"):
        store.transition(deal.out_trade_no, DealState.CLOSED, reason="closed", now=clock())
    with pytest.raises(ValueError, match="record_cash_sale"):
        store.create_deal(
            out_trade_no="T1CASH000001",
            amount_fen=1000,
            product="x",
            till_id="T1",
            time_start=clock(),
            time_expire=clock() + timedelta(minutes=5),
            sign_type="MD5",
            now=clock(),
            method=PaymentMethod.CASH,
        )
    # WeChat refunds are refused before any call: it is refunded from the drawer.
    with pytest.raises(RefundLimitError, match="drawer"):
        Refunder(store, FakeWeChatPay(clock=clock), clock=clock).refund(deal.out_trade_no, 100, "")
    with pytest.raises(RefundLimitError, match="drawer"):
        store.create_refund(deal.out_trade_no, "R0000001", 100, "", clock())
    assert store.refunds_for(deal.out_trade_no) == []


def test_a_cash_refund_comes_from_the_drawer(store: Store) -> None:
    clock = FakeClock()
    deal = sell_for_cash(store, amount_fen=3000, received_fen=5000, till_id="T1", clock=clock).deal
    number = deal.out_trade_no
    first = refund_cash(store, number, 1000, "少给一杯", clock=clock)
    assert first.state is RefundState.SUCCESS and first.out_refund_no == f"{number}C01"
    assert first.success_time == clock()
    stored = store.get_deal(number)
    assert stored is not None and stored.state is DealState.PARTIALLY_REFUNDED
    with pytest.raises(RefundLimitError, match="2000 fen left"):
        refund_cash(store, number, 2001, "", clock=clock)
    second = refund_cash(store, number, 2000, "", clock=clock)
    assert second.out_refund_no == f"{number}C02"
    stored = store.get_deal(number)
    assert stored is not None and stored.state is DealState.REFUNDED
    with pytest.raises(RefundLimitError, match="not paid"):
        refund_cash(store, number, 1, "", clock=clock)
    for bad in (0, -5):
        with pytest.raises(AmountError):
            refund_cash(store, number, bad, "", clock=clock)
    with pytest.raises(TypeError):
        refund_cash(store, number, 1.0, "", clock=clock)  # type: ignore[arg-type]


def test_a_wechat_deal_is_not_refunded_from_the_drawer(store: Store) -> None:
    clock = FakeClock()
    deal = qr_deal(store, clock, 1800)
    with pytest.raises(RefundLimitError, match="WeChat Pay"):
        refund_cash(store, deal.out_trade_no, 100, "", clock=clock)


def test_cash_counts_in_the_day_and_the_export_marks_it(store: Store, tmp_path: Path) -> None:
    clock = FakeClock()
    qr_deal(store, clock, 1800)
    cash = sell_for_cash(
        store, amount_fen=2550, received_fen=3000, till_id="T1", clock=clock, product="蛋糕"
    ).deal
    refund_cash(store, cash.out_trade_no, 550, "", clock=clock)
    day = BEIJING_DAY.of(clock())
    report = day_report(store, day)
    assert (report.totals.count, report.totals.gross_fen, report.totals.refunded_fen) == (
        2,
        1800 + 2550,
        550,
    )
    by_method = report.by_method
    assert (by_method[PaymentMethod.CASH].gross_fen, by_method[PaymentMethod.CASH].net_fen) == (
        2550,
        2000,
    )
    assert by_method[PaymentMethod.NATIVE].gross_fen == 1800
    assert by_method[PaymentMethod.MICROPAY].count == 0
    # The chart: both payments in the hour they were paid.
    assert sum(report.hourly_fen) == 1800 + 2550
    assert report.hourly_fen[BEIJING_DAY.local(cash.created_at).hour] >= 2550
    output = tmp_path / "day.csv"
    export(store, day, day, "csv", output)
    with output.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][-1] == "支付方式"
    rows = {line[1]: line for line in lines[1:-2]}
    assert rows["蛋糕"][-1] == "现金" and rows["蛋糕"][5] == ""  # no WeChat transaction
    assert rows["蛋糕"][6:8] == ["5.50", "20.00"]
    assert rows["拿铁"][-1] == "扫码"


def test_the_customers_slip_of_a_cash_sale_says_cash(store: Store) -> None:
    sale = sell_for_cash(store, amount_fen=2550, received_fen=3000, till_id="T1", clock=FakeClock())
    slip = PaymentSlip(
        shop="示例商店",
        till_id="T1",
        time=sale.deal.created_at,
        product=sale.deal.product,
        amount_fen=sale.deal.amount_fen,
        out_trade_no=sale.deal.out_trade_no,
        method=sale.deal.method.value,
    )
    lines = layout_text(payment_receipt(slip))
    assert any("支付方式" in line and "现金" in line for line in lines)
    assert not any("微信支付单号" in line for line in lines)
