"""A long task of the manager's (an export, a reconciliation): progress, and a Cancel that works."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from pos.errors import Cancelled
from pos.reports.progress import WHOLE, Watch
from pos.ui.manager.common import alive
from pos.ui.workers import TaskProgress

if TYPE_CHECKING:
    from pos.ui.workers import Workers


class LongWork(QObject):
    """One task on the workers' long-running pool (never the DB writer the till's payments
    need, nor the network pool it polls with), with a window-modal progress dialog that
    appears once the task lasts ``show_after_ms`` and whose Cancel really stops it: the task
    raises :class:`~pos.errors.Cancelled` at its next step."""

    #: The task stopped after Cancel was pressed: emitted when the worker has really stopped
    #: (and removed any partial file), or when it finished before it saw the cancel.
    cancelled = Signal()
    #: The task ended, whichever way; the progress dialog is closed.
    ended = Signal()

    def __init__(
        self,
        parent: QWidget,
        workers: Workers,
        label: str,
        cancel_text: str,
        *,
        show_after_ms: int,
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._progress = TaskProgress(self)
        dialog = QProgressDialog(label, cancel_text, 0, WHOLE, parent)
        dialog.setObjectName("longWorkProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(show_after_ms)
        dialog.setValue(0)
        self._progress.changed.connect(dialog.setValue)
        dialog.canceled.connect(self._progress.cancel)
        self.dialog = dialog

    def start(
        self,
        work: Callable[[Watch], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``work(watch)``; its result or error comes back to ``on_done``/``on_error``
        on the main thread, unless the task was cancelled (then :attr:`cancelled`)."""
        progress = self._progress

        def done(result: Any) -> None:
            self._finish()
            if progress.is_cancelled:
                self.cancelled.emit()  # finished before it saw the cancel
                return
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._finish()
            if isinstance(exc, Cancelled) or progress.is_cancelled:
                self.cancelled.emit()
                return
            on_error(exc)

        self._workers.long_running(
            lambda: work(progress.watch),
            on_done=alive(self, done),
            on_error=alive(self, failed),
        )

    def _finish(self) -> None:
        self._progress.changed.disconnect(self.dialog.setValue)
        self.dialog.canceled.disconnect()
        self.dialog.close()
        self.dialog.deleteLater()
        self.ended.emit()
        self.deleteLater()
