"""One payment from Charge to its end: a plain state machine, and the session that runs it.

Two layers (STYLE rule 3):

* :class:`Checkout` is the machine. Events in (:meth:`Checkout.handle`), commands out.
  It does no I/O, never sleeps, starts no thread; time comes from the injected ``clock``.
* :class:`CheckoutSession` carries the commands out, synchronously, with a
  :class:`PayClient` (``pos.wechatpay.client.WeChatPayClient`` or a fake) and the
  :class:`~pos.store.Store`. Store writes (:class:`Transition`) are applied inside the
  session before anything else is returned; the caller gets only the commands it must act
  on: show something (``Show*``/``HideQr``), call WeChat Pay after a delay
  (:class:`CreateOrder`, :class:`QueryOrder`, :class:`CloseOrder` -> hand back to
  :meth:`CheckoutSession.perform` once ``delay`` seconds have passed) and :class:`Finish`.

The Qt layer schedules each network command with a QTimer and runs
:meth:`CheckoutSession.perform` on a worker (never on the main thread); tests and benchmarks
use :meth:`CheckoutSession.run`, which loops with an injected ``sleep``.

States of the machine (the deal's stored :class:`~pos.store.DealState` in brackets)::

    NEW ──start──► CREATING [CREATED] ──order created──► WAITING [ORDERED] (QR shown, poll 2 s)
                     │  ▲                                  │  │
      outcome unknown│  │ORDERNOTEXIST / NOTPAY:            │  └─ paid (verified query or
                     ▼  │resend the identical order         │     notification) ──► PAID [PAID]
                   CONFIRMING [CREATED] ── paid ──► PAID     │
                     │                                     timeout / cancel
                     │ definite failure ──► FAILED [FAILED]   ▼
                     └── timeout / cancel ─────────────► CLOSING [CLOSING]: HideQr, closeorder
                                                          (after close_min_age, retried until done),
                                                          query every watch interval
                                                             │           │
                                          WeChat says CLOSED ▼           ▼ paid
                                                  CLOSED [CLOSED]    PAID [PAID, is_late]
                                                                     + ShowLatePayment

    RECOVERING (start-up, a deal left unfinished): one orderquery, then
      paid ─► PAID (is_late) · NOTPAY ─► CLOSING · CLOSED ─► CLOSED · ORDERNOTEXIST ─► FAILED

    CLOSING or RECOVERING, orderquery says paid with another total_fee ─► NEEDS_ATTENTION
      (never marked paid; the stored deal stays unfinished with last_error, alarm shown)

Commands (out): Transition (applied by the session, never returned), CreateOrder,
QueryOrder, CloseOrder (each with ``delay`` seconds and a ``seq``; a command superseded by
a newer one is dropped by :meth:`CheckoutSession.perform`), ShowQr, HideQr, ShowPaid,
ShowLatePayment, ShowMessage (a :class:`Notice` code + English text + ``is_alarm``), Finish.
Events (in): OrderCreated/OrderCreateFailed, OrderQueried/OrderQueryFailed,
OrderClosed/OrderCloseFailed (made by the session from the client's answers),
PaymentNotified, CancelRequested, Tick.

Rules encoded here (protocol reference sections in brackets):

* the deal is stored CREATED with its out_trade_no before any network call, and every
  retry of unifiedorder sends the same parameters, time_start and time_expire included (§4.6);
* an unknown outcome never mints a new number: query; ORDERNOTEXIST -> resend (§4.4);
* paid only on a verified result whose total_fee equals the deal's amount (§5.2);
* closeorder not before ``close_min_age`` (§3.3), retried until WeChat Pay agrees, and the
  order is watched until it is CLOSED or paid; ORDERPAID on close -> query -> late payment.
"""

from __future__ import annotations

