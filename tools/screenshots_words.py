"""Render what issue 15 changed in the clerk's words to PNGs (docs/screenshots/words_*.png):
the till with no product chosen and a full-width amount, a product name with markup shown as
typed on the customer's screen, the product editor, and Qt's own file dialog.

Runs the real window on the embedded sandbox, as `pos` does. Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots_words.py [--lang zh_CN|en]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import begin, key, open_till, pause, save, wait_until

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.sandbox import DEFAULT_MERCHANT, Sandbox


def press_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text``, as an input method in full-width mode sends them."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
        pause(30)


def main() -> int:
    shots = begin()
    args, suffix = shots, shots.suffix
    cashier, settings = open_till(Sandbox([DEFAULT_MERCHANT]))
    data = settings.data_dir
    window = cashier.window
    session = cashier.session
    screen = window.customer_screen

    # No product chosen: the line says how to choose one; the amount typed full-width.
    press_text(window, "１２．５")
    save(window, f"words_till_no_product{suffix}.png", args.out)

    # A product whose name looks like markup is shown as typed, on both screens.
    names = ["<b>奶茶</b>", "咖啡", "蛋糕", "三明治"]
    session.save_products(names)
    wait_until(lambda: window.products.names == names)
    key(window, Qt.Key.Key_F1)
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: screen.page == "qr" and screen.isVisible())
    wait_until(lambda: ":" in " ".join(screen.texts()))
    save(screen, f"words_customer_markup{suffix}.png", args.out)
    key(screen, Qt.Key.Key_Escape)
    wait_until(lambda: not screen.isVisible())

    # The product editor (behind the manager PIN once one is set), with Move up and down.
    dialog = window.edit_products()
    dialog.select(1)
    dialog.resize(420, 300)
    wait_until(dialog.isVisible)
    save(dialog, f"words_product_editor{suffix}.png", args.out)
    dialog.reject()

    # Qt's own file dialog, as the manager's export opens it.
    files = QFileDialog(window, window.tr("Export to"), str(data), "CSV (*.csv)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files.resize(720, 440)
    files.show()
    wait_until(files.isVisible)
    save(files, f"words_file_dialog{suffix}.png", args.out)
    files.reject()

    cashier.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
