"""What goes in and out of a checkout: its timings, states, notices, events and commands."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pos.errors import (
    WeChatPayError,
)
from pos.store import Deal, DealState
from pos.wechatpay.types import (
    MicropayResult,
    OrderStatus,
    PaymentNotification,
    PrepayResult,
    ReportedTrade,
)

if TYPE_CHECKING:
    from pos.config import Settings  # the window imports this package before its first paint

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
    #: payment code: orderquery while the customer types the password (§3.9: every 5 s)
    password_poll: float = 5.0
    #: payment code: how long the clerk waits for the password, or for an unclear outcome to
    #: clear, before the order is reversed (§3.9: 30 s; WeChat revokes by itself at 45 s)
    password_wait: float = 30.0
    #: payment code: first orderquery after micropay's SYSTEMERROR (§3.9: wait 5 s)
    system_error_wait: float = 5.0
    #: payment code: no reverse before the micropay call is this old (§3.10: 15 s)
    reverse_min_age: float = 15.0
    #: payment code: wait before calling reverse again (recall=Y, no answer); doubles up to
    #: max_poll_interval (§3.10: call again)
    reverse_retry_interval: float = 2.0
    #: payment code: reverse calls before the deal is left to a person (it stays REVERSING
    #: and is reversed again at the next start)
    max_reverse_calls: int = 10

    @classmethod
    def from_settings(cls, settings: Settings) -> CheckoutConfig:
        """The timings the till's settings choose (the rest keep their defaults)."""
        return cls(
            timeout=float(settings.checkout_timeout_seconds),
            poll_interval=settings.poll_interval_seconds,
            password_wait=float(settings.password_wait_seconds),
            password_poll=settings.password_poll_seconds,
        )

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
    #: payment code: micropay sent, its answer awaited
    CHARGING = "CHARGING"
    #: payment code: USERPAYING, the customer is typing the password
    PASSWORD = "PASSWORD"  # noqa: S105 (a state, not a password)
    #: payment code: reverse pending or repeating (§3.10)
    REVERSING = "REVERSING"
    #: payment code: WeChat Pay reversed (revoked) the order; nothing was kept
    REVERSED = "REVERSED"

    @property
    def is_final(self) -> bool:
        return self in (
            State.PAID,
            State.CLOSED,
            State.FAILED,
            State.NEEDS_ATTENTION,
            State.REVERSED,
        )


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
    # -- the customer's payment code (pos.checkout.code); one notice per way it can end
    CHARGING_CODE = "CHARGING_CODE"
    WAITING_FOR_PASSWORD = "WAITING_FOR_PASSWORD"  # noqa: S105 (a notice)
    PASSWORD_TIMED_OUT = "PASSWORD_TIMED_OUT"  # noqa: S105 (a notice)
    OUTCOME_UNCLEAR = "OUTCOME_UNCLEAR"
    PAYMENT_FAILED = "PAYMENT_FAILED"
    REVERSE_CANCELLED = "REVERSE_CANCELLED"
    REVERSING_AFTER_RESTART = "REVERSING_AFTER_RESTART"
    REVERSE_RETRY = "REVERSE_RETRY"
    REVERSED = "REVERSED"
    REVERSE_REFUSED = "REVERSE_REFUSED"
    REVERSE_UNCONFIRMED = "REVERSE_UNCONFIRMED"
    NOTHING_CHARGED = "NOTHING_CHARGED"
    #: refused by the till before any call: another wallet's code, not a code, used before
    CODE_OTHER_WALLET = "CODE_OTHER_WALLET"
    CODE_NOT_A_CODE = "CODE_NOT_A_CODE"
    CODE_REUSED = "CODE_REUSED"
    #: micropay's refusals (§3.9 errors), one each
    CODE_NOT_ENOUGH = "CODE_NOT_ENOUGH"
    CODE_EXPIRED = "CODE_EXPIRED"
    CODE_ALREADY_USED = "CODE_ALREADY_USED"
    CODE_INVALID = "CODE_INVALID"
    CODE_CARD_NOT_SUPPORTED = "CODE_CARD_NOT_SUPPORTED"
    CODE_BUYER_MISMATCH = "CODE_BUYER_MISMATCH"
    CODE_ORDER_PAID = "CODE_ORDER_PAID"
    CODE_ORDER_CLOSED = "CODE_ORDER_CLOSED"
    CODE_ORDER_REVERSED = "CODE_ORDER_REVERSED"
    CODE_NUMBER_USED = "CODE_NUMBER_USED"
    CODE_NO_PERMISSION = "CODE_NO_PERMISSION"
    CODE_TRADE_REFUSED = "CODE_TRADE_REFUSED"
    CODE_MERCHANT_WRONG = "CODE_MERCHANT_WRONG"
    CODE_REQUEST_WRONG = "CODE_REQUEST_WRONG"
    CODE_REFUSED = "CODE_REFUSED"


