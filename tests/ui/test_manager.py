"""The manager view with pytest-qt: the PIN gate, the day, search, export, refund, reconcile."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers.language import language, zh
from helpers.manager_fixtures import WAIT_MS, Shop
from helpers.manager_world import open_world
from helpers.till import Till
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos.config import Settings, save_pin_hash
from pos.errors import PosError
from pos.pin import LOCKOUT_SECONDS, PinGate, hash_pin, verify_pin
from pos.reports.reconcile import Kind
from pos.sandbox import DEFAULT_MERCHANT, SandboxOptions
from pos.store import DealState, RefundState, Store
from pos.ui.manager import (
    ManagerServices,
    ManagerWindow,
    PinDialog,
    manager_services,
    open_manager,
)
from pos.ui.workers import Workers


def open_window(qtbot: QtBot, shop: Shop) -> ManagerWindow:
    window = ManagerWindow(shop.services)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    return window


def test_pin_hash_is_salted_scrypt() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # a fresh salt each time
    algo, salt, digest = first.split("$")
    assert algo == "scrypt" and len(bytes.fromhex(salt)) == 16 and len(digest) == 64
    assert verify_pin("2468", first) and not verify_pin("2469", first)
    assert not verify_pin("2468", "md5$00$00") and not verify_pin("2468", "garbage")


def test_pin_gate_set_wrong_lockout_right(
    qtbot: QtBot,
    shop: Shop,
    chinese: QApplication,
) -> None:
    # First use: the PIN is set (twice, 4-12 digits) and saved hashed, never in clear.
    dialog = open_manager(None, shop.services)
    qtbot.addWidget(dialog)
    assert dialog.is_setting
    dialog.pin_edit.setText("12")
    dialog.again_edit.setText("12")
    dialog.submit()
    assert dialog.message.text() == zh("PinDialog", "The PIN must be 4 to 12 digits.")
    dialog.pin_edit.setText("2468")
    dialog.again_edit.setText("2469")
    dialog.submit()
    assert dialog.message.text() == zh("PinDialog", "The two PINs differ.")
    dialog.again_edit.setText("2468")
    with qtbot.waitSignal(dialog.window_opened, timeout=WAIT_MS):
        dialog.submit()
    assert len(shop.saved) == 1
    stored = shop.saved[0].manager_pin_hash
    assert stored is not None and stored.startswith("scrypt$") and "2468" not in stored
    assert shop.services.settings.manager_pin_hash == stored
    assert dialog.manager_window is not None
    qtbot.addWidget(dialog.manager_window)
    dialog.manager_window.close()

    # Next time: asked for, wrong ones counted, locked out after 5 for a few minutes.
    gate_dialog = open_manager(None, shop.services)
    qtbot.addWidget(gate_dialog)
    assert not gate_dialog.is_setting and not gate_dialog.again_edit.isVisible()
    for left in (4, 3, 2, 1):
        gate_dialog.pin_edit.setText("0000")
        gate_dialog.submit()
        assert gate_dialog.message.text() == zh("PinDialog", "Wrong PIN. %1 tries left.").replace(
            "%1", str(left)
        )
        assert gate_dialog.pin_edit.isEnabled()
    gate_dialog.pin_edit.setText("1111")
    gate_dialog.submit()
    assert "已锁定 5 分 0 秒" in gate_dialog.message.text()
    assert not gate_dialog.pin_edit.isEnabled() and not gate_dialog.ok_button.isEnabled()
    # Even the right PIN is refused while locked out.
    gate_dialog.pin_edit.setText("2468")
    with qtbot.assertNotEmitted(gate_dialog.window_opened):
        gate_dialog.submit()
    assert gate_dialog.manager_window is None
    shop.clock.now += LOCKOUT_SECONDS - 61
    gate_dialog.refresh_lock()
    assert "已锁定 1 分 1 秒" in gate_dialog.message.text()
    shop.clock.now += 62
    assert not gate_dialog.refresh_lock()
    assert gate_dialog.pin_edit.isEnabled() and gate_dialog.message.text() == ""
    gate_dialog.pin_edit.setText("2468")
    with qtbot.waitSignal(gate_dialog.window_opened, timeout=WAIT_MS):
        gate_dialog.submit()
    assert gate_dialog.manager_window is not None
    qtbot.addWidget(gate_dialog.manager_window)
    assert gate_dialog.gate is not None and gate_dialog.gate.wrong == 0


def test_pin_gate_counts_again_after_a_lockout() -> None:
    now = [0.0]
    gate = PinGate(hash_pin("1357"), clock=lambda: now[0], max_wrong=2, lockout=10)
    assert not gate.check("1") and gate.tries_left == 1
    assert not gate.check("2") and gate.is_locked
    assert not gate.check("1357")
    now[0] = 10.0
    assert not gate.is_locked and gate.tries_left == 2
    assert gate.check("1357")


def test_the_day_table_totals_chart_and_search(
    qtbot: QtBot,
    shop: Shop,
    chinese: QApplication,
) -> None:
    latte = shop.paid_deal(2550, "拿铁咖啡")
    shop.paid_deal(1800, "芝士蛋糕")
    window = open_window(qtbot, shop)
    assert window.windowTitle() == "店长 — 当日交易"
    assert window.day == shop.today
    assert window.model.rowCount() == 2
    assert (
        window.model.headerData(
            1,
            window.model.headerData.__self__.__class__.__mro__[0]
            and __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal,
        )
        == "商品"
    )
    assert [window.model.row_at(i).product for i in range(2)] == [  # type: ignore[union-attr]
        "拿铁咖啡",
        "芝士蛋糕",
    ]
    assert window.total_labels["count"].text() == "2"
    assert window.total_labels["gross"].text() == "¥43.50"
    assert window.total_labels["refunded"].text() == "¥0.00"
    assert window.total_labels["net"].text() == "¥43.50"
    assert sum(window.chart.values) == 4350
    assert window.chart.chart().series()[0].barSets()[0].count() == 24
    window.search_edit.setText("25.50")
    assert [r.out_trade_no for r in window.model.rows] == [latte.out_trade_no]
    window.search_edit.setText(latte.out_trade_no[-6:])
    assert [r.out_trade_no for r in window.model.rows] == [latte.out_trade_no]
    window.search_edit.setText("")
    assert window.model.rowCount() == 2
    # Another day: empty.
    with qtbot.waitSignal(window.day_loaded, timeout=WAIT_MS):
        window.set_day(
            shop.today.replace(day=1)
            if shop.today.day != 1
            else shop.today.replace(month=shop.today.month % 12 + 1)
        )
    assert window.model.rowCount() == 0 and window.total_labels["gross"].text() == "¥0.00"


def test_refund_from_the_view_over_http(qtbot: QtBot, shop: Shop, chinese: QApplication) -> None:
    deal = shop.paid_deal(2550, "拿铁咖啡")
    window = open_window(qtbot, shop)
    assert not window.refund_button.isEnabled()  # nothing selected
    assert window.select_deal(deal.out_trade_no)
    assert window.refund_button.isEnabled()
    dialog = window.open_refund()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.text() == "25.50"  # what is left, by default
    # More than what is left: refused in the dialog, nothing sent.
    dialog.amount_edit.setText("25.51")
    assert not dialog.ask_confirmation()
    assert "¥25.50" in dialog.error.text()
    assert shop.transport.count("secapi/pay/refund") == 0
    # A partial refund, confirmed: PARTIALLY_REFUNDED once WeChat says SUCCESS.
    dialog.amount_edit.setText("5.50")
    dialog.reason_edit.setText("部分退货")
    assert dialog.ask_confirmation()
    assert "¥5.50" in dialog.question.text() and dialog.pages.currentIndex() == 1
    with qtbot.waitSignal(dialog.refund_finished, timeout=WAIT_MS) as blocker:
        dialog.confirm()
    progress = blocker.args[0]
    assert progress.refund.state.value == "SUCCESS"
    assert dialog.result_label.text() == "已退款 ¥5.50 ✓"
    stored = shop.store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.PARTIALLY_REFUNDED
    qtbot.waitUntil(lambda: window.total_labels["refunded"].text() == "¥5.50", timeout=WAIT_MS)
    assert window.total_labels["net"].text() == "¥20.00"
    # The rest: REFUNDED.
    assert window.select_deal(deal.out_trade_no)
    rest = window.open_refund()
    assert rest is not None
    qtbot.addWidget(rest)
    assert rest.amount_edit.text() == "20.00"
    assert rest.ask_confirmation()
    with qtbot.waitSignal(rest.refund_finished, timeout=WAIT_MS):
        rest.confirm()
    stored = shop.store.get_deal(deal.out_trade_no)
    assert stored is not None and stored.state is DealState.REFUNDED
    qtbot.waitUntil(lambda: window.total_labels["net"].text() == "¥0.00", timeout=WAIT_MS)
    assert window.select_deal(deal.out_trade_no)
    assert not window.refund_button.isEnabled()
    assert shop.transport.count("secapi/pay/refund") == 2


@pytest.mark.parametrize(
    ("options", "follow_seconds", "english", "tone"),
    [
        (
            SandboxOptions(refund_delay=3600),
            0.0,
            "WeChat Pay is still processing the refund of %1; it is followed up.",
            "#92400e",
        ),
        (
            SandboxOptions(refund_delay=0, refund_outcome="CHANGE"),
            10.0,
            "The refund needs the merchant platform: %1",
            "#b91c1c",
        ),
    ],
)
def test_a_refund_not_settled_in_time_or_sent_to_the_platform_says_so(
    qtbot: QtBot,
    tmp_path: Path,
    chinese: QApplication,
    options: SandboxOptions,
    follow_seconds: float,
    english: str,
    tone: str,
) -> None:
    with open_world(tmp_path, options) as world:
        workers = Workers()
        services = ManagerServices(
            store=world.store,
            client=world.client,
            workers=workers,
            settings=Settings(data_dir=tmp_path, language="zh_CN"),
            follow_seconds=follow_seconds,
            follow_interval=0.05,
        )
        try:
            deal = world.paid_deal(1000)
            window = ManagerWindow(services)
            qtbot.addWidget(window)
            qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
            assert window.select_deal(deal.out_trade_no)
            dialog = window.open_refund()
            assert dialog is not None
            qtbot.addWidget(dialog)
            assert dialog.ask_confirmation()
            with qtbot.waitSignal(dialog.refund_finished, timeout=WAIT_MS) as blocker:
                dialog.confirm()
            state = blocker.args[0].refund.state
            said = zh("RefundDialog", english)
            assert dialog.result_label.text() == said.replace(
                "%1", "¥10.00" if state is RefundState.PROCESSING else "CHANGE"
            )
            assert tone in dialog.result_label.styleSheet()
            assert not dialog.slip_row.isVisibleTo(dialog)
        finally:
            workers.shutdown()


def test_export_buttons_write_files(
    qtbot: QtBot, shop: Shop, tmp_path: Path, chinese: QApplication
) -> None:
    shop.paid_deal(2550, "拿铁咖啡")
    window = open_window(qtbot, shop)
    csv_path = tmp_path / "day.csv"
    with qtbot.waitSignal(window.export_finished, timeout=WAIT_MS):
        window.export_to(csv_path, "csv")
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][1] == "拿铁咖啡" and rows[1][2] == "25.50" and rows[-1][2] == "25.50"
    xlsx_path = tmp_path / "day.xlsx"
    with qtbot.waitSignal(window.export_finished, timeout=WAIT_MS):
        window.export_to(xlsx_path, "xlsx")
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert sheet is not None and sheet["B2"].value == "拿铁咖啡" and sheet["C2"].value == 25.5
    with qtbot.waitSignal(window.export_failed, timeout=WAIT_MS):
        window.export_to(tmp_path / "no" / "such" / "day.csv", "csv")
    assert "导出失败" in window.status.text()


def test_reconcile_button_shows_the_report(
    qtbot: QtBot, shop: Shop, tmp_path: Path, chinese: QApplication
) -> None:
    shop.paid_deal(1000, "正常的")
    odd = shop.paid_deal(1200, "金额不符")
    window = open_window(qtbot, shop)
    with qtbot.waitSignal(window.reconcile_finished, timeout=WAIT_MS) as blocker:
        window.reconcile()
    assert blocker.args[0].is_clean
    assert window.reconcile_dialog is not None
    qtbot.addWidget(window.reconcile_dialog)
    assert window.reconcile_dialog.headline.text() == "全部一致。"
    shop.sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, odd.out_trade_no).total_fee = 1234
    with qtbot.waitSignal(window.reconcile_finished, timeout=WAIT_MS) as blocker:
        window.reconcile()
    report = blocker.args[0]
    assert [d.kind for d in report.differences] == [Kind.AMOUNT_MISMATCH]
    dialog = window.reconcile_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "发现 1 处差异。"
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "金额不一致"
    assert dialog.table.item(0, 1).text() == odd.out_trade_no
    assert dialog.table.item(0, 2).text() == "¥12.00 已支付"
    assert dialog.table.item(0, 3).text() == "¥12.34 成功"
    assert dialog.export_button.isEnabled()
    written: list[Path] = []
    target = tmp_path / "differences.csv"
    dialog.export_to(target, on_done=written.append)
    qtbot.waitUntil(lambda: written == [target], timeout=WAIT_MS)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[:2] for row in rows[1:]] == [["amount differs", odd.out_trade_no]]


def test_esc_or_the_close_button_closes_the_view(
    qtbot: QtBot, shop: Shop, chinese: QApplication
) -> None:
    deal = shop.paid_deal(2550)
    window = open_window(qtbot, shop)
    window.show()
    qtbot.waitExposed(window)
    assert window.close_button.text() == "关闭"
    # Esc in a dialog of the view closes that dialog only.
    assert window.select_deal(deal.out_trade_no)
    dialog = window.open_refund()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.isVisible()
    # Esc where the manager works (the deals, the search) closes the view.
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert not window.isVisible()
    again = open_window(qtbot, shop)
    again.show()
    qtbot.waitExposed(again)
    qtbot.keyClick(again.search_edit, Qt.Key.Key_A)
    assert again.isVisible()  # other keys are typed, not taken
    qtbot.keyClick(again.search_edit, Qt.Key.Key_Escape)
    assert not again.isVisible()
    last = open_window(qtbot, shop)
    last.show()
    qtbot.waitExposed(last)
    qtbot.mouseClick(last.close_button, Qt.MouseButton.LeftButton)
    assert not last.isVisible()


def test_english_when_asked(qtbot: QtBot, shop: Shop) -> None:
    with language("en"):
        window = open_window(qtbot, shop)
        assert window.windowTitle() == "Manager — transactions of the day"


def test_no_pin_dialog_for_a_window_that_is_not_asked(shop: Shop) -> None:
    assert isinstance(PinDialog, type)


@pytest.fixture
def sandbox_options() -> SandboxOptions:
    """The window engineer's till fixture, with today's bill served (to reconcile it)."""
    return SandboxOptions(bill_allow_today=True)


def test_opened_from_the_running_cashier(qtbot: QtBot, till: Till) -> None:
    """The entry point the cashier calls: its store, workers and embedded sandbox."""
    services = manager_services(till.app)
    services.save_settings = lambda _: None
    assert till.app.services is not None
    # No second client: refunds and the bill go through the till's own (closed with it).
    assert services.client is till.app.services.backend.refunds
    assert services.refund_notify_url == till.app.services.backend.refund_notify_url
    deal = till.charge("12.30")
    assert deal.code_url is not None
    till.sandbox.customer_scan(deal.code_url, "pay")
    qtbot.waitUntil(lambda: till.deal(deal.out_trade_no).state is DealState.PAID, timeout=WAIT_MS)
    dialog = open_manager(till.window, services)
    qtbot.addWidget(dialog)
    dialog.pin_edit.setText("8642")
    dialog.again_edit.setText("8642")
    with qtbot.waitSignal(dialog.window_opened, timeout=WAIT_MS):
        dialog.submit()
    window = dialog.manager_window
    assert window is not None
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    assert [r.out_trade_no for r in window.model.rows] == [deal.out_trade_no]
    assert window.total_labels["gross"].text() == "¥12.30"
    with qtbot.waitSignal(window.reconcile_finished, timeout=WAIT_MS) as blocker:
        window.reconcile()
    assert blocker.args[0].is_clean and blocker.args[0].matched_payments == 1
    assert window.reconcile_dialog is not None
    window.reconcile_dialog.close()
    window.close()


def test_no_manager_without_a_client_for_refunds(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert till.app.services is not None
    monkeypatch.setattr(till.app.services.backend, "refunds", None)
    with pytest.raises(PosError):
        manager_services(till.app)
    till.app.open_manager()
    assert till.app._manager_dialog is None


def test_the_pin_hash_is_saved_without_what_the_environment_gave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pos.config import Settings, load_settings

    config = tmp_path / "settings.toml"
    config.write_text('shop_name = "小店"\n', encoding="utf-8")
    monkeypatch.setenv("POS_CONFIG", str(config))
    monkeypatch.setenv("POS_TILL_ID", "FROM-ENV")
    stored = hash_pin("2468")
    save_pin_hash(Settings(data_dir=tmp_path, till_id="FROM-ENV", manager_pin_hash=stored))
    text = config.read_text(encoding="utf-8")
    assert stored in text and "FROM-ENV" not in text and "小店" in text
    assert load_settings(config, environ={}).manager_pin_hash == stored


def test_the_refund_writes_the_store_only_on_the_database_thread(
    qtbot: QtBot,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The till's rule is one writer: a refund's calls run on network workers, every write of
    # their answers on the database worker (the window's refund is followed until final).
    writers: list[int] = []
    for name in ("create_refund", "update_refund"):
        original = getattr(Store, name)

        def spy(self: Store, *args: object, _original: Any = original, **kwargs: object) -> Any:
            writers.append(threading.get_ident())
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Store, name, spy)
    deal = shop.paid_deal(2550, "拿铁咖啡")
    window = open_window(qtbot, shop)
    assert window.select_deal(deal.out_trade_no)
    dialog = window.open_refund()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText("5.50")
    dialog.reason_edit.setText("部分退货")
    assert dialog.ask_confirmation()
    with qtbot.waitSignal(dialog.refund_finished, timeout=WAIT_MS) as blocker:
        dialog.confirm()
    assert blocker.args[0].refund.state is RefundState.SUCCESS
    database_thread: list[int] = []
    shop.services.workers.db(lambda: database_thread.append(threading.get_ident()))
    qtbot.waitUntil(lambda: bool(database_thread), timeout=WAIT_MS)
    assert len(writers) >= 2  # stored PENDING, then moved on as WeChat Pay answered
    assert set(writers) == {database_thread[0]}
    assert threading.get_ident() not in writers
