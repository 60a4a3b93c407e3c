"""The customer's payment code at the till: a scanner gun typing into the amount, every
scripted ending of the sandbox, other wallets, a reused code, the password wait and Esc.

The gun is QTest typing the code a few milliseconds a key, then Enter, into the till's
window, on the real sandbox over loopback.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos.checkout import Notice
from pos.clock import BEIJING_DAY
from pos.config import Settings
from pos.reports.day import day_report
from pos.sandbox import DEFAULT_MERCHANT, Ending, Fault, Sandbox, SandboxOptions, example_code
from pos.store import Deal, DealState, PaymentMethod
from pos.ui.app import CashierApp
from pos.ui.manager import DealTableModel
from pos.wechatpay.types import TradeState

#: A gun in keyboard mode: milliseconds between two keys (USB guns: 1–8 ms).
GUN_KEY_MS = 3
#: A person at the keyboard: milliseconds between two keys (a fast typist: ~80 ms or more).
PERSON_KEY_MS = 90


@pytest.fixture
def sandbox_options() -> SandboxOptions:
    # The customer "types the password" 1 s after the scan (10 s by default).
    return SandboxOptions(micropay_password_seconds=1.0)


@pytest.fixture
def quick(till: Till) -> Till:
    """The till with the password wait short and quick, so the tests do not wait 30 s; the
    reverse may follow the scan after 0.5 s (15 s by §3.10)."""
    assert till.app.services is not None
    backend = till.app.services.backend
    backend.config = replace(
        backend.config, password_poll=0.3, password_wait=4.0, reverse_min_age=0.5
    )
    return till


def scan(till: Till, code: str) -> None:
    """What a scanner gun in keyboard mode does: the digits a few ms apart, then Enter."""
    QTest.keyClicks(till.window, code, Qt.KeyboardModifier.NoModifier, GUN_KEY_MS)
    QTest.keyClick(till.window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, GUN_KEY_MS)


def type_amount(till: Till, amount: str) -> None:
    """The clerk types the amount (no Enter), then picks up the gun: a person's pause."""
    till.type(amount)
    till.qtbot.wait(PERSON_KEY_MS)


def charge_code(till: Till, amount: str, code: str) -> Deal:
    """The clerk types the amount, the gun scans; the deal as first stored."""
    type_amount(till, amount)
    with till.qtbot.waitSignal(till.app.session.order_requested, timeout=WAIT_MS) as requested:
        scan(till, code)
    deal = requested.args[0]
    assert isinstance(deal, Deal)
    return deal


def micropays(till: Till) -> list[str]:
    """The out_trade_no of every micropay order the sandbox has."""
    return [order.out_trade_no for order in till.orders() if order.trade_type == "MICROPAY"]


def test_a_scan_charges_the_typed_amount_at_once(quick: Till) -> None:
    till = quick
    watch = till.sandbox.faults.add(Fault(endpoint="micropay", kind="latency", seconds=0.0))
    screen = till.window.customer_screen
    said: list[list[str]] = []
    till.app.counter.announced.connect(said.append)
    with till.qtbot.waitSignal(till.app.session.payment_succeeded, timeout=WAIT_MS) as paid:
        deal = charge_code(till, "25.50", example_code(Ending.PAID))
    # The digits the gun typed never stayed in the amount: 25.50 was charged.
    assert deal.amount_fen == 2550 and deal.method is PaymentMethod.MICROPAY
    assert paid.args[0].out_trade_no == deal.out_trade_no
    assert screen.page == "paid" and screen.isVisible()
    assert "¥ 25.50" in till.window.status_text()
    stored = till.deal(deal.out_trade_no)
    assert stored.state is DealState.PAID and stored.code_masked == "13" + "*" * 16
    assert micropays(till) == [deal.out_trade_no] and watch.used == 1
    # The QR was never asked for.
    assert not [order for order in till.orders() if order.trade_type == "NATIVE"]
    # Said as the QR's payment is, with the payment code's 收款成功 after the amount.
    till.qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert said[0][0] == "微信收款" and said[0][-1] == "收款成功"
    # The transaction-assurance report went out in the background (payitil/report).
    till.qtbot.waitUntil(lambda: bool(till.sandbox.reports), timeout=WAIT_MS)
    (report,) = till.sandbox.reports
    assert report.trades[0]["out_trade_no"] == deal.out_trade_no
    assert report.trades[0]["state"] == "OK"


