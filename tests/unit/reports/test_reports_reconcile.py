"""Reconciliation against the sandbox's bill over HTTP, with every kind of difference planted."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.deals import add_deal, mark_paid
from helpers.manager_world import NOWHERE, World, open_world

from pos.checkout import refund_cash, sell_for_cash
from pos.cli import main
from pos.clock import utc_now
from pos.commands import run_reconcile
from pos.config import Settings
from pos.errors import Cancelled
from pos.refunds import Refunder
from pos.reports.progress import Watch
from pos.reports.reconcile import (
    EXIT_DIFFERENCES,
    EXIT_MATCH,
    EXIT_NO_BILL,
    BillNotReady,
    Kind,
    ReconcileReport,
    reconcile_day,
)
from pos.sandbox import DEFAULT_MERCHANT, SandboxOptions
from pos.store import DealState, RefundState
from pos.wechatpay.types import BEIJING, RefundStatus

MCH = DEFAULT_MERCHANT.mch_id


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with open_world(tmp_path) as made:
        yield made


def settled_refund(world: World, out_trade_no: str, fen: int, reason: str = "退货") -> str:
    refunder = Refunder(world.store, world.client)
    progress = refunder.refund(out_trade_no, fen, reason)
    final = refunder.follow(progress.refund.out_refund_no, interval=0.05, timeout=10)
    assert final.refund.state is RefundState.SUCCESS
    return progress.refund.out_refund_no


def today() -> date:
    return datetime.now(BEIJING).date()


def settings_for(world: World, tmp_path: Path) -> Settings:
    return Settings(
        merchant=DEFAULT_MERCHANT,
        api_base_url=world.server.url,
        data_dir=tmp_path,
        database_path=tmp_path / "pos.sqlite3",
    )


def test_a_clean_day_matches_and_exits_0(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latte = world.paid_deal(2550, "拿铁咖啡")
    world.paid_deal(1800, "芝士蛋糕")
    world.unpaid_deal(500)  # never paid: in neither side's money
    settled_refund(world, latte.out_trade_no, 550)
    report = reconcile_day(world.store, world.client, today())
    assert report.is_clean, report.lines()
    assert (report.matched_payments, report.matched_refunds) == (2, 1)
    assert (report.wechat_paid_fen, report.local_paid_fen) == (4350, 4350)
    assert (report.wechat_refunded_fen, report.local_refunded_fen) == (550, 550)
    assert run_reconcile(settings_for(world, tmp_path), today(), None) == EXIT_MATCH
    assert "all 2 payments and 1 refunds match" in capsys.readouterr().out


def test_cash_sales_and_their_refunds_stay_out_of_the_reconciliation(world: World) -> None:
    # WeChat's bill never has them: they must not show as "paid here, missing there".
    latte = world.paid_deal(2550, "拿铁咖啡")
    cash = sell_for_cash(
        world.store, amount_fen=1800, received_fen=2000, till_id="T1", clock=utc_now
    ).deal
    refund_cash(world.store, cash.out_trade_no, 800, "退一半", clock=utc_now)
    settled_refund(world, latte.out_trade_no, 550)
    report = reconcile_day(world.store, world.client, today())
    assert report.is_clean, report.lines()
    assert (report.matched_payments, report.matched_refunds) == (1, 1)
    assert (report.local_paid_fen, report.local_refunded_fen) == (2550, 550)


def plant_every_difference(world: World) -> dict[Kind, tuple[str, str]]:
    """One difference of each kind; returns kind -> (out_trade_no, out_refund_no)."""
    planted: dict[Kind, tuple[str, str]] = {}
    world.paid_deal(1000, "正常的")  # and one that matches

    # Paid at WeChat, unknown here: an order the store never had (another till, a bug...).
    now = datetime.now(UTC)
    prepay = world.client.unified_order(
        out_trade_no="STRANGER0001",
        total_fee=777,
        body="陌生订单",
        notify_url=NOWHERE,
        spbill_create_ip="127.0.0.1",
        time_start=now,
        time_expire=now + timedelta(minutes=10),
    )
    assert world.sandbox.customer_scan(prepay.code_url, "pay")["result"] == "paid"
    planted[Kind.PAID_THERE_UNKNOWN_HERE] = ("STRANGER0001", "")

    # Paid at WeChat, not paid here: the customer paid, the till never recorded it.
    lost = world.unpaid_deal(1500, "丢失的付款")
    assert lost.code_url is not None
    assert world.sandbox.customer_scan(lost.code_url, "pay")["result"] == "paid"
    planted[Kind.PAID_THERE_UNPAID_HERE] = (lost.out_trade_no, "")

    # Paid here, missing at WeChat: the store tampered with (PAID without any order).
    ghost = add_deal(world.store, now, amount_fen=2000, product="幽灵", till_id="T1").out_trade_no
    mark_paid(world.store, ghost, now, "4200000000000000000000000666", reason="tampered")
    planted[Kind.PAID_HERE_MISSING_THERE] = (ghost, "")

    # Amount differs: WeChat's ledger says the order was 12.34, the till says 12.00.
    odd = world.paid_deal(1200, "金额不符")
    world.sandbox.ledger.order(MCH, odd.out_trade_no).total_fee = 1234
    planted[Kind.AMOUNT_MISMATCH] = (odd.out_trade_no, "")

    # State differs: WeChat reversed the payment (REVOKED), the till counts it paid.
    revoked = world.paid_deal(900, "已撤销")
    world.sandbox.ledger.order(MCH, revoked.out_trade_no).revoked_at = datetime.now(BEIJING)
    planted[Kind.STATE_MISMATCH] = (revoked.out_trade_no, "")

    # Refund differs: settled here; WeChat's ledger tampered to another amount and status.
    refunded = world.paid_deal(3000, "退款不符")
    number = settled_refund(world, refunded.out_trade_no, 1000)
    at_wechat = world.sandbox.ledger.refund(MCH, number)
    at_wechat.refund_fee = 1100
    at_wechat.status = RefundStatus.REFUNDCLOSE
    planted[Kind.REFUND_MISMATCH] = (refunded.out_trade_no, number)

    # Refund at WeChat, unknown here: refunded behind the till's back (merchant platform).
    behind = world.paid_deal(800, "后台退款")
    world.client.refund(
        out_refund_no="BEHINDBACK01",
        total_fee=800,
        refund_fee=300,
        out_trade_no=behind.out_trade_no,
    )
    planted[Kind.REFUND_UNKNOWN_HERE] = (behind.out_trade_no, "BEHINDBACK01")

    # Refund here, missing at WeChat: the store says accepted, WeChat never saw it.
    missing = world.paid_deal(600, "未到微信的退款")
    world.store.create_refund(missing.out_trade_no, "NEVERSENT001", 600, "x", now)
    world.store.update_refund(
        "NEVERSENT001",
        state=RefundState.PROCESSING,
        now=now,
        refund_id="50300000000000000000000000001",
    )
    planted[Kind.REFUND_MISSING_THERE] = (missing.out_trade_no, "NEVERSENT001")
    return planted


def test_every_kind_of_difference_is_found(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = plant_every_difference(world)
    report: ReconcileReport = reconcile_day(world.store, world.client, today())
    assert not report.is_clean
    found = {(d.kind, d.out_trade_no, d.out_refund_no) for d in report.differences}
    assert found == {(kind, number, refund) for kind, (number, refund) in planted.items()}
    assert report.matched_payments == 4  # 正常的, 退款不符, 后台退款, 未到微信的退款
    amount = report.of_kind(Kind.AMOUNT_MISMATCH)[0]
    assert (amount.local_fen, amount.wechat_fen) == (1200, 1234)
    state = report.of_kind(Kind.STATE_MISMATCH)[0]
    assert (state.local_state, state.wechat_state) == ("PAID", "REVOKED")
    refund = report.of_kind(Kind.REFUND_MISMATCH)[0]
    assert (refund.local_fen, refund.wechat_fen) == (1000, 1100)
    assert "SUCCESS here, REFUNDCLOSE at WeChat" in refund.detail
    unpaid = report.of_kind(Kind.PAID_THERE_UNPAID_HERE)[0]
    assert unpaid.local_state == "ORDERED"

    # Shown: one line per difference; exported: CSV with the same rows.
    text = report.lines()
    assert len(text) == 1 + len(planted)
    out = io.StringIO()
    report.write_csv(out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][0] == "kind" and len(rows) == 1 + len(planted)
    assert {row[0] for row in rows[1:]} == {kind.value for kind in planted}

    # The command: exit 3, the differences printed, or written as CSV (BOM) with --output.
    settings = settings_for(world, tmp_path)
    assert run_reconcile(settings, today(), None) == EXIT_DIFFERENCES
    printed = capsys.readouterr().out
    assert "paid at WeChat, unknown here: STRANGER0001" in printed
    report_file = tmp_path / "report.csv"
    assert run_reconcile(settings, today(), report_file) == EXIT_DIFFERENCES
    assert report_file.read_bytes().startswith(b"\xef\xbb\xbf")
    with report_file.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + len(planted)


def test_the_pos_reconcile_command_exit_codes(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (
        ("WECHATPAY_APPID", DEFAULT_MERCHANT.appid),
        ("WECHATPAY_MCH_ID", DEFAULT_MERCHANT.mch_id),
        ("WECHATPAY_API_KEY", DEFAULT_MERCHANT.api_key),
        ("WECHATPAY_API_BASE_URL", world.server.url),
        ("POS_DATABASE", str(tmp_path / "pos.sqlite3")),
    ):
        monkeypatch.setenv(name, value)
    day = today().isoformat()
    world.paid_deal(1000)
    assert main(["reconcile", "--date", day]) == EXIT_MATCH
    world.sandbox.ledger.order(
        MCH,
        world.store.deals_between(
            datetime.now(UTC) - timedelta(hours=1), datetime.now(UTC) + timedelta(hours=1)
        )[0].out_trade_no,
    ).total_fee = 1001
    assert main(["reconcile", "--date", day]) == EXIT_DIFFERENCES
    # Tomorrow's bill does not exist yet ("Bill Creating"): exit 4.
    tomorrow = (today() + timedelta(days=1)).isoformat()
    assert main(["reconcile", "--date", tomorrow]) == EXIT_NO_BILL


def test_no_bill_with_nothing_paid_is_clean_but_a_paid_deal_is_not(tmp_path: Path) -> None:
    with open_world(tmp_path, SandboxOptions(bill_allow_today=True)) as world:
        world.unpaid_deal(100)
        report = reconcile_day(world.store, world.client, today())
        assert report.is_clean and not report.has_bill
        assert "No Bill Exist" in " ".join(report.lines())
        # Paid here (store tampered), and WeChat has no bill at all: a difference.
        now = datetime.now(UTC)
        add_deal(world.store, now, out_trade_no="NOBILL0001", amount_fen=100, till_id="T1")
        mark_paid(world.store, "NOBILL0001", now, "4200000000000000000000000777", reason="tampered")
        report = reconcile_day(world.store, world.client, today())
        assert [(d.kind, d.out_trade_no) for d in report.differences] == [
            (Kind.PAID_HERE_MISSING_THERE, "NOBILL0001")
        ]
        assert report.exit_code == EXIT_DIFFERENCES


def test_a_bill_processing_snapshot_agrees_with_a_later_success(world: World) -> None:
    deal = world.paid_deal(2000)
    number = settled_refund(world, deal.out_trade_no, 2000)
    # The bill's refund status is a snapshot (§3.8): PROCESSING there, SUCCESS here since.
    world.sandbox.ledger.refund(MCH, number).status = RefundStatus.PROCESSING
    report = reconcile_day(world.store, world.client, today())
    assert report.is_clean, report.lines()


def test_a_refund_of_an_old_deal_is_still_a_local_refund_of_its_day(tmp_path: Path) -> None:
    """Refunds of D are read by their own creation time, so a refund of a deal paid months
    earlier (§3.5 allows a year) that WeChat never listed is still reported."""
    from pos.reports.reconcile import reconcile
    from pos.store import Store

    day = date(2026, 11, 24)
    refunded_at = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 11:00 Beijing, on D
    paid_at = refunded_at - timedelta(days=120)
    store = Store.open(tmp_path / "pos.sqlite3")
    try:
        deal = add_deal(
            store, paid_at, out_trade_no="POS01OLD000001", amount_fen=3000, product="旧订单"
        )
        mark_paid(store, deal.out_trade_no, paid_at, "4200000000OLD")
        store.create_refund(deal.out_trade_no, "ROLD1", 1000, "退货", refunded_at)
        store.update_refund("ROLD1", state=RefundState.PROCESSING, now=refunded_at)
        report = reconcile(store, None, day)
    finally:
        store.close()
    kinds = [(d.kind, d.out_refund_no) for d in report.differences]
    assert kinds == [(Kind.REFUND_MISSING_THERE, "ROLD1")]


def test_a_bill_not_made_yet_says_when_it_will_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real merchant's bill of today: WeChat answers "Bill Creating" until tomorrow (§3.8).
    with open_world(tmp_path, SandboxOptions(bill_allow_today=False)) as world:
        world.paid_deal(1000)
        with pytest.raises(BillNotReady) as caught:
            reconcile_day(world.store, world.client, today())
        ready = caught.value.ready_at
        assert caught.value.day == today()
        assert (ready.date(), ready.hour, ready.minute) == (today() + timedelta(days=1), 10, 0)
        assert ready.utcoffset() == timedelta(hours=8)  # Beijing time
        assert "Bill Creating" not in str(caught.value)
        for name, value in (
            ("WECHATPAY_APPID", DEFAULT_MERCHANT.appid),
            ("WECHATPAY_MCH_ID", DEFAULT_MERCHANT.mch_id),
            ("WECHATPAY_API_KEY", DEFAULT_MERCHANT.api_key),
            ("WECHATPAY_API_BASE_URL", world.server.url),
            ("POS_DATABASE", str(tmp_path / "pos.sqlite3")),
        ):
            monkeypatch.setenv(name, value)
        assert main(["reconcile", "--date", today().isoformat()]) == EXIT_NO_BILL
    err = capsys.readouterr().err
    assert f"reconcile after {ready:%Y-%m-%d} 10:00 (Beijing time)" in err


def test_a_cancelled_reconciliation_stops(tmp_path: Path) -> None:
    with open_world(tmp_path) as world:
        world.paid_deal(1000)
        seen: list[int] = []
        watch = Watch(seen.append)
        report = reconcile_day(world.store, world.client, today(), watch=watch)
        assert report.is_clean and seen[0] == 0 and seen[-1] == 1000
        watch.cancel()
        with pytest.raises(Cancelled):
            reconcile_day(world.store, world.client, today(), watch=watch)


def test_the_report_file_is_private_and_dash_is_standard_output(
    world: World,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    world.paid_deal(1000)
    world.sandbox.ledger.order(
        MCH,
        world.store.deals_between(
            datetime.now(UTC) - timedelta(hours=1), datetime.now(UTC) + timedelta(hours=1)
        )[0].out_trade_no,
    ).total_fee = 1001
    settings = settings_for(world, tmp_path)
    report_file = tmp_path / "report.csv"
    previous = os.umask(0o022)
    try:
        assert run_reconcile(settings, today(), report_file) == EXIT_DIFFERENCES
    finally:
        os.umask(previous)
    assert stat.S_IMODE(report_file.stat().st_mode) == 0o600
    capsysbinary.readouterr()

    assert run_reconcile(settings, today(), Path("-")) == EXIT_DIFFERENCES
    captured = capsysbinary.readouterr()
    assert captured.out == report_file.read_bytes()  # the CSV alone, the summary on stderr
    assert b"1 difference(s)" in captured.err
    assert not Path("-").exists()


def test_payment_code_orders_are_in_the_bill_and_a_reversed_one_is_not_missing(
    world: World,
) -> None:
    paid = world.code_deal(1880)
    reversed_ = world.code_deal(990, cancel=True)
    world.paid_deal(2550)
    assert paid.state is DealState.PAID and reversed_.state is DealState.REVERSED
    order = world.sandbox.ledger.order(MCH, reversed_.out_trade_no)
    assert order.state.value == "REVOKED" and order.time_end is not None  # paid, then given back
    report = reconcile_day(world.store, world.client, today())
    assert report.is_clean, report.lines()
    # Both payment-code orders are rows of the bill; the reversed one is not money taken.
    assert report.wechat_rows == 3 and report.matched_payments == 3
    assert report.wechat_paid_fen == report.local_paid_fen == 1880 + 2550


def test_a_deal_paid_here_by_payment_code_that_wechat_reversed_is_a_difference(
    world: World,
) -> None:
    paid = world.code_deal(1880)
    world.client.reverse(out_trade_no=paid.out_trade_no)  # behind the till's back
    report = reconcile_day(world.store, world.client, today())
    (difference,) = report.differences
    assert difference.kind is Kind.STATE_MISMATCH
    assert (difference.local_state, difference.wechat_state) == ("PAID", "REVOKED")
