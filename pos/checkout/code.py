"""The customer's payment code as a pure machine: events in, commands out (STYLE rule 3).

States of the machine (the deal's stored :class:`~pos.store.DealState` in brackets)::

    NEW ──start──► CHARGING [CREATED]: micropay, once
                     │ paid ─────────────────────────────────────────► PAID [PAID]
                     │ USERPAYING ──► PASSWORD [ORDERED]: orderquery every password_poll
                     │                 │ paid (query or relay push) ─► PAID
                     │                 │ PAYERROR / password_wait over / clerk cancels
                     │ unknown ──────► CONFIRMING [CREATED]: orderquery (after 5 s on
                     │                 │ SYSTEMERROR), same number, never a new micropay
                     │                 │ paid ─► PAID · USERPAYING ─► PASSWORD
                     │                 │ ORDERNOTEXIST ─► FAILED (nothing charged)
                     │                 │ still unclear at password_wait ─┐
                     │ refused ──────► FAILED [FAILED], one Notice per err_code
                     ▼                                                  ▼
                   (cancel while micropay is out: reversed once it answers)
                                     REVERSING [REVERSING]: reverse, not before
                                     reverse_min_age; again while recall=Y or no answer
                                       │ recall=N ─► REVERSED [REVERSED]
                                       │ ORDERNOTEXIST ─► FAILED
                                       │ refused (REVERSE_EXPIRE...) ─► orderquery:
                                       │   paid ─► PAID (is_late) · REVOKED ─► REVERSED
                                       │ max_reverse_calls spent ─► NEEDS_ATTENTION
                                       ▼   (the deal stays REVERSING: reversed at next start)

    RECOVERING (start-up, a deal left CREATED/ORDERED): orderquery, then
      paid ─► PAID (is_late) · open, PAYERROR or unclear at password_wait ─► REVERSING
      REVOKED ─► REVERSED · CLOSED ─► CLOSED · ORDERNOTEXIST ─► FAILED
    RECOVERING a deal left REVERSING: reverse again at once (it may have been sent).

Rules encoded here (protocol reference sections in brackets):

* one micropay per scan, under the deal's one out_trade_no, never resent (§3.9, §4.4): an
  unknown outcome is learned with orderquery for that number;
* USERPAYING: orderquery every ``password_poll`` until ``password_wait`` (§3.9, §4.5);
* what is not paid at the end is reversed, and reverse is repeated while WeChat answers
  ``recall=Y`` or does not answer (§3.10); once a reverse is decided a late "paid" does not
  undo it (a reverse gives a paid order's money back), so a deal is never both paid and
  reversed;
* paid only on a verified answer whose total_fee equals the deal's amount (§5.2);
* one ``payitil/report`` per scan once its outcome is known (:class:`SendReport`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from pos.checkout.messages import (
    ASK_NOTICES,
    REFUSAL_NOTICES,
    CancelRequested,
    CheckoutConfig,
    Command,
    Event,
    Finish,
    Micropay,
    MicropayAnswered,
    MicropayFailed,
    NetworkCommand,
    Notice,
    OrderQueried,
    OrderQueryFailed,
    OrderReversed,
    OrderReverseFailed,
    PaymentNotified,
    QueryOrder,
    ReverseOrder,
    SendReport,
    ShowLatePayment,
    ShowMessage,
    ShowPaid,
    ShowPasswordWait,
    State,
    Transition,
)
from pos.clock import Clock
from pos.errors import (
    BadResponseSignature,
    BusinessError,
    RequestRejected,
    RetryableBusinessError,
    WeChatPayError,
)
from pos.store import Deal, DealState
from pos.wechatpay.types import (
    MicropayOutcome,
    OrderStatus,
    PaymentNotification,
    ReportedTrade,
    ReportState,
    TradeState,
)

log = logging.getLogger(__name__)

_ORDER_MISSING = "ORDERNOTEXIST"
_OPEN = frozenset({TradeState.NOTPAY, TradeState.USERPAYING, TradeState.ACCEPT})
#: The states in which the clerk still waits at the till (a cancel reverses).
_AT_TILL = frozenset({State.CHARGING, State.PASSWORD, State.CONFIRMING})


def _error_code(error: WeChatPayError) -> str | None:
    if isinstance(error, BusinessError | RetryableBusinessError):
        return error.err_code
    return None


def _describe(error: WeChatPayError) -> str:
    """A short reason for the history: the error's own fields (never the code)."""
    return f"{type(error).__name__}: {error}"[:200]


