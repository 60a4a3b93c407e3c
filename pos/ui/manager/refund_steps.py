"""A refund from the manager's view, step by step: every store write on the database thread.

:meth:`pos.refunds.Refunder.refund_and_follow` does the same in one call, for the command line
and the tests; the window must not run it on one thread, because it writes the store between
its network calls and the till's rule is one writer (ARCHITECTURE "Threads"). Here each call
to WeChat Pay runs on a network worker and each write of its answer on the database worker:
store the refund, send it, record the answer, then ask and record until it is final or
``follow_seconds`` have passed (§3.5, §3.6). A refund WeChat Pay does not know while it is still
PENDING never arrived, and is sent again, identically (§4.4).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from pos.store import NO_STAMP, Stamp
from pos.ui.manager.common import alive

if TYPE_CHECKING:
    from pos.refunds import Asked, Refunder, RefundProgress, Sent
    from pos.store import Refund
    from pos.ui.workers import Workers


class RefundSteps(QObject):
    """One refund, stored, sent and followed; tells :attr:`finished` or :attr:`failed` once."""

    #: The refund is final, or still in progress when the follow-up time ran out.
    finished = Signal(object)  # pos.refunds.RefundProgress
    #: The store refused it (limits) or a step broke: the exception.
    failed = Signal(object)

    def __init__(
        self,
        workers: Workers,
        refunder: Refunder,
        *,
        follow_seconds: float,
        follow_interval: float,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._refunder = refunder
        self._follow_seconds = follow_seconds
        self._interval_ms = max(1, int(follow_interval * 1000))
        self._monotonic = monotonic
        self._deadline = 0.0
        self._number = ""

    def start(
        self, out_trade_no: str, refund_fee: int, reason: str, stamp: Stamp = NO_STAMP
    ) -> None:
        """Store the refund PENDING (the database worker), then send it."""
        self._deadline = self._monotonic() + self._follow_seconds
        self._workers.db(
            lambda: self._refunder.prepare(out_trade_no, refund_fee, reason, stamp=stamp),
            on_done=self._step(self._send),
            on_error=self._step(self.failed.emit),
        )

    def _step(self, then: Callable[[Any], None]) -> Callable[[Any], None]:
        return alive(self, then)

    def _send(self, refund: Refund) -> None:
        self._number = refund.out_refund_no
        self._workers.network(
            lambda: self._refunder.send(self._number),
            on_done=self._step(self._record_sent),
            on_error=self._step(self.failed.emit),
        )

    def _record_sent(self, sent: Sent) -> None:
        self._workers.db(
            lambda: self._refunder.record_sent(sent),
            on_done=self._step(self._after),
            on_error=self._step(self.failed.emit),
        )

    def _after(self, progress: RefundProgress) -> None:
        if progress.is_final or self._monotonic() >= self._deadline:
            self.finished.emit(progress)
            return
        QTimer.singleShot(self._interval_ms, self, self._ask)

    def _ask(self) -> None:
        self._workers.network(
            lambda: self._refunder.ask(self._number),
            on_done=self._step(self._record_asked),
            on_error=self._step(self.failed.emit),
        )

    def _record_asked(self, asked: Asked) -> None:
        def recorded(progress: RefundProgress | None) -> None:
            if progress is None:  # REFUNDNOTEXIST while PENDING: it never arrived
                self._workers.network(
                    lambda: self._refunder.send(self._number),
                    on_done=self._step(self._record_sent),
                    on_error=self._step(self.failed.emit),
                )
            else:
                self._after(progress)

        self._workers.db(
            lambda: self._refunder.record_asked(asked),
            on_done=self._step(recorded),
            on_error=self._step(self.failed.emit),
        )
