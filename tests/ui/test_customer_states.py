"""The customer's screen at 1280×800: a QR that fills most of the height, the amount as it is
typed, the payment-code and password waits, paid and failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.ui.app import apply_style
from pos.ui.customer_screen import CustomerScreen

CODE_URL = "weixin://wxpay/bizpayurl?pr=Ab12Cd3"


@pytest.fixture
def screen(qtbot: QtBot) -> CustomerScreen:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app)
    widget = CustomerScreen()
    qtbot.addWidget(widget)
    widget.setGeometry(0, 0, 1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768), (800, 1280)])
def test_the_qr_fills_at_least_60_percent_of_the_screen_height(
    qtbot: QtBot, screen: CustomerScreen, size: tuple[int, int]
) -> None:
    screen.resize(*size)
    screen.show_qr(CODE_URL, 2550, "拿铁 大杯")
    view = screen._qr_view
    qtbot.waitUntil(lambda: view.size().height() <= size[1] and screen.size().width() == size[0])
    # The code itself, its white quiet zone not counted; on a portrait screen, of its width.
    needed = 0.6 * min(size)
    qtbot.waitUntil(lambda: view.code_side() >= needed)
    assert "¥ 25.50" in screen.texts()
    assert "拿铁 大杯" in screen.texts()


def test_the_amount_shows_as_the_clerk_types_it_between_payments(screen: CustomerScreen) -> None:
    screen.hide()  # between payments
    screen.show_typing("25.5")
    assert screen.page == "typing"
    assert "¥ 25.5" in screen.texts()
    screen.show_qr(CODE_URL, 2550, "奶茶")
    screen.show_typing("9")  # the clerk types during a payment: the customer keeps the QR
    assert screen.page == "qr"
    screen.show_paid(2550)
    screen.show_typing("9")
    assert screen.page == "paid"


def test_payment_code_and_password_waits_then_failed(screen: CustomerScreen) -> None:
    screen.show_waiting_for_code(1800)
    assert screen.page == "code"
    assert "¥ 18.00" in screen.texts()
    assert "Show your payment code" in screen.texts()
    screen.show_waiting_for_password(1800)
    assert screen.page == "password"
    assert "Enter your payment password on your phone" in screen.texts()
    screen.show_failed(1800, "<b>余额不足</b>")
    assert screen.page == "failed"
    assert "<b>余额不足</b>" in screen.texts()  # shown as plain text, never as markup
    screen.show_failed(1800)
    assert "Nothing was charged." in screen.texts()


IDLE = """
import pos.ui
from PySide6.QtWidgets import QApplication, QWidget
from pos.ui.customer_screen import CustomerScreen
app = QApplication([])
till = QWidget()
till.show()
screen = CustomerScreen()
shown = screen.present_idle(till)
screen.show_typing("12.3")
before = (screen.page, screen.isVisible(), "¥ 12.3" in screen.texts())
screen.show_paid(1230)
screen.hide()
print(shown, *before, screen.page, screen.isVisible(), screen.screen().name())
"""


def test_a_second_screen_shows_the_typed_amount_and_stays_up_after_a_payment(
    tmp_path: Path,
) -> None:
    screens = [
        {"name": name, "x": x, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}
        for name, x in (("till", 0), ("customer", 1280))
    ]  # fmt: skip
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", IDLE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    shown, page, visible, has_amount, after, still_visible, where = result.stdout.split()
    assert (shown, page, visible, has_amount) == ("True", "typing", "True", "True")
    assert (after, still_visible) == ("typing", "True")
    assert where != "till"


def test_one_screen_shows_no_idle_customer_view(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    till = QWidget()
    qtbot.addWidget(till)
    till.show()
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    assert screen.present_idle(till) is False
    assert not screen.isVisible()
