"""Refunds run for the window: each call on a network worker, its answer written on the DB worker.

:class:`pos.refunds.Refunder` keeps each call to WeChat Pay apart from the store's write of its
answer; :class:`RefundRunner` chains the two halves through :mod:`pos.ui.ops`, so that the
store is written only by the database worker (ARCHITECTURE "Threads"). A refund is not the
deal on screen: its known errors are logged, never shown as the current payment's trouble.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos.errors import NotificationError, PosError

if TYPE_CHECKING:
    from pos.refunds import Asked, Refunder, RefundProgress, Sent
    from pos.store import Refund, Store
    from pos.ui.ops import Ops
    from pos.wechatpay.types import Merchant

log = logging.getLogger(__name__)


class RefundRunner(QObject):
    """Resumes, refreshes and records refunds of one merchant, off the main thread."""

    #: A refund moved (or was asked about): a :class:`pos.refunds.RefundProgress`.
    updated = Signal(object)

    def __init__(
        self,
        ops: Ops,
        refunder: Refunder,
        store: Store,
        merchant: Merchant,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._refunder = refunder
        self._store = store
        self._merchant = merchant

    def resume(self) -> None:
        """After start-up: resend what may never have left, query what is in progress (§3.6,
        §4.4); each refund on its own, so that one WeChat Pay does not answer holds no other."""
        (
            self._ops.db(self, self._store.unfinished_refunds, what="reading unfinished refunds")
            .success(self._refresh_each)
            .failure(self._on_failed)
            .run()
        )

    def _refresh_each(self, refunds: list[Refund]) -> None:
        for refund in refunds:
            self.refresh(refund.out_refund_no)

    def refresh(self, out_refund_no: str) -> None:
        """Ask ``refundquery`` and record the answer; a PENDING refund that WeChat Pay does not
        know never arrived, and is sent again, identically."""
        (
            self._ops.network(self, lambda: self._refunder.ask(out_refund_no), what="refundquery")
            .success(self._record_asked)
            .failure(self._on_failed)
            .run()
        )

    def _record_asked(self, asked: Asked) -> None:
        number = asked.refund.out_refund_no

        def recorded(progress: RefundProgress | None) -> None:
            if progress is None:
                self.send(number)
            else:
                self._tell(progress)

        (
            self._ops.db(self, lambda: self._refunder.record_asked(asked), what="refundquery")
            .success(recorded)
            .failure(self._on_failed)
            .run()
        )

    def send(self, out_refund_no: str) -> None:
        """Send a stored refund (again, identically) and record what WeChat Pay answered."""
        (
            self._ops.network(self, lambda: self._refunder.send(out_refund_no), what="refund")
            .success(self._record_sent)
            .failure(self._on_failed)
            .run()
        )

    def _record_sent(self, sent: Sent) -> None:
        (
            self._ops.db(self, lambda: self._refunder.record_sent(sent), what="refund")
            .success(self._tell)
            .failure(self._on_failed)
            .run()
        )

    def apply_notification(self, raw_xml: str, out_trade_no: str) -> None:
        """A refund notification passed on by the relay: ``req_info`` decrypted with our own
        key and checked against the stored refund (§3.7, ARCHITECTURE "Truth") before anything
        is recorded."""
        body = raw_xml.encode("utf-8")

        def work() -> RefundProgress | None:
            try:
                return self._refunder.apply_notification(body, self._merchant)
            except NotificationError as exc:
                log.warning(
                    "relayed refund notification refused: %s",
                    exc.reason,
                    extra={"out_trade_no": out_trade_no},
                )
                return None

        (
            self._ops.db(self, work, what="refund notification")
            .about(out_trade_no)
            .success(lambda progress: self._tell(progress) if progress is not None else None)
            .failure(self._on_failed)
            .run()
        )

    def _tell(self, progress: RefundProgress) -> None:
        if progress.error:
            log.warning(
                "refund %s: %s",
                progress.refund.out_refund_no,
                progress.error,
                extra={"out_trade_no": progress.refund.out_trade_no},
            )
        self.updated.emit(progress)

    def _on_failed(self, exc: PosError) -> None:
        # Not the deal on screen: logged, and tried again at the next start or notification.
        log.error("refund task failed: %s", exc)
