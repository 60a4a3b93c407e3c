"""The Qt controller of payments: runs the checkout's commands on workers and QTimers, and back.

The checkout (:mod:`pos.checkout`) decides; this module only carries out, through
:mod:`pos.ui.deal_runner` (calls on network workers, writes on the one database worker) and
:mod:`pos.ui.ops`. What comes back is turned into signals the window shows; they carry the
core's records and enums, never words. Nothing here blocks the main thread. The shop's QR
and the customer's payment code run the same way (:meth:`PaymentSession.charge`,
:meth:`PaymentSession.charge_code`).

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
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from pos.clock import Clock, utc_now
from pos.errors import PosError
from pos.ui.customer_screen import qr_image
from pos.ui.deal_runner import RETRY_AFTER_ERROR_MS, DealRunner, begin_deal, resume_unfinished
from pos.ui.ops import Ops
from pos.ui.recovery_gate import RecoveryGate
from pos.ui.texts import refusal_notices
from pos.ui.till_lists import TillLists

if TYPE_CHECKING:
    from pos.checkout import (
        CheckoutSession,
        Command,
        Notice,
        RelayedPayment,
        ShowMessage,
        State,
    )
    from pos.relay.events import RelayEvent
    from pos.services import Backend
    from pos.store import Deal, Stamp
    from pos.ui.refunding import RefundRunner

log = logging.getLogger(__name__)

#: How often the countdown is redrawn and the current deal's clock ticks.
TICK_MS = 250
#: Start-up recovery's time budget: the till opens after this even when WeChat Pay has not
#: answered for every unfinished deal; those go on being settled in the background (query,
#: close), listed as pending until they are final, like a deal the clerk gave up on.
RECOVERY_BUDGET_SECONDS = 5.0


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
    #: A status of the current deal: (:class:`pos.checkout.Notice`, is_alarm).
    notice_shown = Signal(object, bool)
    #: The current deal is paid (verified).
    payment_succeeded = Signal(object)
    #: The current deal is over without payment: (deal, the :class:`pos.checkout.Notice` it
    #: ended with: CANCELLED by the clerk, TIMED_OUT, FAILED (refused) or CLOSED).
    deal_ended = Signal(object, object)
    #: The deal the clerk last left unresolved (cancel, timeout) reached its end in the
    #: background: (deal, its final :class:`pos.checkout.State`). Not after a new charge.
    left_deal_settled = Signal(object, object)
    #: A deal the clerk had given up on was paid after all (the clerk must acknowledge).
    late_payment_arrived = Signal(object)
    #: WeChat Pay reported another amount (or transaction) paid for a deal that is not on
    #: screen (§5.2 step 6): not counted; the clerk must tell the manager. (deal with its alarm)
    alarm_raised = Signal(object)
    #: A programming error stopped a deal's work (logged with its traceback): the deal is
    #: left for start-up recovery, the till is free. Emitted once per deal.
    bug_raised = Signal(object)
    #: Today's deals, newest first (after every change); forwarded from :attr:`lists`.
    deals_changed = Signal(list)
    #: The product names of the quick keys, in order; forwarded from :attr:`lists`.
    products_changed = Signal(list)
    #: A charge could not start (the deal could not be stored): the PosError; nothing was sent.
    charge_refused = Signal(object)
    #: A scanned payment code was refused by the till before anything was stored or sent
    #: (another wallet's, not a code, used before): the :class:`pos.checkout.Notice`.
    code_refused = Signal(object)
    #: The customer must type the payment password (USERPAYING): the deal; the countdown
    #: follows on :attr:`countdown_changed`.
    password_wait_started = Signal(object)
    #: A refund moved, by a relayed refund notification or when resumed after start-up
    #: (a :class:`pos.refunds.RefundProgress`).
    refund_updated = Signal(object)

    def __init__(
        self,
        ops: Ops,
        *,
        clock: Clock = utc_now,
        recovery_budget: float = RECOVERY_BUDGET_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._clock = clock
        self._gate = RecoveryGate(recovery_budget, self)
        self._gate.opened.connect(self._on_opened)
        self._runner = DealRunner(
            ops,
            self._gate,
            is_current=lambda session: session is self._current,
            is_watched=lambda session: session.out_trade_no in self._watched,
            parent=self,
        )
        self._runner.answered.connect(self._apply)
        self._runner.store_failed.connect(self._on_deal_store_failed)
        self._runner.bug_raised.connect(self._on_bug)
        self._backend: Backend | None = None
        self._refunds: RefundRunner | None = None
        self._current: CheckoutSession | None = None
        self._is_starting = False
        self._cancel_when_started = False
        #: why the current deal leaves the screen, once the clerk has said (CANCELLED)
        self._ending: Notice | None = None
        #: the deal the clerk last left before WeChat Pay said how it ended
        self._left: CheckoutSession | None = None
        self._watched: dict[str, CheckoutSession] = {}
        self._deadline: datetime | None = None
        self._is_closed = False
        #: Who sells, for each new deal (pos.ui.till_desk: the clerk and shift); called on the
        #: database worker as the deal is stored. None: nobody (a till without clerks).
        self.stamper: Callable[[], Stamp] | None = None
        #: today's deals and the products, read for the till
        self.lists = TillLists(ops, clock=clock, parent=self)
        self.lists.deals_changed.connect(self.deals_changed)
        self.lists.products_changed.connect(self.products_changed)
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
        return self._gate.is_open

    @property
    def recovery_pending(self) -> int:
        """Deals found unfinished at start-up that are not settled yet (background)."""
        return sum(1 for number in self._gate.recovered if number in self._watched)

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
        self._runner.background_client = backend.background_client
        self.lists.attach(backend.store, backend.business_day)
        if backend.refunds is not None:
            from pos.refunds import Refunder
            from pos.ui.refunding import RefundRunner

            refunder = Refunder(
                backend.store,
                backend.refunds,
                clock=self._clock,
                notify_url=backend.refund_notify_url,
            )
            self._refunds = RefundRunner(self._ops, refunder, backend.store, backend.merchant, self)
            self._refunds.updated.connect(self._on_refund_updated)
        self.lists.refresh_products()
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

        clock = self._clock
        (
            self._ops.db(self, lambda: resume_unfinished(backend, clock), what="start-up recovery")
            .success(self._on_recovery_loaded)
            .failure(self._on_recover_failed)
            .bug(self._on_recovery_bug)
            .run()
        )

    def _on_recovery_loaded(self, loaded: list[tuple[CheckoutSession, list[Command]]]) -> None:
        if self._is_closed:
            return
        for session, _commands in loaded:
            self._watched[session.out_trade_no] = session
        self._gate.loaded([session.out_trade_no for session, _commands in loaded])
        for session, commands in loaded:
            self._apply(session, commands)
            self._gate.step(session.out_trade_no, is_finished=session.is_finished)
        self._gate.settle_if_done()
        self.refresh_deals()

    def open_till(self) -> None:
        """End the start-up wait (Esc, the budget, or every deal answered): the till takes
        charges; deals not settled yet go on in the background, listed as pending."""
        if not self._is_closed:
            self._gate.open()

    def _on_opened(self, count: int) -> None:
        self.recovery_finished.emit(count)
        self.refresh_deals()
        if self._refunds is not None and not self._is_closed:
            self._refunds.resume()

    def _on_recover_failed(self, exc: PosError) -> None:
        # A locked or unreadable database: said, and tried again (a bug never is).
        log.error("start-up recovery failed, trying again: %s", exc)
        self._ops.show_error(exc)
        self._runner.later(RETRY_AFTER_ERROR_MS, self.recover)

    def _on_recovery_bug(self, _exc: BaseException) -> None:
        """A bug in start-up recovery: the till opens anyway (the deals stay stored as they
        are, for the next start), and the bug is shown once."""
        self._ops.show_bug()
        self._gate.loaded([])
        self.open_till()

    # -- the clerk's actions -------------------------------------------------------------------

    def charge(self, amount_fen: int, product: str) -> None:
        """Store the deal (DB worker), then start its checkout; ignored while one is running."""
        self._begin(amount_fen, product, None)

    def charge_code(self, amount_fen: int, product: str, auth_code: str) -> None:
        """The customer's payment code was scanned (or typed) for ``amount_fen``: checked and
        stored on the DB worker (refused there, with nothing stored or sent, when it is
        another wallet's, no code, or used before: :attr:`code_refused`), then its one
        micropay. Ignored while a deal is running. The code stays in the session's memory
        only (a credential)."""
        self._begin(amount_fen, product, auth_code)

    def _begin(self, amount_fen: int, product: str, auth_code: str | None) -> None:
        if self.is_busy or not self.is_ready or self._is_closed:
            return
        backend, clock = self._require_backend(), self._clock
        self._is_starting = True
        self._cancel_when_started = False
        self._ending = None
        self._left = None
        stamper = self.stamper
        (
            self._ops.db(
                self,
                lambda: begin_deal(
                    backend,
                    clock,
                    amount_fen,
                    product,
                    auth_code,
                    stamp=stamper() if stamper else None,
                ),
                what="storing the deal",
            )
            .success(self._on_begun)
            .failure(self._on_begin_failed)
            .bug(self._on_begin_bug)
            .run()
        )

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

    def _on_begin_failed(self, exc: PosError) -> None:
        from pos.checkout import Notice
        from pos.errors import PaymentCodeRefused

        self._is_starting = False
        if isinstance(exc, PaymentCodeRefused):
            log.info("payment code refused by the till: %s", exc)
            self.code_refused.emit(Notice(exc.reason))
            return
        log.error("the deal could not be stored; nothing was sent: %s", exc)
        self.charge_refused.emit(exc)

    def _on_begin_bug(self, _exc: BaseException) -> None:
        self._is_starting = False
        self._ops.show_bug()

    def cancel(self) -> None:
        """The clerk gave up: the checkout hides the QR, closes the order and keeps watching."""
        if self._is_starting:
            self._cancel_when_started = True
            return
        session = self._current
        if session is None:
            return
        from pos.checkout import CancelRequested, Notice
        from pos.store.records import PaymentMethod

        # The till is free at once, whatever WeChat Pay does: a call in flight may not answer
        # for long (or ever). The checkout closes (a payment code's: reverses, §3.10) and
        # watches the deal in the background.
        is_code = session.deal.method is PaymentMethod.MICROPAY
        self._ending = Notice.REVERSE_CANCELLED if is_code else Notice.CANCELLED
        self._leave_current(session, self._ending)
        self._runner.handle(session, CancelRequested())

    def acknowledge_late_payment(self, deal: Deal) -> None:
        """The clerk saw the late payment; it is already stored PAID, nothing more to do."""
        log.info("late payment acknowledged", extra={"out_trade_no": deal.out_trade_no})

    # -- relayed notifications -------------------------------------------------------------------

    def on_relay_event(self, event: RelayEvent) -> None:
        """A notification pushed by the relay: verified with our own key, then applied (DB
        worker). The relay is a transport, not an authority (ARCHITECTURE "Truth", §5.2)."""
        from pos.relay.events import PAYMENT, REFUND

        if self._backend is None or self._is_closed:
            return
        if event.kind == REFUND:
            if self._refunds is None:
                log.warning("a relayed refund notification was ignored: no refund client here")
            else:
                self._refunds.apply_notification(event.raw_xml, event.out_trade_no)
            return
        if event.kind != PAYMENT:
            return
        from pos.checkout import apply_relayed_payment

        backend = self._backend
        session = self._watched.get(event.out_trade_no)

        def apply() -> RelayedPayment:
            return apply_relayed_payment(
                event.raw_xml,
                event.out_trade_no,
                store=backend.store,
                merchant=backend.merchant,
                session=session,
                now=self._clock(),
            )

        op = self._ops.db(self, apply, what="relayed notification").about(event.out_trade_no)
        op.success(lambda outcome: self._on_relayed(session, outcome))
        op.failure(self._on_store_failed)
        if session is not None:
            op.bug(lambda _exc: self._on_bug(session))
        op.run()

    def _on_relayed(self, session: CheckoutSession | None, outcome: RelayedPayment) -> None:
        from pos.checkout import Alarmed, Handled, PaidLate

        match outcome:
            case Handled(commands=commands):
                self._apply(session, commands)
            case Alarmed(deal=deal):
                self.alarm_raised.emit(deal)
                self.refresh_deals()
            case PaidLate(deal=deal):
                self.late_payment_arrived.emit(deal)
                self.refresh_deals()
            case _:
                pass  # refused, unknown here, or a repeat: nothing to show

    def _on_refund_updated(self, progress: object) -> None:
        self.refund_updated.emit(progress)
        self.refresh_deals()  # a refund moves the deal to PARTIALLY_REFUNDED or REFUNDED

    # -- commands from the checkout ---------------------------------------------------------------

    def _apply(
        self,
        session: CheckoutSession | None,
        commands: Sequence[Command],
        images: dict[str, QImage] | None = None,
    ) -> None:
        """Carry out what the checkout asked for (main thread; network goes to workers)."""
        from pos.checkout import (
            NETWORK_COMMANDS,
            Finish,
            HideQr,
            Notice,
            SendReport,
            ShowLatePayment,
            ShowMessage,
            ShowPaid,
            ShowPasswordWait,
            ShowQr,
            State,
        )

        is_current = session is not None and session is self._current
        # HideQr comes with ShowPaid too: the QR only means "given up" when no payment follows;
        # with Finish, the end itself tells why (a refusal must reach the clerk as such).
        is_ending_now = any(isinstance(command, ShowPaid | Finish) for command in commands)
        #: the last notice of this batch: a payment code's refusal is told by it
        said: Notice | None = None
        for command in commands:
            if isinstance(command, NETWORK_COMMANDS):
                if session is not None:
                    self._runner.schedule(session, command)
            elif isinstance(command, ShowQr):
                if is_current and session is not None:
                    self._deadline = command.deadline
                    image = (images or {}).get(command.code_url) or qr_image(command.code_url)
                    self.order_ready.emit(session.deal, image)
                    self._emit_countdown()
            elif isinstance(command, ShowPasswordWait):
                if is_current and session is not None:
                    self._deadline = command.deadline
                    self.password_wait_started.emit(session.deal)
                    self._emit_countdown()
            elif isinstance(command, HideQr):
                if is_current and session is not None and not is_ending_now:
                    self._leave_current(session, self._ending or Notice.TIMED_OUT)
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
                said = command.notice
                self._show_message(session, command, is_current=is_current)
            elif isinstance(command, SendReport):
                if session is not None:
                    self._runner.send_report(session, command)
            elif isinstance(command, Finish):
                self._finish(session, command.state, command.deal, said)
                is_current = False
        if is_current and session is not None and session.state is State.REVERSING:
            # Not paid in time, or the payment failed: the reverse goes on in the background
            # (retried while WeChat Pay asks, §3.10) and the till is free; how it ends is said
            # when it does (left_deal_settled).
            self._leave_current(session, said or Notice.PASSWORD_TIMED_OUT)

    def _show_message(
        self, session: CheckoutSession | None, message: ShowMessage, *, is_current: bool
    ) -> None:
        from pos.checkout import Notice

        if message.notice is Notice.AMOUNT_MISMATCH and session is not None:
            # §5.2 step 6: raise the alarm, whether or not the deal is on screen.
            log.error("%s", message.text, extra={"out_trade_no": session.out_trade_no})
            if not is_current:
                self.alarm_raised.emit(session.deal)
        if is_current:
            self.notice_shown.emit(message.notice, message.is_alarm)
        elif message.is_alarm:
            log.warning("%s", message.text)

    def _leave_current(self, session: CheckoutSession, ending: Notice) -> None:
        """The QR is gone: the till is free again; the deal stays watched in the background."""
        if session is self._current:
            self._current = None
            self._left = session
            self._tick.stop()
            self._deadline = None
            self.deal_ended.emit(session.deal, ending)
            self.refresh_deals()

    def _finish(
        self,
        session: CheckoutSession | None,
        state: State,
        deal: Deal | None,
        said: Notice | None = None,
    ) -> None:
        from pos.checkout import Notice, State

        if session is not None:
            self._watched.pop(session.out_trade_no, None)
            self._gate.step(session.out_trade_no, is_finished=session.is_finished)
            if session is self._current:
                self._current = None
                self._tick.stop()
                self._deadline = None
                if state is not State.PAID:
                    # A refusal is told as such, even after the clerk pressed Esc: a payment
                    # code's by its own notice (NOTENOUGH, AUTHCODEEXPIRE...).
                    ending = self._ending or Notice.CLOSED
                    if state is State.FAILED:
                        ending = said if said in refusal_notices() else Notice.FAILED
                    self.deal_ended.emit(deal or session.deal, ending)
            elif session is self._left:
                self._left = None
                self.left_deal_settled.emit(deal or session.deal, state)
        self.refresh_deals()

    def _on_deal_store_failed(self, session: CheckoutSession) -> None:
        if session is self._current:
            from pos.checkout import Notice

            self.notice_shown.emit(Notice.STORE_ERROR, True)

    def _on_store_failed(self, exc: PosError) -> None:
        log.error("till task failed: %s", exc)
        if self._current is not None:
            from pos.checkout import Notice

            self.notice_shown.emit(Notice.STORE_ERROR, True)

    def _on_bug(self, session: CheckoutSession) -> None:
        """A programming error in a deal's work (already logged with its traceback): shown
        once, never tried again. The deal stays stored as it is (stored before any call), and
        start-up recovery settles it with WeChat Pay; the till is free meanwhile."""
        self._watched.pop(session.out_trade_no, None)
        self._gate.forget(session.out_trade_no)
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
            self._runner.handle(session, Tick())

    def _emit_countdown(self) -> None:
        if self._deadline is None:
            return
        left = (self._deadline - self._clock()) / timedelta(seconds=1)
        self.countdown_changed.emit(max(0, int(left + 0.999)))

    # -- the till's lists -------------------------------------------------------------------------

    def refresh_deals(self) -> None:
        """Reload today's newest deals for the till's list (DB worker)."""
        self.lists.refresh_deals()

    def save_products(self, names: list[str]) -> None:
        """Replace the quick-key products with ``names`` in this order (DB worker)."""
        self.lists.save_products(names)

    # -- closing ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop every timer; deals still unfinished are reconciled at the next start."""
        self._is_closed = True
        self._tick.stop()
        self._gate.stop()
        self._runner.close()
        self.lists.close()

    def _require_backend(self) -> Backend:
        if self._backend is None:
            raise RuntimeError("the payment session has no backend yet")
        return self._backend