@pytest.mark.parametrize("ending", [Ending.BANK_ERROR_BUT_PAID, Ending.ERROR_BUT_PAID])
def test_an_error_that_paid_after_all_is_found_paid_by_a_query(quick: Till, ending: Ending) -> None:
    till = quick
    if ending is Ending.ERROR_BUT_PAID:
        till.app.services.backend.config = replace(  # type: ignore[union-attr]
            till.app.services.backend.config,  # type: ignore[union-attr]
            system_error_wait=0.2,
        )
    with till.qtbot.waitSignal(till.app.session.payment_succeeded, timeout=WAIT_MS):
        deal = charge_code(till, "8", example_code(ending))
    assert till.deal(deal.out_trade_no).state is DealState.PAID
    assert micropays(till) == [deal.out_trade_no]  # one micropay, never resent


def test_password_then_paid_shows_the_wait_then_the_paid_screen(quick: Till) -> None:
    till = quick
    screen = till.window.customer_screen
    session = till.app.session
    with till.qtbot.waitSignal(session.password_wait_started, timeout=WAIT_MS):
        deal = charge_code(till, "1200", example_code(Ending.PASSWORD_THEN_PAID))
    assert screen.page == "password" and screen.isVisible()
    assert any("password" in text for text in screen.texts())
    till.qtbot.waitUntil(lambda: "left" in till.window.status_text(), timeout=WAIT_MS)
    assert "password" in till.window.status_text()
    with till.qtbot.waitSignal(session.payment_succeeded, timeout=WAIT_MS):
        pass
    assert screen.page == "paid"
    assert till.deal(deal.out_trade_no).state is DealState.PAID


@pytest.mark.parametrize(
    ("ending", "notice"),
    [(Ending.PASSWORD_THEN_FAILED, Notice.PAYMENT_FAILED), (Ending.PASSWORD_NEVER_ENTERED, None)],
)
def test_a_password_not_paid_frees_the_till_and_is_reversed(
    quick: Till, ending: Ending, notice: Notice | None
) -> None:
    till = quick
    session = till.app.session
    with till.qtbot.waitSignal(session.deal_ended, timeout=WAIT_MS) as ended:
        deal = charge_code(till, "30", example_code(ending))
    assert ended.args[1] is (notice or Notice.PASSWORD_TIMED_OUT)
    assert "revers" in till.window.status_text()
    assert not session.is_busy  # the till is free while the reverse goes on
    with till.qtbot.waitSignal(session.left_deal_settled, timeout=WAIT_MS) as settled:
        pass
    assert settled.args[0].state is DealState.REVERSED
    assert "reversed" in till.window.status_text()
    order = till.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
    assert order.state is TradeState.REVOKED


@pytest.mark.parametrize(
    ("ending", "notice", "words"),
    [
        (Ending.NOT_ENOUGH_MONEY, Notice.CODE_NOT_ENOUGH, "switch cards"),
        (Ending.CODE_EXPIRED, Notice.CODE_EXPIRED, "refresh"),
        (Ending.CARD_NOT_SUPPORTED, Notice.CODE_CARD_NOT_SUPPORTED, "switch cards"),
        (Ending.ERROR_AND_NOTHING, Notice.NOTHING_CHARGED, "nothing was charged"),
    ],
)
def test_a_refusal_is_said_in_the_clerks_words_and_the_amount_stays(
    quick: Till, ending: Ending, notice: Notice, words: str
) -> None:
    till = quick
    till.app.services.backend.config = replace(  # type: ignore[union-attr]
        till.app.services.backend.config,  # type: ignore[union-attr]
        system_error_wait=0.2,
    )
    with till.qtbot.waitSignal(till.app.session.deal_ended, timeout=WAIT_MS) as ended:
        deal = charge_code(till, "19.90", example_code(ending))
    assert ended.args[1] is notice
    assert words in till.window.status_text() and "¥ 19.90" in till.window.status_text()
    assert till.deal(deal.out_trade_no).state is DealState.FAILED
    # For the next try (a refreshed code, another card, or Enter for the QR).
    assert till.window.amount_text == "19.90"
    assert not till.window.customer_screen.isVisible()


