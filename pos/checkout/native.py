"""The shop's QR (Native) payment as a pure machine: events in, commands out (STYLE rule 3)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from pos.checkout.messages import (
    CancelRequested,
    CheckoutConfig,
    CloseOrder,
    Command,
    CreateOrder,
    Event,
    Finish,
    HideQr,
    NetworkCommand,
    Notice,
    OrderClosed,
    OrderCloseFailed,
    OrderCreated,
    OrderCreateFailed,
    OrderQueried,
    OrderQueryFailed,
    PaymentNotified,
    QueryOrder,
    ShowLatePayment,
    ShowMessage,
    ShowPaid,
    ShowQr,
    State,
    Tick,
    Transition,
)
from pos.clock import Clock
from pos.errors import (
    BadResponseSignature,
    BusinessError,
    DefinitelyFailed,
    WeChatPayError,
)
from pos.store import Deal, DealState
from pos.wechatpay.types import (
    OrderStatus,
    PaymentNotification,
    TradeState,
)

log = logging.getLogger(__name__)


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
