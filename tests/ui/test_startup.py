"""Start-up: unfinished deals are reconciled before the till takes a charge; languages."""

from __future__ import annotations

import pytest
from helpers.till import WAIT_MS, ever
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.sandbox import Sandbox
from pos.store import DealState
from pos.ui.app import CashierApp, install_translations
from pos.ui.cashier import CashierWindow
from pos.ui.ops import Ops
from pos.ui.session import PaymentSession
from pos.ui.workers import Workers


def test_unfinished_deal_is_checked_before_the_till_opens(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox
) -> None:
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
        first.shutdown()  # the till goes away with the QR up
    assert sandbox.customer_scan(deal.code_url, "pay")["result"] == "paid"

    second = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=2.0)
    second.start()
    try:
        window = second.window
        assert window.status_text() == "Checking unfinished payments…"
        assert not window.charge_button.isEnabled()
        qtbot.keyClicks(window, "5")
        qtbot.keyClick(window, Qt.Key.Key_Return)
        assert not second.session.is_busy  # no charge while unfinished deals are unchecked

        qtbot.waitUntil(lambda: second.session.is_ready, timeout=WAIT_MS)
        assert "1 unfinished payment(s) checked" in window.status_text()
        assert window.charge_button.isEnabled()
        assert second.services is not None
        stored = second.services.backend.store.get_deal(deal.out_trade_no)
        assert stored is not None and stored.state == DealState.PAID and stored.is_late
        qtbot.waitUntil(lambda: window.late_banner.isVisible(), timeout=WAIT_MS)
        assert [d.out_trade_no for d in second.services.backend.store.deals_between(*ever())] == [
            deal.out_trade_no
        ]
    finally:
        second.shutdown()


@pytest.mark.parametrize(
    ("language", "charge", "banner"),
    [
        ("zh_CN", "收款 (Enter)", "沙箱模式"),
        ("en", "Charge (Enter)", "SANDBOX MODE"),
    ],
)
def test_languages(qtbot: QtBot, language: str, charge: str, banner: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, language)
    try:
        workers = Workers()
        window = CashierWindow(PaymentSession(Ops(workers)), max_amount_fen=100, is_sandbox=True)
        qtbot.addWidget(window)
        assert window.charge_button.text() == charge
        assert window.sandbox_banner.text().startswith(banner)
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_chinese_is_the_default() -> None:
    assert Settings().language == "zh_CN"


def test_f11_opens_the_managers_pin_dialog(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox
) -> None:
    app = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=2.0)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.session.is_ready, timeout=WAIT_MS)
        qtbot.keyClick(app.window, Qt.Key.Key_F11)
        dialog = app._manager_dialog
        assert dialog is not None
        assert type(dialog).__name__ == "PinDialog"
        assert dialog.isVisible()
        dialog.close()
    finally:
        app.shutdown()
