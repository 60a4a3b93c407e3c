"""The till with clerks: the login, the float, the lock, approvals, a cash sale, the handover."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.clerks import (
    CLERK_PIN,
    MANAGER_PIN,
    deal_mch,
    hand_over,
    log_in,
    make_accounts,
    sell_cash,
)
from helpers.till import WAIT_MS, Till, ever
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.pin import hash_pin
from pos.sandbox import Sandbox
from pos.store import DealState, PaymentMethod
from pos.ui.app import CashierApp
from pos.ui.approval import ApprovalDialog
from pos.ui.cash import CashSaleDialog
from pos.ui.manager import ManagerWindow
from pos.ui.manager.accounts import AccountsDialog
from pos.ui.shift import DayCloseDialog, HandoverDialog


class Ticking:
    """A monotonic clock the test moves by hand (the idle lock's)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticking() -> Ticking:
    return Ticking()


@pytest.fixture
def clerks_till(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox, client_timeout: float, ticking: Ticking
) -> Iterator[Till]:
    """A till with two accounts, started and showing its login."""
    make_accounts(settings)
    app = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=client_timeout)
    app.desk._monotonic = ticking
    app.start()
    try:
        qtbot.waitUntil(lambda: app.session.is_ready, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: app.desk.login.isVisible(), timeout=WAIT_MS)
        yield Till(app, sandbox, qtbot)
    finally:
        app.shutdown()


def test_a_till_without_accounts_opens_straight_to_the_till(till: Till) -> None:
    till.qtbot.waitUntil(lambda: till.app.desk.desk is not None, timeout=WAIT_MS)
    assert not till.app.desk.login.isVisible()
    assert not till.app.desk.has_accounts
    assert not till.app.desk.lock_button.isVisible()


def test_the_old_manager_pin_becomes_the_first_manager(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox, client_timeout: float
) -> None:
    settings = replace(settings, manager_pin_hash=hash_pin("9753"))
    app = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=client_timeout)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.desk.login.isVisible(), timeout=WAIT_MS)
        listed = [app.desk.login.account_list.item(i).text() for i in range(1)]
        assert "店长" in listed[0] and listed[0].startswith("1")
        till = Till(app, sandbox, qtbot)
        log_in(till, "1", "9753")
        assert app.desk.clerk is not None and app.desk.clerk.is_manager
    finally:
        app.shutdown()


def test_login_opens_a_shift_with_the_float_and_stamps_the_deals(clerks_till: Till) -> None:
    till = clerks_till
    log_in(till, "2", CLERK_PIN, float_yuan="150.50")
    shift = till.store.open_shift_on("T1")
    assert shift is not None and shift.float_fen == 15050
    clerk = till.app.desk.clerk
    assert clerk is not None and clerk.name == "小李" and shift.clerk_id == clerk.id
    assert "小李" in till.app.desk.clerk_label.text()

    deal = till.charge("12.30")
    assert (deal.clerk_id, deal.shift_id) == (clerk.id, shift.id)


def test_a_wrong_pin_is_refused_and_the_till_stays_covered(clerks_till: Till) -> None:
    till = clerks_till
    login = till.app.desk.login
    log_in(till, "2", "0000", float_yuan=None)
    till.qtbot.waitUntil(lambda: "tries left" in login.message.text(), timeout=WAIT_MS)
    assert login.isVisible() and login.page == "login"
    assert till.app.desk.clerk is None
    # The till's keys do nothing behind the login.
    till.qtbot.keyClicks(login, "5")
    till.press(Qt.Key.Key_Return)
    assert till.app.session.current_deal is None


