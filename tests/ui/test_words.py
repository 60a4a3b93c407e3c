"""What the clerk and the customer read: plain text, the product line, Chinese of Qt's own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from till_helpers import WAIT_MS, Till

from pos.ui.app import install_translations, name_application
from pos.ui.cashier import CashierWindow
from pos.ui.session import PaymentSession
from pos.ui.workers import Workers

MARKUP = "<b>Tea</b>"


def _shows_literally(label: QLabel, text: str) -> bool:
    """The label holds ``text`` and is as wide as its tags typed out (markup would hide them)."""
    width = label.fontMetrics().horizontalAdvance(text)
    return (
        text in label.text()
        and label.textFormat() == Qt.TextFormat.PlainText
        and label.sizeHint().width() >= width
    )


def test_a_product_name_with_markup_is_shown_as_typed(till: Till) -> None:
    till.app.session.save_products([MARKUP, "Bagel"])
    till.qtbot.waitUntil(lambda: till.window._products == [MARKUP, "Bagel"], timeout=WAIT_MS)
    till.press(Qt.Key.Key_F1)
    assert _shows_literally(till.window.product_label, MARKUP)
    deal = till.charge("6")
    screen = till.window.customer_screen
    assert _shows_literally(screen._qr_product, MARKUP)
    # A late payment names the product in the till's banner.
    till.window.on_session_late_payment_arrived(deal)
    assert _shows_literally(till.window._late_text, MARKUP)
    # WeChat's own words in the status line are plain text too.
    assert till.window.status_banner.textFormat() == Qt.TextFormat.PlainText


def test_the_product_line_says_how_to_choose_when_nothing_is_chosen(till: Till) -> None:
    names = ["Latte", "Bagel", "Tea", "Cake"]  # as many as a new till's (咖啡, 奶茶, ...)
    till.app.session.save_products(names)
    till.qtbot.waitUntil(lambda: till.window._products == names, timeout=WAIT_MS)
    line = till.window.product_label.text()
    assert line == "Product: none chosen (F1–F4, or type a name)"
    assert "Purchase" not in line
    till.press(Qt.Key.Key_F3)
    assert till.window.product_label.text() == "Product: Tea"
    till.press(Qt.Key.Key_F3)  # again: unpicked
    assert "none chosen" in till.window.product_label.text()
    till.app.session.save_products([])
    till.qtbot.waitUntil(lambda: not till.window._quick_buttons, timeout=WAIT_MS)
    assert till.window.product_label.text() == "Product: none chosen (type a name)"


@pytest.fixture
def chinese() -> Iterator[QApplication]:
    """The application in Chinese, as `pos` starts it by default; English again afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    display_name = app.applicationDisplayName()
    translators = install_translations(app, "zh_CN")
    try:
        yield app
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        app.setApplicationDisplayName(display_name)


def test_qt_own_file_dialog_speaks_chinese(qtbot: QtBot, chinese: QApplication) -> None:
    dialog = QFileDialog(None, "导出到", str(Path.home()), "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QPushButton)]
    assert "查找范围(&L)：" in texts
    assert "文件类型(&T)：" in texts
    english = [text for text in texts if re.search("[A-Za-z]{3,}", text)]
    assert english == []


def test_windows_are_named_in_the_ui_language(
    qtbot: QtBot, chinese: QApplication, tmp_path: Path
) -> None:
    # The platform appends the display name to every window title ("设置 — 微信支付收银台").
    name_application(chinese)
    assert chinese.applicationDisplayName() == "微信支付收银台"
    workers = Workers()
    session = PaymentSession(workers)
    window = CashierWindow(session, max_amount_fen=100_000, shop_name="小店")
    qtbot.addWidget(window)
    # Ends with the display name, so it is not added twice.
    assert window.windowTitle() == "小店 — 微信支付收银台"
    workers.shutdown()
