"""Slips as layouts: a list of blocks (text, pairs, rules, a barcode) independent of the output.

The same layout is sent to an ESC/POS printer (:mod:`pos.counter.printing`) and drawn as a
PNG preview (:mod:`pos.counter.preview`), so what the manager sees in the docs is what the
printer gets. Widths are in printer columns of font A: 32 on 58 mm paper, 48 on 80 mm; a
Chinese character takes two. Money is integer fen, shown with :func:`pos.money.format_fen`.
User text (shop, product, clerk) is printed as plain text: control characters, which an
ESC/POS printer would obey as commands, are replaced by spaces.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pos.money import format_fen

#: Paper width in millimetres -> columns of font A (12×24 dots: 384 and 576 dots wide).
COLUMNS = {58: 32, 80: 48}
#: Printable dots across the paper, for the barcode's width.
DOTS = {58: 384, 80: 576}
#: Dots per module of the barcode (ESC/POS ``GS w``: 2 is the narrowest it takes).
BARCODE_MODULE_DOTS = 2

#: The full-width yuan sign: in GBK (A3A4), so every Chinese printer has it; "¥" is not.
YUAN = "￥"
METHOD_NAMES = {"native": "微信支付（扫码）", "code": "微信支付（付款码）", "cash": "现金"}


@dataclass(frozen=True)
class Text:
    """One paragraph, wrapped to the paper; ``big`` is double width and height."""

    text: str
    align: str = "left"  # left, center, right
    bold: bool = False
    big: bool = False


@dataclass(frozen=True)
class Pair:
    """A label on the left and its value on the right of the same line (wrapped if too long)."""

    label: str
    value: str
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    """A line across the paper."""

    char: str = "-"


@dataclass(frozen=True)
class Barcode:
    """A Code128 barcode of ``data`` (ASCII), centred, its text printed under it."""

    data: str


@dataclass(frozen=True)
class Feed:
    lines: int = 1


Block = Text | Pair | Rule | Barcode | Feed


@dataclass(frozen=True)
class Layout:
    """What to print: blocks for a paper width (58 or 80 mm). The printer cuts after the last."""

    paper_mm: int
    blocks: tuple[Block, ...]

    @property
    def columns(self) -> int:
        return COLUMNS[self.paper_mm]


# --- what a slip says ----------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentSlip:
    """A paid deal as the customer's slip shows it. ``clerk`` is empty until tills have clerks."""

    shop: str
    till_id: str
    time: datetime
    product: str
    amount_fen: int
    out_trade_no: str
    transaction_id: str | None = None
    method: str = "native"  # "native" (the shop's QR), "code" (their payment code) or "cash"
    clerk: str = ""


@dataclass(frozen=True)
class RefundSlip:
    """A refund of a paid deal."""

    shop: str
    till_id: str
    time: datetime
    product: str
    paid_fen: int
    refund_fen: int
    out_trade_no: str
    out_refund_no: str
    transaction_id: str | None = None
    clerk: str = ""


# --- widths and wrapping -------------------------------------------------------------------


def plain(text: str) -> str:
    """User text safe for a printer: control characters (ESC, GS, newlines…) become spaces."""
    return "".join(" " if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)


