"""The store's own types: deal and refund states, the allowed moves, and frozen records.

These are what the layers above the store see (STYLE rule 4): never a Peewee row.
Money is integer fen; every time is a timezone-aware datetime (returned in UTC).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

#: How ``last_error`` starts when the deal needs a person (:attr:`Deal.alarm`).
ALARM_PREFIX = "ALARM: "


class PaymentMethod(enum.StrEnum):
    """How the customer paid: the shop's QR (Native), their payment code (micropay), or cash.

    Stored in the deal's ``method`` column (schema version 2); deals of version 1 are NATIVE.
    """

    NATIVE = "native"
    MICROPAY = "micropay"
    CASH = "cash"


class DealState(enum.StrEnum):
    """Where a deal stands. It only moves forward, along :data:`DEAL_TRANSITIONS`.

    CREATED: stored with its out_trade_no, before any network call.
    ORDERED: WeChat Pay has the order; the QR is shown.
    CLOSING: the clerk gave up (timeout or cancel); closeorder pending or retrying; still watched.
    CLOSED: WeChat Pay says the order is closed (nothing was charged).
    FAILED: the order definitely was not created (nothing at WeChat Pay).
    PAID: a verified orderquery or notification says paid (``is_late`` if after the clerk gave up).
    PARTIALLY_REFUNDED, REFUNDED: refunds succeeded after PAID.

    A payment code (``method`` MICROPAY) uses CREATED (stored before ``micropay``), ORDERED
    (WeChat Pay holds the order: the customer is typing the password), PAID, FAILED (refused:
    nothing was charged) and two states of its own:

    REVERSING: not paid in time, or the clerk cancelled: ``secapi/pay/reverse`` pending or
    repeating (§3.10); still watched, settled at start-up if the till died.
    REVERSED: WeChat Pay reversed the order (REVOKED): nothing is kept, any money went back.
    """

    CREATED = "CREATED"
    ORDERED = "ORDERED"
    PAID = "PAID"
    CLOSING = "CLOSING"
    CLOSED = "CLOSED"
    FAILED = "FAILED"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED"
    REFUNDED = "REFUNDED"
    REVERSING = "REVERSING"
    REVERSED = "REVERSED"

    @property
    def is_unfinished(self) -> bool:
        """The deal still needs watching (recovery reconciles these at start-up)."""
        return self in UNFINISHED_STATES

    @property
    def is_paid(self) -> bool:
        """Money was taken (refunds may have given some or all of it back)."""
        return self in (DealState.PAID, DealState.PARTIALLY_REFUNDED, DealState.REFUNDED)


UNFINISHED_STATES = frozenset(
    {DealState.CREATED, DealState.ORDERED, DealState.CLOSING, DealState.REVERSING}
)

#: Every allowed move. CLOSED/FAILED -> PAID exist because WeChat Pay is the truth (§4.1,
#: §5.2 step 10): a verified payment that arrives after we wrote the deal off (a lax
#: time_expire, §4.5, or an order created by a request we thought lost) must never be lost.
#: A reverse gives any money back (§3.10), so REVERSED never becomes PAID; REVERSING does
#: when WeChat Pay refuses the reverse of an order the customer paid. CREATED/ORDERED ->
#: REVERSED: WeChat Pay revoked an unpaid payment-code order by itself (45 s, §4.5).
DEAL_TRANSITIONS: dict[DealState, frozenset[DealState]] = {
    DealState.CREATED: frozenset(
        {
            DealState.ORDERED,
            DealState.PAID,
            DealState.CLOSING,
            DealState.CLOSED,
            DealState.FAILED,
            DealState.REVERSING,
            DealState.REVERSED,
        }
    ),
    DealState.ORDERED: frozenset(
        {
            DealState.PAID,
            DealState.CLOSING,
            DealState.CLOSED,
            DealState.REVERSING,
            DealState.REVERSED,
        }
    ),
    DealState.CLOSING: frozenset({DealState.PAID, DealState.CLOSED, DealState.FAILED}),
    DealState.CLOSED: frozenset({DealState.PAID}),
    DealState.FAILED: frozenset({DealState.PAID}),
    DealState.PAID: frozenset({DealState.PARTIALLY_REFUNDED, DealState.REFUNDED}),
    DealState.PARTIALLY_REFUNDED: frozenset({DealState.PARTIALLY_REFUNDED, DealState.REFUNDED}),
    DealState.REFUNDED: frozenset(),
    DealState.REVERSING: frozenset(
        {DealState.REVERSED, DealState.PAID, DealState.CLOSED, DealState.FAILED}
    ),
    DealState.REVERSED: frozenset(),
}


def is_allowed(from_state: DealState, to_state: DealState) -> bool:
    """Whether ``from_state -> to_state`` is a move of :data:`DEAL_TRANSITIONS`."""
    return to_state in DEAL_TRANSITIONS[from_state]


class RefundState(enum.StrEnum):
    """A refund's local state. PENDING: stored, not yet accepted by WeChat Pay (§5.3)."""

    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    SUCCESS = "SUCCESS"
    CLOSED = "CLOSED"
    CHANGE = "CHANGE"
    FAILED = "FAILED"

    @property
    def counts_against_limit(self) -> bool:
        """Whether its amount may still leave (or has left) the merchant's account."""
        return self not in (RefundState.CLOSED, RefundState.FAILED)


