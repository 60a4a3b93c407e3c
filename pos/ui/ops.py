"""The one way a widget runs work off the main thread: known errors in words, bugs once.

Modelled on Anki's ``CollectionOp`` (``qt/aqt/operations``)::

    ops.db(self, lambda: store.replace_products(names)).success(self.on_saved).run()

The function runs on one of the :class:`~pos.ui.workers.Workers` pools (``db`` is the one
thread that writes the store, ``network`` the calls to WeChat Pay, ``long_running`` the
followers, ``device`` the printer) and never touches a widget; what it returns comes back to
the main thread, where ``success`` runs. What it raises is sorted there, once:

* a :class:`~pos.errors.PosError` is a *known* error (a locked database, WeChat Pay not
  answering): ``failure`` gets it; without one, it is logged in a line and its words go to
  :attr:`Ops.error_shown` for the clerk;
* anything else is a *bug*: logged once with its traceback, then ``bug`` gets it to tidy up
  (free the till) and show it its own way; without one, its words go to
  :attr:`Ops.bug_shown`. An op is never retried for a bug: it would fail the same way for
  ever, a bug dressed as a network problem.

A widget that is gone by then (the dialog was closed) gets nothing: the result is dropped.
A bug in ``success`` or ``failure`` themselves is handled like a bug in the work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from pos.errors import PosError
from pos.ui import texts
from pos.ui.workers import Workers

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How an op is handed to a pool: ``submit(fn, on_done=..., on_error=...)``.
Submit = Callable[..., int]


class Ops(QObject):
    """Builds the ops of one window on its :class:`~pos.ui.workers.Workers`; says what no
    op's handler took."""

    #: A known error that no ``failure`` handler took: the clerk's words.
    error_shown = Signal(str)
    #: A bug that no ``bug`` handler took (its traceback is in the log): the clerk's words.
    bug_shown = Signal(str)

    def __init__(self, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workers = workers

    def db(self, parent: QObject | None, fn: Callable[[], T], *, what: str = "") -> Op[T]:
        """On the one database thread, in submission order: every write of the store."""
        return Op(self, parent, fn, self.workers.db, what)

    def network(
        self,
        parent: QObject | None,
        fn: Callable[[], T],
        *,
        what: str = "",
        is_urgent: bool = False,
    ) -> Op[T]:
        """A call that waits on the network; ``is_urgent``: the sale on screen waits for it."""

        def submit(fn: Callable[[], Any], **callbacks: Any) -> int:
            return self.workers.network(fn, is_urgent=is_urgent, **callbacks)

        return Op(self, parent, fn, submit, what)

    def long_running(self, parent: QObject | None, fn: Callable[[], T], *, what: str = "") -> Op[T]:
        """Work that blocks for a long time (the relay's event stream)."""
        return Op(self, parent, fn, self.workers.long_running, what)

    def device(self, parent: QObject | None, fn: Callable[[], T], *, what: str = "") -> Op[T]:
        """A device at the counter (the receipt printer), one job after the other."""
        return Op(self, parent, fn, self.workers.device, what)

    def show_error(self, exc: PosError) -> None:
        """Say a known error in the clerk's words (what an op does when nobody handles it)."""
        self.error_shown.emit(texts.error_text(exc))

    def show_bug(self) -> None:
        """Say that a bug stopped some work (what, and its traceback, are in the log)."""
        self.bug_shown.emit(texts.bug_text())


class Op(Generic[T]):
    """One piece of work for a worker, with what to do with its outcome. Build it with
    :class:`Ops`, chain the handlers, then :meth:`run` it (once)."""

    def __init__(
        self, ops: Ops, parent: QObject | None, fn: Callable[[], T], submit: Submit, what: str
    ) -> None:
        self._ops = ops
        self._parent = parent
        self._fn = fn
        self._submit = submit
        self._what = what or getattr(fn, "__qualname__", "a task")
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[PosError], object] | None = None
        self._on_bug: Callable[[BaseException], object] | None = None
        self._on_finished: Callable[[], object] | None = None
        self._log_extra: dict[str, str] = {}

    def success(self, on_success: Callable[[T], object]) -> Op[T]:
        """Given what the work returned, on the main thread."""
        self._on_success = on_success
        return self

    def failure(self, on_failure: Callable[[PosError], object]) -> Op[T]:
        """Given a known error, on the main thread (instead of showing its words)."""
        self._on_failure = on_failure
        return self

    def bug(self, on_bug: Callable[[BaseException], object]) -> Op[T]:
        """Given a bug after it is logged: tidy up and show it (instead of :attr:`Ops.bug_shown`).
        Never retry the work from here."""
        self._on_bug = on_bug
        return self

    def finished(self, on_finished: Callable[[], object]) -> Op[T]:
        """Called last whatever the outcome (to clear a "busy" flag, say)."""
        self._on_finished = on_finished
        return self

    def about(self, out_trade_no: str) -> Op[T]:
        """The deal this work is for: its number goes with what is logged."""
        self._log_extra = {"out_trade_no": out_trade_no}
        return self

    def run(self) -> int:
        """Hand the work to its pool; returns the task's id."""
        return int(self._submit(self._fn, on_done=self._done, on_error=self._failed))

    # -- outcomes, on the main thread ---------------------------------------------------------

    def _is_wanted(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _done(self, result: T) -> None:
        if not self._is_wanted():
            log.debug("%s: result dropped, its widget is gone", self._what)
            return
        self._guarded(lambda: self._on_success(result) if self._on_success else None)
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, PosError):
            self._bug(exc)
            self._finish()
            return
        if not self._is_wanted():
            log.info("%s failed after its widget was gone: %s", self._what, exc)
            return
        if self._on_failure is not None:
            on_failure = self._on_failure
            self._guarded(lambda: on_failure(exc))
        else:
            log.error("%s failed: %s", self._what, exc, extra=self._log_extra)
            self._ops.show_error(exc)
        self._finish()

    def _bug(self, exc: BaseException) -> None:
        log.error(
            "bug: %s raised %s", self._what, type(exc).__name__, exc_info=exc, extra=self._log_extra
        )
        if self._on_bug is not None and self._is_wanted():
            try:
                self._on_bug(exc)
            except Exception as again:  # a bug in the tidying up: logged, never looped
                log.error("bug: tidying up after %s raised", self._what, exc_info=again)
                self._ops.show_bug()
        else:
            self._ops.show_bug()

    def _guarded(self, handler: Callable[[], object]) -> None:
        try:
            handler()
        except Exception as exc:  # a bug in a handler is a bug like any other
            self._bug(exc)

    def _finish(self) -> None:
        if self._on_finished is not None and self._is_wanted():
            self._guarded(self._on_finished)