@pytest.mark.parametrize(
    "code",
    [
        "283456789012345678",  # Alipay: 25–30 then 14–22 digits
        "6212345678901234567",  # UnionPay: 62, 19 digits
    ],
)
def test_another_wallets_code_is_refused_without_a_call(quick: Till, code: str) -> None:
    till = quick
    # A fault that does nothing but count: how many micropay calls reached the sandbox.
    watch = till.sandbox.faults.add(Fault(endpoint="micropay", kind="latency", seconds=0.0))
    type_amount(till, "5")
    with till.qtbot.assertNotEmitted(till.app.session.order_requested, wait=300):
        scan(till, code)
    assert watch.used == 0
    assert "WeChat Pay only" in till.window.status_text()
    assert till.window.amount_text == "5"
    assert till.orders() == [] and till.sandbox.reports == []
    assert till.store.recent_deals(10) == []  # nothing stored either


def test_a_person_typing_an_amount_then_enter_still_gets_the_qr(quick: Till) -> None:
    till = quick
    # Slowly, as a person types: the digits are the amount, Enter is the QR.
    QTest.keyClicks(till.window, "12.80", Qt.KeyboardModifier.NoModifier, PERSON_KEY_MS)
    QTest.keyClick(till.window, Qt.Key.Key_Return)
    screen = till.window.customer_screen
    till.qtbot.waitUntil(lambda: screen.page == "qr", timeout=WAIT_MS)
    deal = till.app.session.current_deal
    assert deal is not None and deal.amount_fen == 1280 and deal.method is PaymentMethod.NATIVE
    assert micropays(till) == []


def test_a_code_typed_slowly_is_no_scan_but_a_wrong_amount(quick: Till) -> None:
    till = quick
    QTest.keyClicks(till.window, example_code(Ending.PAID)[:12], Qt.KeyboardModifier.NoModifier, 60)
    QTest.keyClick(till.window, Qt.Key.Key_Return)
    till.qtbot.wait(200)
    assert till.window.amount_error.text()  # over the till's limit: a person's amount
    assert till.orders() == []


def test_a_scan_without_an_amount_asks_for_it(quick: Till) -> None:
    till = quick
    with till.qtbot.assertNotEmitted(till.app.session.order_requested, wait=300):
        scan(till, example_code(Ending.PAID))
    assert "amount" in till.window.status_text()
    assert till.window.amount_text == ""
    assert till.orders() == []


def test_a_reused_code_is_refused_by_the_till(quick: Till) -> None:
    till = quick
    code = example_code(Ending.PAID)
    with till.qtbot.waitSignal(till.app.session.payment_succeeded, timeout=WAIT_MS):
        charge_code(till, "3", code)
    till.press(Qt.Key.Key_Return)  # the clerk dismisses the paid screen
    till.qtbot.waitUntil(lambda: till.window.is_input_enabled, timeout=WAIT_MS)
    type_amount(till, "4")
    with till.qtbot.waitSignal(till.app.session.code_refused, timeout=WAIT_MS) as refused:
        scan(till, code)
    assert refused.args[0] is Notice.CODE_REUSED
    assert "used before" in till.window.status_text()
    assert len(micropays(till)) == 1  # the till never sent it again


def test_esc_during_the_password_wait_frees_the_till_and_reverses(quick: Till) -> None:
    till = quick
    session = till.app.session
    with till.qtbot.waitSignal(session.password_wait_started, timeout=WAIT_MS):
        deal = charge_code(till, "66", example_code(Ending.PASSWORD_NEVER_ENTERED))
    with till.qtbot.waitSignal(session.deal_ended, timeout=WAIT_MS) as ended:
        till.press(Qt.Key.Key_Escape)
    assert ended.args[1] is Notice.REVERSE_CANCELLED
    assert not session.is_busy and till.window.is_input_enabled  # free at once
    assert "cancelled" in till.window.status_text()
    with till.qtbot.waitSignal(session.left_deal_settled, timeout=WAIT_MS) as settled:
        pass
    assert settled.args[0].state is DealState.REVERSED
    assert "reversed" in till.window.status_text()
    order = till.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
    assert order.state is TradeState.REVOKED
    # payitil/report: the clerk cancelled (WeChat's spelling).
    till.qtbot.waitUntil(lambda: bool(till.sandbox.reports), timeout=WAIT_MS)
    assert till.sandbox.reports[0].trades[0]["state"] == "CANCLE"