#: §3.5: at most 50 refunds per order.
MAX_REFUNDS_PER_DEAL = 50


@dataclass(frozen=True)
class Deal:
    """One payment attempt at this till, from Charge to its end."""

    id: int
    out_trade_no: str
    amount_fen: int
    product: str
    state: DealState
    till_id: str
    sign_type: str
    created_at: datetime
    updated_at: datetime
    time_start: datetime
    time_expire: datetime
    deadline: datetime | None = None
    code_url: str | None = None
    prepay_id: str | None = None
    transaction_id: str | None = None
    paid_at: datetime | None = None
    bank_type: str | None = None
    is_late: bool = False
    last_error: str | None = None
    method: PaymentMethod = PaymentMethod.NATIVE
    #: The customer's payment code, masked (``13****************``), and its salted HMAC
    #: (pos.checkout.paycode); None for other methods. The code itself is never kept.
    code_masked: str | None = None
    code_fingerprint: str | None = None

    @property
    def alarm(self) -> str | None:
        """Why a person must look at this deal (WeChat Pay reported another amount or
        transaction paid, §5.2 step 6), or None."""
        if self.last_error is not None and self.last_error.startswith(ALARM_PREFIX):
            return self.last_error
        return None


class DealLine(NamedTuple):
    """The fields of a deal that lists and exports show, as a light tuple.

    What :meth:`Store.iter_deal_lines` yields: building a full frozen :class:`Deal` (and
    parsing its six times) costs more than the export of the row itself at 100,000 deals.
    """

    id: int
    out_trade_no: str
    amount_fen: int
    product: str
    state: DealState
    created_at: datetime
    transaction_id: str | None
    paid_at: datetime | None
    method: PaymentMethod = PaymentMethod.NATIVE


@dataclass(frozen=True)
class DealEvent:
    """One recorded state change (append-only history)."""

    id: int
    out_trade_no: str
    at: datetime
    from_state: DealState | None
    to_state: DealState
    reason: str
    detail: str


@dataclass(frozen=True)
class Product:
    """A product on a quick key. ``price_fen`` None means the clerk types the amount."""

    id: int
    name: str
    price_fen: int | None = None
    position: int = 0
    is_active: bool = True


@dataclass(frozen=True)
class Refund:
    """One refund of a paid deal, identified for ever by its out_refund_no (§1.5)."""

    id: int
    out_trade_no: str
    out_refund_no: str
    refund_fee: int
    reason: str
    state: RefundState
    created_at: datetime
    updated_at: datetime
    refund_id: str | None = None
    success_time: datetime | None = None
    last_error: str | None = None
