"""The one way to run work off the main thread: known errors in words, bugs once, never retried."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos.errors import StoreError
from pos.ui.ops import Ops
from pos.ui.workers import Workers

WAIT_MS = 10_000


@pytest.fixture
def ops() -> Iterator[Ops]:
    workers = Workers()
    yield Ops(workers)
    workers.shutdown()


def test_a_bug_in_a_worker_is_logged_with_its_traceback_shown_once_and_not_retried(
    ops: Ops, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    runs: list[int] = []
    handled: list[object] = []

    def broken() -> None:
        runs.append(1)
        raise KeyError("a bug")

    caplog.set_level(logging.ERROR)
    with qtbot.waitSignal(ops.bug_shown, timeout=WAIT_MS) as shown:
        op = ops.network(None, broken, what="the broken task")
        op.success(handled.append).failure(handled.append).run()
    qtbot.wait(200)  # nothing more may come

    assert runs == [1]  # run once, never again
    assert handled == []  # neither a result nor a known error
    assert "Program error" in shown.args[0] and "log" in shown.args[0]
    bugs = [r for r in caplog.records if r.getMessage().startswith("bug:")]
    assert len(bugs) == 1
    assert "the broken task" in bugs[0].getMessage()  # what failed, for whoever reads the log
    assert bugs[0].exc_info is not None and bugs[0].exc_info[0] is KeyError


def test_a_bug_handler_tidies_up_and_says_it_itself(ops: Ops, qtbot: QtBot) -> None:
    tidied: list[BaseException] = []
    with qtbot.assertNotEmitted(ops.bug_shown, wait=200):
        ops.db(None, lambda: 1 // 0).bug(tidied.append).run()
        qtbot.waitUntil(lambda: bool(tidied), timeout=WAIT_MS)
    assert isinstance(tidied[0], ZeroDivisionError)


def test_a_known_error_is_said_in_words_unless_someone_handles_it(
    ops: Ops, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def locked() -> None:
        raise StoreError("writing a deal: database is locked")

    caplog.set_level(logging.ERROR)
    with qtbot.waitSignal(ops.error_shown, timeout=WAIT_MS) as said:
        ops.db(None, locked, what="writing").run()
    assert said.args == ["writing a deal: database is locked"]
    (line,) = [r for r in caplog.records if "writing failed" in r.getMessage()]
    assert line.exc_info is None  # a known error is one line, not a traceback

    handled: list[BaseException] = []
    with qtbot.assertNotEmitted(ops.error_shown, wait=200):
        ops.db(None, locked).failure(handled.append).run()
        qtbot.waitUntil(lambda: bool(handled), timeout=WAIT_MS)
    assert isinstance(handled[0], StoreError)


def test_a_bug_in_the_success_handler_is_a_bug_like_any_other(ops: Ops, qtbot: QtBot) -> None:
    finished: list[bool] = []

    def clumsy(result: int) -> None:
        raise AttributeError(result)

    with qtbot.waitSignal(ops.bug_shown, timeout=WAIT_MS):
        ops.db(None, lambda: 42).success(clumsy).finished(lambda: finished.append(True)).run()
    assert finished == [True]  # the "busy" flag is cleared all the same


def test_the_result_is_dropped_when_its_widget_is_gone(ops: Ops, qtbot: QtBot) -> None:
    widget = QWidget()
    results: list[int] = []
    closed = threading.Event()

    def slow() -> int:
        closed.wait(10)  # the dialog is closed while this runs
        return 7

    ops.db(widget, slow).success(results.append).run()
    shiboken6.delete(widget)
    closed.set()
    qtbot.waitUntil(lambda: ops.workers.pending == 0, timeout=WAIT_MS)
    assert results == []
    alive = QWidget()
    qtbot.addWidget(alive)
    ops.db(alive, lambda: 8).success(results.append).run()
    qtbot.waitUntil(lambda: results == [8], timeout=WAIT_MS)
