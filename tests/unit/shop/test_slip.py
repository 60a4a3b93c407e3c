"""The handover and day-close slips: what they say, on 58 and 80 mm, to the printer and as PDF."""

from __future__ import annotations

import re
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pos.counter.preview import MARGIN
from pos.counter.printing import escpos_bytes
from pos.counter.receipt import COLUMNS, DOTS, layout_text, text_width
from pos.shop import MethodTotals, ShiftSummary, close_day
from pos.shop.slip import PRINTER_DPI, day_close_layout, handover_layout, save_pdf
from pos.store import PaymentMethod

OPENED = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00 Beijing
SUMMARY = ShiftSummary(
    shift_no="ST120261124090000a1b2c3",
    till_id="T1",
    clerk_number=2,
    clerk_name="小李",
    opened_at=OPENED,
    closed_at=OPENED + timedelta(hours=8, minutes=30),
    float_fen=20_000,
    counted_fen=23_000,
    totals=(
        MethodTotals(PaymentMethod.NATIVE, 12, 30_550, 1, 1000),
        MethodTotals(PaymentMethod.MICROPAY),
        MethodTotals(PaymentMethod.CASH, 2, 3550, 1, 500),
    ),
    note="少了五角，可能找错零钱",
    next_clerk_name="小张",
)


def _line(lines: list[str], *parts: str) -> bool:
    return any(all(part in line for part in parts) for line in lines)


def test_the_handover_slip_says_each_methods_figures_and_the_drawer() -> None:
    lines = layout_text(handover_layout(SUMMARY, shop="示例商店"))
    assert _line(lines, "交班单")
    assert _line(lines, "交班人", "2 小李") and _line(lines, "接班人", "小张")
    assert _line(lines, "开始", "2026-11-24 09:00:00")  # the shop's clock, not UTC
    assert _line(lines, "结束", "2026-11-24 17:30:00")
    assert _line(lines, "扫码收款 12笔", "￥305.50")
    assert _line(lines, "扫码退款 1笔", "-￥10.00")
    assert _line(lines, "扫码净额", "￥295.50")
    assert not _line(lines, "付款码")  # nothing paid by code in this shift: left out
    assert _line(lines, "现金收款 2笔", "￥35.50") and _line(lines, "现金退款 1笔", "-￥5.00")
    assert _line(lines, "合计净额", "￥326.00")
    assert _line(lines, "备用金", "￥200.00")
    assert _line(lines, "应有现金", "￥230.50") and _line(lines, "实点现金", "￥230.00")
    assert _line(lines, "差额（短款）", "-￥0.50")
    assert _line(lines, "备注：少了五角")
    assert _line(lines, "交班人签字") and _line(lines, "接班人签字")


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_the_slips_fit_the_paper_and_reach_the_printer(paper_mm: int) -> None:
    close = close_day(
        date(2026, 11, 24),
        [SUMMARY],
        closed_at=SUMMARY.closed_at,
        till_id="T1",
        closed_by_name="王店长",
    )
    for layout in (
        handover_layout(SUMMARY, shop="示例商店", paper_mm=paper_mm),
        day_close_layout(close, shop="示例商店", paper_mm=paper_mm),
    ):
        assert all(text_width(line) <= COLUMNS[paper_mm] for line in layout_text(layout))
        data = escpos_bytes(layout)
        assert "￥230.00".encode("gb18030") in data


def test_an_even_drawer_and_an_over_one() -> None:
    even = layout_text(handover_layout(_counted(23_050), shop="店"))
    assert _line(even, "差额（无差额）", "￥0.00")
    over = layout_text(handover_layout(_counted(23_100), shop="店"))
    assert _line(over, "差额（长款）", "+￥0.50")


def _counted(fen: int) -> ShiftSummary:
    from dataclasses import replace

    return replace(SUMMARY, counted_fen=fen)


def test_the_day_close_slip_names_every_till_and_shift() -> None:
    other = ShiftSummary(
        shift_no="ST2",
        till_id="T2",
        clerk_number=3,
        clerk_name="小张",
        opened_at=OPENED,
        closed_at=OPENED + timedelta(hours=4),
        float_fen=10_000,
        counted_fen=11_000,
        totals=(MethodTotals(PaymentMethod.CASH, 1, 1000, 0, 0),),
    )
    close = close_day(
        date(2026, 11, 24),
        [SUMMARY, other],
        closed_at=OPENED,
        till_id="T1",
        closed_by_name="王店长",
    )
    lines = layout_text(day_close_layout(close, shop="示例商店"))
    assert _line(lines, "日结单") and _line(lines, "营业日", "2026-11-24")
    assert _line(lines, "收银台", "T1 T2") and _line(lines, "日结人", "王店长")
    assert _line(lines, "T1", "￥326.00") and _line(lines, "T2", "￥10.00")
    assert _line(lines, "T1 小李", "-￥0.50") and _line(lines, "T2 小张", "￥0.00")
    assert _line(lines, "现金差额", "-￥0.50")


def test_the_handover_is_saved_as_a_private_pdf(tmp_path: Path) -> None:
    target = tmp_path / "交班单.pdf"
    save_pdf(handover_layout(SUMMARY, shop="示例商店"), target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-16:]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # The page is the paper's width: 576 dots and the preview's margins, at 203 dpi.
    box = re.search(rb"/MediaBox \[ ?0 0 ([0-9.]+) ([0-9.]+) ?\]", data)
    assert box is not None
    assert float(box[1]) == pytest.approx((DOTS[80] + 2 * MARGIN) * 72 / PRINTER_DPI)
