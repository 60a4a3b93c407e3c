"""Deals written straight into a store, as a till would have left them (the tests' one way).

``add_deal`` stores a deal CREATED; ``mark_ordered`` gives it an order (a QR code) and
``mark_paid`` moves it to PAID with a transaction id.
Every field a test does not name has a plain default; a test names what it is about.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pos.store import Deal, DealState, Store

#: How long a test deal's order would live at WeChat Pay (its ``time_expire``).
ORDER_MINUTES = 6


def add_deal(store: Store, at: datetime, **fields: Any) -> Deal:
    """A new deal created at ``at`` (2550 fen of 咖啡 on till POS01 unless ``fields`` say
    otherwise; a fresh ``out_trade_no`` from the store unless one is given)."""
    values: dict[str, Any] = {
        "amount_fen": 2550,
        "product": "咖啡",
        "till_id": "POS01",
        "time_start": at,
        "time_expire": at + timedelta(minutes=ORDER_MINUTES),
        "sign_type": "MD5",
        "now": at,
        **fields,
    }
    if "out_trade_no" not in values:
        values["out_trade_no"] = store.new_out_trade_no(values["till_id"], at)
    return store.create_deal(**values)


def mark_ordered(
    store: Store,
    out_trade_no: str,
    at: datetime,
    code_url: str = "weixin://wxpay/bizpayurl?pr=1",
    prepay_id: str = "wx1",
    reason: str = "order created",
) -> Deal:
    """The deal's order created at WeChat Pay at ``at``: its QR payload and prepay id."""
    return store.transition(
        out_trade_no,
        DealState.ORDERED,
        reason=reason,
        now=at,
        code_url=code_url,
        prepay_id=prepay_id,
    )


def mark_paid(
    store: Store, out_trade_no: str, at: datetime, transaction_id: str = "4200001", **fields: Any
) -> Deal:
    """The deal paid at ``at`` (WeChat's ``transaction_id``; more columns in ``fields``)."""
    values: dict[str, Any] = {"reason": "paid", "paid_at": at, **fields}
    return store.transition(
        out_trade_no, DealState.PAID, now=at, transaction_id=transaction_id, **values
    )
