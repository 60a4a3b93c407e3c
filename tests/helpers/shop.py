"""Tills' deals for the shop server's tests: stores filled with paid, closed, refunded deals."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from pos.store import Deal, DealState, RefundState, Store

#: Noon in Beijing on a fixed day: every deal of a test falls in that business day.
NOON = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
_transactions = itertools.count(1)


def sell(
    store: Store,
    till: str,
    amount_fen: int = 2550,
    *,
    at: datetime = NOON,
    state: DealState = DealState.PAID,
) -> Deal:
    """One deal taken to ``state`` (PAID, CLOSED or left ORDERED) as a checkout would."""
    number = store.new_out_trade_no(till, at)
    store.create_deal(
        out_trade_no=number,
        amount_fen=amount_fen,
        product="咖啡",
        till_id=till,
        time_start=at,
        time_expire=at + timedelta(minutes=2),
        sign_type="MD5",
        now=at,
    )
    deal = store.transition(
        number, DealState.ORDERED, reason="ordered", now=at, code_url="weixin://wxpay/x"
    )
    if state is DealState.PAID:
        deal = store.transition(
            number,
            DealState.PAID,
            reason="paid",
            now=at + timedelta(seconds=5),
            transaction_id=f"42{next(_transactions):026d}",
            paid_at=at + timedelta(seconds=5),
        )
    elif state is DealState.CLOSED:
        deal = store.transition(number, DealState.CLOSED, reason="closed", now=at)
    return deal


def refund(store: Store, deal: Deal, fee: int, *, at: datetime = NOON) -> None:
    """A refund of ``fee`` that succeeds."""
    number = f"RF{deal.out_trade_no}{fee}"
    store.create_refund(deal.out_trade_no, number, fee, "退货", at)
    store.update_refund(
        number,
        state=RefundState.SUCCESS,
        now=at + timedelta(seconds=1),
        refund_id=f"50{next(_transactions):026d}",
        success_time=at + timedelta(seconds=1),
    )
