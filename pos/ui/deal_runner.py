"""How a checkout's work runs for the window: calls on network workers, writes on the DB one.

A network command waits its ``delay`` on a main-thread QTimer; then
:meth:`~pos.checkout.CheckoutSession.call` asks WeChat Pay on a network worker (the sale on
screen on its own threads), and :meth:`~pos.checkout.CheckoutSession.handle` records the answer
on the one database worker, the only thread that writes the store (ARCHITECTURE "Threads").
Events from outside (cancel, the clock's tick) are handled there too. A known error is tried
again after :data:`RETRY_AFTER_ERROR_MS` while the deal is watched; a bug never is.
:class:`pos.ui.session.PaymentSession` decides what the answers mean for the till.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from pos.errors import PosError
from pos.ui.customer_screen import qr_image

if TYPE_CHECKING:
    from pos.checkout import CheckoutSession, Command, Event, NetworkCommand, PayClient, SendReport
    from pos.clock import Clock
    from pos.services import Backend
    from pos.store import Stamp
    from pos.ui.ops import Ops
    from pos.ui.recovery_gate import RecoveryGate

log = logging.getLogger(__name__)

#: A known error (a locked or full database) is tried again after this. A bug never is.
RETRY_AFTER_ERROR_MS = 3_000

#: What a network worker brings back: WeChat Pay's answer (None: the command was superseded)
#: and the QR of a new order, drawn there (it takes milliseconds the main thread must not spend).
Called: TypeAlias = tuple["Event | None", dict[str, QImage]]


class DealRunner(QObject):
    """Runs the network commands and events of every watched deal; says what came of them."""

    #: The checkout answered: (session, its commands, the QR images drawn on the worker).
    answered = Signal(object, object, object)
    #: The store could not record an event of a deal (it is tried again): the session.
    store_failed = Signal(object)
    #: A bug stopped a deal's work (logged with its traceback; never tried again): the session.
    bug_raised = Signal(object)

    def __init__(
        self,
        ops: Ops,
        gate: RecoveryGate,
        *,
        is_current: Callable[[CheckoutSession], bool],
        is_watched: Callable[[CheckoutSession], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._gate = gate
        self._is_current = is_current
        self._is_watched = is_watched
        #: the client of the deals in the background (one attempt per call); None: the deal's
        self.background_client: PayClient | None = None
        self._timers: set[QTimer] = set()
        self._is_closed = False

    def schedule(self, session: CheckoutSession, command: NetworkCommand) -> None:
        """Carry ``command`` out once its delay has passed."""
        delay_ms = max(0, round(command.delay * 1000))
        if delay_ms == 0:
            self._perform(session, command)
        else:
            self.later(delay_ms, lambda: self._perform(session, command))

    def later(self, delay_ms: int, action: Callable[[], None]) -> None:
        """Call ``action`` on the main thread after ``delay_ms``, unless closed by then."""
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
        """Call WeChat Pay on a network worker, then record the answer on the DB worker."""
        if self._is_closed:
            return
        is_urgent = self._is_current(session)
        client = None if is_urgent else self.background_client
        self._gate.count_call(session.out_trade_no, +1)

        def called(result: Called) -> None:
            event, images = result
            if event is None:
                self._call_ended(session)
            else:
                self.handle(session, event, images, on_end=lambda: self._call_ended(session))

        def failed(exc: PosError) -> None:
            # call() turns WeChat Pay's outcomes into events: what reaches here is another
            # known error (a certificate that cannot be read): logged, tried again later.
            log.error("%s failed: %s", type(command).__name__, exc, extra=_about(session))
            self._call_ended(session)
            self._retry(session, lambda: self._perform(session, command))

        def bug(_exc: BaseException) -> None:
            self._call_ended(session)
            self.bug_raised.emit(session)

        what = type(command).__name__
        work = self._ops.network(
            self, lambda: _call(session, command, client), what=what, is_urgent=is_urgent
        )
        work.about(session.out_trade_no).success(called).failure(failed).bug(bug).run()

    def _call_ended(self, session: CheckoutSession) -> None:
        self._gate.count_call(session.out_trade_no, -1)
        self._gate.step(session.out_trade_no, is_finished=session.is_finished)

    def handle(
        self,
        session: CheckoutSession,
        event: Event,
        images: dict[str, QImage] | None = None,
        *,
        on_end: Callable[[], object] | None = None,
    ) -> None:
        """Feed ``event`` to the deal's checkout on the DB worker (it writes the deal)."""

        def failed(exc: PosError) -> None:
            # A locked or full database: said, and the same event tried again, so that
            # WeChat Pay's answer is not lost.
            log.error("%s failed: %s", type(event).__name__, exc, extra=_about(session))
            self.store_failed.emit(session)
            self._retry(session, lambda: self.handle(session, event, images))

        work = self._ops.db(self, lambda: session.handle(event), what=type(event).__name__)
        work.about(session.out_trade_no)
        work.success(lambda commands: self.answered.emit(session, commands, images))
        work.failure(failed).bug(lambda _exc: self.bug_raised.emit(session))
        if on_end is not None:
            work.finished(on_end)
        work.run()

    def _retry(self, session: CheckoutSession, again: Callable[[], None]) -> None:
        """Try a deal's work again after a known error, while the deal is still watched."""
        if self._is_watched(session):
            self.later(RETRY_AFTER_ERROR_MS, again)

    def send_report(self, session: CheckoutSession, report: SendReport) -> None:
        """payitil/report in the background, best effort: nobody waits for it; WeChat Pay's
        failure is only logged (by the session), a bug too (by ops)."""
        client = self.background_client
        (
            self._ops.network(self, lambda: session.send_report(report, client=client))
            .about(session.out_trade_no)
            .failure(lambda exc: log.warning("payitil/report not sent: %s", exc))
            .run()
        )

    def close(self) -> None:
        """Stop every timer; what is in flight is dropped (the deals are in the store)."""
        self._is_closed = True
        for timer in list(self._timers):
            timer.stop()
        self._timers.clear()


