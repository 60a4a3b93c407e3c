"""What goes in and out of a checkout: its timings, states, notices, events and commands."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pos.errors import (
    WeChatPayError,
)
from pos.store import Deal, DealState
from pos.wechatpay.types import (
    OrderStatus,
    PaymentNotification,
    PrepayResult,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckoutConfig:
    """Timings of a checkout, in seconds."""

    #: how long the QR is shown before the clerk's countdown ends
    timeout: float = 120.0
    #: orderquery while the QR is shown (§4.5: the doc example polls every 2 s)
    poll_interval: float = 2.0
    #: errors double the interval up to this
    max_poll_interval: float = 15.0
    #: orderquery while CLOSING (the QR is gone; no one is waiting at the till)
    watch_interval: float = 5.0
    #: do not call closeorder before the order is this old (§3.3: 300 for the strict v2 rule)
    close_min_age: float = 0.0
    #: first wait before retrying a failed closeorder (doubles up to max_poll_interval)
    close_retry_interval: float = 2.0
    #: added to max(timeout, 300) for time_expire (§4.5: at least 5 minutes)
    order_validity_margin: float = 60.0

    def order_validity(self) -> timedelta:
        """time_expire - time_start: max(checkout timeout, 5 min) + margin (§4.5)."""
        return timedelta(seconds=max(self.timeout, 300.0) + self.order_validity_margin)


class State(enum.StrEnum):
    """The machine's states (the stored deal state is in the module docstring)."""

    NEW = "NEW"
    CREATING = "CREATING"
    CONFIRMING = "CONFIRMING"
    WAITING = "WAITING"
    CLOSING = "CLOSING"
    RECOVERING = "RECOVERING"
    PAID = "PAID"
    CLOSED = "CLOSED"
    FAILED = "FAILED"
    #: WeChat Pay reports the order paid with another amount (§5.2 step 6): not marked paid,
    #: cannot be closed; the deal stays unfinished with ``last_error`` for a person to resolve
    NEEDS_ATTENTION = "NEEDS_ATTENTION"

    @property
    def is_final(self) -> bool:
        return self in (State.PAID, State.CLOSED, State.FAILED, State.NEEDS_ATTENTION)


class Notice(enum.StrEnum):
    """What a :class:`ShowMessage` is about; the UI translates by this code."""

    CREATING_ORDER = "CREATING_ORDER"
    WAITING_FOR_SCAN = "WAITING_FOR_SCAN"
    NO_ANSWER = "NO_ANSWER"
    CHECKING_ORDER = "CHECKING_ORDER"
    BAD_SIGNATURE = "BAD_SIGNATURE"
    TIMED_OUT = "TIMED_OUT"
    CANCELLED = "CANCELLED"
    CLOSE_RETRY = "CLOSE_RETRY"
    CLOSED = "CLOSED"
    FAILED = "FAILED"
    PAID = "PAID"
    LATE_PAYMENT = "LATE_PAYMENT"
    AMOUNT_MISMATCH = "AMOUNT_MISMATCH"
    NOTIFICATION_IGNORED = "NOTIFICATION_IGNORED"
    STORE_ERROR = "STORE_ERROR"


# ---------------------------------------------------------------- events (in)


@dataclass(frozen=True)
class OrderCreated:
    """unifiedorder answered with a QR (command ``seq`` it answers)."""

    result: PrepayResult
    seq: int = 0


@dataclass(frozen=True)
class OrderCreateFailed:
    """unifiedorder raised; ``error`` says whether it definitely failed or is unknown."""

    error: WeChatPayError
    seq: int = 0


@dataclass(frozen=True)
class OrderQueried:
    """orderquery answered (signature already verified by the client)."""

    status: OrderStatus
    seq: int = 0


@dataclass(frozen=True)
class OrderQueryFailed:
    """orderquery raised (ORDERNOTEXIST arrives as a ``BusinessError``)."""

    error: WeChatPayError
    seq: int = 0


@dataclass(frozen=True)
class OrderClosed:
    """closeorder succeeded (ORDERCLOSED / ORDERNOTEXIST on close count as this too)."""

    seq: int = 0


@dataclass(frozen=True)
class OrderCloseFailed:
    """closeorder raised (ORDERPAID arrives as a ``BusinessError``)."""

    error: WeChatPayError
    seq: int = 0


@dataclass(frozen=True)
class PaymentNotified:
    """A notification already verified by ``pos.wechatpay.notify.parse_payment_notification``.

    The machine still checks its ``out_trade_no`` and ``total_fee`` against the deal (§5.2).
    """

    notification: PaymentNotification


@dataclass(frozen=True)
class CancelRequested:
    """The clerk pressed Cancel."""


@dataclass(frozen=True)
class Tick:
    """Time passed; lets the machine notice the clerk's deadline (send once a second or so)."""


Event = (
    OrderCreated
    | OrderCreateFailed
    | OrderQueried
    | OrderQueryFailed
    | OrderClosed
    | OrderCloseFailed
    | PaymentNotified
    | CancelRequested
    | Tick
)


# -------------------------------------------------------------- commands (out)


@dataclass(frozen=True)
class Transition:
    """Write the deal's new state (and changed columns) to the store. Applied by the session."""

    to_state: DealState
    reason: str
    changes: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class CreateOrder:
    """Call unifiedorder now with the deal's stored parameters (identical on every retry)."""

    delay: float = 0.0
    seq: int = 0


@dataclass(frozen=True)
class QueryOrder:
    """Call orderquery after ``delay`` seconds."""

    delay: float = 0.0
    seq: int = 0


@dataclass(frozen=True)
class CloseOrder:
    """Call closeorder after ``delay`` seconds."""

    delay: float = 0.0
    seq: int = 0


@dataclass(frozen=True)
class ShowQr:
    """Show ``code_url`` as a QR code with a countdown to ``deadline``."""

    code_url: str
    deadline: datetime
    amount_fen: int


@dataclass(frozen=True)
class HideQr:
    """Take the QR away (the customer can no longer be offered this order)."""


@dataclass(frozen=True)
class ShowPaid:
    """The deal is paid (verified); show it to the clerk and the customer."""

    deal: Deal


@dataclass(frozen=True)
class ShowLatePayment:
    """The deal was paid after the clerk gave up: the clerk must see it and hand the goods
    over or refund."""

    deal: Deal


@dataclass(frozen=True)
class ShowMessage:
    """A status line for the clerk. ``is_alarm`` asks for attention (red, sound)."""

    notice: Notice
    text: str
    is_alarm: bool = False


@dataclass(frozen=True)
class Finish:
    """The session is over; ``deal`` is the final stored deal (None if unknown)."""

    state: State
    deal: Deal | None


NetworkCommand = CreateOrder | QueryOrder | CloseOrder
Command = (
    Transition
    | CreateOrder
    | QueryOrder
    | CloseOrder
    | ShowQr
    | HideQr
    | ShowPaid
    | ShowLatePayment
    | ShowMessage
    | Finish
)
