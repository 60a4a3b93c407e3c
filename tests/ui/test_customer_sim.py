"""The 模拟顾客 window: a newcomer on the sandbox pays, gives up, or keeps the order waiting."""

from __future__ import annotations

from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.sandbox import DEFAULT_MERCHANT, Ending
from pos.store import DealState, PaymentMethod
from pos.ui.cashier import CashierWindow
from pos.ui.customer_sim import CustomerSimWindow
from pos.ui.ops import Ops
from pos.ui.session import PaymentSession
from pos.ui.workers import Workers
from pos.wechatpay.types import TradeState


def _open_sim(till: Till) -> CustomerSimWindow:
    till.press(Qt.Key.Key_F9)
    till.qtbot.waitUntil(lambda: till.app.customer_sim is not None, timeout=WAIT_MS)
    window = till.app.customer_sim
    assert isinstance(window, CustomerSimWindow)
    till.qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    return window


def test_f9_opens_the_window_which_pays_the_order_on_the_till(till: Till) -> None:
    sim = _open_sim(till)
    assert not sim.pay_button.isEnabled()  # nothing to pay yet
    deal = till.charge("12.34")
    till.qtbot.waitUntil(lambda: sim.deal is not None, timeout=WAIT_MS)
    assert sim.amount_label.text() == "¥12.34"
    assert deal.out_trade_no in sim.order_label.text()
    assert "/sandbox/pay?code_url=" in sim.link_label.text()

    # The customer opens the password sheet: WeChat still says NOTPAY, the till waits on.
    with till.qtbot.waitSignal(sim.scan_answered, timeout=WAIT_MS) as answered:
        till.qtbot.mouseClick(sim.wait_button, Qt.MouseButton.LeftButton)
    assert answered.args[1]["result"] == "waiting"
    order = till.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
    assert order.state is TradeState.NOTPAY and order.scanned_at is not None
    assert till.deal(deal.out_trade_no).state is DealState.ORDERED
    assert sim.pay_button.isEnabled()

    with till.qtbot.waitSignal(till.app.session.payment_succeeded, timeout=WAIT_MS):
        till.qtbot.mouseClick(sim.pay_button, Qt.MouseButton.LeftButton)
    assert till.deal(deal.out_trade_no).state is DealState.PAID
    till.qtbot.waitUntil(lambda: not sim.pay_button.isEnabled(), timeout=WAIT_MS)

    # F9 again brings the same window forward rather than a second one.
    till.press(Qt.Key.Key_F9)
    assert till.app.customer_sim is sim


def test_giving_up_leaves_the_till_waiting_and_the_order_unpaid(till: Till) -> None:
    deal = till.charge("3.00")
    sim = _open_sim(till)
    assert sim.deal is not None and sim.deal.out_trade_no == deal.out_trade_no
    with till.qtbot.waitSignal(sim.scan_answered, timeout=WAIT_MS) as answered:
        till.qtbot.mouseClick(sim.cancel_button, Qt.MouseButton.LeftButton)
    assert answered.args[1]["result"] == "cancelled"
    assert "gave up" in sim.result_label.text()
    order = till.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
    assert order.state is TradeState.NOTPAY
    assert till.app.session.current_deal is not None


def test_an_order_the_clerk_cancels_can_no_longer_be_paid_from_the_window(till: Till) -> None:
    till.charge("4.00")
    sim = _open_sim(till)
    with till.qtbot.waitSignal(till.app.session.deal_ended, timeout=WAIT_MS):
        till.press(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: not sim.pay_button.isEnabled(), timeout=WAIT_MS)
    assert "cancelled this order" in sim.result_label.text()


def test_a_till_with_a_merchant_has_no_customer_window(qtbot: QtBot) -> None:
    workers = Workers()
    window = CashierWindow(PaymentSession(Ops(workers)), max_amount_fen=100_000, is_sandbox=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.customer_sim_button.isVisible()
    with qtbot.assertNotEmitted(window.customer_sim_requested):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    workers.shutdown()


def test_the_simulated_payment_code_is_scanned_into_the_till(till: Till) -> None:
    """模拟顾客付款码: a valid code for the chosen ending, scanned into the typed amount."""
    sim = _open_sim(till)
    codes = sim.codes
    codes.choose(Ending.NOT_ENOUGH_MONEY)
    code = codes.code_line.text()
    assert len(code) == 18 and code.startswith("13") and code.endswith("04")
    assert "NOTENOUGH" in codes.what_label.text()
    till.window.set_amount_text("9.90")
    with till.qtbot.waitSignal(till.app.session.deal_ended, timeout=WAIT_MS):
        till.qtbot.mouseClick(codes.scan_button, Qt.MouseButton.LeftButton)
    assert codes.code_line.text() != code  # a code pays once: the next one is fresh
    assert "switch cards" in till.window.status_text()

    codes.choose(Ending.PAID)
    with till.qtbot.waitSignal(till.app.session.payment_succeeded, timeout=WAIT_MS) as paid:
        till.qtbot.mouseClick(codes.scan_button, Qt.MouseButton.LeftButton)
    assert paid.args[0].amount_fen == 990 and paid.args[0].method is PaymentMethod.MICROPAY