import enum
import heapq
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from pos.errors import (
    BadResponseSignature,
    BusinessError,
    DefinitelyFailed,
    OutcomeUnknown,
    StoreError,
    WeChatPayError,
)
from pos.store import ALARM_PREFIX, Deal, DealState, Store
from pos.wechatpay.types import (
    BODY_MAX_BYTES,
    OrderStatus,
    PaymentNotification,
    PrepayResult,
    TradeState,
)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware (tests inject a fake)."""


class NativeOrderClient(Protocol):
    """The calls of ``pos.wechatpay.client.WeChatPayClient`` that :class:`CheckoutClient` wraps."""

    def unified_order(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        notify_url: str,
        spbill_create_ip: str,
        time_start: datetime,
        time_expire: datetime,
        product_id: str | None = None,
        device_info: str | None = None,
        attach: str | None = None,
    ) -> PrepayResult: ...

    def order_query(
        self, *, out_trade_no: str | None = None, transaction_id: str | None = None
    ) -> OrderStatus: ...

    def close_order(self, out_trade_no: str) -> None: ...

    def close(self) -> None: ...


class PayClient(Protocol):
    """What the checkout needs from ``pos.wechatpay.client.WeChatPayClient``.

    Each call either returns its result or raises a :class:`~pos.errors.WeChatPayError`
    (``DefinitelyFailed`` or ``OutcomeUnknown``).
    """

    def unified_order(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        time_start: datetime,
        time_expire: datetime,
        device_info: str | None = None,
    ) -> PrepayResult: ...

    def order_query(self, *, out_trade_no: str) -> OrderStatus: ...

    def close_order(self, *, out_trade_no: str) -> None: ...


#: The address reported as spbill_create_ip for Native orders (the till's own request).
SPBILL_CREATE_IP = "127.0.0.1"
#: Marks a product name cut to fit ``body``.
_ELLIPSIS = "…"


def fits_body(name: str) -> bool:
    """Whether ``name`` can be sent as ``body`` whole (String(127) as UTF-8 bytes, §3.1)."""
    return len(name.encode("utf-8")) <= BODY_MAX_BYTES


def order_body(product: str) -> str:
    """The ``body`` sent for ``product``: the name itself, or cut at a character boundary
    with "…" so that it fits (§3.1); the deal keeps the full name. Deterministic, so every
    retry sends the identical body (§4.6)."""
    if fits_body(product):
        return product
    room = BODY_MAX_BYTES - len(_ELLIPSIS.encode("utf-8"))
    cut = product.encode("utf-8")[:room].decode("utf-8", "ignore")
    return cut + _ELLIPSIS


class CheckoutClient:
    """The checkout's :class:`pos.checkout.PayClient` over :class:`WeChatPayClient`.

    Adds what every Native order of this till carries: the ``notify_url`` the relay
    receives on (§3.1) and the ``spbill_create_ip``; both stay identical on every retry (§4.6).
    """

    def __init__(self, client: NativeOrderClient, *, notify_url: str) -> None:
        self._client = client
        self._notify_url = notify_url

    def unified_order(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        time_start: datetime,
        time_expire: datetime,
        device_info: str | None = None,
    ) -> PrepayResult:
        return self._client.unified_order(
            out_trade_no=out_trade_no,
            total_fee=total_fee,
            body=body,
            notify_url=self._notify_url,
            spbill_create_ip=SPBILL_CREATE_IP,
            time_start=time_start,
            time_expire=time_expire,
            device_info=device_info,
        )

    def order_query(self, *, out_trade_no: str) -> OrderStatus:
        return self._client.order_query(out_trade_no=out_trade_no)

    def close_order(self, *, out_trade_no: str) -> None:
        self._client.close_order(out_trade_no)

    def close(self) -> None:
        self._client.close()


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


# ------------------------------------------------------------------- machine

#: §4.4: orderquery's "no such order" — after an unknown unifiedorder, safe to resend.
_ORDER_MISSING = "ORDERNOTEXIST"
#: §4.6: the number exists at WeChat Pay with (possibly) other terms.
_DUPLICATE_CODES = frozenset({"OUT_TRADE_NO_USED", "INVALID_REQUEST"})
_OPEN_TRADE_STATES = frozenset({TradeState.NOTPAY, TradeState.USERPAYING, TradeState.ACCEPT})


def _error_code(error: WeChatPayError) -> str | None:
    return error.err_code if isinstance(error, BusinessError) else None


def _describe(error: WeChatPayError) -> str:
    """A short reason for the clerk and the history: the error's own fields, nothing secret."""
    return f"{type(error).__name__}: {error}"[:200]


def _seconds_until(moment: datetime, now: datetime) -> float:
    return max(0.0, (moment - now).total_seconds())


