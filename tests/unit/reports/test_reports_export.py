"""Exports read back (csv module, openpyxl) and checked against the store."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from helpers.deals import add_deal, mark_paid

from pos.cli import main
from pos.commands import run_export
from pos.config import Settings
from pos.errors import Cancelled, ConfigError
from pos.money import fen_to_decimal_yuan, format_fen
from pos.reports.day import DealRow, iter_rows, totals_of
from pos.reports.export import (
    WATCH_EVERY,
    _watched,
    columns,
    export,
    method_label,
    state_label,
    write_csv,
)
from pos.reports.progress import Watch
from pos.store import DealState, PaymentMethod, RefundState, Store
from pos.wechatpay.types import BEIJING

DAY = date(2026, 11, 24)
NEXT = date(2026, 11, 25)
PRODUCTS = ("拿铁咖啡", "芝士蛋糕, 大份", 'Tea "green"', "三明治\n加蛋")


def _deal(
    store: Store, number: str, amount: int, product: str, at: datetime, *, paid: bool = True
) -> None:
    add_deal(store, at, out_trade_no=number, amount_fen=amount, product=product, till_id="T1")
    if paid:
        mark_paid(store, number, at, "42" + number.rjust(26, "0")[-26:])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "pos.sqlite3")
    # Four deals on the 24th (Beijing), one refunded in part, one unpaid; one on the 25th.
    base = datetime(2026, 11, 24, 9, 15, tzinfo=BEIJING)
    for n, product in enumerate(PRODUCTS):
        _deal(
            opened, f"EXP{n:07d}", 1000 + 255 * n, product, base + timedelta(hours=n), paid=n != 3
        )
    opened.create_refund("EXP0000001", "EXP0000001R01", 300, "退一部分", base)
    opened.update_refund("EXP0000001R01", state=RefundState.SUCCESS, now=base)
    _deal(opened, "EXP0000099", 4321, "次日的", datetime(2026, 11, 25, 0, 5, tzinfo=BEIJING))
    yield opened
    opened.close()


def _expected(store: Store, first: date, last: date) -> list[DealRow]:
    """The store's own view: every deal created on those Beijing days."""
    start = datetime.combine(first, datetime.min.time(), tzinfo=BEIJING)
    end = datetime.combine(last, datetime.min.time(), tzinfo=BEIJING) + timedelta(days=1)
    deals = store.deals_between(start, end)
    assert deals, "the fixture must have deals on those days"
    return list(iter_rows(store, first, last))


def test_csv_has_a_bom_every_deal_and_the_totals(store: Store, tmp_path: Path) -> None:
    output = tmp_path / "day.csv"
    totals = export(store, DAY, DAY, "csv", output)
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese names as UTF-8
    with output.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == list(columns("zh_CN"))
    # The totals come after an empty row, so a spreadsheet's sort and filter leave them out.
    body, gap, total = lines[1:-2], lines[-2], lines[-1]
    assert gap == []
    expected = _expected(store, DAY, DAY)
    assert len(body) == len(expected) == 4
    for line, row in zip(body, expected, strict=True):
        assert line == [
            row.time.strftime("%Y-%m-%d %H:%M:%S"),
            row.product,
            format_fen(row.amount_fen),
            state_label(row.state),
            "\t" + row.out_trade_no,
            "\t" + row.transaction_id if row.transaction_id else "",
            format_fen(row.refunded_fen),
            format_fen(row.net_fen),
            "扫码",
        ]
    assert [line[1] for line in body] == list(PRODUCTS)  # commas, quotes, newlines survive
    assert body[1][3] == "部分退款" and body[1][6] == "3.00"
    assert body[3][3] == "创建中" and body[3][5] == "" and body[3][7] == "0.00"
    want = totals_of(expected)
    assert totals == want
    assert total[0] == f"合计（{want.count} 笔已支付）"
    assert total[2:] == [
        format_fen(want.gross_fen),
        "",
        "",
        "",
        format_fen(want.refunded_fen),
        format_fen(want.net_fen),
        "",
    ]
    # Money adds up exactly: the gross is the sum of the paid rows' amounts.
    assert sum(Decimal(line[2]) for line in body if line[3] != "创建中") == Decimal(total[2])


