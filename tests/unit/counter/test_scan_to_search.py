"""A manager scans the barcode of a customer's slip into the search: it finds that deal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from helpers.manager_world import World, open_world

from pos.counter.receipt import Barcode, PaymentSlip, payment_receipt
from pos.reports.day import day_report, search_rows
from pos.wechatpay.types import BEIJING


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with open_world(tmp_path) as made:
        yield made


@pytest.mark.parametrize(("till", "paper_mm"), [("T1", 58), ("POS-01", 58), ("POS-01", 80)])
def test_the_barcode_of_a_slip_finds_its_deal_in_the_managers_search(
    world: World, till: str, paper_mm: int
) -> None:
    world.till = till
    deals = [
        world.paid_deal(fen, name) for fen, name in ((2550, "拿铁"), (2550, "拿铁"), (900, "茶"))
    ]
    rows = day_report(world.store, datetime.now(BEIJING).date()).rows
    for deal in deals:
        slip = PaymentSlip(
            shop="店",
            till_id=deal.till_id,
            time=deal.created_at,
            product=deal.product,
            amount_fen=deal.amount_fen,
            out_trade_no=deal.out_trade_no,
            transaction_id=deal.transaction_id,
        )
        (barcode,) = [b for b in payment_receipt(slip, paper_mm).blocks if isinstance(b, Barcode)]
        # 58 mm paper and a long till id: the barcode holds the number's digits (a piece).
        assert (barcode.data != deal.out_trade_no) == (till == "POS-01" and paper_mm == 58)
        found = search_rows(rows, barcode.data)  # what the scanner types into the search box
        assert [row.out_trade_no for row in found] == [deal.out_trade_no]
