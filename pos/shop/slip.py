"""The handover slip (交班单) and the day's close (日结单) as layouts, and as a PDF.

The layouts are the counter's (:mod:`pos.counter.receipt`): the same blocks go to the
receipt printer (:func:`pos.counter.print_layout`), to a PNG (:mod:`pos.counter.preview`)
and to a PDF (:func:`save_pdf`, one page drawn as the printer would, with Pillow). Times are
the shop's wall clock; money is fen shown with :func:`pos.money.format_fen`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pos.clock import BEIJING_DAY, BusinessDay
from pos.counter.receipt import YUAN, Block, Feed, Layout, Pair, Rule, Text, plain
from pos.money import format_fen
from pos.platform import output_file
from pos.shop.day_close import DayClose
from pos.shop.handover import MethodTotals, ShiftSummary
from pos.store import PaymentMethod

#: How slips name the methods: the shop's QR, the customer's payment code, cash.
METHOD_NAMES = {
    PaymentMethod.NATIVE: "扫码",
    PaymentMethod.MICROPAY: "付款码",
    PaymentMethod.CASH: "现金",
}
#: Dots per inch of a receipt printer: the PDF's page is the paper's width.
PRINTER_DPI = 203.0


def _when(moment: datetime, business_day: BusinessDay) -> str:
    return business_day.local(moment).strftime("%Y-%m-%d %H:%M:%S")


def _money(fen: int) -> str:
    return format_fen(fen, symbol=YUAN)


def _signed(fen: int) -> str:
    """A difference: ``+￥1.00`` over, ``-￥1.00`` short, ``￥0.00`` even."""
    return ("+" if fen > 0 else "") + _money(fen)


def _method_blocks(totals: tuple[MethodTotals, ...]) -> list[Block]:
    """Each method with something in it (cash always: the drawer), then the net of all."""
    blocks: list[Block] = []
    for total in totals:
        if total.is_empty and total.method is not PaymentMethod.CASH:
            continue
        name = METHOD_NAMES[total.method]
        blocks += [
            Pair(f"{name}收款 {total.count}笔", _money(total.takings_fen)),
            Pair(f"{name}退款 {total.refund_count}笔", _money(-total.refunds_fen)),
            Pair(f"{name}净额", _money(total.net_fen), bold=True),
        ]
    blocks += [Rule(), Pair("合计净额", _money(sum(t.net_fen for t in totals)), bold=True)]
    return blocks


def _cash_blocks(float_fen: int, totals: tuple[MethodTotals, ...], counted_fen: int) -> list[Block]:
    cash = next(t for t in totals if t.method is PaymentMethod.CASH)
    expected = float_fen + cash.takings_fen - cash.refunds_fen
    difference = counted_fen - expected
    verdict = "长款" if difference > 0 else "短款" if difference < 0 else "无差额"
    return [
        Rule(),
        Text("钱箱"),
        Pair("备用金", _money(float_fen)),
        Pair("现金收款", _money(cash.takings_fen)),
        Pair("现金退款", _money(-cash.refunds_fen)),
        Pair("应有现金", _money(expected), bold=True),
        Pair("实点现金", _money(counted_fen), bold=True),
        Pair(f"差额（{verdict}）", _signed(difference), bold=True),
    ]


def handover_layout(
    summary: ShiftSummary,
    *,
    shop: str,
    paper_mm: int = 80,
    business_day: BusinessDay = BEIJING_DAY,
) -> Layout:
    """The handover slip: who, when, each method's figures, the drawer, the note, two
    signatures."""
    blocks: list[Block] = [
        Text(plain(shop), align="center", bold=True, big=True),
        Text("交班单", align="center"),
        Rule(),
        Pair("收银台", plain(summary.till_id)),
        Pair("班次", summary.shift_no),
        Pair("交班人", plain(f"{summary.clerk_number} {summary.clerk_name}")),
    ]
    if summary.closed_by_name:
        blocks.append(Pair("清点人", plain(summary.closed_by_name)))
    if summary.next_clerk_name:
        blocks.append(Pair("接班人", plain(summary.next_clerk_name)))
    blocks += [
        Pair("开始", _when(summary.opened_at, business_day)),
        Pair("结束", _when(summary.closed_at, business_day)),
        Rule(),
        *_method_blocks(summary.totals),
        *_cash_blocks(summary.float_fen, summary.totals, summary.counted_fen),
    ]
    if summary.note:
        blocks += [Rule(), Text("备注：" + plain(summary.note))]
    blocks += [
        Rule(),
        Feed(1),
        Text("交班人签字："),
        Feed(1),
        Text("接班人签字："),
        Feed(2),
    ]
    return Layout(paper_mm, tuple(blocks))


def day_close_layout(
    close: DayClose,
    *,
    shop: str,
    paper_mm: int = 80,
    business_day: BusinessDay = BEIJING_DAY,
) -> Layout:
    """The day's close: the shop's figures by method, each till's net, every shift's drawer."""
    blocks: list[Block] = [
        Text(plain(shop), align="center", bold=True, big=True),
        Text("日结单", align="center"),
        Rule(),
        Pair("营业日", close.day.isoformat()),
        Pair("日结时间", _when(close.closed_at, business_day)),
        Pair("日结收银台", plain(close.till_id)),
    ]
    if close.closed_by_name:
        blocks.append(Pair("日结人", plain(close.closed_by_name)))
    blocks += [Pair("收银台", " ".join(plain(t) for t in close.tills) or "—"), Rule()]
    blocks += _method_blocks(close.totals)
    blocks += [Rule(), Text("各收银台净额")]
    for till, totals in close.by_till().items():
        blocks.append(Pair(plain(till), _money(sum(t.net_fen for t in totals))))
    blocks += [Rule(), Text(f"班次 {len(close.shifts)}个")]
    for shift in close.shifts:
        blocks.append(
            Pair(
                plain(f"{shift.till_id} {shift.clerk_name}"),
                f"差额 {_signed(shift.difference_fen)}",
            )
        )
    blocks += [
        Rule(),
        Pair("应有现金", _money(close.expected_fen), bold=True),
        Pair("实点现金", _money(close.counted_fen), bold=True),
        Pair("现金差额", _signed(close.difference_fen), bold=True),
        Feed(2),
    ]
    return Layout(paper_mm, tuple(blocks))


def save_pdf(layout: Layout, target: Path, *, font_path: Path | None = None) -> Path:
    """``layout`` as a one-page PDF at ``target``, drawn as the printer would (the page is
    the paper's width at 203 dpi). Written whole or not at all, and private (0600)."""
    from pos.counter.preview import render_image

    image = render_image(layout, font_path=font_path)
    with output_file(target) as temporary:
        image.save(temporary, "PDF", resolution=PRINTER_DPI)
    return target