def test_the_till_locks_when_idle_and_on_a_key(clerks_till: Till, ticking: Ticking) -> None:
    till = clerks_till
    log_in(till, "2", CLERK_PIN)
    desk, login = till.app.desk, till.app.desk.login
    ticking.now += 4 * 60
    desk.check_idle()
    assert not login.isVisible()

    ticking.now += 61  # five minutes without a key, the default
    desk.check_idle()
    assert login.isVisible() and login.page == "unlock" and desk.is_locked
    till.qtbot.keyClicks(login.unlock_edit, CLERK_PIN)
    till.qtbot.keyClick(login.unlock_edit, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: not login.isVisible(), timeout=WAIT_MS)
    assert not desk.is_locked

    till.qtbot.keyClick(till.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert login.isVisible() and login.page == "unlock"
    # Locked: the sale refuses to go unstamped even if asked for behind the screen.
    till.window.set_amount_text("5")
    till.app.session.charge(500, "咖啡")
    till.qtbot.waitUntil(lambda: not till.app.session.is_busy, timeout=WAIT_MS)
    assert till.store.deals_between(*ever()) == []


def test_a_cash_sale_shows_the_change_and_is_stamped_cash(clerks_till: Till) -> None:
    till = clerks_till
    log_in(till, "2", CLERK_PIN)
    till.type("25.5")
    till.qtbot.keyClick(till.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = till.app.desk.dialog
    assert isinstance(dialog, CashSaleDialog)
    assert dialog.amount_edit.text() == "25.5"
    till.qtbot.keyClicks(dialog.received_edit, "100")
    assert dialog.change_label.text() == "¥ 74.50"
    till.qtbot.keyClick(dialog.received_edit, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.sale is not None, timeout=WAIT_MS)

    [deal] = till.store.deals_between(*ever())
    assert deal.method is PaymentMethod.CASH and deal.state is DealState.PAID
    assert (deal.amount_fen, deal.cash_received_fen, deal.change_fen) == (2550, 10000, 7450)
    assert deal.clerk_id == till.app.desk.clerk.id  # type: ignore[union-attr]
    assert till.sandbox.ledger.orders(deal_mch()) == []  # WeChat Pay never heard of it
    assert dialog.change_label.text() == "¥ 74.50"
    assert till.window.amount_text == ""
    till.qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_a_handover_with_a_cash_difference(clerks_till: Till, settings: Settings) -> None:
    till = clerks_till
    log_in(till, "2", CLERK_PIN, float_yuan="200")
    sell_cash(till, "25.50", "30")
    deal = till.charge("8")
    till.pay(deal)
    till.wait_state(deal.out_trade_no, "PAID")
    till.qtbot.waitUntil(lambda: not till.app.session.is_busy, timeout=WAIT_MS)
    till.press(Qt.Key.Key_Return)  # the paid screen

    till.qtbot.keyClick(till.window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    till.qtbot.waitUntil(lambda: isinstance(till.app.desk.dialog, HandoverDialog), timeout=WAIT_MS)
    dialog = till.app.desk.dialog
    assert isinstance(dialog, HandoverDialog)
    assert dialog.expected_label.text() == "¥ 225.50"  # float 200 + cash 25.50
    cells = {
        dialog.findChild(type(dialog.expected_label), f"cell_{row}_{col}").text()  # type: ignore[union-attr]
        for row in (1, 3)
        for col in (1, 2)
    }
    assert {"1", "¥ 8.00", "¥ 25.50"} <= cells  # one QR deal of 8, one cash sale of 25.50
    till.qtbot.keyClicks(dialog.counted_edit, "220")
    assert dialog.difference_label.text() == "-¥ 5.50 (short)"
    till.qtbot.keyClick(dialog.counted_edit, Qt.Key.Key_Return)
    dialog.note_edit.setText("少了5.5元")  # (QTest types Latin-1 only)
    till.qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.is_done, timeout=WAIT_MS)

    assert till.store.open_shift_on("T1") is None
    [shift] = till.store.shifts_between(*ever())
    assert (shift.counted_fen, shift.expected_fen, shift.note) == (22000, 22550, "少了5.5元")
    summary = json.loads(shift.summary or "{}")
    assert summary["difference_fen"] == -550
    pdfs = list(Path(settings.data_dir, "slips").glob("handover-*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    assert not dialog.slip.image_label.pixmap().isNull()

    till.qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    login = till.app.desk.login
    till.qtbot.waitUntil(lambda: login.isVisible() and login.page == "login", timeout=WAIT_MS)
    # The next clerk opens a new shift.
    log_in(till, "1", MANAGER_PIN, float_yuan="100")
    opened = till.store.open_shift_on("T1")
    assert opened is not None and opened.id != shift.id and opened.float_fen == 10000


def test_a_manager_approves_one_action_at_a_clerks_till(clerks_till: Till) -> None:
    till = clerks_till
    log_in(till, "2", CLERK_PIN)
    clerk = till.app.desk.clerk
    till.window.products_requested.emit()
    dialog = till.app.desk.dialog
    assert isinstance(dialog, ApprovalDialog)
    assert dialog.refusal.text() == "Editing the products needs a manager."
    assert till.window.product_dialog is None

    till.qtbot.keyClicks(dialog.pin_edit, CLERK_PIN)  # a clerk's PIN approves nothing
    till.qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: "tries left" in dialog.message.text(), timeout=WAIT_MS)
    assert till.window.product_dialog is None

    till.qtbot.keyClicks(dialog.pin_edit, MANAGER_PIN)
    till.qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.product_dialog is not None, timeout=WAIT_MS)
    assert till.app.desk.clerk == clerk  # the clerk stays logged in
    [approval] = [a for a in till.store.actions_between(*ever()) if a.kind == "approval"]
    assert (approval.clerk_name, approval.approver_name) == ("小李", "王店长")
    assert json.loads(approval.detail) == {"action": "products"}


def test_a_refund_is_refused_to_a_clerk(clerks_till: Till) -> None:
    till = clerks_till
    log_in(till, "2", CLERK_PIN)
    sell_cash(till, "10", "10")
    till.press(Qt.Key.Key_F11)
    approval = till.app.desk.dialog
    assert isinstance(approval, ApprovalDialog)
    assert approval.refusal.text() == "The manager's view needs a manager."
    till.qtbot.keyClicks(approval.pin_edit, MANAGER_PIN)
    till.qtbot.keyClick(approval.pin_edit, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.app._manager_window is not None, timeout=WAIT_MS)
    view = till.app._manager_window
    till.qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT_MS)  # type: ignore[union-attr]
    view.table.selectRow(0)  # type: ignore[union-attr]

    assert view.open_refund() is None  # type: ignore[union-attr]
    refusal = till.app.desk.dialog
    assert isinstance(refusal, ApprovalDialog)
    assert refusal.refusal.text() == "A refund needs a manager."
    refusal.reject()
    assert view.refund_dialog is None  # type: ignore[union-attr]

    # The lock closes the manager's view.
    till.app.desk.lock()
    till.qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT_MS)  # type: ignore[union-attr]


