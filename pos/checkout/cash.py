"""A cash sale: the amount, the cash received, the change due; no call to WeChat Pay.

The sale is stored PAID at once (:meth:`pos.store.Store.record_cash_sale`) under an
``out_trade_no`` minted like every other deal's (the same counter: the number on the
customer's slip finds it for a refund). WeChat Pay never hears of it, so it has no
``transaction_id``: its proof is the cash received, at least the amount. It counts in the
shift's handover, the day's report and the exports, marked as cash; reconciliation with
WeChat's bill leaves it out.

A cash refund gives money back from the drawer, also without WeChat Pay: stored SUCCESS at
once, the deal PARTIALLY_REFUNDED or REFUNDED (:func:`refund_cash`).

Every amount is integer fen: a float, a bool or a string is a bug of the caller (TypeError);
what the clerk typed is parsed with :func:`pos.money.parse_amount` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.clock import Clock
from pos.errors import AmountError
from pos.store import NO_STAMP, Deal, Refund, Stamp

if TYPE_CHECKING:
    from pos.store import Store  # loads Peewee: the window imports this package before its paint

__all__ = ["CashSale", "change_due", "refund_cash", "sell_for_cash"]

#: What a cash sale is called when the clerk sold no product by name.
CASH_PRODUCT = "现金收款"


def _fen(value: object, name: str) -> int:
    # bool is an int subclass; True fen is a bug, not one fen.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int number of fen, not {type(value).__name__}")
    if value < 0:
        raise AmountError(f"{name} cannot be negative.", code="negative")
    return value


def change_due(amount_fen: int, received_fen: int) -> int:
    """The change to hand back: received − amount.

    AmountError: a negative or zero amount, a negative sum received (``negative``,
    ``zero``), or less received than the amount (``not_enough``). TypeError: not int fen.
    """
    amount = _fen(amount_fen, "amount_fen")
    received = _fen(received_fen, "received_fen")
    if amount == 0:
        raise AmountError("The amount must be more than zero.", code="zero")
    if received < amount:
        raise AmountError("Less cash received than the amount.", code="not_enough")
    return received - amount


@dataclass(frozen=True)
class CashSale:
    """A cash sale as stored: the deal (PAID), what was received, the change given."""

    deal: Deal
    received_fen: int
    change_fen: int


def sell_for_cash(
    store: Store,
    *,
    amount_fen: int,
    received_fen: int,
    till_id: str,
    clock: Clock,
    product: str = CASH_PRODUCT,
    stamp: Stamp = NO_STAMP,
) -> CashSale:
    """Store a cash sale PAID, stamped with the clerk and shift; returns it with its change.

    AmountError / TypeError as :func:`change_due` (then nothing is stored); StoreError
    (DiskFullError) if it could not be stored: then no sale happened, keep the cash out.
    """
    change = change_due(amount_fen, received_fen)
    now = clock()
    number = store.new_out_trade_no(till_id, now)
    deal = store.record_cash_sale(
        out_trade_no=number,
        amount_fen=amount_fen,
        cash_received_fen=received_fen,
        product=product.strip() or CASH_PRODUCT,
        till_id=till_id,
        now=now,
        stamp=stamp,
    )
    return CashSale(deal=deal, received_fen=received_fen, change_fen=change)


def refund_cash(
    store: Store,
    out_trade_no: str,
    refund_fen: int,
    reason: str,
    *,
    clock: Clock,
    stamp: Stamp = NO_STAMP,
) -> Refund:
    """Give ``refund_fen`` of a cash sale back from the drawer (a manager's action).

    RefundLimitError: not a cash sale, not paid, more than what is left, or a 51st refund.
    """
    _fen(refund_fen, "refund_fen")
    if refund_fen == 0:
        raise AmountError("The amount must be more than zero.", code="zero")
    return store.record_cash_refund(out_trade_no, refund_fen, reason, clock(), stamp=stamp)