def test_xlsx_numbers_totals_and_frozen_header(store: Store, tmp_path: Path) -> None:
    output = tmp_path / "day.xlsx"
    totals = export(store, DAY, DAY, "xlsx", output)
    book = openpyxl.load_workbook(output)
    sheet = book.active
    assert sheet is not None
    assert sheet.title == "2026-11-24"
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == list(columns("zh_CN"))
    assert rows[0][0].font.bold
    expected = _expected(store, DAY, DAY)
    body = rows[1:-1]
    assert len(body) == len(expected)
    for cells, row in zip(body, expected, strict=True):
        when, product, amount, state, number, tid, refunded, net, method = cells
        assert method.value == method_label(row.method) == "扫码"
        assert when.value == row.time.replace(tzinfo=None)
        assert when.number_format == "yyyy-mm-dd hh:mm:ss"
        assert product.value == row.product
        for cell, fen in (
            (amount, row.amount_fen),
            (refunded, row.refunded_fen),
            (net, row.net_fen),
        ):
            assert isinstance(cell.value, int | float)  # a number, not text
            assert cell.number_format == "0.00"
            assert Decimal(str(cell.value)).quantize(Decimal("0.01")) == fen_to_decimal_yuan(fen)
        assert (state.value, number.value, tid.value or "") == (
            state_label(row.state),
            row.out_trade_no,
            row.transaction_id,
        )
    total = rows[-1]
    assert total[0].value == f"合计（{totals.count} 笔已支付）" and total[0].font.bold
    assert Decimal(str(total[2].value)) == fen_to_decimal_yuan(totals.gross_fen)
    assert Decimal(str(total[6].value)) == fen_to_decimal_yuan(totals.refunded_fen)
    assert Decimal(str(total[7].value)) == fen_to_decimal_yuan(totals.net_fen)
    assert total[2].number_format == "0.00"
    assert totals.gross_fen == 1000 + 1255 + 1510


def test_a_date_range_and_english_headers(store: Store, tmp_path: Path) -> None:
    output = tmp_path / "range.csv"
    export(store, DAY, NEXT, "csv", output, language="en")
    with output.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][0] == "Time"
    assert [line[4] for line in lines[1:-2]] == [
        "\t" + r.out_trade_no for r in _expected(store, DAY, NEXT)
    ]
    assert lines[-3][1] == "次日的" and lines[-2] == []
    assert lines[-1][0] == "Total (4 paid)"
    book_path = tmp_path / "range.xlsx"
    export(store, DAY, NEXT, "xlsx", book_path)
    sheet = openpyxl.load_workbook(book_path).active
    assert sheet is not None and sheet.title == "2026-11-24~2026-11-25"
    assert sheet.max_row == 1 + 5 + 1


def _row(product: str, out_trade_no: str, transaction_id: str) -> DealRow:
    return DealRow(
        time=datetime(2026, 11, 24, 9, tzinfo=BEIJING),
        product=product,
        amount_fen=1,
        state=DealState.PAID,
        out_trade_no=out_trade_no,
        transaction_id=transaction_id,
        refunded_fen=0,
    )


def test_long_numbers_stay_text_and_formulas_stay_words(tmp_path: Path) -> None:
    # A 28-digit WeChat number as a bare field is a number to Excel and LibreOffice
    # (4.2E+27); behind a tab it is text, every digit kept.
    tid = "4200001234202611241234567890"
    rows = [
        _row('=HYPERLINK("http://x","点我")', "20261124000001", tid),
        _row("-5元 优惠", "POS-01-000002", ""),
        _row("拿铁", "POS-01-000003", tid[:-1] + "1"),
    ]
    output = tmp_path / "excel.csv"
    write_csv(rows, output)
    with output.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert [line[5] for line in lines[1:4]] == ["\t" + tid, "", "\t" + tid[:-1] + "1"]
    assert lines[1][4] == "\t20261124000001"
    assert lines[1][1] == '\'=HYPERLINK("http://x","点我")'
    assert lines[2][1] == "'-5元 优惠" and lines[3][1] == "拿铁"
    assert lines[4] == [] and lines[5][0].startswith("合计")


