"""Cash sales and cash refunds: deals paid when stored, refunds given from the drawer.

WeChat Pay never hears of them, so the store keeps their own proof in place of WeChat's
``transaction_id``: a cash sale is stored PAID at once with the money received
(``cash_received_fen``, at least the amount), and :meth:`Store.transition` refuses every
move of it; a cash refund is stored SUCCESS at once, numbered ``<out_trade_no>C<nn>``.
"""

from __future__ import annotations

from datetime import datetime

import peewee

from pos.errors import RefundLimitError, StoreError
from pos.store.base import aware, detail_json, fen
from pos.store.records import (
    NO_STAMP,
    Deal,
    DealState,
    PaymentMethod,
    Refund,
    RefundState,
    Stamp,
)
from pos.store.refund_book import RefundBook
from pos.store.rows import deal_from_row, refund_from_row

#: What a cash deal carries where WeChat Pay's orders carry their signing method.
CASH_SIGN_TYPE = "CASH"


class CashBook(RefundBook):
    """The store's cash sales and cash refunds (mixed into :class:`~pos.store.store.Store`);
    a refund from the drawer keeps the refund book's limits."""

    def record_cash_sale(
        self,
        *,
        out_trade_no: str,
        amount_fen: int,
        cash_received_fen: int,
        product: str,
        till_id: str,
        now: datetime,
        stamp: Stamp = NO_STAMP,
    ) -> Deal:
        """Store a cash sale PAID, with its history (CREATED, then PAID), in one transaction.

        ``cash_received_fen`` is what the customer handed over (at least the amount); the
        change is the difference. No order window: time_start and time_expire are ``now``.
        """
        fen(amount_fen, "amount_fen")
        fen(cash_received_fen, "cash_received_fen")
        aware(now, "now")
        if cash_received_fen < amount_fen:
            raise ValueError("cash_received_fen is less than the amount")
        try:
            with self._write(f"storing cash sale {out_trade_no}"):
                row = self._m.deal.create(
                    out_trade_no=out_trade_no,
                    amount_fen=amount_fen,
                    product=product,
                    state=DealState.PAID.value,
                    till_id=till_id,
                    sign_type=CASH_SIGN_TYPE,
                    created_at=now,
                    updated_at=now,
                    time_start=now,
                    time_expire=now,
                    paid_at=now,
                    method=PaymentMethod.CASH.value,
                    cash_received_fen=cash_received_fen,
                    clerk=stamp.clerk_id,
                    shift=stamp.shift_id,
                )
                created = {"amount_fen": amount_fen, "product": product}
                self._record(
                    row,
                    None,
                    DealState.CREATED,
                    reason="created",
                    now=now,
                    detail=detail_json(created),
                )
                self._record(
                    row,
                    DealState.CREATED,
                    DealState.PAID,
                    reason="cash received",
                    now=now,
                    detail=detail_json({"cash_received_fen": cash_received_fen}),
                )
        except StoreError as exc:
            if isinstance(exc.__cause__, peewee.IntegrityError):
                raise StoreError(f"out_trade_no {out_trade_no} is already used") from exc
            raise
        return deal_from_row(row)

    def record_cash_refund(
        self,
        out_trade_no: str,
        refund_fee: int,
        reason: str,
        now: datetime,
        *,
        stamp: Stamp = NO_STAMP,
    ) -> Refund:
        """Store a refund of a cash sale, given from the drawer: SUCCESS at once, the deal
        PARTIALLY_REFUNDED or REFUNDED in the same transaction.

        RefundLimitError: not a cash sale (WeChat Pay refunds go through
        :meth:`create_refund`), not paid, more than what is left, or a 51st refund.
        """
        fen(refund_fee, "refund_fee")
        aware(now, "now")
        r = self._m.refund
        with self._write(f"storing a cash refund of {out_trade_no}"):
            deal = self._locked_deal(out_trade_no)
            if deal is None:
                raise RefundLimitError(f"no deal {out_trade_no}")
            if PaymentMethod(deal.method) is not PaymentMethod.CASH:
                raise RefundLimitError(
                    f"deal {out_trade_no} was paid by WeChat Pay: refund it there"
                )
            self._check_refund_limits(deal, refund_fee)
            # Counted under the deal's lock, so two refunds at once never share a number.
            count = r.select().where(r.deal == deal.id).count()
            row = r.create(
                deal=deal.id,
                out_refund_no=f"{out_trade_no}C{count + 1:02d}",
                refund_fee=refund_fee,
                reason=reason.strip()[:80],
                state=RefundState.SUCCESS.value,
                created_at=now,
                updated_at=now,
                success_time=now,
                clerk=stamp.clerk_id,
                shift=stamp.shift_id,
            )
            self._after_refund(deal, now=now, out_refund_no=row.out_refund_no)
        return refund_from_row(row, out_trade_no)
