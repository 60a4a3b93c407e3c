"""What the clerk and the customer read: user data as plain text, the product line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from till_helpers import WAIT_MS, Till

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
    till.qtbot.waitUntil(lambda: len(till.window._quick_buttons) == 2, timeout=WAIT_MS)
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
    till.app.session.save_products(["Latte", "Bagel", "Tea", "Cake"])
    till.qtbot.waitUntil(lambda: len(till.window._quick_buttons) == 4, timeout=WAIT_MS)
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
