"""When the till opens at start-up: once WeChat Pay answered for each unfinished deal, or later.

Deals found unfinished at start-up are settled in the background like deals the clerk gave up
on (ARCHITECTURE "Recovery"). The till waits for WeChat Pay's first answer about each of them,
but never longer than its budget, and not at all once the clerk presses Esc: what is not
settled by then goes on in the background, listed as pending.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class RecoveryGate(QObject):
    """Counts the calls in flight for each deal found at start-up; opens once none holds it."""

    #: The till is open: the number of unfinished deals that were found at start-up.
    opened = Signal(int)

    def __init__(self, budget_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: the deals found unfinished at start-up (their numbers)
        self.recovered: list[str] = []
        #: while closed: those still waiting for WeChat Pay's first answer, with the number of
        #: their calls in flight
        self._waiting: dict[str, int] = {}
        self._is_loaded = False
        self._is_open_requested = False
        self._is_open = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(round(budget_seconds * 1000))
        self._timer.timeout.connect(self.open)

    @property
    def is_open(self) -> bool:
        return self._is_open

    def loaded(self, numbers: list[str]) -> None:
        """The unfinished deals were read: wait for them, for the budget at most."""
        self._is_loaded = True
        self.recovered += numbers
        self._waiting.update(dict.fromkeys(numbers, 0))
        self._timer.start()

    def settle_if_done(self) -> None:
        """Open now if nothing holds the till any more (or Esc came before the deals were read)."""
        if self._is_open_requested or not self._waiting:
            self.open()

    def count_call(self, out_trade_no: str, step: int) -> None:
        """A call for this deal started (+1) or ended (-1)."""
        if out_trade_no in self._waiting:
            self._waiting[out_trade_no] += step

    def step(self, out_trade_no: str, *, is_finished: bool) -> None:
        """A call for this deal ended: once WeChat Pay has answered (or the call failed) and
        nothing is due now, the deal no longer holds the till closed."""
        calls = self._waiting.get(out_trade_no)
        if calls is None:
            return
        if calls == 0 or is_finished:
            del self._waiting[out_trade_no]
        if not self._waiting and self._is_loaded:
            self.open()

    def forget(self, out_trade_no: str) -> None:
        """This deal no longer holds the till (its work stopped on a bug)."""
        self._waiting.pop(out_trade_no, None)

    def open(self) -> None:
        """Open the till (Esc, the budget, or every deal answered); before the deals are even
        read, as soon as they are."""
        if self._is_open:
            return
        if not self._is_loaded:
            self._is_open_requested = True
            return
        self._timer.stop()
        self._waiting.clear()
        self._is_open = True
        self.opened.emit(len(self.recovered))

    def stop(self) -> None:
        self._timer.stop()