def test_a_managers_own_login_opens_the_view_without_a_pin(clerks_till: Till) -> None:
    till = clerks_till
    log_in(till, "1", MANAGER_PIN)
    till.press(Qt.Key.Key_F11)
    till.qtbot.waitUntil(lambda: till.app._manager_window is not None, timeout=WAIT_MS)
    assert till.app.desk.dialog is None
    view = till.app._manager_window
    till.qtbot.keyClick(view, Qt.Key.Key_Escape)  # type: ignore[arg-type]
    till.qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT_MS)  # type: ignore[union-attr]


def test_a_manager_adds_and_deactivates_clerks_in_the_view(clerks_till: Till) -> None:
    till = clerks_till
    log_in(till, "1", MANAGER_PIN)
    till.press(Qt.Key.Key_F11)
    till.qtbot.waitUntil(lambda: till.app._manager_window is not None, timeout=WAIT_MS)
    view = till.app._manager_window
    assert isinstance(view, ManagerWindow) and view.accounts_button.isVisible()
    view.accounts_button.click()
    dialog = view.accounts_dialog
    assert isinstance(dialog, AccountsDialog)
    till.qtbot.waitUntil(lambda: len(dialog.listed) == 2, timeout=WAIT_MS)

    dialog.name_edit.setText("小王")
    dialog.pin_edit.setText("12")  # too short: the core refuses it, in its words
    dialog.add_button.click()
    till.qtbot.waitUntil(lambda: "4 to 6 digits" in dialog.message.text(), timeout=WAIT_MS)
    dialog.name_edit.setText("小王")
    dialog.pin_edit.setText("4321")
    dialog.add_button.click()
    till.qtbot.waitUntil(lambda: len(dialog.listed) == 3, timeout=WAIT_MS)
    added = dialog.listed[2]
    assert (added.number, added.name, added.is_manager) == (3, "小王", False)

    dialog.account_list.setCurrentRow(1)  # 小李
    dialog.toggle_button.click()
    till.qtbot.waitUntil(lambda: not dialog.listed[1].is_active, timeout=WAIT_MS)
    assert [a.name for a in till.store.accounts()] == ["王店长", "小王"]


def test_the_day_close_sums_the_shifts_of_the_day(clerks_till: Till, settings: Settings) -> None:
    till = clerks_till
    log_in(till, "2", CLERK_PIN, float_yuan="100")
    sell_cash(till, "12", "20")
    hand_over(till, "112")
    login = till.app.desk.login

    log_in(till, "1", MANAGER_PIN, float_yuan=None)
    till.qtbot.waitUntil(lambda: login.page == "float", timeout=WAIT_MS)
    assert login.day_close_button.isVisible()  # a manager closes the day without a shift
    till.qtbot.keyClick(login.float_edit, Qt.Key.Key_F4)
    till.qtbot.waitUntil(lambda: isinstance(till.app.desk.dialog, DayCloseDialog), timeout=WAIT_MS)
    assert till.store.open_shift_on("T1") is None
    kept = till.store.day_close(settings.business_day.today())
    assert kept is not None
    summary = json.loads(kept.summary)
    [shift] = summary["shifts"]
    assert (shift["clerk_name"], shift["counted_fen"]) == ("小李", 11200)
    assert shift["difference_fen"] == 0
    cash = next(t for t in summary["totals"] if t["method"] == "cash")
    assert (cash["count"], cash["takings_fen"]) == (1, 1200)
    assert list(Path(settings.data_dir, "slips").glob("day-close-*.pdf"))


