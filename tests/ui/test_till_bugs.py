"""A programming error in a deal's background work is a bug, not a network problem: it is logged
once with its traceback, shown once, and never tried again (issue: "a bug looks like a network
problem"). The real window on the real sandbox."""

from __future__ import annotations

import logging

import pytest
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt

from pos.store import DealState
from pos.ui import deal_runner


def test_a_bug_in_a_worker_is_logged_with_its_traceback_shown_once_and_not_retried(
    till: Till, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A store error is tried again after this; a bug must not be, however short it is.
    monkeypatch.setattr(deal_runner, "RETRY_AFTER_ERROR_MS", 20)
    backend = till.app.session._backend
    assert backend is not None
    calls: list[str] = []

    def broken(**fields: object) -> object:
        calls.append(str(fields["out_trade_no"]))
        raise KeyError("a bug in the client")

    monkeypatch.setattr(backend.client, "unified_order", broken)
    shown: list[object] = []
    till.app.session.bug_raised.connect(shown.append)
    caplog.set_level(logging.ERROR)

    till.type("12.00")
    till.press(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    till.qtbot.wait(300)  # fifteen retry periods: nothing more may happen

    assert len(calls) == 1  # never sent again under any guise
    assert len(shown) == 1
    bugs = [r for r in caplog.records if r.getMessage().startswith("bug:")]
    assert len(bugs) == 1
    assert bugs[0].exc_info is not None and bugs[0].exc_info[0] is KeyError  # the traceback
    assert "Program error" in till.window.status_text()
    assert not till.app.session.is_busy  # the till is free for the next customer
    (deal,) = till.store.recent_deals(1)
    assert deal.out_trade_no == calls[0]
    assert deal.state is DealState.CREATED  # left for start-up recovery, as stored