class Checkout:
    """The state machine of one deal. Not thread-safe: one caller at a time (the session locks).

    Build it with :meth:`for_new_deal` (a deal just stored CREATED) or :meth:`for_recovery`
    (a deal found unfinished at start-up); then :meth:`start` once and :meth:`handle` for
    every event. ``deal`` is the machine's view of the stored deal; the session refreshes
    it after each store write.
    """

    def __init__(
        self, deal: Deal, *, config: CheckoutConfig, clock: Clock, state: State = State.NEW
    ) -> None:
        self.deal = deal
        self.config = config
        self.clock = clock
        self.state = state
        #: when the clerk's countdown ends (the QR's, or the wait for the order to be made)
        self.deadline: datetime | None = None
        self._seq = 0
        self._create_seq: int | None = None  # the unifiedorder in flight, if any
        self._query_seq: int | None = None  # the orderquery loop's outstanding command
        self._close_seq: int | None = None  # the closeorder in flight or scheduled
        self._query_interval = config.poll_interval
        self._close_interval = config.close_retry_interval
        self._is_close_done = False
        #: WeChat Pay is known to hold an order under this number
        self._has_order = deal.prepay_id is not None  # set with ORDERED (and on a late order)
        self._is_duplicate_check = False
        self._is_degraded = False
        self._has_alarmed_mismatch = False

    @classmethod
    def for_new_deal(cls, deal: Deal, *, config: CheckoutConfig, clock: Clock) -> Checkout:
        """A machine for a deal just stored CREATED (nothing sent yet)."""
        return cls(deal, config=config, clock=clock, state=State.NEW)

    @classmethod
    def for_recovery(cls, deal: Deal, *, config: CheckoutConfig, clock: Clock) -> Checkout:
        """A machine for a deal left CREATED/ORDERED/CLOSING by an earlier run."""
        return cls(deal, config=config, clock=clock, state=State.RECOVERING)

    # ---------------------------------------------------------------- public surface

    def start(self) -> list[Command]:
        """The first commands: create the order (new deal) or query it (recovery)."""
        if self._seq:
            raise RuntimeError("this checkout has already started")
        now = self.clock()
        if self.state is State.RECOVERING:
            return [self._query(0.0)]
        if self.state is not State.NEW:
            raise RuntimeError(f"cannot start a checkout in state {self.state}")
        self.state = State.CREATING
        # The clerk's patience starts now: an order that cannot be made in time is given up.
        self.deadline = now + timedelta(seconds=self.config.timeout)
        return [
            ShowMessage(Notice.CREATING_ORDER, "Creating the order with WeChat Pay…"),
            self._create(),
        ]

    def handle(self, event: Event) -> list[Command]:
        """Feed one event; return the commands it causes (possibly none)."""
        now = self.clock()
        commands: list[Command]
        match event:
            case OrderCreated():
                commands = self._on_created(event, now)
            case OrderCreateFailed():
                commands = self._on_create_failed(event, now)
            case OrderQueried():
                commands = self._on_queried(event, now)
            case OrderQueryFailed():
                commands = self._on_query_failed(event, now)
            case OrderClosed():
                commands = self._on_closed(event.seq)
            case OrderCloseFailed():
                commands = self._on_close_failed(event)
            case PaymentNotified():
                commands = self._on_notified(event.notification, now)
            case CancelRequested():
                commands = self._give_up(
                    now,
                    reason="cancelled",
                    notice=Notice.CANCELLED,
                    text="Cancelled: closing the order…",
                )
            case Tick():
                commands = []
        if (
            self.state in (State.CREATING, State.CONFIRMING, State.WAITING)
            and self.deadline is not None
            and now >= self.deadline
        ):
            commands += self._give_up(
                now,
                reason="timeout",
                notice=Notice.TIMED_OUT,
                text="Time is up: the QR was taken away, closing the order…",
            )
        return commands

    def is_current(self, command: NetworkCommand) -> bool:
        """Whether a scheduled network command is still wanted (a superseded one is dropped)."""
        if self.state.is_final:
            return False
        match command:
            case CreateOrder():
                return command.seq == self._create_seq
            case QueryOrder():
                return command.seq == self._query_seq
            case CloseOrder():
                return command.seq == self._close_seq
        return False  # pragma: no cover - NetworkCommand is exhaustive

    # ---------------------------------------------------------------- command makers

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _create(self) -> CreateOrder:
        self._create_seq = self._next_seq()
        return CreateOrder(0.0, self._create_seq)

    def _query(self, delay: float) -> QueryOrder:
        """(Re)start the query loop; a newer query supersedes any outstanding one."""
        self._query_seq = self._next_seq()
        return QueryOrder(delay, self._query_seq)

    def _close(self, now: datetime, *, retry: bool = False) -> CloseOrder:
        # §3.3: not before the order is close_min_age old; later retries back off.
        allowed = self.deal.time_start + timedelta(seconds=self.config.close_min_age)
        delay = _seconds_until(allowed, now)
        if retry:
            delay = max(delay, self._close_interval)
            self._close_interval = min(self._close_interval * 2, self.config.max_poll_interval)
        self._close_seq = self._next_seq()
        return CloseOrder(delay, self._close_seq)

    def _capped(self, delay: float, now: datetime) -> float:
        """While the clerk waits, never sleep past the deadline: the last query is at it."""
        if self.deadline is not None and self.state in (
            State.CREATING,
            State.CONFIRMING,
            State.WAITING,
        ):
            return min(delay, _seconds_until(self.deadline, now))
        return delay

    def _next_query(self, now: datetime) -> QueryOrder:
        if self.state is State.CLOSING:
            return self._query(max(self.config.watch_interval, self._query_interval))
        return self._query(self._capped(self._query_interval, now))

    def _back_off(self) -> None:
        self._query_interval = min(self._query_interval * 2, self.config.max_poll_interval)

    def _answered(self) -> list[Command]:
        """A readable answer came: restore the normal pace and the normal status line."""
        self._query_interval = self.config.poll_interval
        if self._is_degraded:
            self._is_degraded = False
            if self.state is State.WAITING:
                return [
                    ShowMessage(
                        Notice.WAITING_FOR_SCAN, "Waiting for the customer to scan and pay…"
                    )
                ]
        return []

    def _no_answer(self, error: WeChatPayError) -> list[Command]:
        self._back_off()
        self._is_degraded = True
        if isinstance(error, BadResponseSignature):
            # §4.1: a reply whose signature fails may be forged: unknown, and say so loudly.
            return [
                ShowMessage(
                    Notice.BAD_SIGNATURE,
                    "A reply from WeChat Pay failed its signature check; still checking…",
                    is_alarm=True,
                )
            ]
        return [ShowMessage(Notice.NO_ANSWER, "No answer from WeChat Pay, still checking…")]

    def _end(self, state: State, transition: Transition, *extra: Command) -> list[Command]:
        self.state = state
        self._create_seq = self._query_seq = self._close_seq = None
        return [transition, *extra, Finish(state, self.deal)]

    # ---------------------------------------------------------------- giving up

    def _give_up(self, now: datetime, *, reason: str, notice: Notice, text: str) -> list[Command]:
        if self.state not in (
            State.NEW,
            State.CREATING,
            State.CONFIRMING,
            State.WAITING,
            State.RECOVERING,
        ):
            return []
        # Whatever the clerk was looking at (the QR, or "creating the order…") is taken away:
        # the till is free at once, and the deal is settled in the background.
        was_at_till = self.state is not State.RECOVERING
        self.state = State.CLOSING
        commands: list[Command] = []
        if was_at_till:
            commands.append(HideQr())
        commands += [Transition(DealState.CLOSING, reason), ShowMessage(notice, text)]
        if self._create_seq is None:
            # With a unifiedorder in flight, closing now could overtake it and leave an open
            # order behind; the close waits for its answer (_on_created/_on_create_failed).
            commands += self._watch(now)
        return commands

    def _watch(self, now: datetime) -> list[Command]:
        """CLOSING: close (when allowed) and keep the query loop going."""
        commands: list[Command] = [self._close(now)]
        if self._query_seq is None:
            commands.append(self._query(self.config.watch_interval))
        return commands

    # ---------------------------------------------------------------- unifiedorder

    def _on_created(self, event: OrderCreated, now: datetime) -> list[Command]:
        if event.seq != self._create_seq:
            return []
        self._create_seq = None
        self._has_order = True
        result = event.result
        if self.state is State.CLOSING:
            return [
                Transition(
                    DealState.CLOSING,
                    "order created after the clerk gave up",
                    {"code_url": result.code_url, "prepay_id": result.prepay_id},
                ),
                *self._watch(now),
            ]
        if self.state not in (State.CREATING, State.CONFIRMING):
            return []
        self.state = State.WAITING
        self.deadline = now + timedelta(seconds=self.config.timeout)
        self._query_interval = self.config.poll_interval
        self._is_degraded = False
        return [
            Transition(
                DealState.ORDERED,
                "order created",
                {
                    "code_url": result.code_url,
                    "prepay_id": result.prepay_id,
                    "deadline": self.deadline,
                },
            ),
            ShowQr(result.code_url, self.deadline, self.deal.amount_fen),
            ShowMessage(Notice.WAITING_FOR_SCAN, "Waiting for the customer to scan and pay…"),
            self._query(self._capped(self.config.poll_interval, now)),
        ]

    def _on_create_failed(self, event: OrderCreateFailed, now: datetime) -> list[Command]:
        if event.seq != self._create_seq:
            return []
        self._create_seq = None
        error, code = event.error, _error_code(event.error)
        if self.state is State.CLOSING:
            if (
                isinstance(error, DefinitelyFailed)
                and not self._has_order
                and code not in ("ORDERPAID", *_DUPLICATE_CODES)
            ):
                return self._failed(error)
            return self._watch(now)
        if self.state not in (State.CREATING, State.CONFIRMING):
            return []
        if code == "ORDERPAID" or code in _DUPLICATE_CODES:
            # §4.4: ORDERPAID means paid; a duplicate number means an order exists: ask.
            self.state = State.CONFIRMING
            self._is_duplicate_check = code != "ORDERPAID"
            return [
                ShowMessage(Notice.CHECKING_ORDER, "Checking the order with WeChat Pay…"),
                self._query(0.0),
            ]
        if isinstance(error, DefinitelyFailed):
            if self._has_order:
                return self._give_up(
                    now,
                    reason="order refused on resend",
                    notice=Notice.FAILED,
                    text=f"WeChat Pay refused the order: {error}",
                )
            return self._failed(error)
        # OutcomeUnknown: never a new number (§4.1, STYLE rule 7): ask WeChat Pay.
        self.state = State.CONFIRMING
        commands: list[Command] = [
            Transition(
                DealState.CREATED, "unifiedorder outcome unknown", {"last_error": _describe(error)}
            )
        ]
        commands += self._no_answer(error)
        commands.append(self._query(self._capped(self._query_interval, now)))
        return commands

    def _failed(self, error: WeChatPayError) -> list[Command]:
        text = f"The order could not be created: {error}"
        return self._end(
            State.FAILED,
            Transition(DealState.FAILED, "order refused", {"last_error": _describe(error)}),
            HideQr(),
            ShowMessage(Notice.FAILED, text, is_alarm=True),
        )

    # ---------------------------------------------------------------- orderquery

    def _on_queried(self, event: OrderQueried, now: datetime) -> list[Command]:
        is_latest = event.seq == self._query_seq
        if is_latest:
            self._query_seq = None
        if self.state.is_final and self.state is not State.CLOSED:
            return []
        status = event.status
        if status.out_trade_no != self.deal.out_trade_no:
            return self._after_bad_answer(
                is_latest,
                now,
                ShowMessage(
                    Notice.NO_ANSWER,
                    "WeChat Pay answered about another order; still checking…",
                    is_alarm=True,
                ),
            )
        if status.trade_state.is_paid:
            if status.total_fee != self.deal.amount_fen or not status.transaction_id:
                return self._mismatch(is_latest, now, status.total_fee, "orderquery")
            return self._paid(status, via="orderquery", now=now)
        if self.state.is_final:
            return []
        self._has_order = True
        commands = self._answered()
        if status.trade_state not in _OPEN_TRADE_STATES:
            # CLOSED, REVOKED, PAYERROR: not paid and never will be (§4.2).
            return commands + self._end(
                State.CLOSED,
                Transition(DealState.CLOSED, f"WeChat Pay says {status.trade_state}"),
                HideQr(),
                ShowMessage(Notice.CLOSED, "The order is closed; nothing was paid."),
            )
        match self.state:
            case State.CONFIRMING:
                if self._is_duplicate_check:
                    return commands + self._give_up(
                        now,
                        reason="order number already used",
                        notice=Notice.FAILED,
                        text="WeChat Pay holds this order number with other terms; closing it…",
                    )
                # §4.6: the order exists; the identical request returns its QR again.
                self.state = State.CREATING
                return [*commands, self._create()]
            case State.RECOVERING:
                return commands + self._give_up(
                    now,
                    reason="unfinished at start-up",
                    notice=Notice.CLOSED,
                    text="An unpaid order from before the restart is being closed…",
                )
            case State.CLOSING:
                if self._is_close_done and self._close_seq is None:
                    # Closed, yet still open at WeChat Pay: close again.
                    self._is_close_done = False
                    commands.append(self._close(now, retry=True))
        if is_latest:
            commands.append(self._next_query(now))
        return commands

    def _on_query_failed(self, event: OrderQueryFailed, now: datetime) -> list[Command]:
        is_latest = event.seq == self._query_seq
        if is_latest:
            self._query_seq = None
        if self.state.is_final or not is_latest:
            return []
        error = event.error
        if _error_code(error) == _ORDER_MISSING:
            commands = self._answered()
            match self.state:
                case State.CONFIRMING if not self._is_duplicate_check:
                    # §4.4: nothing was created; resend the identical request.
                    self.state = State.CREATING
                    return [*commands, self._create()]
                case State.CONFIRMING | State.RECOVERING | State.CLOSING:
                    if self._has_order and self.state is not State.CONFIRMING:
                        return commands + self._end(
                            State.CLOSED,
                            Transition(DealState.CLOSED, "order not found at WeChat Pay"),
                            ShowMessage(Notice.CLOSED, "The order is closed; nothing was paid."),
                        )
                    return commands + self._end(
                        State.FAILED,
                        Transition(
                            DealState.FAILED,
                            "no order at WeChat Pay",
                            {"last_error": _describe(error)},
                        ),
                        ShowMessage(Notice.FAILED, "No order was made; nothing was paid."),
                    )
        return self._after_bad_answer(True, now, *self._no_answer(error), is_backed_off=True)

    def _after_bad_answer(
        self, is_latest: bool, now: datetime, *messages: Command, is_backed_off: bool = False
    ) -> list[Command]:
        if not is_latest or self.state.is_final:
            return list(messages)
        if not is_backed_off:
            self._back_off()
        return [*messages, self._next_query(now)]

    def _mismatch(
        self, is_latest: bool, now: datetime, total_fee: int | None, via: str
    ) -> list[Command]:
        # §5.2 step 6: never mark paid on another amount; alert. While the QR is up, keep
        # watching (the clerk may still see a proper payment); once the clerk has given up,
        # orderquery's answer will not change: stop and leave the deal to a person.
        text = (
            f"ALARM: WeChat Pay reports {total_fee} fen paid by {via}, the deal is "
            f"{self.deal.amount_fen} fen; not marked paid"
        )
        commands: list[Command] = []
        if not self._has_alarmed_mismatch:
            self._has_alarmed_mismatch = True
            commands += [
                Transition(self.deal.state, "amount mismatch", {"last_error": text}),
                ShowMessage(Notice.AMOUNT_MISMATCH, text, is_alarm=True),
            ]
        if via == "orderquery" and self.state in (State.CLOSING, State.RECOVERING):
            self.state = State.NEEDS_ATTENTION
            self._create_seq = self._query_seq = self._close_seq = None
            return [*commands, HideQr(), Finish(self.state, self.deal)]
        if is_latest and not self.state.is_final:
            self._query_interval = self.config.max_poll_interval
            commands.append(self._next_query(now))
        return commands

    # ---------------------------------------------------------------- closeorder

    def _on_closed(self, seq: int) -> list[Command]:
        if seq != self._close_seq or self.state is not State.CLOSING:
            return []
        self._close_seq = None
        self._is_close_done = True
        self._close_interval = self.config.close_retry_interval
        # Closed at WeChat Pay; confirm with orderquery, the authority (§3.2).
        return [self._query(0.0)]

    def _on_close_failed(self, event: OrderCloseFailed) -> list[Command]:
        if event.seq != self._close_seq or self.state is not State.CLOSING:
            return []
        self._close_seq = None
        code = _error_code(event.error)
        if code == "ORDERPAID":
            # §3.3: already paid: a late payment; query it to record it.
            return [self._query(0.0)]
        if code in ("ORDERCLOSED", _ORDER_MISSING):
            return self._on_closed_equivalent()
        now = self.clock()
        return [
            Transition(
                DealState.CLOSING, "closeorder failed", {"last_error": _describe(event.error)}
            ),
            ShowMessage(Notice.CLOSE_RETRY, "WeChat Pay has not closed the order yet; retrying…"),
            self._close(now, retry=True),
        ]

    def _on_closed_equivalent(self) -> list[Command]:
        self._is_close_done = True
        return [self._query(0.0)]

    # ---------------------------------------------------------------- paid

    def _on_notified(self, notification: PaymentNotification, now: datetime) -> list[Command]:
        if notification.out_trade_no != self.deal.out_trade_no:
            return [
                ShowMessage(
                    Notice.NOTIFICATION_IGNORED,
                    "A payment notification for another order was ignored.",
                    is_alarm=True,
                )
            ]
        if notification.total_fee != self.deal.amount_fen:
            return self._mismatch(False, now, notification.total_fee, "notification")
        if self.state is State.PAID:
            return []  # §3.4: duplicates are normal
        return self._paid(notification.as_order_status(), via="notification", now=now)

    def _paid(self, status: OrderStatus, *, via: str, now: datetime) -> list[Command]:
        if self.state is State.PAID:
            return []
        is_late = self.state in (State.CLOSING, State.RECOVERING, State.CLOSED, State.FAILED)
        changes: dict[str, object] = {
            "transaction_id": status.transaction_id,
            "paid_at": status.time_end or now,
            "is_late": is_late,
        }
        if status.bank_type:
            changes["bank_type"] = status.bank_type
        reason = f"late payment ({via})" if is_late else f"paid ({via})"
        shown: list[Command]
        if is_late:
            shown = [
                ShowLatePayment(self.deal),
                ShowMessage(
                    Notice.LATE_PAYMENT,
                    "Late payment: the customer paid after the checkout ended.",
                    is_alarm=True,
                ),
            ]
        else:
            shown = [ShowPaid(self.deal), ShowMessage(Notice.PAID, "Paid.")]
        return self._end(State.PAID, Transition(DealState.PAID, reason, changes), HideQr(), *shown)


