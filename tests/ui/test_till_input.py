"""The till's keyboard and product keys, driven like a clerk on the real sandbox and relay."""

from __future__ import annotations

from helpers.till import WAIT_MS, Till
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from pos.pin import hash_pin
from pos.ui.manager import PinDialog
from pos.ui.products import ProductDialog


def _focused(till: Till) -> QWidget:
    """Where a key goes now: the widget with the keyboard focus."""
    till.window.activateWindow()
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT_MS)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _press_text(widget: QWidget, text: str) -> None:
    """A key press carrying ``text`` (what an input method in full-width mode sends)."""
    for key_text in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, key_text),
            )


def test_full_width_digits_typed_make_the_amount(till: Till) -> None:
    _press_text(_focused(till), "１２．５")
    assert till.window.amount_text == "12.5"
    till.press(Qt.Key.Key_Backspace)
    till.press(Qt.Key.Key_Backspace)
    assert till.window.amount_text == "12"
    _press_text(_focused(till), "。５")  # Chinese punctuation mode's full stop is the point
    assert till.window.amount_text == "12.5"
    deal = till.charge("")
    assert deal.amount_fen == 1250


def test_digits_after_choosing_a_product_go_to_the_amount(till: Till) -> None:
    till.app.session.save_products(["Latte", "Bagel"])
    till.qtbot.waitUntil(lambda: len(till.window.products.buttons) == 2, timeout=WAIT_MS)
    edit = till.window.products.edit
    edit.setFocus()
    till.qtbot.keyClicks(_focused(till), "Tea")
    assert edit.text() == "Tea"
    # F2 from the name field, then digits: the name is replaced, the digits are the amount.
    till.qtbot.keyClick(_focused(till), Qt.Key.Key_F2)
    till.qtbot.keyClicks(_focused(till), "8.5")
    assert till.window.product == "Bagel"
    assert edit.text() == ""
    assert till.window.amount_text == "8.5"
    # The same with the mouse on a quick key.
    edit.setFocus()
    till.qtbot.keyClicks(_focused(till), "Tea")
    till.qtbot.mouseClick(till.window.products.buttons[0], Qt.MouseButton.LeftButton)
    till.qtbot.keyClicks(_focused(till), "1")
    assert till.window.product == "Latte"
    assert till.window.amount_text == "8.51"
    assert edit.text() == ""


def test_the_product_editor_needs_the_manager_pin(till: Till) -> None:
    till.app.settings.manager_pin_hash = hash_pin("8642")
    till.app.session.save_products(["Latte", "Bagel", "Tea"])
    till.qtbot.waitUntil(lambda: len(till.window.products.buttons) == 3, timeout=WAIT_MS)
    till.qtbot.mouseClick(till.window.products.edit_button, Qt.MouseButton.LeftButton)
    pin = till.app._settings_pin_dialog
    assert isinstance(pin, PinDialog)
    pin.pin_edit.setText("1111")
    pin.submit()
    assert till.window.product_dialog is None
    pin.pin_edit.setText("8642")
    pin.submit()
    dialog = till.window.product_dialog
    assert isinstance(dialog, ProductDialog)
    till.qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)

    # "Move down" beside "Move up": Latte goes to the end, then one place back up.
    dialog.select(0)
    till.qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    till.qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    till.qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)  # already last
    assert dialog.names() == ["Bagel", "Tea", "Latte"]
    till.qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == ["Bagel", "Latte", "Tea"]
    dialog.accept()
    till.qtbot.waitUntil(
        lambda: [p.name for p in till.store.products()] == ["Bagel", "Latte", "Tea"],
        timeout=WAIT_MS,
    )
    # The store is written before the saved list comes back to the window (an op's result).
    till.qtbot.waitUntil(
        lambda: till.window.products.names == ["Bagel", "Latte", "Tea"], timeout=WAIT_MS
    )
    till.press(Qt.Key.Key_F2)
    assert till.window.product == "Latte"


def test_the_product_editor_opens_directly_while_no_pin_is_set(till: Till) -> None:
    assert not till.app.settings.manager_pin_hash
    till.qtbot.mouseClick(till.window.products.edit_button, Qt.MouseButton.LeftButton)
    dialog = till.window.product_dialog
    assert isinstance(dialog, ProductDialog)
    till.qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.reject()
