"""A receipt over TCP to a fake network printer on loopback: off, then back on, then hanging."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from helpers.printers import FakeNetworkPrinter, HangingPrinter

from pos.counter.printing import PrinterError, escpos_bytes, parse_printer, print_layout
from pos.counter.receipt import PaymentSlip, payment_receipt

SLIP = PaymentSlip(
    shop="示例商店",
    till_id="POS-01",
    time=datetime(2026, 11, 24, 4, 52, 15, tzinfo=UTC),
    product="奶茶",
    amount_fen=1800,
    out_trade_no="POS0120261124125215000043",
    transaction_id="4200001234202611241234567891",
)


def test_a_printer_that_is_off_is_a_clear_error_and_prints_once_back_on() -> None:
    printer = FakeNetworkPrinter().start()
    address = parse_printer(printer.address)
    assert address is not None
    layout = payment_receipt(SLIP, 58)
    printer.stop()  # switched off: the port refuses connections
    try:
        with pytest.raises(PrinterError) as caught:
            print_layout(address, layout, timeout=2.0)
        assert caught.value.code == "unreachable"
        assert "127.0.0.1" in str(caught.value)
        assert printer.jobs == []

        printer.start()  # back on, same port: the reprint arrives whole
        sent = print_layout(address, layout, timeout=2.0)
        (job,) = printer.wait_jobs(1)
        assert job == escpos_bytes(layout)
        assert sent == len(job)
        assert "奶茶".encode("gb18030") in job
        assert "￥18.00".encode("gb18030") in job
    finally:
        printer.stop()


def test_a_printer_that_never_answers_gives_up_at_its_timeout() -> None:
    hanging = HangingPrinter()
    address = parse_printer(hanging.address)
    assert address is not None
    try:
        with pytest.raises(PrinterError) as caught:
            print_layout(address, payment_receipt(SLIP), timeout=0.5)
        assert caught.value.code == "timeout"
    finally:
        hanging.close()


@pytest.mark.parametrize("paper", ["ok", "low", "silent"])
def test_a_printer_with_paper_or_silent_about_it_prints_the_slip(paper: str) -> None:
    printer = FakeNetworkPrinter(paper=paper).start()
    address = parse_printer(printer.address)
    assert address is not None
    layout = payment_receipt(SLIP, 80)
    try:
        print_layout(address, layout, timeout=3.0)
        (job,) = printer.wait_jobs(1)
        assert printer.status_requests == 1  # asked first, then the slip, whole
        assert job == escpos_bytes(layout)
    finally:
        printer.stop()


def test_a_printer_out_of_paper_gets_no_slip_and_prints_it_once_loaded() -> None:
    printer = FakeNetworkPrinter(paper="out").start()
    address = parse_printer(printer.address)
    assert address is not None
    layout = payment_receipt(SLIP, 58)
    try:
        with pytest.raises(PrinterError) as caught:
            print_layout(address, layout, timeout=3.0)
        assert caught.value.code == "no_paper"
        assert printer.status_requests == 1
        assert printer.jobs == []  # nothing sent: the slip waits for the reprint

        printer.paper = "ok"  # paper loaded
        print_layout(address, layout, timeout=3.0)
        (job,) = printer.wait_jobs(1)
        assert job == escpos_bytes(layout)
    finally:
        printer.stop()