# ------------------------------------------------------------------- session

Sleep = Callable[[float], None]


class CheckoutSession:
    """Runs one :class:`Checkout` against a client and the store, synchronously.

    Thread-safe: :meth:`handle` and :meth:`perform` may be called from different worker
    threads; the network call in :meth:`perform` runs outside the lock.
    """

    def __init__(self, machine: Checkout, *, client: PayClient, store: Store) -> None:
        self.machine = machine
        self.client = client
        self.store = store
        self._lock = threading.RLock()
        self._is_started = False

    @classmethod
    def begin(
        cls,
        *,
        store: Store,
        client: PayClient,
        amount_fen: int,
        product: str,
        till_id: str,
        sign_type: str,
        config: CheckoutConfig,
        clock: Clock,
    ) -> CheckoutSession:
        """Mint the out_trade_no and store the deal CREATED (no network yet). Then :meth:`start`.

        time_start/time_expire are fixed here, in whole seconds as on the wire, and reused
        by every retry (§4.6). Raises ``StoreError`` (``DiskFullError``) if the deal could
        not be stored: then nothing was sent and nothing is owed.
        """
        now = clock().replace(microsecond=0)
        number = store.new_out_trade_no(till_id, now)
        deal = store.create_deal(
            out_trade_no=number,
            amount_fen=amount_fen,
            product=product,
            till_id=till_id,
            time_start=now,
            time_expire=now + config.order_validity(),
            sign_type=sign_type,
            now=now,
        )
        return cls(
            Checkout.for_new_deal(deal, config=config, clock=clock), client=client, store=store
        )

    @classmethod
    def resume(
        cls, deal: Deal, *, store: Store, client: PayClient, config: CheckoutConfig, clock: Clock
    ) -> CheckoutSession:
        """A session for an unfinished deal found at start-up (starts in RECOVERING)."""
        return cls(
            Checkout.for_recovery(deal, config=config, clock=clock), client=client, store=store
        )

    @property
    def out_trade_no(self) -> str:
        return self.machine.deal.out_trade_no

    @property
    def state(self) -> State:
        return self.machine.state

    @property
    def deal(self) -> Deal:
        """The deal as last stored."""
        return self.machine.deal

    @property
    def is_finished(self) -> bool:
        return self.machine.state.is_final

    def start(self) -> list[Command]:
        """Start the machine; returns the commands for the caller (no Transition among them)."""
        with self._lock:
            if self._is_started:
                raise RuntimeError("this session has already started")
            self._is_started = True
            return self._apply(self.machine.start())

    def handle(self, event: Event) -> list[Command]:
        """Feed an event from outside (cancel, notification, tick); store writes are applied."""
        with self._lock:
            return self._apply(self.machine.handle(event))

    def perform(self, command: NetworkCommand, *, client: PayClient | None = None) -> list[Command]:
        """Carry out one network command now (its delay already waited) and feed the result
        back; returns the follow-up commands. A superseded command does nothing. ``client``:
        another client for this call (one that gives up sooner, for a deal in the background)."""
        with self._lock:
            if not self.machine.is_current(command):
                return []
            deal = self.machine.deal
        event = self._call(command, deal, client or self.client)
        return self.handle(event)

    def _call(self, command: NetworkCommand, deal: Deal, client: PayClient) -> Event:
        try:
            match command:
                case CreateOrder():
                    try:
                        result = client.unified_order(
                            out_trade_no=deal.out_trade_no,
                            total_fee=deal.amount_fen,
                            body=order_body(deal.product),
                            time_start=deal.time_start,
                            time_expire=deal.time_expire,
                            device_info=deal.till_id,
                        )
                    except WeChatPayError as exc:
                        return OrderCreateFailed(exc, command.seq)
                    return OrderCreated(result, command.seq)
                case QueryOrder():
                    try:
                        status = client.order_query(out_trade_no=deal.out_trade_no)
                    except WeChatPayError as exc:
                        return OrderQueryFailed(exc, command.seq)
                    return OrderQueried(status, command.seq)
                case CloseOrder():
                    try:
                        client.close_order(out_trade_no=deal.out_trade_no)
                    except WeChatPayError as exc:
                        return OrderCloseFailed(exc, command.seq)
                    return OrderClosed(command.seq)
        except Exception as exc:
            # A fault outside the error tree (a bug in a client): the request may have gone
            # out, so it is an unknown outcome, never a failure (STYLE rule 7).
            unknown = OutcomeUnknown(
                f"unexpected {type(exc).__name__}", out_trade_no=deal.out_trade_no
            )
            unknown.__cause__ = exc
            match command:
                case CreateOrder():
                    return OrderCreateFailed(unknown, command.seq)
                case QueryOrder():
                    return OrderQueryFailed(unknown, command.seq)
                case CloseOrder():
                    return OrderCloseFailed(unknown, command.seq)
        raise TypeError(f"not a network command: {command!r}")  # pragma: no cover

    def _apply(self, commands: list[Command]) -> list[Command]:
        """Write Transitions to the store (in order); hand the rest on with the fresh deal."""
        out: list[Command] = []
        for command in commands:
            match command:
                case Transition():
                    out += self._write(command)
                case ShowPaid():
                    out.append(ShowPaid(self.machine.deal))
                case ShowLatePayment():
                    out.append(ShowLatePayment(self.machine.deal))
                case Finish():
                    out.append(Finish(command.state, self.machine.deal))
                case _:
                    out.append(command)
        return out

    def _write(self, transition: Transition) -> list[Command]:
        deal = self.machine.deal
        try:
            self.machine.deal = self.store.transition(
                deal.out_trade_no,
                transition.to_state,
                reason=transition.reason,
                now=self.machine.clock(),
                **transition.changes,
            )
        except StoreError as exc:
            # The payment itself does not wait for the disk: the clerk still sees the truth,
            # and start-up recovery reconciles the stored deal with WeChat Pay later.
            fields = {k: v for k, v in transition.changes.items() if hasattr(deal, k)}
            self.machine.deal = replace(deal, state=transition.to_state, **fields)  # type: ignore[arg-type]
            return [
                ShowMessage(Notice.STORE_ERROR, f"Could not save the deal: {exc}", is_alarm=True)
            ]
        return []

    def run(
        self,
        *,
        sleep: Sleep,
        inbox: Callable[[], Sequence[Event]] | None = None,
        on_command: Callable[[Command], None] | None = None,
        commands: Sequence[Command] = (),
        max_steps: int = 100_000,
    ) -> Deal:
        """Run to the end: wait each network command's delay with ``sleep``, perform it, and
        pass every other command to ``on_command``. ``inbox`` is polled between steps for
        outside events (cancel, notifications). ``commands`` are those already returned by
        :meth:`start`/:meth:`handle`/:meth:`perform` and not yet carried out (for a session
        driven by hand so far, or one from :func:`recover_unfinished`); the session starts
        itself if nobody did. Returns the deal as last stored (final, unless ``max_steps``
        ran out first)."""
        pending: list[tuple[datetime, int, NetworkCommand]] = []
        order = 0

        def dispatch(commands: list[Command]) -> None:
            nonlocal order
            for command in commands:
                if isinstance(command, CreateOrder | QueryOrder | CloseOrder):
                    due = self.machine.clock() + timedelta(seconds=command.delay)
                    order += 1
                    heapq.heappush(pending, (due, order, command))
                elif on_command is not None:
                    on_command(command)

        def drain_inbox() -> None:
            if inbox is not None:
                for event in inbox():
                    dispatch(self.handle(event))

        dispatch(list(commands))
        if not self._is_started:
            dispatch(self.start())
        for _ in range(max_steps):
            drain_inbox()
            if self.is_finished or not pending:
                break
            due, _order, command = heapq.heappop(pending)
            wait = (due - self.machine.clock()).total_seconds()
            if wait > 0:
                sleep(wait)
                drain_inbox()
                dispatch(self.handle(Tick()))
            dispatch(self.perform(command))
        return self.deal


