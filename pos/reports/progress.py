"""How a long report (an export of a month, a reconciliation) tells how far it is and learns
that the user cancelled it. Qt-free: the window wraps it (pos.ui.workers.TaskProgress)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pos.errors import Cancelled

#: Progress is counted in thousandths (integers: no float needed to draw a bar).
WHOLE = 1000


class Watch:
    """Shared by the task (on a worker) and whoever may cancel it (any thread).

    The task calls :meth:`step` now and then with how far it is (0..1000); ``step`` raises
    :class:`~pos.errors.Cancelled` once :meth:`cancel` was called, so the task stops at its
    next step and its ``finally``/``with`` blocks remove what it had half written.
    """

    def __init__(self, on_progress: Callable[[int], None] | None = None) -> None:
        self._cancelled = threading.Event()
        self._on_progress = on_progress

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise Cancelled if the task was cancelled."""
        if self._cancelled.is_set():
            raise Cancelled("cancelled")

    def step(self, done: int) -> None:
        """Report ``done`` thousandths (clamped to 0..1000), after checking for a cancel."""
        self.check()
        if self._on_progress is not None:
            self._on_progress(max(0, min(WHOLE, done)))
