"""Receipt layouts and the ESC/POS bytes a printer receives (python-escpos's dummy printer)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.counter.printing import (
    CHINESE_MODE_ON,
    PrinterAddress,
    PrinterError,
    code128_escpos,
    escpos_bytes,
    parse_printer,
)
from pos.counter.receipt import (
    COLUMNS,
    DOTS,
    Barcode,
    PaymentSlip,
    RefundSlip,
    code128_modules,
    layout_text,
    payment_receipt,
    printer_test_page,
    refund_receipt,
    text_width,
)

WHEN = datetime(2026, 11, 24, 4, 52, 15, tzinfo=UTC)
NUMBER = "POS0120261124125215000042"
SLIP = PaymentSlip(
    shop="示例商店",
    till_id="POS-01",
    time=WHEN,
    product="咖啡 大杯",
    amount_fen=2550,
    out_trade_no=NUMBER,
    transaction_id="4200001234202611241234567890",
)
ESC_AT = b"\x1b@"
CUT = b"\x1dV"
GS_K_CODE128 = b"\x1dkI"


def _barcode_in(data: bytes) -> bytes:
    """The Code128 payload of the first GS k 73 command (length byte, then the payload)."""
    start = data.index(GS_K_CODE128) + len(GS_K_CODE128)
    return data[start + 1 : start + 1 + data[start]]


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_a_paid_receipt_reaches_the_printer_in_gb18030_with_the_number_as_code128(
    paper_mm: int,
) -> None:
    data = escpos_bytes(payment_receipt(SLIP, paper_mm))
    assert data.startswith(ESC_AT + CHINESE_MODE_ON)
    assert data.rstrip(b"\x00").endswith(CUT) or CUT in data[-8:]
    for text in ("示例商店", "收款凭证", "咖啡 大杯", "微信支付（扫码）", "谢谢惠顾", "￥25.50"):
        assert text.encode("gb18030") in data, text
    assert "收款凭证".encode("gb18030") == b"\xca\xd5\xbf\xee\xc6\xbe\xd6\xa4"
    assert b"4200001234202611241234567890" in data
    assert NUMBER.encode() in data  # the whole number in text, on both papers
    # The barcode, decoded back from its ESC/POS code sets: the number (58 mm: its digit tail).
    payload = _barcode_in(data).decode("latin-1")
    assert _decode_code128(payload) in (NUMBER, NUMBER[3:])
    if paper_mm == 80:
        assert _decode_code128(payload) == NUMBER


def _decode_code128(payload: str) -> str:
    out, code_set, index = [], "B", 0
    while index < len(payload):
        if payload[index] == "{" and payload[index + 1] in "ABC":
            code_set = payload[index + 1]
            index += 2
            continue
        char = payload[index]
        out.append(f"{ord(char):02d}" if code_set == "C" else char)
        index += 1
    return "".join(out)


def test_every_printed_line_fits_the_paper() -> None:
    long = PaymentSlip(**{**SLIP.__dict__, "product": "超大杯焦糖玛奇朵加浓缩加燕麦奶" * 3})
    for paper_mm, columns in COLUMNS.items():
        for layout in (
            payment_receipt(long, paper_mm),
            printer_test_page("店", "x", paper_mm, WHEN),
        ):
            for line in layout_text(layout):
                if not line.startswith("|| "):
                    assert text_width(line) <= columns, line


def test_the_barcode_fits_the_paper_and_a_manager_search_piece_remains() -> None:
    for paper_mm in (58, 80):
        layout = payment_receipt(SLIP, paper_mm)
        (barcode,) = [block for block in layout.blocks if isinstance(block, Barcode)]
        assert code128_modules(barcode.data) * 2 <= DOTS[paper_mm]
        assert barcode.data in NUMBER


def test_user_text_cannot_send_printer_commands() -> None:
    hostile = PaymentSlip(
        **{**SLIP.__dict__, "product": "咖啡\x1b@\x1dV\x00\n坏", "shop": "店\x1b"}
    )
    data = escpos_bytes(payment_receipt(hostile, 80))
    assert data.count(ESC_AT) == 1  # only the printer's own initialisation
    assert "咖啡 @ V  坏".encode("gb18030") in data
    assert b"\x1dV\x00" not in data[: data.rindex(b"\x1bd")]  # no cut before the last


def test_the_clerk_appears_only_when_there_is_one() -> None:
    assert not any("收银员" in line for line in layout_text(payment_receipt(SLIP)))
    with_clerk = PaymentSlip(**{**SLIP.__dict__, "clerk": "王芳", "method": "code"})
    lines = layout_text(payment_receipt(with_clerk))
    assert any("收银员" in line and "王芳" in line for line in lines)
    assert any("微信支付（付款码）" in line for line in lines)


def test_a_refund_slip_says_its_sums() -> None:
    refund = RefundSlip(
        shop="示例商店",
        till_id="POS-01",
        time=WHEN,
        product="咖啡",
        paid_fen=2550,
        refund_fen=1000,
        out_trade_no=NUMBER,
        out_refund_no="R" + NUMBER,
    )
    data = escpos_bytes(refund_receipt(refund, 58))
    for text in ("退款凭证", "￥25.50", "￥10.00", "R" + NUMBER):
        assert text.encode("gb18030") in data


def test_the_test_page_names_the_printer_and_the_paper() -> None:
    data = escpos_bytes(printer_test_page("示例商店", "tcp://10.0.0.9:9100", 58, WHEN))
    for text in ("打印测试页", "tcp://10.0.0.9:9100", "58 mm / 32 字符"):
        assert text.encode("gb18030") in data


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", min_size=1, max_size=32))
def test_code128_code_sets_carry_the_data_unchanged(data: str) -> None:
    assert _decode_code128(code128_escpos(data)) == data


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("tcp://192.168.1.50:9100", PrinterAddress("network", host="192.168.1.50", port=9100)),
        ("tcp://printer.local", PrinterAddress("network", host="printer.local", port=9100)),
        ("usb://0416:5011", PrinterAddress("usb", vendor_id=0x0416, product_id=0x5011)),
        ("usb://0x04b8:0x0202", PrinterAddress("usb", vendor_id=0x04B8, product_id=0x0202)),
        (
            "serial:///dev/ttyUSB0?baudrate=19200",
            PrinterAddress("serial", device="/dev/ttyUSB0", baudrate=19200),
        ),
    ],
)
def test_printer_addresses(text: str, address: PrinterAddress) -> None:
    assert parse_printer(text) == address
    assert parse_printer(str(address)) == address


@pytest.mark.parametrize("bad", ["192.168.1.50", "tcp://host:99999", "usb://12345:1", "lpt1"])
def test_a_wrong_printer_address_says_the_forms_it_takes(bad: str) -> None:
    with pytest.raises(PrinterError) as caught:
        parse_printer(bad)
    assert caught.value.code == "bad_address"


def test_no_printer_is_an_empty_setting() -> None:
    assert parse_printer("  ") is None


def test_the_preview_is_drawn_from_the_same_layout(tmp_path: Path) -> None:
    from PIL import Image

    from pos.counter.preview import render_png

    for paper_mm in (58, 80):
        target = render_png(payment_receipt(SLIP, paper_mm), tmp_path / f"r{paper_mm}.png")
        with Image.open(target) as image:
            assert image.width == DOTS[paper_mm] + 32
            # Taller with more lines: the preview follows the layout, not a fixed picture.
            short_height = image.height
        longer = PaymentSlip(**{**SLIP.__dict__, "product": "咖啡" * 40})
        with Image.open(render_png(payment_receipt(longer, paper_mm), tmp_path / "l.png")) as im:
            assert im.height > short_height


@pytest.mark.parametrize(
    ("text", "module", "package"),
    [("usb://0416:5011", "usb", "pyusb"), ("serial:///dev/ttyUSB0", "serial", "pyserial")],
)
def test_a_usb_or_serial_printer_without_its_driver_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, text: str, module: str, package: str
) -> None:
    from pos.counter.printing import send

    # As on a till installed without the "printers" extra: the import fails.
    monkeypatch.setitem(sys.modules, module, None)
    address = parse_printer(text)
    assert address is not None
    with pytest.raises(PrinterError) as caught:
        send(address, b"\x1b@")
    assert caught.value.code == "no_driver"
    assert package in str(caught.value) and "wechatpay-pos[printers]" in str(caught.value)