def _about(session: CheckoutSession) -> dict[str, str]:
    return {"out_trade_no": session.out_trade_no}


def _call(session: CheckoutSession, command: NetworkCommand, client: PayClient | None) -> Called:
    """On a network worker: WeChat Pay's answer to ``command``, and the QR of a new order."""
    from pos.checkout import OrderCreated

    event = session.call(command, client=client)
    images = {}
    if isinstance(event, OrderCreated):
        images[event.result.code_url] = qr_image(event.result.code_url)
    return event, images


def begin_deal(
    backend: Backend,
    clock: Clock,
    amount_fen: int,
    product: str,
    auth_code: str | None,
    *,
    stamp: Stamp | None = None,
) -> tuple[CheckoutSession, list[Command]]:
    """On the DB worker: store a new deal, stamped with the clerk and shift at the till, and
    start its checkout: the shop's QR, or with ``auth_code`` the customer's payment code
    (PaymentCodeRefused, nothing stored, when the till refuses the code)."""
    from pos.checkout import CheckoutSession
    from pos.store import NO_STAMP

    stamp = NO_STAMP if stamp is None else stamp
    if auth_code is None:
        session = CheckoutSession.begin(
            store=backend.store,
            client=backend.client,
            amount_fen=amount_fen,
            product=product,
            till_id=backend.till_id,
            sign_type=backend.sign_type,
            config=backend.config,
            clock=clock,
            stamp=stamp,
        )
    else:
        session = CheckoutSession.begin_code(
            store=backend.store,
            client=backend.client,
            amount_fen=amount_fen,
            product=product,
            till_id=backend.till_id,
            sign_type=backend.sign_type,
            config=backend.config,
            clock=clock,
            auth_code=auth_code,
            stamp=stamp,
        )
    return session, session.start()


def resume_unfinished(
    backend: Backend, clock: Clock
) -> list[tuple[CheckoutSession, list[Command]]]:
    """On the DB worker, at start-up: a started checkout (RECOVERING) for every unfinished
    deal, the QR's or the payment code's by its method; each start is written."""
    from pos.checkout import CheckoutSession

    loaded = []
    for deal in backend.store.unfinished_deals():
        session = CheckoutSession.resume(
            deal, store=backend.store, client=backend.client, config=backend.config, clock=clock
        )
        loaded.append((session, session.start()))
    return loaded
