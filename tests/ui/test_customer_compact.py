"""The compact customer view on a one-screen till: a small window on top in a corner, all the
time: the amount as the clerk types it, the QR (big within it), paid; the till keeps the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from pos.config import Settings
from pos.ui.app import apply_style


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The till of tests/ui/conftest.py, with the compact customer view on."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app)  # the compact sizes are in the style sheet, as in the app
    return Settings(
        data_dir=tmp_path,
        till_id="T1",
        checkout_timeout_seconds=60,
        poll_interval_seconds=0.3,
        max_amount_fen=5_000_000,
        compact_customer_view=True,
    )


def test_one_screen_shows_the_compact_view_in_a_corner_from_the_start(till: Till) -> None:
    assert len(QGuiApplication.screens()) == 1
    view = till.window.customer_screen
    till.qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    assert view.is_compact and not view.isFullScreen()
    flags = view.windowFlags()
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowDoesNotAcceptFocus
    area = till.window.screen().availableGeometry()
    box = view.geometry()
    assert area.contains(box)
    assert box.width() * box.height() <= 0.3 * area.width() * area.height()
    assert box.right() > area.center().x() and box.bottom() > area.center().y()  # lower right
    assert view.page == "typing" and "¥ 0.00" in view.texts()
    # No Cancel on the customer's side: the clerk cancels at the till.
    assert not view._cancel.isVisibleTo(view)


def test_the_compact_view_follows_the_amount_then_the_qr_then_paid(till: Till) -> None:
    view = till.window.customer_screen
    till.qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    box = view.geometry()
    till.type("25.5")
    assert "¥ 25.5" in view.texts()
    assert till.window.amount_display.text() == "¥ 25.5"  # the keys went to the till

    deal = till.charge("0")  # "25.50": the till's amount; the QR comes up in the same view
    assert deal.amount_fen == 2550
    assert view.page == "qr" and view.geometry() == box and not view.isFullScreen()
    assert "¥ 25.50" in view.texts()
    code = view._qr_view
    # Big within the view: the code with its quiet zone is most of the view's width.
    till.qtbot.waitUntil(lambda: code.code_side() > 0, timeout=WAIT_MS)
    drawn = code.module_pixels() * view.qr_code_image().width()  # type: ignore[union-attr]
    assert drawn >= 0.75 * box.width()
    assert code.code_side() >= 0.6 * box.width()

    till.pay(deal)
    till.qtbot.waitUntil(lambda: view.page == "paid", timeout=WAIT_MS)
    assert view.geometry() == box
    till.press(Qt.Key.Key_Return)
    # Back to the amount being typed: the compact view stays up between payments.
    till.qtbot.waitUntil(lambda: view.page == "typing", timeout=WAIT_MS)
    assert view.isVisible() and "¥ 0.00" in view.texts()


def test_esc_at_the_till_cancels_and_the_compact_view_shows_the_amount_again(till: Till) -> None:
    view = till.window.customer_screen
    till.charge("3.00")
    till.press(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: view.page == "typing", timeout=WAIT_MS)
    assert view.isVisible() and view.is_compact


def test_the_clerk_drags_the_compact_view_where_the_customer_looks(till: Till) -> None:
    view = till.window.customer_screen
    till.qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    start = view.pos()
    till.qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    till.qtbot.mouseMove(view, QPoint(20 - 150, 20 - 100))
    till.qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(20 - 150, 20 - 100))
    till.qtbot.waitUntil(lambda: view.pos() == start - QPoint(150, 100), timeout=WAIT_MS)
