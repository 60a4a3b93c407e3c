"""Reconciliation shop-wide: WeChat's bill of a day against every till's deals on the server.

The merchant's bill holds the orders of all the shop's tills; one till's store alone would
report the others' orders as "paid at WeChat, unknown here". Here the bill is compared with
the shop's day as the shop server has it (:meth:`pos.sync.ShopServerClient.day`, the day
before too: a deal paid after midnight was created the day before), with the same rules and
the same :class:`~pos.reports.reconcile.Difference` kinds as a till's own reconciliation:

* payments both ways: each paid row of the bill has its deal, paid, of the same amount and
  transaction; each deal paid on the day by WeChat (not cash) is in the bill;
* refunds by deal: the server keeps each deal's refunded total, so each refund row of the
  bill must be for a deal of the shop that has at least that much refunded. (A refund the
  till has and the bill lacks is for the till's own reconciliation, which has its refunds.)

``pos reconcile --shop`` runs it; so does the manager's view when the server answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pos.money import format_fen
from pos.reports.reconcile import (
    Difference,
    Kind,
    ReconcileReport,
    _compare_payment,
    _on_day,
    fetch_bill,
)
from pos.store.records import DealState, PaymentMethod
from pos.wechatpay.types import BEIJING, Bill, BillRow

if TYPE_CHECKING:
    from pos.reports.reconcile import BillClient
    from pos.sync.client import ShopServerClient
    from pos.sync.wire import ShopDeal


@dataclass(frozen=True)
class _ShopPayment:
    """A shop deal as the payment comparison reads a deal (its method as the enum)."""

    out_trade_no: str
    amount_fen: int
    state: DealState
    method: PaymentMethod
    transaction_id: str | None
    refunded_fen: int


def _view(deal: ShopDeal) -> _ShopPayment:
    return _ShopPayment(
        deal.out_trade_no,
        deal.amount_fen,
        deal.state,
        PaymentMethod(deal.method),
        deal.transaction_id,
        deal.refunded_fen,
    )


def reconcile_shop(bill: Bill | None, deals: Iterable[ShopDeal], day: date) -> ReconcileReport:
    """Compare ``bill`` (None: WeChat has none) with the shop's ``deals`` (those of ``day``
    and the day before, every till) for Beijing ``day``."""
    rows: tuple[BillRow, ...] = bill.rows if bill is not None else ()
    shop = {deal.out_trade_no: deal for deal in deals}
    differences: list[Difference] = []
    payments = [r for r in rows if r.trade_state != "REFUND"]
    refund_rows = [r for r in rows if r.trade_state == "REFUND"]
    matched_payments = 0
    for row in payments:
        deal = shop.get(row.out_trade_no)
        # A shop deal stands where the comparison reads a till's Deal: the same fields.
        found = _compare_payment(row, _view(deal) if deal is not None else None)  # type: ignore[arg-type]
        differences.extend(found)
        matched_payments += not found
    seen = {row.out_trade_no for row in payments}
    local_paid = [
        deal
        for deal in shop.values()
        if deal.state.is_paid
        and _on_day(deal.paid_at, day)
        and deal.method != PaymentMethod.CASH.value
    ]
    for deal in local_paid:
        if deal.out_trade_no not in seen:
            differences.append(
                Difference(
                    Kind.PAID_HERE_MISSING_THERE,
                    deal.out_trade_no,
                    f"paid at till {deal.till} {format_fen(deal.amount_fen)}"
                    + (f" at {deal.paid_at.astimezone(BEIJING):%H:%M:%S}" if deal.paid_at else ""),
                    local_fen=deal.amount_fen,
                    local_state=deal.state.value,
                )
            )
    refund_differences, matched_refunds = _check_refunds(refund_rows, shop)
    differences.extend(refund_differences)
    return ReconcileReport(
        day=day,
        has_bill=bill is not None,
        differences=tuple(differences),
        matched_payments=matched_payments,
        matched_refunds=matched_refunds,
        wechat_paid_fen=sum(r.total_fee for r in payments if r.trade_state == "SUCCESS"),
        wechat_refunded_fen=sum(r.applied_refund_fee for r in refund_rows),
        local_paid_fen=sum(deal.amount_fen for deal in local_paid),
        local_refunded_fen=0,  # the server has refunds per deal, not per day (see above)
        wechat_rows=len(rows),
        notes=("refunds checked per deal against the shop server's refunded totals",)
        if refund_rows
        else (),
    )


def _check_refunds(
    refund_rows: list[BillRow], shop: dict[str, ShopDeal]
) -> tuple[list[Difference], int]:
    """Each deal the bill refunded on the day is the shop's, with at least that refunded."""
    by_deal: dict[str, int] = {}
    for row in refund_rows:
        by_deal[row.out_trade_no] = by_deal.get(row.out_trade_no, 0) + row.applied_refund_fee
    differences: list[Difference] = []
    matched = 0
    for number, fen in sorted(by_deal.items()):
        deal = shop.get(number)
        if deal is None:
            differences.append(
                Difference(
                    Kind.REFUND_UNKNOWN_HERE,
                    number,
                    f"WeChat refunded {format_fen(fen)}; no such deal in the shop",
                    wechat_fen=fen,
                )
            )
        elif deal.refunded_fen < fen:
            differences.append(
                Difference(
                    Kind.REFUND_MISMATCH,
                    number,
                    f"WeChat refunded {format_fen(fen)} that day; the shop has "
                    f"{format_fen(deal.refunded_fen)} refunded in all",
                    local_fen=deal.refunded_fen,
                    wechat_fen=fen,
                )
            )
        else:
            matched += sum(1 for row in refund_rows if row.out_trade_no == number)
    return differences, matched


def shop_deals_for(client: ShopServerClient, day: date) -> list[ShopDeal]:
    """The shop's deals that can have been paid on ``day``: its own and the day before's."""
    return [*client.day(day - timedelta(days=1)), *client.day(day)]


def reconcile_shop_day(client: BillClient, shop: ShopServerClient, day: date) -> ReconcileReport:
    """Download the bill of ``day`` and reconcile it shop-wide (network: run it on a worker).
    ShopServerError when the shop server cannot give the day: no half answer."""
    bill = fetch_bill(client, day)
    return reconcile_shop(bill, shop_deals_for(shop, day), day)