def test_a_cancelled_export_stops_and_leaves_no_file(store: Store, tmp_path: Path) -> None:
    seen: list[int] = []
    watch = Watch(seen.append)

    def rows() -> Iterator[DealRow]:
        for n in range(5 * WATCH_EVERY):
            if n == 2 * WATCH_EVERY:
                watch.cancel()  # the manager pressed Cancel while the rows came
            yield _row("p", f"X{n:08d}", "")

    folder = tmp_path / "out"
    folder.mkdir()
    output = folder / "month.csv"
    with pytest.raises(Cancelled):
        write_csv(_watched(rows(), DAY, NEXT, watch), output)
    assert list(folder.iterdir()) == []  # neither the file nor its .part
    # 0, the reports at rows 200 and 400; the cancel came at row 401, the step at 600 stopped it.
    assert seen[0] == 0 and len(seen) == 3
    # Without a cancel the same export reports its way to the whole (1000 thousandths).
    done: list[int] = []
    export(store, DAY, NEXT, "csv", output, watch=Watch(done.append))
    assert done[0] == 0 and done[-1] == 1000 and output.exists()


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    def rows() -> Iterator[DealRow]:
        yield DealRow(
            time=datetime(2026, 11, 24, 9, tzinfo=BEIJING),
            product="p",
            amount_fen=1,
            state=DealState.PAID,
            out_trade_no="X00001",
            transaction_id="",
            refunded_fen=0,
        )
        raise OSError("disk vanished")

    output = tmp_path / "half.csv"
    with pytest.raises(OSError):
        write_csv(rows(), output)
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []


def test_run_cli_and_the_pos_export_command(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = tmp_path / "pos.sqlite3"
    settings = Settings(data_dir=tmp_path, database_path=database)
    output = tmp_path / "cli.xlsx"
    assert run_export(settings, DAY, DAY, "xlsx", output) == 0
    assert "3 paid, gross 37.65, refunded 3.00, net 34.65" in capsys.readouterr().out
    assert openpyxl.load_workbook(output).active is not None
    monkeypatch.setenv("POS_DATABASE", str(database))
    csv_out = tmp_path / "cmd.csv"
    assert (
        main(["export", "--date", "2026-11-24", "--to", "2026-11-25", "--output", str(csv_out)])
        == 0
    )
    with csv_out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + 5 + 1 + 1  # header, deals, gap, totals
    with pytest.raises(ConfigError, match="no database"):
        run_export(
            Settings(data_dir=tmp_path, database_path=tmp_path / "none.sqlite3"),
            DAY,
            DAY,
            "csv",
            tmp_path / "x.csv",
        )
    assert main(["export", "--date", "2026-11-24", "--output", str(tmp_path / "x.csv")]) == 0


def test_unknown_format_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="csv, xlsx"):
        export(store, DAY, DAY, "pdf", tmp_path / "x.pdf")


def test_utc_store_times_are_shown_in_beijing(store: Store) -> None:
    first = next(iter(iter_rows(store, DAY, DAY)))
    assert first.time == datetime(2026, 11, 24, 9, 15, tzinfo=BEIJING)
    assert first.time.astimezone(UTC).hour == 1


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_deal_state_has_a_label(language: str) -> None:
    labels = {state_label(state, language) for state in DealState}
    assert len(labels) == len(DealState)
    assert state_label(DealState.REVERSED, "zh_CN") == "已撤销"


def test_the_payment_method_is_the_last_column(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "methods.sqlite3")
    at = datetime(2026, 11, 24, 10, tzinfo=BEIJING)
    store.record_cash_sale(
        out_trade_no="MTH0000003",
        amount_fen=100,
        cash_received_fen=100,
        product="咖啡",
        till_id="T1",
        now=at + timedelta(seconds=3),
    )
    for number, method in (
        ("MTH0000001", PaymentMethod.NATIVE),
        ("MTH0000002", PaymentMethod.MICROPAY),
    ):
        store.create_deal(
            out_trade_no=number,
            amount_fen=100,
            product="咖啡",
            till_id="T1",
            time_start=at,
            time_expire=at + timedelta(minutes=5),
            sign_type="MD5",
            now=at + timedelta(seconds=int(number[-1])),
            method=method,
        )
    try:
        for language, header, labels in (
            ("zh_CN", "支付方式", ["扫码", "付款码", "现金"]),
            ("en", "Payment method", ["QR code", "Payment code", "Cash"]),
        ):
            output = tmp_path / f"{language}.csv"
            export(store, DAY, DAY, "csv", output, language=language)
            with output.open(encoding="utf-8-sig", newline="") as handle:
                lines = list(csv.reader(handle))
            assert lines[0][-1] == header and lines[0][:8] == list(columns(language))[:8]
            assert [line[-1] for line in lines[1:-2]] == labels
            book = tmp_path / f"{language}.xlsx"
            export(store, DAY, DAY, "xlsx", book, language=language)
            sheet = openpyxl.load_workbook(book).active
            assert sheet is not None
            assert [sheet.cell(row=r, column=9).value for r in (1, 2, 3, 4)] == [header, *labels]
    finally:
        store.close()
