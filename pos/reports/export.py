"""The day's (or a date range's) deals to CSV or XLSX, streamed, with a totals row.

* CSV: UTF-8 with a BOM, so Excel opens the Chinese product names correctly; amounts as
  ``25.50`` text (exact, from fen). The order and transaction numbers (WeChat's are 28
  digits) start with a tab character: a field that is all digits becomes a number in Excel
  and LibreOffice (``4.2E+27``, the last 13 digits lost), while a field that starts with a tab
  is not a number for either, with its default import settings, so it stays text and shows
  every digit. The alternatives fail one of them: ``="…"`` is a formula that LibreOffice
  imports as literal text unless "Evaluate formulas" is ticked, and a leading apostrophe is
  shown as an apostrophe by both. (The tab is in the cell: a formula that compares the
  numbers sees it; WeChat's own bill marks its numbers with a backtick for the same reason,
  §3.8.) The last column says how the customer paid: cash sales are marked 现金 (they have
  no WeChat transaction). A product name that starts like a formula (``= + - @``) gets a
  leading apostrophe, so the spreadsheet shows it as text and never runs it.
  The totals row comes after one empty row: Excel's and LibreOffice's sort, filter and
  table commands take the block of rows around the cursor, which then ends at the empty
  row, so the totals stay out of the data (and at its foot, where a spreadsheet has them).
* XLSX: openpyxl's write-only mode (rows go to disk as they come); amounts are numbers,
  exact :class:`~decimal.Decimal` values from :func:`pos.money.fen_to_decimal_yuan` with
  ``number_format`` ``0.00``; times are Beijing time; the header row is frozen.

Both read the store batch by batch (:func:`pos.reports.day.iter_rows`) and write row by
row, so memory stays flat as the number of deals grows. The file appears under its name only
when complete (written next to it, 0600, then renamed), so a failed export leaves no half file;
a FIFO, a device or standard output (``-``) gets the whole file or nothing, and is never
replaced by a file.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.clock import BEIJING_DAY, BusinessDay
from pos.money import fen_to_decimal_yuan, format_fen
from pos.platform import output_file
from pos.reports.day import DealRow, Totals, day_bounds, iter_rows
from pos.reports.progress import WHOLE, Watch
from pos.store import DealState, PaymentMethod, Store

if TYPE_CHECKING:
    pass

__all__ = [
    "FORMATS",
    "columns",
    "export",
    "method_label",
    "state_label",
    "write_csv",
    "write_xlsx",
]

FORMATS = ("csv", "xlsx")

_COLUMNS: dict[str, tuple[str, ...]] = {
    "zh_CN": (
        "时间",
        "商品",
        "金额(元)",
        "状态",
        "商户订单号",
        "微信订单号",
        "已退款(元)",
        "实收(元)",
        "支付方式",
    ),
    "en": (
        "Time",
        "Product",
        "Amount (CNY)",
        "State",
        "Order number (out_trade_no)",
        "WeChat transaction",
        "Refunded (CNY)",
        "Net (CNY)",
        "Method",
    ),
}
#: How the customer paid; cash sales are marked 现金 (they are not in WeChat's bill).
_METHODS: dict[str, dict[PaymentMethod, str]] = {
    "zh_CN": {
        PaymentMethod.NATIVE: "微信扫码",
        PaymentMethod.MICROPAY: "微信付款码",
        PaymentMethod.CASH: "现金",
    },
    "en": {
        PaymentMethod.NATIVE: "WeChat QR",
        PaymentMethod.MICROPAY: "WeChat payment code",
        PaymentMethod.CASH: "Cash",
    },
}
_STATES: dict[str, dict[DealState, str]] = {
    "zh_CN": {
        DealState.CREATED: "创建中",
        DealState.ORDERED: "待支付",
        DealState.PAID: "已支付",
        DealState.CLOSING: "关闭中",
        DealState.CLOSED: "已关闭",
        DealState.FAILED: "下单失败",
        DealState.PARTIALLY_REFUNDED: "部分退款",
        DealState.REFUNDED: "已退款",
    },
    "en": {
        DealState.CREATED: "Creating",
        DealState.ORDERED: "Waiting",
        DealState.PAID: "Paid",
        DealState.CLOSING: "Closing",
        DealState.CLOSED: "Closed",
        DealState.FAILED: "Failed",
        DealState.PARTIALLY_REFUNDED: "Partly refunded",
        DealState.REFUNDED: "Refunded",
    },
}
_TOTAL: dict[str, str] = {"zh_CN": "合计（{count} 笔已支付）", "en": "Total ({count} paid)"}
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_PAID_STATES = frozenset(state for state in DealState if state.is_paid)
#: Column widths of the sheet, in characters (Chinese characters count about double).
_WIDTHS = (20, 24, 12, 12, 30, 32, 12, 12, 14)


def _language(language: str) -> str:
    return language if language in _COLUMNS else "en"


def columns(language: str = "zh_CN") -> tuple[str, ...]:
    """The header row, in the manager's language (zh_CN by default, else English)."""
    return _COLUMNS[_language(language)]


