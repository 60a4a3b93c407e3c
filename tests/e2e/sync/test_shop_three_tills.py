"""A shop of three tills and its server, end to end: two headless tills (the core objects of
pos/services.py, no Qt) and the till's window (pytest-qt), clerks logged in and selling by QR
through the sandbox and for cash; the server (a ``pos relay`` process, on PostgreSQL when
POS_TEST_PG_URL names one) killed and restarted mid-day; one till offline for 100 deals.

Checks: the server's day is exactly the union of the tills' deals; ``pos export --shop`` is
the same file from every till; the shop-wide reconciliation is clean against the sandbox's
bill; each shift's handover totals are its deals'; the manager's shop day (the window's) has
the server's totals, and this till's alone under 仅本机数据 while the server is down.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from helpers.shop_process import ShopServer
from helpers.shop_server import BACKENDS, fresh_database
from helpers.till import WAIT_MS, ever
from helpers.till import Till as WindowTill
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.checkout import (
    CheckoutClient,
    CheckoutConfig,
    CheckoutSession,
    refund_cash,
    sell_for_cash,
)
from pos.checkout.messages import ShowQr
from pos.clock import utc_now
from pos.commands import run_export, run_reconcile
from pos.config import Settings
from pos.errors import ShopServerUnreachable
from pos.relay.paths import PAYMENT_NOTIFY, relay_url
from pos.reports.reconcile import EXIT_DIFFERENCES, fetch_bill
from pos.reports.shop import fetch_shop_day
from pos.reports.shop_reconcile import reconcile_shop, shop_deals_for
from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions
from pos.services import merchant_client, open_till_store
from pos.shop import Action, Desk, ShiftSummary
from pos.store import DealState, PaymentMethod, Role, Store
from pos.sync import Outbox, ShopServerClient, Syncer
from pos.ui.app import CashierApp
from pos.wechatpay.client import WeChatPayClient

pytestmark = pytest.mark.slow

TOKENS = {
    name: f"{name.lower()}-secret-0123456789abcdef" for name in ("POS-01", "POS-02", "POS-03")
}
MANAGER_PIN, CLERK_PIN, NEXT_CLERK_PIN = "135790", "2468", "8642"
FLOAT_FEN = 20_000


def till_settings(name: str, folder: Path, server: ShopServer, sandbox_url: str) -> Settings:
    """A till of the shop: the merchant (the sandbox's), the shop server and its token."""
    return Settings(
        data_dir=folder / name,
        till_id=name,
        merchant=DEFAULT_MERCHANT,
        api_base_url=sandbox_url,
        relay_url=server.url,
        till_token=TOKENS[name],
        checkout_timeout_seconds=60,
        poll_interval_seconds=0.3,
    )


@dataclass
class HeadlessTill:
    """A till without a window: the store and the client from pos.services, a Desk, a Syncer."""

    name: str
    settings: Settings
    sandbox: Sandbox
    store: Store
    wechat: WeChatPayClient
    desk: Desk
    syncer: Syncer
    shifts: list[ShiftSummary] = field(default_factory=list)

    @classmethod
    def open(cls, settings: Settings, sandbox: Sandbox) -> HeadlessTill:
        store = open_till_store(settings)
        wechat = merchant_client(settings)
        syncer = Syncer(
            Outbox(store, till=settings.till_id, mch_id=DEFAULT_MERCHANT.mch_id),
            ShopServerClient(str(settings.relay_url), str(settings.till_token)),
        )
        desk = Desk(store, till_id=settings.till_id, business_day=settings.business_day)
        return cls(settings.till_id, settings, sandbox, store, wechat, desk, syncer)

    def close(self) -> None:
        self.syncer.client.close()
        self.wechat.close()
        self.store.close()

    def log_in(self, number: int, pin: str) -> None:
        self.desk.login(number, pin)
        if self.desk.needs_shift():
            self.desk.open_shift(FLOAT_FEN)

    def sell_qr(self, amount_fen: int) -> None:
        """A QR deal the customer pays at the sandbox, run by a real checkout session."""
        client = CheckoutClient(
            self.wechat, notify_url=relay_url(str(self.settings.relay_url), PAYMENT_NOTIFY)
        )
        session = CheckoutSession.begin(
            store=self.store,
            client=client,
            amount_fen=amount_fen,
            product="拿铁",
            till_id=self.name,
            sign_type="MD5",
            config=CheckoutConfig(timeout=30.0, poll_interval=0.05),
            clock=utc_now,
            stamp=self.desk.stamp(),
        )

        def on_command(command: object) -> None:
            if isinstance(command, ShowQr):
                assert self.sandbox.customer_scan(command.code_url, "pay")["result"] == "paid"

        deal = session.run(sleep=time.sleep, on_command=on_command)
        assert deal.state is DealState.PAID, deal.state

    def sell_cash(self, amount_fen: int) -> str:
        sale = sell_for_cash(
            self.store,
            amount_fen=amount_fen,
            received_fen=amount_fen + 500,
            till_id=self.name,
            clock=utc_now,
            stamp=self.desk.stamp(),
        )
        assert sale.change_fen == 500
        return sale.deal.out_trade_no

    def refund_cash(self, out_trade_no: str, fen: int) -> None:
        """A manager approves the refund at the clerk's till; the clerk stays logged in."""
        assert not self.desk.may(Action.REFUND)
        self.desk.approve(Action.REFUND, MANAGER_PIN)
        refund_cash(self.store, out_trade_no, fen, "退货", clock=utc_now, stamp=self.desk.stamp())

    def sell_some(self, count: int, start: int = 0) -> None:
        for n in range(start, start + count):
            if n % 3 == 2:
                number = self.sell_cash(300 + n)
                if n % 9 == 8:
                    self.refund_cash(number, 100)
            else:
                self.sell_qr(500 + n)

    def hand_over(self, *, short_fen: int = 0) -> ShiftSummary:
        """交班 with the drawer ``short_fen`` short; the handover goes to the shop server."""
        counted = self.desk.expected_cash() - short_fen
        summary = self.desk.handover(counted, note="少了" if short_fen else "")
        self.syncer.outbox.add_record(summary.KIND, summary.key, summary.to_payload())
        self.shifts.append(summary)
        return summary

    def expected(self, day: date) -> dict[str, tuple[object, ...]]:
        return expected_of_store(self.name, self.store, self.settings, day)


def expected_of_store(
    name: str, store: Store, settings: Settings, day: date
) -> dict[str, tuple[object, ...]]:
    """A till's deals of ``day`` as the shop server must have them."""
    found = {}
    for deal in store.deals_between(*settings.business_day.bounds(day)):
        refunded = sum(
            r.refund_fee for r in store.refunds_for(deal.out_trade_no) if r.state.value == "SUCCESS"
        )
        found[deal.out_trade_no] = (name, deal.amount_fen, deal.state, refunded)
    return found


def shift_figures(store: Store, shift_id: int) -> dict[PaymentMethod, tuple[int, int, int, int]]:
    """A shift's deals and refunds counted straight from the store, per method."""
    figures: dict[PaymentMethod, list[int]] = {}
    for deal in store.deals_between(*ever()):
        if deal.shift_id == shift_id and deal.state.is_paid:
            row = figures.setdefault(deal.method, [0, 0, 0, 0])
            row[0] += 1
            row[1] += deal.amount_fen
            for refund in store.refunds_for(deal.out_trade_no):
                if refund.state.value == "SUCCESS":
                    row[2] += 1
                    row[3] += refund.refund_fee
    return {method: (a, b, c, d) for method, (a, b, c, d) in figures.items()}


@pytest.fixture(params=BACKENDS[-1:])  # PostgreSQL when the machine has it
def shop(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ShopServer]:
    with fresh_database(request.param, tmp_path) as url:
        server = ShopServer(url, tmp_path, TOKENS)
        server.start()
        yield server
        server.kill()


@pytest.fixture
def sandbox() -> Iterator[tuple[Sandbox, str]]:
    """WeChat Pay for the whole shop (today's bill served, as for a newcomer), and its URL."""
    shared = Sandbox([DEFAULT_MERCHANT], options=SandboxOptions(bill_allow_today=True))
    served = shared.serve()
    yield shared, served.url
    served.stop()


def test_a_shop_of_three_tills_is_one_day(
    qtbot: QtBot, shop: ShopServer, sandbox: tuple[Sandbox, str], tmp_path: Path
) -> None:
    sandbox, sandbox_url = sandbox
    one = HeadlessTill.open(till_settings("POS-01", tmp_path, shop, sandbox_url), sandbox)
    two = HeadlessTill.open(till_settings("POS-02", tmp_path, shop, sandbox_url), sandbox)
    window_settings = till_settings("POS-03", tmp_path, shop, sandbox_url)
    app = CashierApp(window_settings, with_sound=False, client_timeout=2.0)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.session.is_ready, timeout=WAIT_MS)
        assert app.shop_sync is not None  # the window runs its Syncer in the background
        three = WindowTill(app, sandbox, qtbot)
        _run_the_day(one, two, three, app, shop, tmp_path)
    finally:
        app.shutdown()
        one.close()
        two.close()


