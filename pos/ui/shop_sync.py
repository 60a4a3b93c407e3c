"""The till's outbox sent to the shop server in the background, never in the clerk's way.

:class:`ShopSync` runs :class:`pos.sync.Syncer` one round at a time through :mod:`pos.ui.ops`:
the next batch is read and, once the server has it, acknowledged on the database worker (the
store's one writer); the HTTP call runs on a network worker. Between rounds a single-shot
timer waits what the Syncer says (:meth:`~pos.sync.Syncer.retry_delay`: a short idle wait, a
growing back-off while the server is down, nothing while it refuses this till). A deal that
ends calls :meth:`ShopSync.poke`, so the shop's day has it within a round trip.

Offline first: a server that cannot be reached is a state (``state_changed``), not an error
shown to the clerk; the deals wait in the till's own database.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from pos.errors import PosError, ShopServerRefused, ShopServerUnreachable

if TYPE_CHECKING:
    from datetime import date

    from pos.shop import ShiftSummary
    from pos.store import Store
    from pos.sync import PushResult, ShopServerClient, Syncer
    from pos.sync.outbox import Outgoing
    from pos.sync.wire import Ack
    from pos.ui.ops import Ops

log = logging.getLogger(__name__)

#: While the server refuses this till (a setting to fix), how often to try again anyway.
REFUSED_DELAY = 300.0

#: The states :attr:`ShopSync.state` takes.
IDLE, SENDING, OFFLINE, REFUSED, STOPPED = "idle", "sending", "offline", "refused", "stopped"


def build_syncer(store: Store, *, base_url: str, token: str, till: str, mch_id: str) -> Syncer:
    """The Syncer of one till (its outbox on ``store``, its client for ``base_url``)."""
    from pos.sync import Outbox, ShopServerClient, Syncer

    return Syncer(Outbox(store, till=till, mch_id=mch_id), ShopServerClient(base_url, token))


class ShopSync(QObject):
    """Empties the till's outbox into the shop server, round after round, off the main thread."""

    #: One of IDLE, SENDING, OFFLINE, REFUSED, STOPPED.
    state_changed = Signal(str)
    #: A batch the server took (a :class:`pos.sync.PushResult`).
    pushed = Signal(object)

    def __init__(self, ops: Ops, syncer: Syncer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.syncer = syncer
        self.state = STOPPED
        self._busy = False
        self._again = False  # poked while a round was running: go again at once after it
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._round)

    @property
    def client(self) -> ShopServerClient:
        """The till's client of the shop server (the manager's shop day asks it too)."""
        return self.syncer.client

    def start(self) -> None:
        """The first round at once, then as the Syncer says."""
        if self.state == STOPPED:
            self._set_state(IDLE)
            self._timer.start(0)

    def stop(self) -> None:
        """No more rounds (one running finishes; its outcome is dropped)."""
        self._timer.stop()
        self._set_state(STOPPED)

    def close(self) -> None:
        """Stop, and close the client (after the workers are gone: nothing uses it then)."""
        self.stop()
        self.syncer.client.close()

    def poke(self) -> None:
        """Something new is in the outbox (a deal ended): send it now, not after the wait."""
        if self.state == STOPPED or self.state == REFUSED:
            return
        if self._busy:
            self._again = True
        elif self.state != OFFLINE:  # while offline the back-off decides, not each sale
            self._timer.start(0)

    def send_record(self, kind: str, key: str, payload: Mapping[str, Any]) -> None:
        """Put a shop record in the outbox (on the DB worker) and send it: a shift's handover
        (``ShiftSummary.KIND``, ``summary.key``, ``summary.to_payload()``), a day's close."""
        outbox = self.syncer.outbox
        self._ops.db(
            self, lambda: outbox.add_record(kind, key, payload), what=f"sync: a {kind} record"
        ).success(lambda _: self.poke()).run()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # -- one round: read (db) -> send (network) -> acknowledge (db) --------------------------

    def _round(self) -> None:
        if self.state == STOPPED or self._busy:
            return
        self._busy = True
        self._again = False
        outbox = self.syncer.outbox
        self._ops.db(self, outbox.next_batch, what="sync: next batch").success(self._send).failure(
            self._failed
        ).bug(self._on_bug).run()

    def _send(self, outgoing: Outgoing) -> None:
        if self.state == STOPPED:
            self._busy = False
            return
        if outgoing.batch.is_empty:
            self.syncer.failures = 0
            self._finish(IDLE, more=False)
            return
        self._set_state(SENDING)
        self._ops.network(self, lambda: self.syncer.send(outgoing), what="sync: send").success(
            lambda ack: self._note(outgoing, ack)
        ).failure(self._failed).bug(self._on_bug).run()

    def _note(self, outgoing: Outgoing, ack: Ack) -> None:
        self._ops.db(
            self, lambda: self.syncer.note(outgoing, ack), what="sync: acknowledged"
        ).success(self._noted).failure(self._failed).bug(self._on_bug).run()

    def _noted(self, result: PushResult) -> None:
        self.pushed.emit(result)
        self._finish(IDLE, more=result.has_more)

    def _failed(self, exc: PosError) -> None:
        if isinstance(exc, ShopServerRefused):
            self._finish(REFUSED, more=False)
        elif isinstance(exc, ShopServerUnreachable):
            log.info("sync: the shop server cannot be reached (%s); the deals wait here", exc)
            self._finish(OFFLINE, more=False)
        else:  # the store could not be read or written now (locked, disk full): try later
            log.warning("sync: the till's store: %s", exc)
            self.syncer.failures += 1
            self._finish(OFFLINE, more=False)

    def _on_bug(self, _exc: BaseException) -> None:
        # Logged by ops with its traceback; stop here rather than repeat a bug for ever.
        self._busy = False
        self._timer.stop()
        self._set_state(STOPPED)

    def _finish(self, state: str, *, more: bool) -> None:
        self._busy = False
        if self.state == STOPPED:
            return
        self._set_state(state)
        if more or (self._again and state == IDLE):
            self._timer.start(0)
            return
        delay = self.syncer.retry_delay()
        self._timer.start(int(1000 * (REFUSED_DELAY if delay is None else delay)))


def start_shop_sync(
    ops: Ops, store: Store, *, base_url: str, token: str, till: str, mch_id: str, parent: QObject
) -> ShopSync:
    """Build and start the till's ShopSync (the app calls it once its services are open)."""
    sync = ShopSync(
        ops,
        build_syncer(store, base_url=base_url, token=token, till=till, mch_id=mch_id),
        parent=parent,
    )
    sync.start()
    return sync


def other_tills_shifts(client: ShopServerClient, day: date, *, till: str) -> list[ShiftSummary]:
    """The other tills' handovers of ``day`` from the shop server, for the day's close (run
    on the database worker, where the close is made). ShiftError when the server cannot be
    asked: a close without the other tills would be the wrong sum, so it waits for the server.
    """
    from pos.errors import ShiftError, ShopServerError
    from pos.shop import ShiftSummary as Summary

    try:
        rows = client.records(Summary.KIND, day)
    except ShopServerError as exc:
        raise ShiftError(
            f"the shop server cannot be reached ({exc}); the other tills' shifts are unknown: "
            "close the day when it answers"
        ) from None
    return [Summary.from_payload(row.payload) for row in rows if row.till != till]