def state_label(state: DealState, language: str = "zh_CN") -> str:
    return _STATES[_language(language)][state]


def method_label(method: PaymentMethod, language: str = "zh_CN") -> str:
    return _METHODS[_language(language)][method]


def total_label(totals: Totals, language: str = "zh_CN") -> str:
    return _TOTAL[_language(language)].format(count=totals.count)


@contextmanager
def _atomic(output: Path) -> Iterator[Path]:
    """A temporary path that becomes ``output`` if the block succeeds: renamed over a regular
    file, copied into a FIFO or a device, or to standard output for ``-``
    (:func:`pos.platform.output_file`)."""
    with output_file(output) as temporary:
        yield temporary


def _yuan(fen: int) -> str:
    # format_fen's text, without its checks (rows carry store ints): a third of the CSV's
    # time at 100,000 rows went to them.
    return f"{fen // 100}.{fen % 100:02d}" if fen >= 0 else format_fen(fen)


def _sum(rows: Iterable[DealRow], into: list[int]) -> Iterator[DealRow]:
    """Pass the rows on, adding them up in ``into`` [count, gross, refunded, all_count]
    (plain ints: a new frozen Totals per row costs more than writing the row)."""
    count = gross = refunded = all_count = 0
    paid = _PAID_STATES
    for row in rows:
        all_count += 1
        if row.state in paid:
            count += 1
            gross += row.amount_fen
            refunded += row.refunded_fen
        yield row
    into[:] = [count, gross, refunded, all_count]


#: What makes a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _as_text(number: str) -> str:
    """A number that must stay text in Excel and LibreOffice: a leading tab (module doc)."""
    return "\t" + number if number else ""