@dataclass(frozen=True)
class RecoveryResult:
    """What start-up recovery did with one unfinished deal."""

    deal: Deal
    #: a session still watching the deal (CLOSING: close not yet allowed or not yet
    #: confirmed, or WeChat Pay unreachable), for the caller to keep running; None when the
    #: deal reached its end
    session: CheckoutSession | None
    #: the session's pending commands (network ones with their delays) and what to show
    commands: tuple[Command, ...]


def recover_unfinished(
    *,
    store: Store,
    client: PayClient,
    config: CheckoutConfig,
    clock: Clock,
    max_calls_per_deal: int = 8,
) -> list[RecoveryResult]:
    """Reconcile every unfinished deal with orderquery, synchronously, one after the other.

    The window does not wait for this: it runs the same checkouts (:meth:`CheckoutSession.resume`)
    on its workers and opens the till after a short budget (``pos.ui.session``).

    Performs, for each deal, the network commands due now (the query, a close already
    allowed, the query confirming it); a deal that still needs watching comes back with its
    session and its pending commands. A deal left CREATED that WeChat Pay does not know
    becomes FAILED; an unpaid one is closed (its clerk's session died with the program);
    a paid one becomes PAID with ``is_late`` so that the clerk sees it.
    """
    results: list[RecoveryResult] = []
    for deal in store.unfinished_deals():
        session = CheckoutSession.resume(
            deal, store=store, client=client, config=config, clock=clock
        )
        commands = session.start()
        for _ in range(max_calls_per_deal):
            due = [
                c
                for c in commands
                if isinstance(c, CreateOrder | QueryOrder | CloseOrder) and c.delay <= 0
            ]
            if not due or session.is_finished:
                break
            rest = [c for c in commands if c not in due]
            for command in due:
                rest += session.perform(command)
            commands = rest
        live = [
            c
            for c in commands
            if not (
                isinstance(c, CreateOrder | QueryOrder | CloseOrder)
                and not session.machine.is_current(c)
            )
        ]
        results.append(
            RecoveryResult(session.deal, None if session.is_finished else session, tuple(live))
        )
    return results