#: micropay's refusals (§3.9, §4.4): the err_code -> what the clerk is told
#: (pos.checkout.code). One notice per row of §3.9's error table: the request and the
#: merchant problems share theirs. A code not listed is CODE_REFUSED, shown with WeChat's
#: own words.
REFUSAL_NOTICES: dict[str, Notice] = {
    "NOTENOUGH": Notice.CODE_NOT_ENOUGH,
    "AUTHCODEEXPIRE": Notice.CODE_EXPIRED,
    "AUTH_CODE_ERROR": Notice.CODE_ALREADY_USED,
    "AUTH_CODE_INVALID": Notice.CODE_INVALID,
    "NOTSUPORTCARD": Notice.CODE_CARD_NOT_SUPPORTED,
    "BUYER_MISMATCH": Notice.CODE_BUYER_MISMATCH,
    "ORDERCLOSED": Notice.CODE_ORDER_CLOSED,
    "ORDERREVERSED": Notice.CODE_ORDER_REVERSED,
    "NOAUTH": Notice.CODE_NO_PERMISSION,
    "TRADE_ERROR": Notice.CODE_TRADE_REFUSED,
    "APPID_NOT_EXIST": Notice.CODE_MERCHANT_WRONG,
    "MCHID_NOT_EXIST": Notice.CODE_MERCHANT_WRONG,
    "APPID_MCHID_NOT_MATCH": Notice.CODE_MERCHANT_WRONG,
    "PARAM_ERROR": Notice.CODE_REQUEST_WRONG,
    "LACK_PARAMS": Notice.CODE_REQUEST_WRONG,
    "XML_FORMAT_ERROR": Notice.CODE_REQUEST_WRONG,
    "REQUIRE_POST_METHOD": Notice.CODE_REQUEST_WRONG,
    "SIGNERROR": Notice.CODE_REQUEST_WRONG,
    "NOT_UTF8": Notice.CODE_REQUEST_WRONG,
    "POST_DATA_EMPTY": Notice.CODE_REQUEST_WRONG,
}
#: §4.4: answers that say an order exists under the number: learn its state with orderquery.
ASK_NOTICES: dict[str, Notice] = {
    "ORDERPAID": Notice.CODE_ORDER_PAID,
    "OUT_TRADE_NO_USED": Notice.CODE_NUMBER_USED,
    "INVALID_REQUEST": Notice.CODE_NUMBER_USED,
}


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
class MicropayAnswered:
    """micropay answered: paid at once, or USERPAYING (the customer must type the password)."""

    result: MicropayResult
    seq: int = 0


@dataclass(frozen=True)
class MicropayFailed:
    """micropay raised: a refusal (``DefinitelyFailed``) or an unknown outcome."""

    error: WeChatPayError
    seq: int = 0


@dataclass(frozen=True)
class OrderReversed:
    """reverse answered; ``recall`` means WeChat Pay asks for the call again (§3.10)."""

    recall: bool
    seq: int = 0


@dataclass(frozen=True)
class OrderReverseFailed:
    """reverse raised (REVERSE_EXPIRE, ORDERNOTEXIST... or an unknown outcome)."""

    error: WeChatPayError
    seq: int = 0


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
    | MicropayAnswered
    | MicropayFailed
    | OrderReversed
    | OrderReverseFailed
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
class Micropay:
    """Call micropay now. The scanned code is not in the command: only the session holds it,
    and gives it up with this one call (a code pays once; never resent, §3.9)."""

    delay: float = 0.0
    seq: int = 0


@dataclass(frozen=True)
class ReverseOrder:
    """Call secapi/pay/reverse after ``delay`` seconds (§3.10)."""

    delay: float = 0.0
    seq: int = 0


@dataclass(frozen=True)
class SendReport:
    """Send ``payitil/report`` for one scan, in the background, best effort: its failure is
    only logged and nobody waits for it (:meth:`CheckoutSession.send_report`)."""

    trade: ReportedTrade


@dataclass(frozen=True)
class ShowPasswordWait:
    """Ask the customer to type the payment password (请顾客在手机上输入支付密码), with a
    countdown to ``deadline``; the clerk may cancel."""

    deadline: datetime
    amount_fen: int


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


NetworkCommand = CreateOrder | QueryOrder | CloseOrder | Micropay | ReverseOrder
#: The network commands, for isinstance(): each waits its ``delay``, then goes to
#: :meth:`CheckoutSession.perform`.
NETWORK_COMMANDS = (CreateOrder, QueryOrder, CloseOrder, Micropay, ReverseOrder)
Command = (
    Transition
    | CreateOrder
    | QueryOrder
    | CloseOrder
    | Micropay
    | ReverseOrder
    | SendReport
    | ShowPasswordWait
    | ShowQr
    | HideQr
    | ShowPaid
    | ShowLatePayment
    | ShowMessage
    | Finish
)
