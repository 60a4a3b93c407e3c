"""The one owner of background work: network pools, one serial DB writer, results back as signals.

Rule (ARCHITECTURE "Threads"): the Qt main thread only draws and reacts. Every
network call and every slow disk task goes through :class:`Workers`; the
function runs on a pool thread, never touches a widget, and its result or
exception comes back to the main thread as a queued signal, where the
callback runs. No other module of the window starts a thread. Widgets use it through
:mod:`pos.ui.ops`, which sorts what comes back into results, known errors and bugs.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    # Loaded with the first long task: pos.reports brings the day's rows and the store's
    # records, which the till does not need to paint its window (issue 11, cold start).
    from pos.reports.progress import Watch

log = logging.getLogger(__name__)

#: Network calls of the sale on screen (``is_urgent``) have threads of their own. This many are
#: kept; when a call the clerk gave up on still holds them (WeChat Pay does not answer it), the
#: next sale's call gets one more thread instead of waiting: each call ends within the client's
#: bounded time (:data:`pos.services.CLIENT_TIMEOUT_SECONDS`), so their number stays small.
SALE_THREADS = 2
#: At most this many background network calls (deals settled in the background, refunds, the
#: customer window) run at once; the others wait their turn. They never hold the sale's threads.
BACKGROUND_THREADS = 2

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class _Callbacks:
    on_done: Done | None
    on_error: Failed | None
    kind: str


class _Job(QRunnable):
    """Run one function on a pool thread and hand its outcome to :class:`Workers` by signal."""

    def __init__(self, owner: Workers, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._owner = owner
        self._task_id = task_id
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # every failure goes back to the main thread, none is lost
            self._report(self._owner.task_failed, exc)
        else:
            self._report(self._owner.task_finished, result)

    def _report(self, signal: Any, value: object) -> None:
        try:
            signal.emit(self._task_id, value)
        except RuntimeError:
            # The window is gone (shut down while this task ran): no one is left to tell.
            log.debug("result of task %d dropped: the workers were deleted", self._task_id)


class TaskProgress(QObject):
    """The window's side of a long task's :class:`~pos.reports.progress.Watch`.

    The task (on a worker) gets ``watch``; its progress comes back to the main thread as
    ``changed`` (queued, since this object lives on the main thread); :meth:`cancel` from the
    main thread makes the task raise Cancelled at its next step.
    """

    #: How far the task is, in thousandths (0..1000).
    changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from pos.reports.progress import Watch

        self.watch: Watch = Watch(self._report)

    def _report(self, done: int) -> None:
        try:
            self.changed.emit(done)
        except RuntimeError:
            # The window is gone while the task ran: no one is left to tell.
            log.debug("progress dropped: its window was deleted")

    @Slot()
    def cancel(self) -> None:
        self.watch.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.watch.is_cancelled


class Workers(QObject):
    """Background work for the window: ``network`` (the sale's own threads, and a small capped
    pool for the rest), ``db`` (one serial thread), ``long_running`` (followers that block for
    the life of the app, such as the relay stream), ``device`` (one thread for the counter's
    receipt printer).

    Each ``submit`` returns a task id; the callback runs later on the main thread. After
    :meth:`shutdown` nothing new is started and late results are dropped.
    """

    #: Emitted on the main thread (queued) when a task returned; internal plumbing.
    task_finished = Signal(int, object)
    #: Emitted on the main thread (queued) when a task raised; internal plumbing.
    task_failed = Signal(int, object)
    #: The number of unfinished tasks changed (for a busy indicator and for tests).
    pending_changed = Signal(int)

    def __init__(
        self,
        *,
        network_threads: int = BACKGROUND_THREADS,
        sale_threads: int = SALE_THREADS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Background calls: at most ``network_threads`` at once, so calls that hang can never
        # take every thread; the sale on screen has its own pool (``_sale``).
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(network_threads)
        self._sale = QThreadPool(self)
        self._sale_threads = sale_threads
        self._sale.setMaxThreadCount(sale_threads)
        # One thread: database writes are serialised, so the store never sees two writers.
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._long = QThreadPool(self)
        self._long.setMaxThreadCount(4)
        # One thread for the counter's devices (the receipt printer): slips print in order,
        # and a printer that hangs until its timeout holds up only the next slip, never a
        # payment's network call.
        self._device = QThreadPool(self)
        self._device.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, _Callbacks] = {}
        self._lock = threading.Lock()
        self._closed = False
        self.task_finished.connect(self._on_task_finished)
        self.task_failed.connect(self._on_task_failed)

    # -- submitting ------------------------------------------------------------------------

    def network(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        is_urgent: bool = False,
    ) -> int:
        """Run a network call (or anything that may wait on the network) on a worker.

        ``is_urgent``: someone waits for it (the sale on screen). It never waits for a thread:
        not behind background calls (deals left to settle while WeChat Pay does not answer),
        which have their own capped pool, nor behind an earlier sale's call that still hangs.
        """
        if not is_urgent:
            return self._submit(self._network, "network", fn, on_done, on_error)
        # A free thread for this call, always: the pool grows past SALE_THREADS only while
        # earlier calls hang, and shrinks back at a later call (running ones finish first).
        busy = self._sale.activeThreadCount()
        self._sale.setMaxThreadCount(max(self._sale_threads, busy + 1))
        return self._submit(self._sale, "network", fn, on_done, on_error)

    def db(
        self, fn: Callable[[], Any], *, on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Run a store task on the single database thread, in submission order."""
        return self._submit(self._db, "db", fn, on_done, on_error)

    def long_running(
        self, fn: Callable[[], Any], *, on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Run a task that blocks for a long time (an event stream follower) on its own thread."""
        return self._submit(self._long, "long", fn, on_done, on_error)

    def device(
        self, fn: Callable[[], Any], *, on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Run a task on a device at the counter (print a slip) on its own single thread."""
        return self._submit(self._device, "device", fn, on_done, on_error)

    def _submit(
        self,
        pool: QThreadPool,
        kind: str,
        fn: Callable[[], Any],
        on_done: Done | None,
        on_error: Failed | None,
    ) -> int:
        if self._closed:
            raise RuntimeError("workers are shut down")
        task_id = next(self._ids)
        with self._lock:
            self._callbacks[task_id] = _Callbacks(on_done, on_error, kind)
            count = len(self._callbacks)
        pool.start(_Job(self, task_id, fn))
        self.pending_changed.emit(count)
        return task_id

    # -- results (main thread) ---------------------------------------------------------------

    def _pop(self, task_id: int) -> _Callbacks | None:
        with self._lock:
            callbacks = self._callbacks.pop(task_id, None)
            count = len(self._callbacks)
        if callbacks is not None and not self._closed:
            self.pending_changed.emit(count)
        return callbacks

    @Slot(int, object)
    def _on_task_finished(self, task_id: int, result: object) -> None:
        callbacks = self._pop(task_id)
        if callbacks is None or self._closed or callbacks.on_done is None:
            return
        callbacks.on_done(result)

    @Slot(int, object)
    def _on_task_failed(self, task_id: int, exc: object) -> None:
        callbacks = self._pop(task_id)
        if callbacks is None or self._closed:
            return
        assert isinstance(exc, BaseException)
        if callbacks.on_error is not None:
            callbacks.on_error(exc)
        else:
            log.error("%s task failed", callbacks.kind, exc_info=exc)

    # -- state -------------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Tasks submitted whose result has not been delivered yet."""
        with self._lock:
            return len(self._callbacks)

    @property
    def is_idle(self) -> bool:
        """No task is running on any pool (a network call may still hang on one after
        :meth:`shutdown`)."""
        pools = (self._sale, self._network, self._db, self._long)
        return all(pool.activeThreadCount() == 0 for pool in pools)

    def wait_db(self, timeout_ms: int = 10_000) -> bool:
        """Block until the database queue is empty (only for shutdown and the test harness)."""
        return bool(self._db.waitForDone(timeout_ms))

    def shutdown(self, timeout_ms: int = 5_000, *, network_timeout_ms: int | None = None) -> bool:
        """Stop accepting work, let the running tasks end, drop their callbacks.

        Database writes are waited for first: a deal written before a network call must reach the
        disk even when the window closes at once. Network tasks not started yet are dropped;
        those running are waited for ``network_timeout_ms`` (default ``timeout_ms``): a call
        WeChat Pay never answers must not hold the till open (its deal is recovered at the
        next start). Returns whether every task ended.
        """
        self._closed = True
        wait_network = timeout_ms if network_timeout_ms is None else network_timeout_ms
        self._sale.clear()
        self._network.clear()
        self._long.clear()
        self._device.clear()
        done = bool(self._db.waitForDone(timeout_ms))
        # One deadline for every other pool: the waits must not add up past SIGTERM's 3 s.
        deadline = time.monotonic() + wait_network / 1000
        for pool in (self._sale, self._network, self._long, self._device):
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            done = bool(pool.waitForDone(left_ms)) and done
        with self._lock:
            self._callbacks.clear()
        return done