def char_width(char: str) -> int:
    """Printer columns of one character: 2 for Chinese (wide and full-width), 0 for combining."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def wrap(text: str, columns: int) -> list[str]:
    """``text`` cut into lines of at most ``columns`` printer columns (by character)."""
    lines: list[str] = []
    line, width = "", 0
    for char in text:
        size = char_width(char)
        if width + size > columns and line:
            lines.append(line)
            line, width = "", 0
        line += char
        width += size
    if line or not lines:
        lines.append(line)
    return lines


def pair_lines(label: str, value: str, columns: int) -> list[str]:
    """``label ....... value`` on one line when it fits, else the value right-aligned below."""
    gap = columns - text_width(label) - text_width(value)
    if gap >= 1:
        return [label + " " * gap + value]
    lines = wrap(label, columns)
    for piece in wrap(value, columns):
        lines.append(" " * (columns - text_width(piece)) + piece)
    return lines


def text_lines(block: Text, columns: int) -> list[str]:
    """The lines of a paragraph, aligned with spaces (big text has half the columns)."""
    room = columns // 2 if block.big else columns
    lines = wrap(block.text, room)
    if block.align == "center":
        return [" " * ((room - text_width(line)) // 2) + line for line in lines]
    if block.align == "right":
        return [" " * (room - text_width(line)) + line for line in lines]
    return lines


def barcode_payload(data: str, paper_mm: int) -> str:
    """What the barcode holds: the whole number when its Code128 fits the paper, else its
    longest even run of trailing digits (time and counter: still unique in the manager's search,
    which finds a deal by any piece of its number)."""
    if code128_modules(data) * BARCODE_MODULE_DOTS <= DOTS[paper_mm]:
        return data
    digits = len(data) - len(data.rstrip("0123456789"))
    tail = data[len(data) - digits + digits % 2 :]
    return tail if tail else data


def code128_parts(data: str) -> list[tuple[str, str]]:
    """``data`` as Code128 runs: ("B", letters) and ("C", an even run of digits), in order.

    Code set C packs two digits in one symbol; a digit run of four or more is worth it.
    """
    parts: list[tuple[str, str]] = []
    index = 0
    while index < len(data):
        end = index
        while end < len(data) and data[end].isdigit():
            end += 1
        run = end - index
        if run >= 4:
            if run % 2:
                parts.append(("B", data[index]))
                index += 1
            parts.append(("C", data[index:end]))
            index = end
        else:
            stop = end if run else index + 1
            parts.append(("B", data[index:stop]))
            index = stop
    merged: list[tuple[str, str]] = []
    for code_set, text in parts:
        if merged and merged[-1][0] == code_set:
            merged[-1] = (code_set, merged[-1][1] + text)
        else:
            merged.append((code_set, text))
    return merged


def code128_modules(data: str) -> int:
    """Modules (narrowest bars) of ``data`` in Code128: start, symbols, switches, check, stop."""
    parts = code128_parts(data)
    symbols = sum(len(text) // 2 if code_set == "C" else len(text) for code_set, text in parts)
    switches = len(parts) - 1
    return 11 * (1 + symbols + switches + 1) + 13


# --- layouts --------------------------------------------------------------------------------


def _when(moment: datetime) -> str:
    # The caller gives the shop's wall clock (pos.clock.BusinessDay.local), not the computer's.
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _head(shop: str, title: str, till_id: str, clerk: str, moment: datetime) -> list[Block]:
    blocks: list[Block] = [
        Text(plain(shop), align="center", bold=True, big=True),
        Text(title, align="center"),
        Rule(),
        Pair("收银台", plain(till_id)),
    ]
    if clerk:
        blocks.append(Pair("收银员", plain(clerk)))
    blocks.append(Pair("时间", _when(moment)))
    return blocks


def payment_receipt(slip: PaymentSlip, paper_mm: int = 80) -> Layout:
    """The customer's slip of a paid deal, with ``out_trade_no`` as a barcode for refunds."""
    blocks = _head(slip.shop, "收款凭证", slip.till_id, slip.clerk, slip.time)
    blocks += [
        Rule(),
        Text(plain(slip.product)),
        Pair("金额", format_fen(slip.amount_fen, symbol=YUAN), bold=True),
        Pair("支付方式", METHOD_NAMES.get(slip.method, "微信支付")),
        Rule(),
    ]
    if slip.transaction_id:
        blocks += [Text("微信支付单号"), Text(slip.transaction_id)]
    blocks += [
        Text("商户单号"),
        Text(slip.out_trade_no),
        Barcode(barcode_payload(slip.out_trade_no, paper_mm)),
        Rule(),
        Text("谢谢惠顾", align="center"),
        Feed(2),
    ]
    return Layout(paper_mm, tuple(blocks))


def refund_receipt(slip: RefundSlip, paper_mm: int = 80) -> Layout:
    """The slip of a refund: what was paid, what went back, and both numbers."""
    blocks = _head(slip.shop, "退款凭证", slip.till_id, slip.clerk, slip.time)
    blocks += [
        Rule(),
        Text(plain(slip.product)),
        Pair("原支付金额", format_fen(slip.paid_fen, symbol=YUAN)),
        Pair("退款金额", format_fen(slip.refund_fen, symbol=YUAN), bold=True),
        Pair("退款方式", "原路退回微信支付"),
        Rule(),
    ]
    if slip.transaction_id:
        blocks += [Text("微信支付单号"), Text(slip.transaction_id)]
    blocks += [
        Text("商户单号"),
        Text(slip.out_trade_no),
        Text("退款单号"),
        Text(slip.out_refund_no),
        Barcode(barcode_payload(slip.out_trade_no, paper_mm)),
        Feed(2),
    ]
    return Layout(paper_mm, tuple(blocks))


def printer_test_page(shop: str, printer: str, paper_mm: int, moment: datetime) -> Layout:
    """The settings' test page: the printer's address, the paper width, Chinese text and a
    barcode, so one look tells whether encoding, width and barcodes are right."""
    columns = COLUMNS[paper_mm]
    digits = ("1234567890" * 5)[:columns]
    blocks: list[Block] = [
        Text(plain(shop), align="center", bold=True, big=True),
        Text("打印测试页", align="center"),
        Rule(),
        Pair("打印机", plain(printer)),
        Pair("纸宽", f"{paper_mm} mm / {columns} 字符"),
        Pair("时间", _when(moment)),
        Rule(),
        Text(digits),
        Text("中文：微信支付收款成功，谢谢惠顾。"),
        Pair("金额", format_fen(2550, symbol=YUAN), bold=True),
        Barcode("TEST20260101000001"),
        Rule("="),
        Feed(2),
    ]
    return Layout(paper_mm, tuple(blocks))


def layout_text(layout: Layout) -> list[str]:
    """The layout as the lines a person reads (barcodes as ``|| data ||``), for logs and tests."""
    lines: list[str] = []
    columns = layout.columns
    for block in layout.blocks:
        lines.extend(block_lines(block, columns))
    return lines


def block_lines(block: Block, columns: int) -> Sequence[str]:
    if isinstance(block, Text):
        return text_lines(block, columns)
    if isinstance(block, Pair):
        return pair_lines(block.label, block.value, columns)
    if isinstance(block, Rule):
        return [block.char * columns]
    if isinstance(block, Barcode):
        return [f"|| {block.data} ||"]
    return [""] * block.lines