def _plain(text: str) -> str:
    """User text shown as text: an apostrophe before what would start a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(rows: Iterable[DealRow], output: Path, *, language: str = "zh_CN") -> Totals:
    """Write the rows, an empty row and a totals row as CSV (UTF-8 with BOM); return the
    totals. Order and transaction numbers start with a tab (module docstring)."""
    labels = _STATES[_language(language)]
    methods = _METHODS[_language(language)]
    paid = _PAID_STATES
    sums = [0, 0, 0, 0]
    with (
        _atomic(output) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow(columns(language))
        writer.writerows(
            (
                # isoformat is several times faster than strftime; its first 19 characters
                # are _TIME_FORMAT's "YYYY-MM-DD HH:MM:SS".
                row.time.isoformat(" ", "seconds")[:19],
                _plain(row.product),
                _yuan(row.amount_fen),
                labels[row.state],
                _as_text(row.out_trade_no),
                _as_text(row.transaction_id),
                _yuan(row.refunded_fen),
                _yuan(row.amount_fen - row.refunded_fen if row.state in paid else 0),
                methods[row.method],
            )
            for row in _sum(rows, sums)
        )
        totals = Totals(*sums)
        writer.writerow(())
        writer.writerow(
            (
                total_label(totals, language),
                "",
                format_fen(totals.gross_fen),
                "",
                "",
                "",
                format_fen(totals.refunded_fen),
                format_fen(totals.net_fen),
                "",
            )
        )
    return totals


def write_xlsx(
    rows: Iterable[DealRow], output: Path, *, language: str = "zh_CN", title: str = "Deals"
) -> Totals:
    """Write the rows and a totals row as an XLSX sheet (write-only, streamed)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet: Any = workbook.create_sheet(title=title[:31])
    # Write-only sheets take column widths and panes before the first row only.
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value: object, *, number_format: str | None = None, is_bold: bool = False) -> Any:
        made = WriteOnlyCell(sheet, value=value)
        if number_format is not None:
            made.number_format = number_format
        if is_bold:
            made.font = bold
        return made

    def money(fen: int, *, is_bold: bool = False) -> Any:
        # Exact Decimal (never float arithmetic); "0.00" shows the two decimals.
        return cell(fen_to_decimal_yuan(fen), number_format="0.00", is_bold=is_bold)

    sheet.append([cell(name, is_bold=True) for name in columns(language)])
    # One styled cell per styled column, made once and given each row's value: a write-only
    # sheet writes a row out within append(), so the cells are free again when it returns,
    # and styling 400,000 new cells (a style lookup each) was a tenth of the export's time.
    when = cell(None, number_format="yyyy-mm-dd hh:mm:ss")
    amount, refunded, net = money(0), money(0), money(0)
    labels = _STATES[_language(language)]
    methods = _METHODS[_language(language)]
    paid = _PAID_STATES
    sums = [0, 0, 0, 0]
    append = sheet.append
    for row in _sum(rows, sums):
        # Excel has no time zones: the naive Beijing wall-clock time is what it shows.
        when.value = row.time.replace(tzinfo=None)
        amount.value = fen_to_decimal_yuan(row.amount_fen)
        refunded.value = fen_to_decimal_yuan(row.refunded_fen)
        net.value = fen_to_decimal_yuan(
            row.amount_fen - row.refunded_fen if row.state in paid else 0
        )
        append(
            (
                when,
                row.product,
                amount,
                labels[row.state],
                row.out_trade_no,
                row.transaction_id,
                refunded,
                net,
                methods[row.method],
            )
        )
    totals = Totals(*sums)
    sheet.append(
        [
            cell(total_label(totals, language), is_bold=True),
            None,
            money(totals.gross_fen, is_bold=True),
            None,
            None,
            None,
            money(totals.refunded_fen, is_bold=True),
            money(totals.net_fen, is_bold=True),
        ]
    )
    with _atomic(output) as temporary:
        workbook.save(temporary)
    return totals


Writer = Callable[..., Totals]
_WRITERS: dict[str, Writer] = {"csv": write_csv, "xlsx": write_xlsx}


#: How many rows go by between two progress reports (and checks for a cancel).
WATCH_EVERY = 200


def _watched(
    rows: Iterable[DealRow],
    date_from: date,
    date_to: date,
    watch: Watch,
    business_day: BusinessDay = BEIJING_DAY,
) -> Iterator[DealRow]:
    """The rows, reporting how far into the period they are (rows come oldest first) and
    stopping with Cancelled when the watch was cancelled: the writer's ``_atomic`` block then
    removes the partial file."""
    start, _ = day_bounds(date_from, business_day)
    _, end = day_bounds(date_to, business_day)
    span = end - start
    watch.step(0)
    for count, row in enumerate(rows, start=1):
        if count % WATCH_EVERY == 0:
            watch.step((row.time - start) * WHOLE // span)
        yield row
    watch.step(WHOLE)


def export(
    store: Store,
    date_from: date,
    date_to: date,
    fmt: str,
    output: Path,
    *,
    language: str = "zh_CN",
    watch: Watch | None = None,
    business_day: BusinessDay = BEIJING_DAY,
) -> Totals:
    """Export the deals of ``date_from``..``date_to`` (the shop's business days, inclusive)
    to ``output``.

    With ``watch`` it reports its progress and stops (Cancelled, no file) when cancelled."""
    if fmt not in _WRITERS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    rows: Iterable[DealRow] = iter_rows(store, date_from, date_to, business_day=business_day)
    if watch is not None:
        rows = _watched(rows, date_from, date_to, watch, business_day)
    if fmt == "xlsx":
        title = date_from.isoformat() + ("" if date_to == date_from else f"~{date_to.isoformat()}")
        return write_xlsx(rows, output, language=language, title=title)
    return write_csv(rows, output, language=language)
