"""The refund slip: printed after a refund succeeds in the manager's view, on the device worker,
to a fake network printer on loopback; out of paper or off is told in the dialog, with a reprint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.manager_fixtures import WAIT_MS, Shop
from helpers.printers import FakeNetworkPrinter, HangingPrinter
from pytestqt.qtbot import QtBot

from pos.ui.counter import Counter
from pos.ui.manager import ManagerWindow, RefundDialog


@pytest.fixture
def printer() -> Iterator[FakeNetworkPrinter]:
    fake = FakeNetworkPrinter().start()
    yield fake
    fake.stop()


@pytest.fixture
def counter(shop: Shop) -> Counter:
    settings = shop.services.settings
    settings.shop_name = "示例商店"
    settings.paper_mm = 58
    made = Counter(shop.services.workers, settings, voice_dir=shop.services.settings.data_dir)
    shop.services.counter = made
    return made


def _refund(qtbot: QtBot, shop: Shop, amount_fen: int, refund: str) -> RefundDialog:
    deal = shop.paid_deal(amount_fen, "拿铁咖啡")
    window = ManagerWindow(shop.services)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    assert window.select_deal(deal.out_trade_no)
    dialog = window.open_refund()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText(refund)
    assert dialog.ask_confirmation()
    with qtbot.waitSignal(dialog.refund_finished, timeout=WAIT_MS) as blocker:
        dialog.confirm()
    assert blocker.args[0].refund.state.value == "SUCCESS"
    return dialog


def test_a_refund_that_succeeds_prints_its_slip(
    qtbot: QtBot,
    shop: Shop,
    counter: Counter,
    printer: FakeNetworkPrinter,
) -> None:
    shop.services.settings.printer = printer.address
    dialog = _refund(qtbot, shop, 2550, "5.50")
    assert dialog.progress is not None
    refund = dialog.progress.refund
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)
    (job,) = printer.jobs
    assert "退款凭证".encode("gb18030") in job
    assert "￥5.50".encode("gb18030") in job
    assert "￥25.50".encode("gb18030") in job
    assert refund.out_refund_no.encode() in job
    assert dialog.progress.deal.out_trade_no.encode() in job
    row = dialog.slip_row
    qtbot.waitUntil(lambda: row.status.text() == "Refund slip printed.", timeout=WAIT_MS)
    assert row.isVisibleTo(dialog) and row.reprint_button.isEnabled()


def test_out_of_paper_is_told_in_the_dialog_and_reprint_prints_it(
    qtbot: QtBot,
    shop: Shop,
    counter: Counter,
    printer: FakeNetworkPrinter,
) -> None:
    shop.services.settings.printer = printer.address
    printer.paper = "out"
    till_notices: list[str] = []
    counter.print_failed.connect(lambda kind, text: till_notices.append(kind))
    dialog = _refund(qtbot, shop, 1800, "18.00")
    row = dialog.slip_row
    qtbot.waitUntil(lambda: "out of paper" in row.status.text(), timeout=WAIT_MS)
    assert row.status.text() == "The refund slip did not print: printer out of paper."
    assert printer.jobs == [] and printer.status_requests == 1
    assert till_notices == ["refund"]  # told as a refund's slip, not the till's receipt

    printer.paper = "ok"  # paper loaded
    row.reprint_button.click()
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=WAIT_MS)
    assert b"18.00" in printer.jobs[0]
    qtbot.waitUntil(lambda: row.status.text() == "Refund slip printed.", timeout=WAIT_MS)


def test_a_hanging_printer_never_holds_up_the_refund(
    qtbot: QtBot,
    shop: Shop,
    counter: Counter,
) -> None:
    hanging = HangingPrinter()
    try:
        shop.services.settings.printer = hanging.address
        counter.printer_timeout = 2.0
        dialog = _refund(qtbot, shop, 990, "9.90")
        # The refund is shown as done while the slip still tries to reach the printer.
        assert dialog.result_label.text().endswith("¥9.90 ✓")
        assert counter.printing == 1
        assert not dialog.slip_row.reprint_button.isEnabled()
        row = dialog.slip_row
        qtbot.waitUntil(lambda: "did not answer" in row.status.text(), timeout=WAIT_MS)
        assert hanging.address.removeprefix("tcp://") in row.status.text()
        assert row.reprint_button.isEnabled()
    finally:
        hanging.close()


def test_without_a_printer_nothing_is_printed_or_shown(
    qtbot: QtBot,
    shop: Shop,
    counter: Counter,
) -> None:
    failures: list[str] = []
    counter.print_failed.connect(lambda kind, text: failures.append(text))
    dialog = _refund(qtbot, shop, 500, "5.00")
    assert not dialog.slip_row.isVisibleTo(dialog)
    assert counter.printing == 0 and failures == []