def notification_alarm(deal: Deal, notification: PaymentNotification) -> str | None:
    """§5.2 step 6: why a verified notification for ``deal`` must not count, or None.

    Another ``total_fee`` than the deal's amount, or another ``transaction_id`` than the one
    already recorded: the deal is never marked paid by it, and a person must look.
    """
    if notification.total_fee != deal.amount_fen:
        return (
            f"{ALARM_PREFIX}WeChat Pay notified {notification.total_fee} fen paid, the deal is "
            f"{deal.amount_fen} fen; not marked paid"
        )
    if deal.transaction_id is not None and deal.transaction_id != notification.transaction_id:
        return (
            f"{ALARM_PREFIX}WeChat Pay notified transaction {notification.transaction_id}, the "
            f"deal was paid by {deal.transaction_id}; not counted"
        )
    return None


def record_alarm(store: Store, deal: Deal, text: str, *, now: datetime) -> Deal:
    """Raise the alarm of :func:`notification_alarm` (§5.2): logged at ERROR with the
    ``out_trade_no``, kept on the deal (:attr:`Deal.alarm`) and in its history. The deal's
    state does not move. A deal whose alarm could not be stored is returned as it was."""
    log.error("%s", text, extra={"out_trade_no": deal.out_trade_no})
    try:
        return store.transition(
            deal.out_trade_no,
            deal.state,
            reason="alarm: notification refused",
            now=now,
            last_error=text,
        )
    except StoreError as exc:
        log.error(
            "the alarm could not be stored: %s", exc, extra={"out_trade_no": deal.out_trade_no}
        )
        return replace(deal, last_error=text)


def apply_payment_notification(
    store: Store, notification: PaymentNotification, *, now: datetime
) -> Deal | None:
    """Record a verified notification for a deal no live session owns (§5.2 steps 5–7).

    Returns the stored deal when it was (or already is) marked paid by it; None when the
    deal is unknown or the amount or transaction_id does not match (do not mark paid; alert).
    A deal that was CLOSING, CLOSED or FAILED is marked ``is_late``.
    """
    deal = store.get_deal(notification.out_trade_no)
    if deal is None or notification.total_fee != deal.amount_fen:
        return None
    if deal.transaction_id is not None and deal.transaction_id != notification.transaction_id:
        return None
    if deal.state.is_paid:
        return deal
    is_late = deal.state in (DealState.CLOSING, DealState.CLOSED, DealState.FAILED)
    return store.transition(
        deal.out_trade_no,
        DealState.PAID,
        reason="late payment (notification)" if is_late else "paid (notification)",
        now=now,
        transaction_id=notification.transaction_id,
        paid_at=notification.time_end,
        bank_type=notification.bank_type,
        is_late=is_late,
    )