def test_a_manager_refunds_a_cash_sale_from_the_drawer(clerks_till: Till) -> None:
    till = clerks_till
    log_in(till, "1", MANAGER_PIN)
    sell_cash(till, "30", "50")
    till.press(Qt.Key.Key_F11)
    till.qtbot.waitUntil(lambda: till.app._manager_window is not None, timeout=WAIT_MS)
    view = till.app._manager_window
    assert isinstance(view, ManagerWindow)
    till.qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT_MS)
    view.table.selectRow(0)
    dialog = view.open_refund()
    assert dialog is not None
    dialog.amount_edit.setText("10")
    dialog.reason_edit.setText("cup broken")
    assert dialog.ask_confirmation()
    dialog.confirm()
    till.qtbot.waitUntil(lambda: dialog.progress is not None, timeout=WAIT_MS)
    [deal] = till.store.deals_between(*ever())
    [refund] = till.store.refunds_for(deal.out_trade_no)
    assert (refund.refund_fee, refund.state.value) == (1000, "SUCCESS")
    assert refund.out_refund_no == f"{deal.out_trade_no}C01"
    assert deal.state is DealState.PARTIALLY_REFUNDED
    assert till.sandbox.ledger.orders(deal_mch()) == []  # WeChat Pay never heard of either


def test_an_idle_managers_view_closes_on_a_till_without_accounts(
    till: Till, ticking: Ticking
) -> None:
    from pos.shop import IdleLock
    from pos.ui.manager import PinDialog

    till.qtbot.waitUntil(lambda: till.app.desk.idle is not None, timeout=WAIT_MS)
    till.app.desk.idle = IdleLock(5, monotonic=ticking)
    till.app.open_manager()
    pin = till.app._manager_dialog
    assert isinstance(pin, PinDialog) and pin.is_setting
    pin.pin_edit.setText("2468")
    pin.again_edit.setText("2468")
    pin.submit()
    till.qtbot.waitUntil(lambda: pin.manager_window is not None, timeout=WAIT_MS)
    view = pin.manager_window
    assert view is not None and till.app._manager_window is view
    ticking.now += 4 * 60
    till.app.desk.check_idle()
    assert view.isVisible()
    ticking.now += 61
    till.app.desk.check_idle()
    till.qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT_MS)


def test_a_manager_closes_the_shift_a_clerk_left_open(clerks_till: Till) -> None:
    till = clerks_till
    login = till.app.desk.login
    log_in(till, "2", CLERK_PIN, float_yuan="50")
    sell_cash(till, "5", "5")
    till.app.desk.switch_clerk()  # 小李 leaves without handing over
    till.qtbot.waitUntil(lambda: login.isVisible() and login.page == "login", timeout=WAIT_MS)
    log_in(till, "2", "0000", float_yuan=None)  # nobody else but a manager gets in meanwhile
    till.qtbot.waitUntil(lambda: "tries left" in login.message.text(), timeout=WAIT_MS)

    log_in(till, "1", MANAGER_PIN)  # over 小李's shift: no float asked
    assert till.store.open_shift_on("T1") is not None
    till.app.desk.handover()
    till.qtbot.waitUntil(lambda: isinstance(till.app.desk.dialog, HandoverDialog), timeout=WAIT_MS)
    dialog = till.app.desk.dialog
    assert isinstance(dialog, HandoverDialog)
    assert "小李" in dialog.heading.text()
    assert dialog.expected_label.text() == "¥ 55.00"
    dialog.counted_edit.setText("55")
    dialog.confirm()
    till.qtbot.waitUntil(lambda: dialog.is_done, timeout=WAIT_MS)
    [shift] = till.store.shifts_between(*ever())
    summary = json.loads(shift.summary or "{}")
    assert (summary["clerk_name"], summary["closed_by_name"]) == ("小李", "王店长")


def test_a_till_shut_down_leaves_no_filter_on_the_application(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox
) -> None:
    # The till's idle watch sits on the whole application; a till gone must take it away,
    # or every event of every later window goes through it (and a scanner gun's keys slow).
    app = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=2.0)
    app.start()
    qtbot.waitUntil(lambda: app.session.is_ready, timeout=10_000)
    seen: list[int] = []
    app.desk._touch = lambda: seen.append(1)  # type: ignore[method-assign]
    QTest.keyClick(app.window, Qt.Key.Key_5)
    assert seen  # the watch sees the keys while the till runs
    app.shutdown()
    seen.clear()
    QTest.keyClick(app.window, Qt.Key.Key_5)
    assert seen == []