def _window_sells(three: WindowTill, amounts: list[str]) -> None:
    for amount in amounts:
        deal = three.charge(amount)
        three.pay(deal)
        three.wait_state(deal.out_trade_no, DealState.PAID)
        screen = three.window.customer_screen
        three.qtbot.waitUntil(lambda s=screen: s.page == "paid", timeout=WAIT_MS)
        three.press(Qt.Key.Key_Return)  # the clerk takes the paid screen away: the next sale
        three.qtbot.waitUntil(lambda: three.window.amount_text == "", timeout=WAIT_MS)


def _window_synced(three: WindowTill) -> None:
    store = three.store
    three.qtbot.waitUntil(lambda: store.outbox_backlog() == 0, timeout=30_000)


def _run_the_day(
    one: HeadlessTill,
    two: HeadlessTill,
    three: WindowTill,
    app: CashierApp,
    shop: ShopServer,
    tmp_path: Path,
) -> None:
    day = one.settings.business_day.today()
    # Clerks: the first account is the manager; each headless till has a clerk on shift.
    for till in (one, two):
        manager = till.desk.accounts.add("店长", MANAGER_PIN)
        assert manager.role is Role.MANAGER
        clerk = till.desk.accounts.add("小王", CLERK_PIN, Role.CLERK)
        till.desk.accounts.add("小李", NEXT_CLERK_PIN, Role.CLERK)
        till.log_in(clerk.number, CLERK_PIN)

    one.sell_some(12)
    two.sell_some(12)
    _window_sells(three, ["12.00", "8.50"])
    for till in (one, two):
        till.syncer.push_all()
    _window_synced(three)

    # The server dies mid-day: every till sells on; the window's shop day is its own only.
    shop.kill()
    one.sell_some(6, 12)
    two.sell_some(6, 12)
    _window_sells(three, ["3.30"])
    for till in (one, two):
        with pytest.raises(ShopServerUnreachable):
            till.syncer.push_once()
    local = fetch_shop_day(app.shop_sync.client, three.store, day, till="POS-03")
    assert local.is_local_only and {row.till for row in local.rows} == {"POS-03"}
    # Till one's first clerk hands over (short of 2 yuan) to the next, who opens a shift.
    first = one.hand_over(short_fen=200)
    assert first.difference_fen == -200 and first.note == "少了"
    next_clerk = next(a for a in one.desk.accounts.listed() if a.name == "小李")
    one.desk.logout()
    one.log_in(next_clerk.number, NEXT_CLERK_PIN)
    shop.start()
    for till in (one, two):
        till.syncer.push_all()
        assert till.store.outbox_backlog() == 0
    _window_synced(three)

    # Till two is offline (its network is down) for 100 deals while the others go on.
    two.sell_some(100, 18)
    one.sell_some(6, 18)
    one.syncer.push_all()
    assert len(one.syncer.client.day(day)) < sum(len(t.expected(day)) for t in (one, two)) + len(
        expected_of_store("POS-03", three.store, app.settings, day)
    )
    result = two.syncer.push_all()
    assert result.deals >= 100 and two.store.outbox_backlog() == 0
    for till in (one, two):
        till.hand_over()
        till.syncer.push_all()
    _window_synced(three)

    # The server's day is exactly the union of the three tills' deals.
    expected = {
        **one.expected(day),
        **two.expected(day),
        **expected_of_store("POS-03", three.store, app.settings, day),
    }
    assert len(expected) == 12 + 6 + 6 + 12 + 6 + 100 + 3
    for till in (one, two):
        got = {
            d.out_trade_no: (d.till, d.amount_fen, d.state, d.refunded_fen)
            for d in till.syncer.client.day(day)
        }
        assert got == expected

    # The window's shop day (the manager's view) has the server's totals, not its own.
    shop_day = fetch_shop_day(app.shop_sync.client, three.store, day, till="POS-03")
    assert not shop_day.is_local_only and len(shop_day.rows) == len(expected)
    assert set(shop_day.totals_by("till")) == {"POS-01", "POS-02", "POS-03"}
    assert {"1 店长", "2 小王", "3 小李"} >= set(shop_day.totals_by("clerk")) - {""}
    assert set(shop_day.totals_by("method")) == {PaymentMethod.NATIVE, PaymentMethod.CASH}

    # `pos export --shop` is the same file from every till.
    files = []
    for name, settings in (
        ("POS-01", one.settings),
        ("POS-02", two.settings),
        ("POS-03", app.settings),
    ):
        output = tmp_path / f"shop-{name}.csv"
        assert run_export(settings, day, day, "csv", output, shop=True) == 0
        files.append(output.read_bytes())
    assert files[0] == files[1] == files[2]
    assert files[0].count(b"\n") == len(expected) + 3  # header, blank row, totals

    # Reconciliation shop-wide is clean against the sandbox's bill of the day.
    report = reconcile_shop(
        fetch_bill(one.wechat, day), shop_deals_for(one.syncer.client, day), day
    )
    assert report.is_clean, report.lines()
    assert report.matched_payments == report.wechat_rows > 0
    assert report.local_paid_fen == report.wechat_paid_fen > 0
    # `pos reconcile --shop` says so from any till; one till alone would not be clean.
    for settings in (one.settings, app.settings):
        assert run_reconcile(settings, day, tmp_path / "differences.csv", shop=True) == 0
    assert run_reconcile(one.settings, day, tmp_path / "till-only.csv") == EXIT_DIFFERENCES

    # Each shift's handover totals are its deals', method by method; the server has them.
    for till in (one, two):
        for summary in till.shifts:
            shift = next(
                s for s in till.store.shifts_between(*ever()) if s.shift_no == summary.shift_no
            )
            counted = {
                t.method: (t.count, t.takings_fen, t.refund_count, t.refunds_fen)
                for t in summary.totals
                if not t.is_empty
            }
            assert counted == shift_figures(till.store, shift.id)
    handed = one.syncer.client.records(ShiftSummary.KIND, day)
    assert sorted(r.key for r in handed) == sorted(
        s.shift_no for till in (one, two) for s in till.shifts
    )
