"""The manager's long work and the bill of a day not made yet: progress, Cancel, clerk's words."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.manager_fixtures import WAIT_MS, Shop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from pos.reports.export import WATCH_EVERY
from pos.sandbox import SandboxOptions
from pos.store import Store
from pos.ui.manager import ManagerWindow
from pos.wechatpay.types import BEIJING


@pytest.fixture(autouse=True)
def _chinese(chinese: QApplication) -> None:
    """These tests read the progress dialog's Chinese."""


class GatedStore:
    """The real store, whose export read stops after ``stop_at`` deals until ``gate`` opens:
    an export that lasts as long as the test wants, with no sleep anywhere."""

    def __init__(self, store: Store, stop_at: int) -> None:
        self._store = store
        self._stop_at = stop_at
        self.reached = threading.Event()
        self.gate = threading.Event()
        #: Off while the window loads the day (which reads the same way); on for the export.
        self.is_armed = False

    def iter_deal_lines(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for count, line in enumerate(self._store.iter_deal_lines(*args, **kwargs), start=1):
            if count == self._stop_at and self.is_armed:
                self.reached.set()
                self.gate.wait(WAIT_MS / 1000)
            yield line

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _deals(store: Store, count: int) -> None:
    now = datetime.now(UTC)
    for n in range(count):
        store.create_deal(
            out_trade_no=f"LONG{n:08d}",
            amount_fen=100 + n,
            product="咖啡",
            till_id="M1",
            time_start=now,
            time_expire=now + timedelta(minutes=10),
            sign_type="MD5",
            now=now,
        )


def _click_cancel(qtbot: QtBot, dialog: QProgressDialog) -> None:
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "取消"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _window(qtbot: QtBot, shop: Shop, **changes: Any) -> ManagerWindow:
    window = ManagerWindow(replace(shop.services, **changes))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    return window


def test_a_long_export_shows_progress_and_cancel_leaves_no_file(
    qtbot: QtBot,
    shop: Shop,
    tmp_path: Path,
) -> None:
    _deals(shop.store, 5)
    gated = GatedStore(shop.store, stop_at=1)
    window = _window(qtbot, shop, store=gated, progress_after_ms=0)
    folder = tmp_path / "exports"
    folder.mkdir()
    gated.is_armed = True
    try:
        window.export_to(folder / "month.csv", "csv")
        qtbot.waitUntil(gated.reached.is_set, timeout=WAIT_MS)
        dialog = window.progress_dialog
        assert isinstance(dialog, QProgressDialog)
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
        # The worker is held mid-file; the window still answers: the search box filters.
        window.search_edit.setText("LONG00000001")
        assert window.model.rowCount() == 1
        with qtbot.waitSignal(window.work_cancelled, timeout=WAIT_MS) as stopped:
            _click_cancel(qtbot, dialog)
            assert window.status.text() == "已取消导出，未写入任何文件。"
            gated.gate.set()
        assert stopped.args == ["export"]
    finally:
        gated.gate.set()
    assert list(folder.iterdir()) == []  # no month.csv, no .part left behind
    assert window.progress_dialog is None


def test_a_quick_export_shows_no_progress_dialog(
    qtbot: QtBot,
    shop: Shop,
    tmp_path: Path,
) -> None:
    _deals(shop.store, 2 * WATCH_EVERY + 1)
    window = _window(qtbot, shop)  # the default: progress only after a second
    with qtbot.waitSignal(window.export_finished, timeout=WAIT_MS):
        window.export_to(tmp_path / "day.csv", "csv")
        dialog = window.progress_dialog
        assert dialog is not None and not dialog.isVisible()
        bar = dialog.findChild(QProgressBar)
        assert bar is not None
        values: list[int] = []
        bar.valueChanged.connect(values.append)
    assert (tmp_path / "day.csv").exists()
    # The worker's steps reached the (hidden) dialog: rows 200 and 400 of the day, then done.
    assert values[-1] == 1000 and len(values) >= 2


def test_a_reconciliation_can_be_cancelled(
    qtbot: QtBot,
    shop: Shop,
) -> None:
    shop.paid_deal(1000)
    window = _window(qtbot, shop, progress_after_ms=0)
    with qtbot.waitSignal(window.work_cancelled, timeout=WAIT_MS) as stopped:
        window.reconcile()
        dialog = window.progress_dialog
        assert dialog is not None
        _click_cancel(qtbot, dialog)
        assert window.status.text() == "已取消对账。"
        assert window.reconcile_button.isEnabled()
    assert stopped.args == ["reconcile"]
    assert window.reconcile_dialog is None


def test_todays_bill_not_made_yet_is_said_in_the_clerks_words(
    qtbot: QtBot,
    shop: Shop,
) -> None:
    shop.paid_deal(1000)
    shop.sandbox.reset(SandboxOptions(bill_allow_today=False))  # a real merchant's WeChat
    window = _window(qtbot, shop)
    window.reconcile()
    qtbot.waitUntil(lambda: window.reconcile_button.isEnabled(), timeout=WAIT_MS)
    tomorrow = shop.today + timedelta(days=1)
    assert window.status.text() == (
        f"微信在次日上午生成 {shop.today.isoformat()} 的账单，"
        f"{tomorrow.isoformat()} 10:00 之后即可对账。"
    )
    assert "Bill Creating" not in window.status.text()


def test_in_sandbox_mode_today_is_reconciled_up_to_now(
    qtbot: QtBot,
    shop: Shop,
) -> None:
    shop.paid_deal(1000)
    assert shop.services.settings.is_sandbox
    window = _window(qtbot, shop)
    with qtbot.waitSignal(window.reconcile_finished, timeout=WAIT_MS) as done:
        window.reconcile()
    assert done.args[0].is_clean and done.args[0].matched_payments == 1
    assert window.reconcile_dialog is not None
    qtbot.addWidget(window.reconcile_dialog)
    assert "沙箱：今天截至目前的账单" in window.reconcile_dialog.summary_text()


def test_the_export_buttons_can_write_the_month_of_the_picked_day(
    qtbot: QtBot,
    shop: Shop,
    tmp_path: Path,
) -> None:
    last = shop.today.replace(day=1) - timedelta(days=1)  # last day of the previous month
    first = last.replace(day=1)
    for number, day in (
        ("MONTH00001", first),
        ("MONTH00002", last),
        ("MONTH00003", first - timedelta(days=1)),
    ):
        moment = datetime.combine(day, time(12), tzinfo=BEIJING)
        shop.store.create_deal(
            out_trade_no=number,
            amount_fen=100,
            product="咖啡",
            till_id="M1",
            time_start=moment,
            time_expire=moment + timedelta(minutes=10),
            sign_type="MD5",
            now=moment,
        )
    window = _window(qtbot, shop)
    window.set_day(last)
    assert window.export_range() == (last, last)
    window.export_span.setCurrentIndex(window.export_span.findData("month"))
    assert window.export_range() == (first, last)
    output = tmp_path / "month.csv"
    with qtbot.waitSignal(window.export_finished, timeout=WAIT_MS) as done:
        window.export_to(output, "csv", *window.export_range())
    assert done.args[1].all_count == 2
    text = output.read_text(encoding="utf-8-sig")
    assert "MONTH00001" in text and "MONTH00002" in text and "MONTH00003" not in text
