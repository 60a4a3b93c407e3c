"""The counter at the till: the amount said once per payment, slips printed without delaying
the payment, and F10 to reprint; on the real window, sandbox and relay, printers on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.printers import FakeNetworkPrinter, HangingPrinter
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt

from pos.config import Settings
from pos.ui.app import CashierApp


@pytest.fixture
def printer() -> Iterator[FakeNetworkPrinter]:
    fake = FakeNetworkPrinter().start()
    yield fake
    fake.stop()


def _pay(till: Till, amount: str) -> str:
    deal = till.charge(amount)
    till.pay(deal)
    screen = till.window.customer_screen
    till.qtbot.waitUntil(lambda: screen.page == "paid", timeout=WAIT_MS)
    return deal.out_trade_no


def test_a_payment_is_said_once_in_chinese(till: Till) -> None:
    said: list[list[str]] = []
    till.app.counter.announced.connect(said.append)
    number = _pay(till, "1005.20")
    till.qtbot.waitUntil(lambda: len(said) == 1, timeout=WAIT_MS)
    assert "".join(said[0]) == "微信收款一千零五元二角"
    # The same payment told again (the relay's push and the poll both see it; a late report
    # of a deal already shown): the till does not say it twice. A second sale's announcement
    # arrives after anything the first could still have queued.
    paid = till.deal(number)
    till.app.session.payment_succeeded.emit(paid)
    till.app.session.late_payment_arrived.emit(paid)
    till.press(Qt.Key.Key_Return)
    _pay(till, "0.01")
    till.qtbot.waitUntil(lambda: len(said) == 2, timeout=WAIT_MS)
    assert ["".join(clips) for clips in said] == ["微信收款一千零五元二角", "微信收款一分"]
    spoken = till.app.settings.data_dir / "voice"
    assert len(list(spoken.glob("announcement-*.wav"))) == 2


def test_speech_off_says_nothing(settings: Settings, till: Till) -> None:
    till.app.settings.speak_amount = False
    said: list[list[str]] = []
    till.app.counter.announced.connect(said.append)
    _pay(till, "3.00")
    till.press(Qt.Key.Key_Return)
    assert said == []
    assert not (till.app.settings.data_dir / "voice").exists()


@pytest.fixture
def auto_print(settings: Settings, printer: FakeNetworkPrinter) -> Settings:
    settings.printer = printer.address
    settings.paper_mm = 58
    settings.print_on_paid = True
    return settings


def _jobs(till: Till, printer: FakeNetworkPrinter, count: int) -> list[bytes]:
    """Wait (the window's loop running) until the printer has received ``count`` slips."""
    till.qtbot.waitUntil(lambda: len(printer.jobs) >= count, timeout=WAIT_MS)
    return list(printer.jobs)


def test_paid_prints_the_slip_by_itself(
    auto_print: Settings, printer: FakeNetworkPrinter, till: Till
) -> None:
    number = _pay(till, "25.50")
    (job,) = _jobs(till, printer, 1)
    assert "￥25.50".encode("gb18030") in job
    assert number.encode() in job
    assert "收款凭证".encode("gb18030") in job
    till.qtbot.waitUntil(lambda: till.app.counter.printing == 0, timeout=WAIT_MS)
    assert till.window.printer_notice.text() == ""


def test_a_printer_that_is_off_is_told_and_f10_reprints_once_it_is_back(
    auto_print: Settings, printer: FakeNetworkPrinter, till: Till
) -> None:
    printer.stop()
    number = _pay(till, "18.00")
    notice = till.window.printer_notice
    till.qtbot.waitUntil(lambda: "F10" in notice.text(), timeout=WAIT_MS)
    assert printer.address.removeprefix("tcp://") in notice.text()
    assert till.window.customer_screen.page == "paid"  # the payment went on regardless

    printer.start()
    till.press(Qt.Key.Key_Return)
    till.press(Qt.Key.Key_F10)
    (job,) = _jobs(till, printer, 1)
    assert number.encode() in job
    till.qtbot.waitUntil(lambda: notice.text() == "", timeout=WAIT_MS)


def test_a_hanging_printer_never_holds_up_the_paid_screen(settings: Settings, till: Till) -> None:
    hanging = HangingPrinter()
    try:
        till.app.settings.printer = hanging.address
        till.app.settings.print_on_paid = True
        till.app.counter.printer_timeout = 2.0
        failures: list[str] = []
        till.app.counter.print_failed.connect(lambda _kind, text: failures.append(text))
        _pay(till, "9.90")
        # The paid screen is up while the slip is still trying to reach the printer.
        assert till.app.counter.printing == 1
        till.press(Qt.Key.Key_Return)
        assert till.window.charge_button.isEnabled()  # the next sale can start at once
        till.qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
        assert "did not answer" in failures[0] or "无响应" in failures[0]
    finally:
        hanging.close()


def test_f10_without_a_printer_says_so(till: Till) -> None:
    till.press(Qt.Key.Key_F10)
    assert "F12" in till.window.printer_notice.text()


def test_f10_after_a_restart_reprints_the_stores_last_paid_deal(
    auto_print: Settings, printer: FakeNetworkPrinter, till: Till
) -> None:
    number = _pay(till, "7.00")
    _jobs(till, printer, 1)
    till.press(Qt.Key.Key_Return)
    till.app.shutdown()
    restarted = CashierApp(auto_print, sandbox=till.sandbox, with_sound=False, client_timeout=2.0)
    restarted.start()
    try:
        till.qtbot.waitUntil(lambda: restarted.session.is_ready, timeout=WAIT_MS)
        till.qtbot.keyClick(restarted.window, Qt.Key.Key_F10)
        jobs = _jobs(till, printer, 2)
        assert number.encode() in jobs[1]
    finally:
        restarted.shutdown()


def test_a_printer_out_of_paper_says_so_and_f10_prints_once_paper_is_in(
    auto_print: Settings, printer: FakeNetworkPrinter, till: Till
) -> None:
    printer.paper = "out"
    number = _pay(till, "12.00")
    notice = till.window.printer_notice
    till.qtbot.waitUntil(lambda: "F10" in notice.text(), timeout=WAIT_MS)
    assert "打印机缺纸" in notice.text() or "out of paper" in notice.text()
    assert printer.jobs == []  # the slip was not sent into a printer with no paper
    assert till.window.customer_screen.page == "paid"

    printer.paper = "ok"
    till.press(Qt.Key.Key_Return)
    till.press(Qt.Key.Key_F10)
    (job,) = _jobs(till, printer, 1)
    assert number.encode() in job
    till.qtbot.waitUntil(lambda: notice.text() == "", timeout=WAIT_MS)


def test_a_bug_in_printing_is_logged_with_its_traceback_and_told_once(
    auto_print: Settings,
    printer: FakeNetworkPrinter,
    till: Till,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from pos.counter import printing

    def broken(*_args: object, **_kwargs: object) -> None:
        raise TypeError("a bug in the slip")

    monkeypatch.setattr(printing, "print_layout", broken)
    told: list[tuple[str, str]] = []
    till.app.counter.print_failed.connect(lambda kind, text: told.append((kind, text)))
    _pay(till, "6.00")
    till.qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    till.qtbot.wait(200)
    assert told == [
        ("receipt", "Program error; it is in the log. The till goes on. Call for support.")
    ]
    assert "Program error" in till.window.printer_notice.text()
    bugs = [r for r in caplog.records if r.getMessage().startswith("bug:")]
    assert len(bugs) == 1 and bugs[0].exc_info is not None and bugs[0].exc_info[0] is TypeError
    assert printer.jobs == []  # a bug is not "the printer is off": nothing retried
    assert till.app.counter.printing == 0
