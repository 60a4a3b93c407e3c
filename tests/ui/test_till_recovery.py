"""Start-up recovery never keeps the till closed: Esc opens it at once, a short budget opens it by
itself, and the unfinished deals go on being settled in the background while the next customer
pays. The real window on the real sandbox and relay, over loopback, with WeChat Pay holding
the calls open (the sandbox's ``hang`` fault)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.sandbox import Fault, Sandbox
from pos.store import Deal, DealState, Store
from pos.ui.app import CashierApp


def _line_of(till: Till, out_trade_no: str) -> str:
    listing = till.window.recent_list
    for row in range(listing.count()):
        item = listing.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == out_trade_no:
            return item.text()
    return ""


def _leave_a_deal_with_its_qr_up(qtbot: QtBot, settings: Settings, sandbox: Sandbox) -> Deal:
    """An earlier run of the till went away while the customer had the QR: the order exists
    at WeChat Pay, the deal is stored ORDERED."""
    first = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=2.0)
    first.start()
    try:
        qtbot.waitUntil(lambda: first.session.is_ready, timeout=WAIT_MS)
        first.window.set_amount_text("14.20")
        first.window.charge()
        qtbot.waitUntil(lambda: first.window.customer_screen.page == "qr", timeout=WAIT_MS)
        deal = first.session.current_deal
        assert deal is not None and deal.code_url
    finally:
        first.shutdown()
    return deal


def _store_unfinished_deals(settings: Settings, count: int) -> list[str]:
    """Deals an earlier run stored CREATED before its unifiedorder went out (none was made)."""
    store = Store.open(settings.database_path)
    try:
        now = datetime.now(UTC).replace(microsecond=0)
        numbers = []
        for index in range(count):
            number = store.new_out_trade_no(settings.till_id, now)
            store.create_deal(
                out_trade_no=number,
                amount_fen=100 + index,
                product="咖啡",
                till_id=settings.till_id,
                time_start=now,
                time_expire=now + timedelta(minutes=6),
                sign_type="MD5",
                now=now,
            )
            numbers.append(number)
    finally:
        store.close()
    return numbers


StartTill = Callable[..., Till]


@pytest.fixture
def client_timeout() -> float:
    """For the ``till`` fixture: calls held far longer than the test."""
    return 60.0


@pytest.fixture
def start_till(qtbot: QtBot, settings: Settings, sandbox: Sandbox) -> Iterator[StartTill]:
    """Start the cashier as `pos` does (not waiting for recovery); shut down after the test."""
    started: list[CashierApp] = []

    def start(*, client_timeout: float, recovery_budget: float) -> Till:
        app = CashierApp(
            settings,
            sandbox=sandbox,
            with_sound=False,
            client_timeout=client_timeout,
            recovery_budget=recovery_budget,
        )
        started.append(app)
        app.start()
        return Till(app, sandbox, qtbot)

    try:
        yield start
    finally:
        sandbox.faults.clear()  # lets go of the calls still held, so nothing waits for them
        for app in started:
            app.shutdown()


def test_esc_opens_the_till_at_once_while_the_startup_query_hangs(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox, start_till: StartTill
) -> None:
    deal = _leave_a_deal_with_its_qr_up(qtbot, settings, sandbox)
    number = deal.out_trade_no
    assert deal.code_url and sandbox.customer_scan(deal.code_url, "pay")["result"] == "paid"
    hang = sandbox.faults.add(Fault(endpoint="orderquery", kind="hang"))

    # A budget far away: only Esc can open the till before WeChat Pay answers.
    till: Till = start_till(client_timeout=30.0, recovery_budget=600.0)
    session, window = till.app.session, till.window
    qtbot.waitUntil(lambda: hang.used >= 1, timeout=WAIT_MS)  # the start-up query is held
    assert not session.is_ready and not window.charge_button.isEnabled()
    assert "Esc" in window.status_text()

    till.press(Qt.Key.Key_Escape)
    # Open as the key is handled, while the query is still held (nothing answered it yet).
    assert session.is_ready and window.charge_button.isEnabled()
    assert session.recovery_pending == 1
    assert till.deal(number).state is DealState.ORDERED
    assert "background" in window.status_text()
    qtbot.waitUntil(lambda: "result pending" in _line_of(till, number), timeout=WAIT_MS)

    # The next customer is charged meanwhile (unifiedorder answers, orderquery still hangs).
    second = till.charge("5.00")
    assert till.deal(number).state is DealState.ORDERED

    # WeChat Pay answers again: the deal paid while the till was away is settled as a late
    # payment, and the clerk sees the banner.
    sandbox.faults.clear()
    settled = till.wait_state(number, DealState.PAID)
    assert settled.is_late
    qtbot.waitUntil(lambda: window.late_banner.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: session.recovery_pending == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "paid (late)" in _line_of(till, number), timeout=WAIT_MS)
    assert session.current_deal is not None
    assert session.current_deal.out_trade_no == second.out_trade_no  # the sale on screen goes on
    till.assert_one_order_per_deal()


def test_the_till_opens_by_itself_after_the_budget_and_the_deal_settles_later(
    qtbot: QtBot,
    settings: Settings,
    sandbox: Sandbox,
    start_till: StartTill,
    caplog: pytest.LogCaptureFixture,
) -> None:
    deal = _leave_a_deal_with_its_qr_up(qtbot, settings, sandbox)
    number = deal.out_trade_no
    hang = sandbox.faults.add(Fault(endpoint="orderquery", kind="hang"))

    # The budget (1 s) ends before the held call's own timeout (2 s).
    with caplog.at_level(logging.INFO, logger="pos.wechatpay.client"):
        till: Till = start_till(client_timeout=2.0, recovery_budget=1.0)
        session, window = till.app.session, till.window
        qtbot.waitUntil(lambda: session.is_ready, timeout=WAIT_MS)  # no key pressed
        assert session.recovery_pending == 1
        assert till.deal(number).state is DealState.ORDERED
        assert window.charge_button.isEnabled()
        assert "still being checked" in window.status_text()
        qtbot.waitUntil(lambda: "result pending" in _line_of(till, number), timeout=WAIT_MS)

        # In the background the held call gives up after one attempt (its thread is free
        # again) and the checkout asks again later, still held.
        qtbot.waitUntil(lambda: hang.used >= 2, timeout=WAIT_MS)
    gave_up = [
        record.args
        for record in caplog.records
        if isinstance(record.args, tuple)
        and record.args[:2] == ("pay/orderquery", number)
        and record.args[2] != "ok"
    ]
    assert gave_up and all(args[3] == 1 for args in gave_up)  # attempts=1
    assert till.deal(number).state is DealState.ORDERED

    # Lifted: the unpaid order is closed, and the list says so.
    sandbox.faults.clear()
    till.wait_state(number, DealState.CLOSED)
    qtbot.waitUntil(lambda: session.recovery_pending == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "not paid" in _line_of(till, number), timeout=WAIT_MS)
    till.assert_one_order_per_deal()


def test_a_new_charge_gets_its_qr_while_many_old_deals_hang_in_the_background(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox, start_till: StartTill
) -> None:
    numbers = _store_unfinished_deals(settings, 5)
    queries = sandbox.faults.add(Fault(endpoint="orderquery", kind="hang"))
    sandbox.faults.add(Fault(endpoint="closeorder", kind="hang"))

    # Calls held far longer than the test: only threads of its own let the sale through.
    till: Till = start_till(client_timeout=60.0, recovery_budget=600.0)
    session = till.app.session
    qtbot.waitUntil(lambda: queries.used >= 2, timeout=WAIT_MS)
    till.press(Qt.Key.Key_Escape)
    assert session.is_ready and session.recovery_pending == 5

    new = till.charge("8.80")  # unifiedorder answers; the QR is up
    assert new.out_trade_no not in numbers
    for number in numbers:
        qtbot.waitUntil(lambda n=number: "result pending" in _line_of(till, n), timeout=WAIT_MS)
        assert till.deal(number).state is DealState.CREATED

    # WeChat Pay is back: no order was ever made for the old deals, so they end FAILED.
    sandbox.faults.clear()
    for number in numbers:
        till.wait_state(number, DealState.FAILED)
    qtbot.waitUntil(lambda: session.recovery_pending == 0, timeout=WAIT_MS)


def test_a_new_charge_gets_its_qr_while_the_sales_given_up_on_still_hang(till: Till) -> None:
    # Each sale's orderquery is held (60 s); the clerk gives up on it (Esc) and charges the next.
    hang = till.sandbox.faults.add(Fault(endpoint="orderquery", kind="hang"))
    session = till.app.session
    left = []
    for index, amount in enumerate(("1.00", "2.00", "3.00")):
        deal = till.charge(amount)
        # Held: this sale's poll, and each earlier sale's poll and its query in the background.
        till.qtbot.waitUntil(lambda index=index: hang.used >= 2 * index + 1, timeout=WAIT_MS)
        till.press(Qt.Key.Key_Escape)
        assert not session.is_busy
        left.append(deal.out_trade_no)
    deal = till.charge("4.00")  # its unifiedorder did not wait for the five held calls
    assert deal.out_trade_no not in left
    till.sandbox.faults.clear()
    for number in left:
        till.wait_state(number, DealState.CLOSED)