def _seconds_until(moment: datetime, now: datetime) -> float:
    return max(0.0, (moment - now).total_seconds())


class CodeCheckout:
    """The state machine of one payment-code deal. Not thread-safe: the session locks.

    It never sees the code: :class:`Micropay` asks the session, which holds it, to send it.
    Build it with :meth:`for_new_deal` (a deal just stored CREATED by
    :meth:`~pos.checkout.CheckoutSession.begin_code`) or :meth:`for_recovery`.
    """

    def __init__(
        self, deal: Deal, *, config: CheckoutConfig, clock: Clock, state: State = State.NEW
    ) -> None:
        self.deal = deal
        self.config = config
        self.clock = clock
        self.state = state
        #: when the clerk's wait ends (the password's, or an unclear outcome's)
        self.deadline: datetime | None = None
        self._seq = 0
        self._pay_seq: int | None = None
        self._query_seq: int | None = None
        self._reverse_seq: int | None = None
        self._query_interval = config.password_poll
        self._reverse_interval = config.reverse_retry_interval
        self._reverse_calls = 0
        #: the clerk cancelled while micropay was out: reverse once it answers
        self._is_cancel_pending = False
        self._is_cancelled = False
        #: a reverse was refused: the next orderquery says what happened
        self._is_checking_refusal = False
        #: a clerk is at the till (not start-up recovery): the scan is reported at its end
        self._is_live = state is State.NEW
        self._has_order = deal.state is DealState.ORDERED
        self._reported = False

    @classmethod
    def for_new_deal(cls, deal: Deal, *, config: CheckoutConfig, clock: Clock) -> CodeCheckout:
        return cls(deal, config=config, clock=clock, state=State.NEW)

    @classmethod
    def for_recovery(cls, deal: Deal, *, config: CheckoutConfig, clock: Clock) -> CodeCheckout:
        """A machine for a payment-code deal left CREATED, ORDERED or REVERSING."""
        return cls(deal, config=config, clock=clock, state=State.RECOVERING)

    # ---------------------------------------------------------------- public surface

    def start(self) -> list[Command]:
        """micropay (new deal), or orderquery / reverse (recovery)."""
        if self._seq:
            raise RuntimeError("this checkout has already started")
        now = self.clock()
        self.deadline = now + timedelta(seconds=self.config.password_wait)
        if self.state is State.RECOVERING:
            if self.deal.state is DealState.REVERSING:
                # The reverse may have been sent before the till died: carry it through.
                self.state = State.REVERSING
                return [self._reverse(now)]
            return [self._query(0.0)]
        if self.state is not State.NEW:
            raise RuntimeError(f"cannot start a checkout in state {self.state}")
        self.state = State.CHARGING
        self._pay_seq = self._next_seq()
        return [
            ShowMessage(Notice.CHARGING_CODE, "Charging the customer's payment code…"),
            Micropay(0.0, self._pay_seq),
        ]

    def handle(self, event: Event) -> list[Command]:
        """Feed one event; return the commands it causes (possibly none)."""
        now = self.clock()
        commands: list[Command] = []
        match event:
            case MicropayAnswered():
                commands = self._on_answered(event, now)
            case MicropayFailed():
                commands = self._on_pay_failed(event, now)
            case OrderQueried():
                commands = self._on_queried(event, now)
            case OrderQueryFailed():
                commands = self._on_query_failed(event, now)
            case OrderReversed():
                commands = self._on_reversed(event, now)
            case OrderReverseFailed():
                commands = self._on_reverse_failed(event, now)
            case PaymentNotified():
                commands = self._on_notified(event.notification, now)
            case CancelRequested():
                commands = self._on_cancel(now)
        if self._is_wait_over(now) and self._query_seq is None:
            # §3.9: still not paid, or still unclear, at the end of the wait: reverse. A
            # query due at the deadline is answered first (§3.10: query, then reverse).
            if self.state is State.PASSWORD:
                notice, text = Notice.PASSWORD_TIMED_OUT, "No password in time: reversing…"
            else:
                notice, text = Notice.OUTCOME_UNCLEAR, "No clear answer in time: reversing…"
            commands += self._start_reverse(now, "not paid in time", notice, text)
        return commands

    def is_current(self, command: NetworkCommand) -> bool:
        """Whether a scheduled network command is still wanted (a superseded one is dropped)."""
        if self.state.is_final:
            return False
        match command:
            case Micropay():
                return command.seq == self._pay_seq
            case QueryOrder():
                return command.seq == self._query_seq
            case ReverseOrder():
                return command.seq == self._reverse_seq
        return False

    # ---------------------------------------------------------------- command makers

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _query(self, delay: float) -> QueryOrder:
        self._query_seq = self._next_seq()
        return QueryOrder(delay, self._query_seq)

    def _is_wait_over(self, now: datetime) -> bool:
        return (
            self.state in (State.PASSWORD, State.CONFIRMING, State.RECOVERING)
            and self.deadline is not None
            and now >= self.deadline
        )

    def _next_query(self, now: datetime, delay: float) -> list[Command]:
        """The next orderquery while the clerk waits; none once the wait is over (the
        deadline then reverses, in :meth:`handle`)."""
        if self._is_wait_over(now):
            return []
        return [self._query(self._capped(delay, now))]

    def _capped(self, delay: float, now: datetime) -> float:
        """While the clerk waits, never sleep past the deadline: the last query is at it."""
        if self.deadline is not None and self.state is not State.REVERSING:
            return min(delay, _seconds_until(self.deadline, now))
        return delay

    def _reverse(self, now: datetime, *, retry: bool = False) -> ReverseOrder:
        # §3.10: not sooner than reverse_min_age after the payment call (time_start is when
        # the scan was stored, just before micropay went out); retries back off.
        allowed = self.deal.time_start + timedelta(seconds=self.config.reverse_min_age)
        delay = _seconds_until(allowed, now)
        if retry:
            delay = max(delay, self._reverse_interval)
            self._reverse_interval = min(self._reverse_interval * 2, self.config.max_poll_interval)
        self._reverse_calls += 1
        self._reverse_seq = self._next_seq()
        return ReverseOrder(delay, self._reverse_seq)

    def _report(self, now: datetime, state: ReportState, err_msg: str = "") -> list[Command]:
        """One payitil/report per scan, at its end; none for a deal found at start-up."""
        if not self._is_live or self._reported:
            return []
        self._reported = True
        trade = ReportedTrade(self.deal.out_trade_no, self.deal.time_start, now, state, err_msg)
        return [SendReport(trade)]

    def _end(
        self, state: State, transition: Transition, *extra: Command, report: list[Command]
    ) -> list[Command]:
        self.state = state
        self._pay_seq = self._query_seq = self._reverse_seq = None
        # The report goes last: the clerk's screen never waits for it.
        return [transition, *extra, Finish(state, self.deal), *report]

    def _needs_person(self, now: datetime, reason: str, text: str, notice: Notice) -> list[Command]:
        """The machine stops; the deal stays where it is (unfinished) with the alarm."""
        return self._end(
            State.NEEDS_ATTENTION,
            Transition(self.deal.state, reason, {"last_error": text}),
            ShowMessage(notice, text, is_alarm=True),
            report=self._report(now, ReportState.FAIL, notice.value),
        )

    # ---------------------------------------------------------------- micropay

    def _on_answered(self, event: MicropayAnswered, now: datetime) -> list[Command]:
        if event.seq != self._pay_seq or self.state is not State.CHARGING:
            return []
        self._pay_seq = None
        result = event.result
        self._has_order = True
        if self._is_cancel_pending:
            return self._reverse_cancelled(now)
        if result.outcome is MicropayOutcome.PAID:
            status = OrderStatus(
                out_trade_no=result.out_trade_no,
                trade_state=TradeState.SUCCESS,
                transaction_id=result.transaction_id,
                total_fee=result.total_fee,
                time_end=result.time_end,
            )
            return self._on_paid(status, now, via="micropay")
        return [*self._password_wait(), *self._next_query(now, self.config.password_poll)]

    def _password_wait(self) -> list[Command]:
        """USERPAYING (§3.9): the customer types the password; the clerk sees the countdown."""
        self.state = State.PASSWORD
        assert self.deadline is not None
        return [
            Transition(DealState.ORDERED, "waiting for the password", {"deadline": self.deadline}),
            ShowPasswordWait(self.deadline, self.deal.amount_fen),
            ShowMessage(
                Notice.WAITING_FOR_PASSWORD, "The customer is entering the payment password…"
            ),
        ]

    def _on_pay_failed(self, event: MicropayFailed, now: datetime) -> list[Command]:
        if event.seq != self._pay_seq or self.state is not State.CHARGING:
            return []
        self._pay_seq = None
        error, code = event.error, _error_code(event.error)
        if isinstance(error, RequestRejected) or (
            isinstance(error, BusinessError) and code not in ASK_NOTICES
        ):
            # Definitely refused: no order was made for this scan (§3.9 errors).
            notice = Notice.CODE_REQUEST_WRONG
            if code is not None:
                notice = REFUSAL_NOTICES.get(code, Notice.CODE_REFUSED)
            return self._end(
                State.FAILED,
                Transition(
                    DealState.FAILED, "payment code refused", {"last_error": _describe(error)}
                ),
                ShowMessage(notice, f"WeChat Pay refused the payment code: {error}", is_alarm=True),
                report=self._report(now, ReportState.FAIL, code or "REQUEST_REJECTED"),
            )
        # Unknown (or ORDERPAID / number used): ask WeChat Pay about this number (§4.4).
        self.state = State.CONFIRMING
        commands: list[Command] = [
            Transition(
                DealState.CREATED, "micropay outcome unknown", {"last_error": _describe(error)}
            )
        ]
        if code in ASK_NOTICES:
            commands.append(ShowMessage(ASK_NOTICES[code], "Checking the order with WeChat Pay…"))
        elif isinstance(error, BadResponseSignature):
            commands.append(
                ShowMessage(
                    Notice.BAD_SIGNATURE,
                    "A reply from WeChat Pay failed its signature check; checking…",
                    is_alarm=True,
                )
            )
        else:
            commands.append(ShowMessage(Notice.CHECKING_ORDER, "Checking the payment…"))
        # §3.9: after SYSTEMERROR wait 5 s; BANKERROR and no answer: ask now.
        delay = self.config.system_error_wait if code == "SYSTEMERROR" else 0.0
        if self._is_cancel_pending:
            return commands + self._reverse_cancelled(now)
        return commands + self._next_query(now, delay)

    # ---------------------------------------------------------------- orderquery

    def _on_queried(self, event: OrderQueried, now: datetime) -> list[Command]:
        is_latest = event.seq == self._query_seq
        if is_latest:
            self._query_seq = None
        if self.state.is_final or (self.state is State.REVERSING and not self._is_checking_refusal):
            # A decided reverse goes on whatever a query in flight says (module docstring).
            return []
        status = event.status
        if status.out_trade_no != self.deal.out_trade_no:
            return self._ask_again(is_latest, now, "WeChat Pay answered about another order")
        if status.trade_state.is_paid:
            return self._on_paid(status, now, via="orderquery")
        self._has_order = True
        self._query_interval = self.config.password_poll
        if status.trade_state is TradeState.REVOKED:
            return self._reversed(now, "WeChat Pay revoked the order")
        if status.trade_state is TradeState.CLOSED:
            return self._end(
                State.CLOSED,
                Transition(DealState.CLOSED, "WeChat Pay says CLOSED"),
                ShowMessage(Notice.CLOSED, "The order is closed; nothing was paid."),
                report=self._report(now, ReportState.FAIL, "CLOSED"),
            )
        # PAYERROR, or still open (NOTPAY / USERPAYING / ACCEPT).
        if self.state is State.REVERSING:
            # A refused reverse of an order still not paid: reverse again (bounded).
            self._is_checking_refusal = False
            return self._reverse_again(now)
        if status.trade_state is TradeState.PAYERROR:
            # §4.2: PAYERROR is final and unpaid; a payment-code order is reversed.
            text = "The payment failed: reversing…"
            return self._start_reverse(now, "PAYERROR", Notice.PAYMENT_FAILED, text)
        if self.state is State.RECOVERING:
            text = "An unpaid payment from before the restart is being reversed…"
            return self._start_reverse(
                now, "unfinished at start-up", Notice.REVERSING_AFTER_RESTART, text
            )
        commands: list[Command] = []
        if self.state is State.CONFIRMING and status.trade_state is TradeState.USERPAYING:
            commands += self._password_wait()
        if is_latest:
            commands += self._next_query(now, self._query_interval)
        return commands

    def _on_query_failed(self, event: OrderQueryFailed, now: datetime) -> list[Command]:
        is_latest = event.seq == self._query_seq
        if is_latest:
            self._query_seq = None
        if not is_latest or self.state.is_final:
            return []
        if self.state is State.REVERSING and not self._is_checking_refusal:
            return []
        if _error_code(event.error) == _ORDER_MISSING and self.state is not State.PASSWORD:
            # §4.4: no order under this number: the scan charged nothing.
            return self._nothing_charged(now, event.error)
        return self._ask_again(True, now, f"No answer from WeChat Pay: {event.error}")

    def _ask_again(self, is_latest: bool, now: datetime, why: str) -> list[Command]:
        log.info("%s; asking again", why, extra={"out_trade_no": self.deal.out_trade_no})
        if self.state is State.REVERSING:
            # No answer about a refused reverse: the reverse itself is tried again, so that
            # its bound (max_reverse_calls) bounds this too.
            self._is_checking_refusal = False
            return self._reverse_again(now) if is_latest else []
        self._query_interval = min(self._query_interval * 2, self.config.max_poll_interval)
        if not is_latest:
            return []
        return [
            ShowMessage(Notice.NO_ANSWER, "No answer from WeChat Pay, still checking…"),
            *self._next_query(now, self._query_interval),
        ]

    def _nothing_charged(self, now: datetime, error: WeChatPayError) -> list[Command]:
        # An order WeChat Pay once answered about is gone (CLOSED); otherwise none was made.
        state, stored = (
            (State.CLOSED, DealState.CLOSED)
            if self._has_order
            else (State.FAILED, DealState.FAILED)
        )
        return self._end(
            state,
            Transition(stored, "no order at WeChat Pay", {"last_error": _describe(error)}),
            ShowMessage(Notice.NOTHING_CHARGED, "No payment was made; nothing was charged."),
            report=self._report(now, ReportState.FAIL, _ORDER_MISSING),
        )

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
        if self.state not in _AT_TILL:
            return []  # final, or a reverse was decided: it will give any money back
        if notification.total_fee != self.deal.amount_fen:
            # §5.2 step 6: not paid by it; orderquery, the authority, goes on deciding.
            text = (
                f"ALARM: WeChat Pay notified {notification.total_fee} fen paid, the deal is "
                f"{self.deal.amount_fen} fen; not marked paid"
            )
            return [ShowMessage(Notice.AMOUNT_MISMATCH, text, is_alarm=True)]
        return self._on_paid(notification.as_order_status(), now, via="notification")

    def _on_paid(self, status: OrderStatus, now: datetime, *, via: str) -> list[Command]:
        if status.total_fee != self.deal.amount_fen or not status.transaction_id:
            # §5.2 step 6: never paid on another amount; a person must look (no reverse
            # either: that would move money nobody here can account for).
            text = (
                f"ALARM: WeChat Pay reports {status.total_fee} fen paid by {via}, the deal "
                f"is {self.deal.amount_fen} fen; not marked paid"
            )
            return self._needs_person(now, "amount mismatch", text, Notice.AMOUNT_MISMATCH)
        is_late = self.state in (State.RECOVERING, State.REVERSING)
        changes: dict[str, object] = {
            "transaction_id": status.transaction_id,
            "paid_at": status.time_end or now,
            "is_late": is_late,
        }
        if status.bank_type:
            changes["bank_type"] = status.bank_type
        shown: list[Command]
        if is_late:
            shown = [
                ShowLatePayment(self.deal),
                ShowMessage(
                    Notice.LATE_PAYMENT,
                    "The customer paid, and it could not be reversed: hand over or refund.",
                    is_alarm=True,
                ),
            ]
        else:
            shown = [ShowPaid(self.deal), ShowMessage(Notice.PAID, "Paid.")]
        reason = f"late payment ({via})" if is_late else f"paid ({via})"
        return self._end(
            State.PAID,
            Transition(DealState.PAID, reason, changes),
            *shown,
            report=self._report(now, ReportState.OK),
        )

    # ---------------------------------------------------------------- reverse

    def _on_cancel(self, now: datetime) -> list[Command]:
        if self.state is State.CHARGING:
            # Reversing now could overtake the micropay still on its way and leave an order
            # behind; the reverse waits for micropay's answer (_on_answered/_on_pay_failed).
            self._is_cancel_pending = True
            return [
                ShowMessage(Notice.REVERSE_CANCELLED, "Cancelled: the payment will be reversed…")
            ]
        if self.state not in _AT_TILL:
            return []
        return self._reverse_cancelled(now)

    def _reverse_cancelled(self, now: datetime) -> list[Command]:
        self._is_cancelled = True
        text = "Cancelled: reversing the payment…"
        return self._start_reverse(now, "cancelled", Notice.REVERSE_CANCELLED, text)

    def _start_reverse(
        self, now: datetime, reason: str, notice: Notice, text: str
    ) -> list[Command]:
        if self.state not in (*_AT_TILL, State.RECOVERING):
            return []
        self.state = State.REVERSING
        self._query_seq = None
        return [
            Transition(DealState.REVERSING, reason),
            ShowMessage(notice, text),
            self._reverse(now),
        ]

    def _on_reversed(self, event: OrderReversed, now: datetime) -> list[Command]:
        if event.seq != self._reverse_seq or self.state is not State.REVERSING:
            return []
        self._reverse_seq = None
        if event.recall:
            return self._reverse_again(now)  # §3.10: recall=Y, call again
        return self._reversed(now, "reversed")

    def _on_reverse_failed(self, event: OrderReverseFailed, now: datetime) -> list[Command]:
        if event.seq != self._reverse_seq or self.state is not State.REVERSING:
            return []
        self._reverse_seq = None
        error, code = event.error, _error_code(event.error)
        if code == _ORDER_MISSING:
            return self._nothing_charged(now, error)
        if isinstance(error, BusinessError | RequestRejected):
            # Refused (REVERSE_EXPIRE, TRADE_ERROR...): what happened to the order is asked.
            self._is_checking_refusal = True
            return [
                Transition(
                    DealState.REVERSING, "reverse refused", {"last_error": _describe(error)}
                ),
                ShowMessage(
                    Notice.REVERSE_REFUSED,
                    f"WeChat Pay refused the reverse ({error}); checking the order…",
                    is_alarm=True,
                ),
                self._query(0.0),
            ]
        return self._reverse_again(now)  # §3.10: no answer or an error: call again

    def _reverse_again(self, now: datetime) -> list[Command]:
        if self._reverse_calls >= self.config.max_reverse_calls:
            text = (
                f"ALARM: the reverse of {self.deal.out_trade_no} is not confirmed after "
                f"{self._reverse_calls} calls; it is tried again at the next start"
            )
            return self._needs_person(
                now, "reverse not confirmed", text, Notice.REVERSE_UNCONFIRMED
            )
        return [
            ShowMessage(Notice.REVERSE_RETRY, "Reversing the payment again…"),
            self._reverse(now, retry=True),
        ]

    def _reversed(self, now: datetime, reason: str) -> list[Command]:
        state = ReportState.CANCELLED if self._is_cancelled else ReportState.FAIL
        return self._end(
            State.REVERSED,
            Transition(DealState.REVERSED, reason),
            ShowMessage(
                Notice.REVERSED,
                "Reversed: nothing is charged; any money taken goes back to the customer.",
            ),
            report=self._report(now, state, "" if self._is_cancelled else "REVERSED"),
        )
