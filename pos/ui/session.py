"""The Qt controller of payments: runs the checkout's commands on workers and QTimers, and back.

The checkout (:mod:`pos.checkout`) decides; this module only carries out. A network
command (create, query, close) waits its ``delay`` on a main-thread QTimer and then runs
:meth:`CheckoutSession.perform` on the network pool; events from outside (cancel, the
clock's tick, a relayed notification) go to :meth:`CheckoutSession.handle` on the single
database worker, because handling writes the deal. What comes back is turned into signals
the window shows. Nothing here blocks the main thread.

One deal is *current* (the one the clerk and the customer look at); deals the clerk gave
up on stay *watched* in the background until WeChat Pay says closed or paid, so a late
payment is shown and stored, never lost (ARCHITECTURE "Timeout"). Deals found unfinished at
start-up are watched the same way: the till opens once WeChat Pay has answered for each of
them, after :data:`RECOVERY_BUDGET_SECONDS`, or at once on Esc, whichever comes first
(ARCHITECTURE "Recovery").
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from pos.clock import Clock, utc_now
from pos.errors import PosError
from pos.ui.customer_screen import qr_image
from pos.ui.workers import Workers

if TYPE_CHECKING:
    from pos.checkout import CheckoutSession, Command, NetworkCommand
    from pos.refunds import Refunder, RefundProgress
    from pos.relay.events import RelayEvent
    from pos.services import Backend
    from pos.store import Deal

log = logging.getLogger(__name__)

#: How often the countdown is redrawn and the current deal's clock ticks.
TICK_MS = 250
#: How many of today's deals the till lists, newest first.
RECENT_DEALS = 50
#: A task that failed for an unexpected reason (a bug, a locked database) is tried again after.
RETRY_AFTER_ERROR_MS = 3_000
#: Start-up recovery's time budget: the till opens after this even when WeChat Pay has not
#: answered for every unfinished deal; those go on being settled in the background (query,
#: close), listed as pending until they are final, like a deal the clerk gave up on.
RECOVERY_BUDGET_SECONDS = 5.0


def render_qr_codes(commands: Sequence[Command]) -> dict[str, QImage]:
    """The QR image of every ShowQr among ``commands``, drawn where this runs (a worker):
    making the code takes milliseconds that the main thread must not spend."""
    from pos.checkout import ShowQr

    return {
        command.code_url: qr_image(command.code_url)
        for command in commands
        if isinstance(command, ShowQr)
    }


class PaymentSession(QObject):
    """Feeds the checkout of the current deal and of every watched deal; emits what to show.

    Signals are emitted on the main thread; deals are :class:`pos.store.Deal` records.
    """

    #: Start-up recovery began / ended: the till is open (``count`` unfinished deals were
    #: found; :attr:`PaymentSession.recovery_pending` of them are still being settled).
    recovery_started = Signal()
    recovery_finished = Signal(int)
    #: The deal is stored CREATED and unifiedorder is on its way.
    order_requested = Signal(object)
    #: The QR can be shown: (deal with its code_url, the QR as a QImage drawn on a worker).
    order_ready = Signal(object, object)
    #: Seconds left on the clerk's countdown for the current deal.
    countdown_changed = Signal(int)
    #: A status of the current deal by :class:`pos.checkout.Notice` code: (notice, is_alarm).
    notice_shown = Signal(str, bool)
    #: The current deal is paid (verified).
    payment_succeeded = Signal(object)
    #: The current deal is over without payment: (deal, "cancelled"|"expired"|"failed").
    deal_ended = Signal(object, str)
    #: The deal the clerk last left unresolved (cancel, timeout) reached its end in the
    #: background: (deal, final :class:`pos.checkout.State` value). Not after a new charge.
    left_deal_settled = Signal(object, str)
    #: A deal the clerk had given up on was paid after all (the clerk must acknowledge).
    late_payment_arrived = Signal(object)
    #: WeChat Pay reported another amount (or transaction) paid for a deal that is not on
    #: screen (§5.2 step 6): not counted; the clerk must tell the manager. (deal with its alarm)
    alarm_raised = Signal(object)
    #: A programming error stopped a deal's work (logged with its traceback): the deal is
    #: left for start-up recovery, the till is free. Emitted once per deal.
    bug_raised = Signal(object)
    #: Today's deals, newest first (after every change).
    deals_changed = Signal(list)
    #: The product names of the quick keys, in order.
    products_changed = Signal(list)
    #: A charge could not start (the deal could not be stored): nothing was sent.
    charge_refused = Signal(str)
    #: A refund moved, by a relayed refund notification or when resumed after start-up
    #: (a :class:`pos.refunds.RefundProgress`).
    refund_updated = Signal(object)

    def __init__(
        self,
        workers: Workers,
        *,
        clock: Clock = utc_now,
        recovery_budget: float = RECOVERY_BUDGET_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._clock = clock
        #: the deals found unfinished at start-up (their numbers)
        self._recovered: list[str] = []
        #: while the till is not open yet: those still waiting for WeChat Pay's first answer,
        #: with the number of their calls in flight
        self._recovering: dict[str, int] = {}
        self._is_recovery_loaded = False
        self._is_open_requested = False
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(round(recovery_budget * 1000))
        self._recovery_timer.timeout.connect(self.open_till)
        self._backend: Backend | None = None
        self._current: CheckoutSession | None = None
        self._is_starting = False
        self._cancel_when_started = False
        self._ended_reason = ""
        #: the deal the clerk last left before WeChat Pay said how it ended
        self._left: CheckoutSession | None = None
        self._watched: dict[str, CheckoutSession] = {}
        self._timers: set[QTimer] = set()
        self._deadline: datetime | None = None
        self._is_ready = False
        self._is_closed = False
        self._is_refreshing = False
        self._is_refresh_due = False
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)

    # -- state -------------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        """A deal is being charged (from Charge to paid or given up)."""
        return self._is_starting or self._current is not None

    @property
    def is_ready(self) -> bool:
        """Recovery is done: the till may take a charge."""
        return self._is_ready

    @property
    def recovery_pending(self) -> int:
        """Deals found unfinished at start-up that are not settled yet (background)."""
        return sum(1 for number in self._recovered if number in self._watched)

    @property
    def current_deal(self) -> Deal | None:
        return self._current.deal if self._current is not None else None

    @property
    def watched_count(self) -> int:
        """Deals whose checkout is still running (the current one included)."""
        return len(self._watched)

    def attach(self, backend: Backend) -> None:
        """The store is open and the client made: recover, then open the till."""
        self._backend = backend
        self.refresh_products()
        self.recover()

    # -- start-up ------------------------------------------------------------------------------

    def recover(self) -> None:
        """Settle every unfinished deal with WeChat Pay, then open the till.

        Each deal gets a checkout in RECOVERING, watched in the background like a deal the
        clerk gave up on: orderquery, then closeorder when unpaid, a late payment when paid.
        The till opens when WeChat Pay has answered for each (or its call failed), after the
        budget, or at once on :meth:`open_till` (Esc), whichever comes first; what is not
        settled by then goes on in the background.
        """
        backend = self._require_backend()
        self.recovery_started.emit()

        def load() -> list[tuple[CheckoutSession, list[Command]]]:
            # Runs on the DB worker: a read of the store, no network.
            from pos.checkout import CheckoutSession

            loaded = []
            for deal in backend.store.unfinished_deals():
                session = CheckoutSession.resume(
                    deal,
                    store=backend.store,
                    client=backend.client,
                    config=backend.config,
                    clock=self._clock,
                )
                loaded.append((session, session.start()))
            return loaded

        self._workers.db(load, on_done=self._on_recovery_loaded, on_error=self._on_recover_failed)

    def _on_recovery_loaded(self, loaded: list[tuple[CheckoutSession, list[Command]]]) -> None:
        if self._is_closed:
            return
        self._is_recovery_loaded = True
        for session, _commands in loaded:
            self._recovered.append(session.out_trade_no)
            self._watched[session.out_trade_no] = session
            self._recovering[session.out_trade_no] = 0
        self._recovery_timer.start()
        for session, commands in loaded:
            self._apply(session, commands)
            self._on_recovery_step(session)
        if self._is_open_requested or not self._recovering:
            self.open_till()
        self.refresh_deals()

    def _on_recovery_step(self, session: CheckoutSession) -> None:
        """A call for a deal found at start-up ended: once WeChat Pay has answered (or the
        call failed) and nothing is due now, the deal no longer holds the till closed."""
        calls = self._recovering.get(session.out_trade_no)
        if calls is not None and (calls == 0 or session.is_finished):
            del self._recovering[session.out_trade_no]
        if calls is not None and not self._recovering and self._is_recovery_loaded:
            self.open_till()

    def open_till(self) -> None:
        """End the start-up wait (Esc, the budget, or every deal answered): the till takes
        charges; deals not settled yet go on in the background, listed as pending."""
        if self._is_ready or self._is_closed:
            return
        if not self._is_recovery_loaded:
            # Esc before the store was read: open as soon as it is.
            self._is_open_requested = True
            return
        self._recovery_timer.stop()
        self._recovering.clear()
        self._is_ready = True
        self.recovery_finished.emit(len(self._recovered))
        self.refresh_deals()
        self.resume_refunds()

    def _on_recover_failed(self, exc: BaseException) -> None:
        log.error("start-up recovery failed, trying again: %s", exc)
        self.notice_shown.emit("NO_ANSWER", True)
        self._later(RETRY_AFTER_ERROR_MS, self.recover)

    # -- the clerk's actions -------------------------------------------------------------------

    def charge(self, amount_fen: int, product: str) -> None:
        """Store the deal (DB worker), then start its checkout; ignored while one is running."""
        if self.is_busy or not self._is_ready or self._is_closed:
            return
        backend = self._require_backend()
        self._is_starting = True
        self._cancel_when_started = False
        self._ended_reason = ""
        self._left = None

        def begin() -> tuple[CheckoutSession, list[Command]]:
            from pos.checkout import CheckoutSession

            session = CheckoutSession.begin(
                store=backend.store,
                client=backend.client,
                amount_fen=amount_fen,
                product=product,
                till_id=backend.till_id,
                sign_type=backend.sign_type,
                config=backend.config,
                clock=self._clock,
            )
            return session, session.start()

        self._workers.db(begin, on_done=self._on_begun, on_error=self._on_begin_failed)

    def _on_begun(self, result: tuple[CheckoutSession, list[Command]]) -> None:
        session, commands = result
        self._is_starting = False
        self._current = session
        self._watched[session.out_trade_no] = session
        self._deadline = None
        self._tick.start()
        self.order_requested.emit(session.deal)
        self._apply(session, commands)
        if self._cancel_when_started:
            self.cancel()

    def _on_begin_failed(self, exc: BaseException) -> None:
        self._is_starting = False
        log.error("the deal could not be stored; nothing was sent: %s", exc)
        self.charge_refused.emit(str(exc))

    def cancel(self) -> None:
        """The clerk gave up: the checkout hides the QR, closes the order and keeps watching."""
        if self._is_starting:
            self._cancel_when_started = True
            return
        session = self._current
        if session is None:
            return
        from pos.checkout import CancelRequested

        # The till is free at once, whatever WeChat Pay does: a call in flight may not answer
        # for long (or ever). The checkout closes and watches the deal in the background.
        self._ended_reason = "cancelled"
        self._leave_current(session, "cancelled")
        self._handle(session, CancelRequested())

    def acknowledge_late_payment(self, deal: Deal) -> None:
        """The clerk saw the late payment; it is already stored PAID, nothing more to do."""
        log.info("late payment acknowledged", extra={"out_trade_no": deal.out_trade_no})

    # -- relayed notifications -------------------------------------------------------------------

    def on_relay_event(self, event: RelayEvent) -> None:
        """A notification pushed by the relay: verified here with the merchant key (DB worker)."""
        from pos.relay.events import PAYMENT, REFUND

        if self._backend is None or self._is_closed:
            return
        if event.kind == REFUND:
            self._apply_refund_notification(self._backend, event)
            return
        if event.kind != PAYMENT:
            return
        backend = self._backend
        session = self._watched.get(event.out_trade_no)
        self._workers.db(
            lambda: self._verify_and_handle(backend, session, event),
            on_done=lambda outcome: self._on_notification_done(session, outcome),
            on_error=self._on_task_error,
        )

    def _verify_and_handle(
        self, backend: Backend, session: CheckoutSession | None, event: RelayEvent
    ) -> tuple[str, Any]:
        # Runs on the DB worker. The relay is a transport, not an authority (ARCHITECTURE
        # "Truth", §5.2): the signature is checked with our own key, and the checkout then
        # compares out_trade_no and total_fee with the stored deal.
        from pos.checkout import (
            PaymentNotified,
            apply_payment_notification,
            notification_alarm,
            record_alarm,
        )
        from pos.errors import NotificationError
        from pos.wechatpay.notify import parse_payment_notification
        from pos.wechatpay.types import SignType

        deal = session.deal if session is not None else backend.store.get_deal(event.out_trade_no)
        if deal is None:
            return "unknown", None
        try:
            ordered_with = SignType(deal.sign_type)
        except ValueError:
            ordered_with = None
        try:
            notification = parse_payment_notification(
                event.raw_xml.encode("utf-8"), backend.merchant, ordered_with=ordered_with
            )
        except NotificationError as exc:
            log.warning(
                "relayed notification refused: %s",
                exc.reason,
                extra={"out_trade_no": event.out_trade_no},
            )
            return "refused", None
        if notification.out_trade_no != deal.out_trade_no:
            return "refused", None
        if session is not None:
            return "commands", session.handle(PaymentNotified(notification))
        # A deal no checkout watches any more (closed, failed, paid): a wrong amount is not
        # dropped but raised (§5.2 step 6), a duplicate of the right one changes nothing.
        alarm = notification_alarm(deal, notification)
        if alarm is not None:
            return "alarm", record_alarm(backend.store, deal, alarm, now=self._clock())
        if deal.state.is_paid:
            return "duplicate", None  # a deal already paid: the relay repeats, nothing changes
        stored = apply_payment_notification(backend.store, notification, now=self._clock())
        return "late", stored

    def _on_notification_done(
        self, session: CheckoutSession | None, outcome: tuple[str, Any]
    ) -> None:
        kind, value = outcome
        if kind == "commands":
            self._apply(session, value)
        elif kind == "alarm":
            self.alarm_raised.emit(value)
            self.refresh_deals()
        elif kind == "late" and value is not None and value.state.is_paid:
            self.late_payment_arrived.emit(value)
            self.refresh_deals()

    # -- refunds -----------------------------------------------------------------------------------

    def _refunder(self, backend: Backend) -> Refunder | None:
        if backend.refunds is None:
            return None
        from pos.refunds import Refunder

        return Refunder(
            backend.store,
            backend.refunds,
            clock=self._clock,
            notify_url=backend.refund_notify_url,
        )

    def _apply_refund_notification(self, backend: Backend, event: RelayEvent) -> None:
        refunder = self._refunder(backend)
        if refunder is None:
            log.warning("a relayed refund notification was ignored: this till has no refund client")
            return
        body = event.raw_xml.encode("utf-8")

        def work() -> RefundProgress | None:
            # Runs on the DB worker. The relay only carries the notification: req_info is
            # decrypted with our own key and checked against the stored refund (§3.7,
            # ARCHITECTURE "Truth") before anything is recorded.
            from pos.errors import NotificationError

            try:
                return refunder.apply_notification(body, backend.merchant)
            except NotificationError as exc:
                log.warning(
                    "relayed refund notification refused: %s",
                    exc.reason,
                    extra={"out_trade_no": event.out_trade_no},
                )
                return None

        self._workers.db(work, on_done=self._on_refund_progress, on_error=self._on_refund_error)

    def resume_refunds(self) -> None:
        """After start-up recovery: resend refunds that may never have left and query those
        in progress (§3.6, §4.4), on the network pool; the till is already open."""
        if self._backend is None or self._is_closed:
            return
        refunder = self._refunder(self._backend)
        if refunder is None:
            return
        self._workers.network(
            refunder.resume_unfinished,
            on_done=self._on_refunds_resumed,
            on_error=self._on_refund_error,
        )

    def _on_refunds_resumed(self, progresses: list[RefundProgress]) -> None:
        for progress in progresses:
            self._on_refund_progress(progress)

    def _on_refund_progress(self, progress: RefundProgress | None) -> None:
        if progress is None:
            return
        if progress.error:
            log.warning(
                "refund %s: %s",
                progress.refund.out_refund_no,
                progress.error,
                extra={"out_trade_no": progress.refund.out_trade_no},
            )
        self.refund_updated.emit(progress)
        self.refresh_deals()  # a refund moves the deal to PARTIALLY_REFUNDED or REFUNDED

    def _on_refund_error(self, exc: BaseException) -> None:
        # A refund is not the deal on screen: log it, do not alarm the clerk's current payment.
        log.error("refund task failed: %s", exc)

    # -- commands from the checkout ---------------------------------------------------------------

    def _apply(
        self,
        session: CheckoutSession | None,
        commands: Sequence[Command],
        images: dict[str, QImage] | None = None,
    ) -> None:
        """Carry out what the checkout asked for (main thread; network goes to workers)."""
        from pos.checkout import (
            CloseOrder,
            CreateOrder,
            Finish,
            HideQr,
            Notice,
            QueryOrder,
            ShowLatePayment,
            ShowMessage,
            ShowPaid,
            ShowQr,
        )

        is_current = session is not None and session is self._current
        # HideQr comes with ShowPaid too: the QR only means "given up" when no payment follows;
        # with Finish, the end itself tells why (a refusal must reach the clerk as such).
        is_ending_now = any(isinstance(command, ShowPaid | Finish) for command in commands)
        for command in commands:
            if isinstance(command, CreateOrder | QueryOrder | CloseOrder):
                if session is not None:
                    self._schedule(session, command)
            elif isinstance(command, ShowQr):
                if is_current and session is not None:
                    self._deadline = command.deadline
                    image = (images or {}).get(command.code_url) or qr_image(command.code_url)
                    self.order_ready.emit(session.deal, image)
                    self._emit_countdown()
            elif isinstance(command, HideQr):
                if is_current and session is not None and not is_ending_now:
                    self._leave_current(session, self._ended_reason or "expired")
                    is_current = False
            elif isinstance(command, ShowPaid):
                if is_current:
                    self.payment_succeeded.emit(command.deal)
                else:
                    self.late_payment_arrived.emit(command.deal)
                self.refresh_deals()
            elif isinstance(command, ShowLatePayment):
                self.late_payment_arrived.emit(command.deal)
                self.refresh_deals()
            elif isinstance(command, ShowMessage):
                if command.notice is Notice.AMOUNT_MISMATCH and session is not None:
                    # §5.2 step 6: raise the alarm, whether or not the deal is on screen.
                    log.error("%s", command.text, extra={"out_trade_no": session.out_trade_no})
                    if not is_current:
                        self.alarm_raised.emit(session.deal)
                if is_current:
                    self.notice_shown.emit(command.notice.value, command.is_alarm)
                elif command.is_alarm:
                    log.warning("%s", command.text)
            elif isinstance(command, Finish):
                self._finish(session, command.state.value, command.deal)
                is_current = False

    def _leave_current(self, session: CheckoutSession, reason: str) -> None:
        """The QR is gone: the till is free again; the deal stays watched in the background."""
        if session is self._current:
            self._current = None
            self._left = session
            self._tick.stop()
            self._deadline = None
            self.deal_ended.emit(session.deal, reason)
            self.refresh_deals()

    def _finish(self, session: CheckoutSession | None, state: str, deal: Deal | None) -> None:
        if session is not None:
            self._watched.pop(session.out_trade_no, None)
            self._on_recovery_step(session)
            if session is self._current:
                self._current = None
                self._tick.stop()
                self._deadline = None
                if state != "PAID":
                    reason = "failed" if state == "FAILED" else (self._ended_reason or "closed")
                    self.deal_ended.emit(deal or session.deal, reason)
            elif session is self._left:
                self._left = None
                self.left_deal_settled.emit(deal or session.deal, state)
        self.refresh_deals()

    def _schedule(self, session: CheckoutSession, command: NetworkCommand) -> None:
        delay_ms = max(0, round(command.delay * 1000))
        if delay_ms == 0:
            self._perform(session, command)
            return
        self._later(delay_ms, lambda: self._perform(session, command))

    def _later(self, delay_ms: int, action: Callable[[], None]) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay_ms)

        def fire() -> None:
            self._timers.discard(timer)
            timer.deleteLater()
            if not self._is_closed:
                action()

        timer.timeout.connect(fire)
        self._timers.add(timer)
        timer.start()

    def _perform(self, session: CheckoutSession, command: NetworkCommand) -> None:
        if self._is_closed:
            return

        is_urgent = session is self._current
        client = None if is_urgent or self._backend is None else self._backend.background_client

        def work() -> tuple[list[Command], dict[str, QImage]]:
            commands = session.perform(command, client=client)
            return commands, render_qr_codes(commands)

        def done(result: tuple[list[Command], dict[str, QImage]]) -> None:
            self._count_recovery_call(session, -1)
            self._apply(session, *result)
            self._on_recovery_step(session)

        def failed(exc: BaseException) -> None:
            self._count_recovery_call(session, -1)
            self._on_perform_failed(session, command, exc)
            self._on_recovery_step(session)

        self._count_recovery_call(session, +1)
        self._workers.network(work, on_done=done, on_error=failed, is_urgent=is_urgent)

    def _count_recovery_call(self, session: CheckoutSession, step: int) -> None:
        if session.out_trade_no in self._recovering:
            self._recovering[session.out_trade_no] += step

    def _on_perform_failed(
        self, session: CheckoutSession, command: NetworkCommand, exc: BaseException
    ) -> None:
        # perform() turns every WeChat Pay outcome into an event; what reaches here is a store
        # error (a locked or full database: tried again, a superseded command is a no-op) or a
        # bug (never tried again: it would fail the same way for ever).
        if not isinstance(exc, PosError):
            self._on_bug(session, type(command).__name__, exc)
            return
        log.error(
            "%s failed: %s",
            type(command).__name__,
            exc,
            extra={"out_trade_no": session.out_trade_no},
        )
        if session is self._current:
            self.notice_shown.emit("STORE_ERROR", True)
        if session.out_trade_no in self._watched:
            self._later(RETRY_AFTER_ERROR_MS, lambda: self._perform(session, command))

    def _handle(self, session: CheckoutSession, event: Any) -> None:
        self._workers.db(
            lambda: session.handle(event),
            on_done=lambda commands: self._apply(session, commands),
            on_error=lambda exc: self._on_deal_task_error(session, type(event).__name__, exc),
        )

    def _on_deal_task_error(self, session: CheckoutSession, what: str, exc: BaseException) -> None:
        if not isinstance(exc, PosError):
            self._on_bug(session, what, exc)
            return
        log.error("%s failed: %s", what, exc, extra={"out_trade_no": session.out_trade_no})
        if self._current is not None:
            self.notice_shown.emit("STORE_ERROR", True)

    def _on_task_error(self, exc: BaseException) -> None:
        # A known error (the store) in words; anything else is a bug, with its traceback.
        if isinstance(exc, PosError):
            log.error("till task failed: %s", exc)
        else:
            log.error("bug in a till task: %s", type(exc).__name__, exc_info=exc)
        if self._current is not None:
            self.notice_shown.emit("STORE_ERROR", True)

    def _on_bug(self, session: CheckoutSession, what: str, exc: BaseException) -> None:
        """A programming error in a deal's work: logged once with its traceback, shown once,
        never tried again. The deal stays stored as it is (stored before any call), and
        start-up recovery settles it with WeChat Pay; the till is free meanwhile."""
        log.error(
            "bug: %s raised %s",
            what,
            type(exc).__name__,
            exc_info=exc,
            extra={"out_trade_no": session.out_trade_no},
        )
        self._watched.pop(session.out_trade_no, None)
        self._recovering.pop(session.out_trade_no, None)
        if session is self._current:
            self._current = None
            self._tick.stop()
            self._deadline = None
        if session is self._left:
            self._left = None
        self.bug_raised.emit(session.deal)
        self.refresh_deals()

    # -- the clock -------------------------------------------------------------------------------

    def _on_tick(self) -> None:
        self._emit_countdown()
        session = self._current
        if session is None:
            return
        from pos.checkout import Tick

        deadline = session.machine.deadline
        if deadline is not None and self._clock() >= deadline:
            # Only when the deadline is due: a tick is a store transaction on the DB worker.
            self._handle(session, Tick())

    def _emit_countdown(self) -> None:
        if self._deadline is None:
            return
        left = (self._deadline - self._clock()) / timedelta(seconds=1)
        self.countdown_changed.emit(max(0, int(left + 0.999)))

    # -- store views -----------------------------------------------------------------------------

    def refresh_deals(self) -> None:
        """Reload today's newest deals for the list on the till (DB worker).

        Requests that come while one is running are folded into one more run after it: a
        payment asks several times, and the list only needs its latest state.
        """
        if self._backend is None or self._is_closed:
            return
        if self._is_refreshing:
            self._is_refresh_due = True
            return
        store = self._backend.store
        business_day = self._backend.business_day

        def load() -> list[Deal]:
            # The newest deals only (one indexed query), then today's among them: loading
            # the whole day after every payment grew with the day, in time and in memory.
            # Today is the shop's business day, as in the manager's view and the exports.
            midnight, tomorrow = business_day.bounds(business_day.today(self._clock))
            return [
                deal
                for deal in store.recent_deals(RECENT_DEALS)
                if midnight <= deal.created_at < tomorrow
            ]

        def done(deals: list[Deal]) -> None:
            self._is_refreshing = False
            self.deals_changed.emit(deals)
            if self._is_refresh_due:
                self._is_refresh_due = False
                self.refresh_deals()

        def failed(exc: BaseException) -> None:
            self._is_refreshing = False
            self._on_task_error(exc)

        self._is_refreshing = True
        self._workers.db(load, on_done=done, on_error=failed)

    def refresh_products(self) -> None:
        if self._backend is None:
            return
        store = self._backend.store
        self._workers.db(
            lambda: [product.name for product in store.products()],
            on_done=self.products_changed.emit,
            on_error=self._on_task_error,
        )

    def save_products(self, names: list[str]) -> None:
        """Replace the quick-key products with ``names`` in this order (DB worker)."""
        backend = self._require_backend()
        store = backend.store

        def save() -> list[str]:
            existing = list(store.products())
            for position, name in enumerate(names):
                if position < len(existing):
                    store.save_product(
                        name=name, position=position, product_id=existing[position].id
                    )
                else:
                    store.save_product(name=name, position=position)
            for product in existing[len(names) :]:
                store.delete_product(product.id)
            return [product.name for product in store.products()]

        self._workers.db(save, on_done=self.products_changed.emit, on_error=self._on_task_error)

    # -- closing ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop every timer; deals still unfinished are reconciled at the next start."""
        self._is_closed = True
        self._tick.stop()
        self._recovery_timer.stop()
        for timer in list(self._timers):
            timer.stop()
        self._timers.clear()

    def _require_backend(self) -> Backend:
        if self._backend is None:
            raise RuntimeError("the payment session has no backend yet")
        return self._backend
