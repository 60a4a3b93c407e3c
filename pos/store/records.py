"""The store's own types: deal and refund states, the allowed moves, and frozen records.

These are what the layers above the store see (STYLE rule 4): never a Peewee row.
Money is integer fen; every time is a timezone-aware datetime (returned in UTC).
The shop's records (accounts, shifts, day closes, clerks' actions) are here too; those sent
to the shop server have a ``to_payload()`` of plain JSON values.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar, NamedTuple

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
    #: Who sold it and in which shift (schema version 4; older deals have neither).
    clerk_id: int | None = None
    shift_id: int | None = None
    #: A cash sale's money handed over (at least the amount); None for WeChat Pay's methods.
    cash_received_fen: int | None = None

    @property
    def change_fen(self) -> int | None:
        """The change a cash sale gave back; None for WeChat Pay's methods."""
        if self.cash_received_fen is None:
            return None
        return self.cash_received_fen - self.amount_fen

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
    clerk_id: int | None = None
    shift_id: int | None = None


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
    #: Who gave it and in which shift (schema version 4; older refunds have neither).
    clerk_id: int | None = None
    shift_id: int | None = None


class RefundLine(NamedTuple):
    """A refund with the payment method of its deal: what a shift's handover counts."""

    out_trade_no: str
    out_refund_no: str
    refund_fee: int
    state: RefundState
    created_at: datetime
    method: PaymentMethod
    clerk_id: int | None = None
    shift_id: int | None = None


# --- the shop: clerks, shifts, the day's close ----------------------------------------------


def time_to_payload(moment: datetime) -> str:
    """An aware time as ISO 8601 in UTC (``2026-11-24T04:00:00+00:00``), for payloads."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: payloads carry timezone-aware times only")
    return moment.astimezone(UTC).isoformat()


def time_from_payload(text: str) -> datetime:
    """:func:`time_to_payload`'s text back; refuses a time without its offset."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time {text!r} has no UTC offset")
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Stamp:
    """Who is at the till and which shift is open: stamped on every deal and refund.

    The empty stamp (no clerk, no shift) is a till without accounts, as before clerks.
    """

    clerk_id: int | None = None
    shift_id: int | None = None


#: A till without accounts: nobody is named on its deals.
NO_STAMP = Stamp()


class Role(enum.StrEnum):
    """What an account may do (pos.shop.permissions has the table)."""

    CLERK = "clerk"
    MANAGER = "manager"


@dataclass(frozen=True)
class Account:
    """A clerk or a manager. ``number`` is chosen at the keyboard (1, 2, ...) to log in."""

    id: int
    number: int
    name: str
    role: Role
    is_active: bool
    created_at: datetime
    #: pos.pin's salted hash; never shown, logged or sent.
    pin_hash: str = field(repr=False, default="")

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER

    @property
    def label(self) -> str:
        """``1 张三``: how slips and lists name the account."""
        return f"{self.number} {self.name}"


@dataclass(frozen=True)
class Shift:
    """One clerk's time at one till, from the float counted in to the handover.

    ``summary`` is the handover as computed when the shift closed (the JSON of
    ``pos.shop.ShiftSummary.to_payload()``), kept as it was then.
    """

    id: int
    shift_no: str
    till_id: str
    clerk_id: int
    opened_at: datetime
    float_fen: int
    closed_at: datetime | None = None
    counted_fen: int | None = None
    expected_fen: int | None = None
    note: str = ""
    summary: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def difference_fen(self) -> int | None:
        """Cash counted minus cash expected (negative: short); None while open."""
        if self.counted_fen is None or self.expected_fen is None:
            return None
        return self.counted_fen - self.expected_fen


@dataclass(frozen=True)
class DayCloseRecord:
    """The day's close (日结) as kept: once per business day. ``summary`` is the JSON of
    ``pos.shop.DayClose.to_payload()``."""

    id: int
    day: date
    till_id: str
    clerk_id: int | None
    closed_at: datetime
    summary: str


@dataclass(frozen=True)
class ClerkAction:
    """Something a clerk did that the shop keeps: a login, an approval, a handover...

    The clerk and the approving manager are named by number and name (the shop server has
    no use for this till's row ids); ``detail`` is a small JSON object of plain values.
    """

    id: int
    action_no: str
    at: datetime
    till_id: str
    kind: str
    clerk_number: int | None = None
    clerk_name: str = ""
    approver_number: int | None = None
    approver_name: str = ""
    shift_no: str | None = None
    detail: str = "{}"

    #: The outbox's kind of record (pos.sync).
    KIND: ClassVar[str] = "clerk_action"

    @property
    def key(self) -> str:
        """Unique in the shop for ever: the outbox's idempotency key."""
        return self.action_no

    def to_payload(self) -> dict[str, Any]:
        return {
            "action_no": self.action_no,
            "at": time_to_payload(self.at),
            "till_id": self.till_id,
            "kind": self.kind,
            "clerk_number": self.clerk_number,
            "clerk_name": self.clerk_name,
            "approver_number": self.approver_number,
            "approver_name": self.approver_name,
            "shift_no": self.shift_no,
            "detail": json.loads(self.detail),
        }