def test_a_code_typed_by_hand_charges_like_a_scan(quick: Till) -> None:
    till = quick
    till.type("7.5")
    till.type("*")
    dialog = till.window.codes.entry
    assert dialog is not None and dialog.isVisible()
    QTest.keyClicks(dialog.field, example_code(Ending.PAID), Qt.KeyboardModifier.NoModifier, 60)
    with till.qtbot.waitSignal(till.app.session.payment_succeeded, timeout=WAIT_MS) as paid:
        QTest.keyClick(dialog.field, Qt.Key.Key_Return)
    assert paid.args[0].amount_fen == 750 and paid.args[0].method is PaymentMethod.MICROPAY


def test_the_till_list_and_the_managers_table_show_the_method(quick: Till) -> None:
    till = quick
    with till.qtbot.waitSignal(till.app.session.payment_succeeded, timeout=WAIT_MS):
        charge_code(till, "2", example_code(Ending.PAID))
    till.press(Qt.Key.Key_Return)
    till.charge("3")
    lines = till.window.recent_list
    till.qtbot.waitUntil(lambda: lines.count() == 2, timeout=WAIT_MS)
    assert "QR" in lines.item(0).text() and "payment code" in lines.item(1).text()

    model = DealTableModel()
    today = BEIJING_DAY.today()
    model.set_rows(list(day_report(till.store, today).rows))
    column = DealTableModel.HEADERS.index("Method")
    methods = {model.data(model.index(row, column)) for row in range(model.rowCount())}
    assert methods == {"QR", "payment code"}


def test_a_merchant_without_the_api_certificate_takes_no_payment_code(
    qtbot: QtBot, sandbox: Sandbox, tmp_path: Path
) -> None:
    server = sandbox.serve()
    settings = Settings(
        merchant=DEFAULT_MERCHANT,  # no certificate: no reverse, so no payment codes (§3.10)
        api_base_url=server.url,
        notify_url="http://127.0.0.1:9/wechatpay/notify",
        data_dir=tmp_path,
        till_id="T1",
    )
    app = CashierApp(settings, with_sound=False, client_timeout=2.0)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.session.is_ready, timeout=WAIT_MS)
        till = Till(app, sandbox, qtbot)
        assert "certificate" in app.window.codes.button.toolTip()
        type_amount(till, "5")
        with qtbot.assertNotEmitted(app.session.order_requested, wait=300):
            scan(till, example_code(Ending.PAID))
        assert "Payment codes are off" in app.window.status_text()
        assert till.orders() == []
        assert app.window.codes.open_entry() is None  # no field to type one either
        # The QR still works.
        till.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.session.current_deal is not None, timeout=WAIT_MS)
    finally:
        app.shutdown()
        server.stop(1.0)


def test_trouble_during_the_password_wait_stays_said_over_the_countdown(quick: Till) -> None:
    till = quick
    session = till.app.session
    backend = till.app.services.backend  # type: ignore[union-attr]
    backend.config = replace(backend.config, password_wait=20.0)
    with till.qtbot.waitSignal(session.password_wait_started, timeout=WAIT_MS):
        charge_code(till, "42", example_code(Ending.PASSWORD_NEVER_ENTERED))
    # WeChat Pay does not answer the queries: the clerk must see it.
    till.sandbox.faults.add(Fault(endpoint="orderquery", kind="http_500"))
    till.qtbot.waitUntil(lambda: "still checking" in till.window.status_text(), timeout=WAIT_MS)
    till.qtbot.wait(600)  # two ticks of the countdown
    assert "still checking" in till.window.status_text()
    assert till.window.customer_screen.page == "password"
    till.sandbox.faults.clear()
