"""Follow the relay's event stream on a worker and emit one Qt signal per event.

The relay is a transport, not an authority (ARCHITECTURE "Truth"): what arrives
here is handed to the checkout, which verifies the notification's signature
with the merchant key and its amount and ``out_trade_no`` against the deal.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from pos.errors import PosError

if TYPE_CHECKING:
    from pos.ui.ops import Ops

log = logging.getLogger(__name__)


class RelayListener(QObject):
    """Runs :class:`pos.relay.EventFollower` (blocking, reconnecting) on a long-running worker."""

    #: One relayed event (a :class:`pos.relay.RelayEvent`), delivered on the main thread.
    event_received = Signal(object)
    #: The follower's connection state as it reports it (e.g. "connected", "reconnecting").
    state_changed = Signal(str)

    def __init__(
        self,
        ops: Ops,
        base_url: str,
        token: str,
        *,
        last_event_id: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._base_url = base_url
        self._token = token
        self._last_event_id = last_event_id
        self._stop = threading.Event()
        self._running = False
        self.state = "stopped"
        self.state_changed.connect(self._remember_state)

    def _remember_state(self, state: str) -> None:
        self.state = state

    @property
    def is_running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._running:
            return
        from pos.relay import EventFollower  # the core's client; no Qt in it

        self._stop.clear()
        # The follower calls back on the worker thread; emitting a signal of this main-thread
        # object from there queues the event to the main thread.
        follower = EventFollower(
            self._base_url,
            self._token,
            self._emit_event,
            last_event_id=self._last_event_id,
            stop=self._stop,
            on_state=self._emit_state,
        )
        self._running = True
        (
            self._ops.long_running(self, follower.run, what="the relay's event stream")
            .success(self._on_follower_ended)
            .failure(self._on_follower_failed)
            .bug(self._on_follower_bug)
            .run()
        )

    def stop(self) -> None:
        """Ask the follower to end; it returns at its next read (the pool waits for it)."""
        self._stop.set()

    def _emit_event(self, event: Any) -> None:
        self.event_received.emit(event)

    def _emit_state(self, state: Any) -> None:
        self.state_changed.emit(str(getattr(state, "value", state)))

    def _on_follower_ended(self, _result: object) -> None:
        self._running = False
        self.state_changed.emit("stopped")

    def _on_follower_failed(self, exc: PosError) -> None:
        self._running = False
        log.error("relay follower stopped: %s", exc)
        self.state_changed.emit("failed")

    def _on_follower_bug(self, _exc: BaseException) -> None:
        # Logged with its traceback by the op; not restarted (it would fail the same way):
        # payments are still found by polling, and the next start follows again.
        self._running = False
        self.state_changed.emit("failed")
        self._ops.show_bug()
