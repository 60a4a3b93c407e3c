"""Where the QR goes: the second screen when there is one, else over the till with Cancel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.ui.customer_screen import CustomerScreen, qr_image

PLACE = """
import pos.ui
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtGui import QGuiApplication
from pos.ui.customer_screen import CustomerScreen
app = QApplication([])
till = QWidget()
till.show()
screen = CustomerScreen()
screen.show_preparing(100)
screen.present(till)
print(len(QGuiApplication.screens()), till.screen().name(), screen.screen().name(),
      screen.geometry().width(), screen._message_cancel.isVisibleTo(screen))
"""


def _screen(name: str, x: int, width: int, height: int) -> dict[str, object]:
    return {
        "name": name,
        "x": x,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }


def test_second_screen_gets_the_qr_without_the_clerks_cancel(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {"screens": [_screen("till", 0, 1280, 800), _screen("customer", 1280, 1024, 768)]}
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", PLACE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    count, till_screen, customer_screen, width, has_cancel = result.stdout.split()
    assert count == "2"
    assert customer_screen != till_screen
    assert width == ("1024" if customer_screen == "customer" else "1280")
    assert has_cancel == "False"  # the customer must not cancel the clerk's charge


def test_one_screen_covers_the_till_with_a_cancel(qtbot: QtBot) -> None:
    till = CustomerScreen()  # any top-level widget stands for the till here
    qtbot.addWidget(till)
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    screen.show_preparing(2550)
    screen.present(till)
    assert screen.isFullScreen()
    assert screen._message_cancel.isVisibleTo(screen)
    with qtbot.waitSignal(screen.cancel_requested, timeout=1000):
        screen._message_cancel.click()


def test_qr_image_is_square_with_a_quiet_zone() -> None:
    image = qr_image("weixin://wxpay/bizpayurl?pr=abc1234")
    assert image.width() == image.height()
    assert image.width() >= 21 + 8  # version 1 plus 4 modules of white on each side
    assert image.pixelColor(0, 0).name() == "#ffffff"
    assert image.pixelColor(4, 4).name() == "#000000"  # the finder pattern's corner
