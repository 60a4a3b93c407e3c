"""The till's list of today's deals (columns, placeholder) and the product names it may send."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from pos.store import DealState
from pos.ui.app import apply_style
from pos.ui.products import ProductDialog


def test_the_empty_list_has_a_placeholder(till: Till) -> None:
    window = till.window
    assert window.recent_list.count() == 0
    assert window.recent_empty.isVisible()
    assert not window.recent_list.isVisible()
    assert window.recent_empty.text()

    deal = till.charge("1.00")
    till.pay(deal)
    till.qtbot.waitUntil(lambda: window.recent_list.count() == 1, timeout=WAIT_MS)
    assert window.recent_list.isVisible()
    assert not window.recent_empty.isVisible()


@pytest.fixture
def styled() -> Iterator[None]:
    """The application's style sheet, as `pos` runs (it sets the fonts)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    apply_style(app)
    try:
        yield
    finally:
        app.setStyleSheet(before)


def test_the_columns_line_up(styled: None, till: Till) -> None:
    window = till.window
    paid = till.charge("1234.50")
    till.pay(paid)
    till.wait_state(paid.out_trade_no, DealState.PAID)
    screen = window.customer_screen
    till.qtbot.waitUntil(lambda: screen.page == "paid" and screen.isVisible(), timeout=WAIT_MS)
    till.press(Qt.Key.Key_Return)  # back to the till
    cancelled = till.charge("7")
    till.press(Qt.Key.Key_Escape)
    till.wait_state(cancelled.out_trade_no, DealState.CLOSED)
    till.qtbot.waitUntil(
        lambda: window.recent_list.count() == 2 and "not paid" in window.recent_list.item(0).text(),
        timeout=WAIT_MS,
    )
    lines = [window.recent_list.item(row).text() for row in range(window.recent_list.count())]
    metrics = QFontMetricsF(window.recent_list.font())

    def x_of(line: str, text: str) -> float:
        """Where ``text`` starts on the line, in pixels of the list's font."""
        return metrics.horizontalAdvance(line[: line.index(text)])

    # The amount's digits and the product start at the same place on every line, whatever
    # the amount and however many characters the state takes.
    assert len({x_of(line, "Purchase") for line in lines}) == 1, lines
    assert len({x_of(line, ".") for line in lines}) == 1, lines  # the decimal points


def test_product_names_are_limited_to_what_wechat_takes(qtbot: QtBot) -> None:
    dialog = ProductDialog(["咖啡"])
    qtbot.addWidget(dialog)
    ask = dialog.name_dialog("Add product")
    field = ask.findChild(QLineEdit)
    assert field is not None
    for char in "拿铁" * 40:  # typed one by one: 80 characters, 240 UTF-8 bytes
        field.insert(char)
    assert len(field.text().encode("utf-8")) <= 127
    assert field.text() == "拿铁" * 21  # 42 characters, 126 bytes: one more would not fit
    field.setText("")
    field.insert("x" * 200)  # pasted at once: refused whole
    assert field.text() == ""

    dialog.add_name("x" * 128)  # over the limit: never added
    dialog.add_name("x" * 127)
    assert dialog.names() == ["咖啡", "x" * 127]


def test_a_long_product_name_is_sold_under_a_cut_body(till: Till) -> None:
    name = "埃塞俄比亚耶加雪菲手冲咖啡" * 4  # 52 characters, 156 UTF-8 bytes
    till.window.products.edit.setText(name)
    till.window.products.edit.textEdited.emit(name)
    deal = till.charge("18.00")  # the sandbox refuses a body over 127 bytes

    (order,) = till.orders()
    assert order.body.endswith("…") and name.startswith(order.body[:-1])
    assert len(order.body.encode("utf-8")) <= 127
    assert deal.product == name  # the full name stays with the deal
    till.pay(deal)
    assert till.wait_state(deal.out_trade_no, DealState.PAID).product == name
