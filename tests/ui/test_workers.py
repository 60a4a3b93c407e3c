"""The window's background work: the sale on screen goes before queued background calls, and
shutting down never waits long for a call that does not end."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from pos.ui.workers import Workers

WAIT_MS = 10_000


def test_an_urgent_call_goes_before_queued_background_calls(qtbot: QtBot) -> None:
    workers = Workers(network_threads=1)
    held = threading.Event()
    release = threading.Event()
    ran: list[str] = []

    def hanging() -> None:
        held.set()
        release.wait(30)

    try:
        workers.network(hanging)  # the only thread waits for an answer that does not come
        assert held.wait(10)
        for name in ("background 1", "background 2"):
            workers.network(lambda name=name: ran.append(name))
        workers.network(lambda: ran.append("sale on screen"), is_urgent=True)
        release.set()
        qtbot.waitUntil(lambda: len(ran) == 3, timeout=WAIT_MS)
        assert ran == ["sale on screen", "background 1", "background 2"]
    finally:
        release.set()
        workers.shutdown()


def test_shutdown_does_not_wait_for_a_call_that_never_ends(qtbot: QtBot) -> None:
    workers = Workers(network_threads=1)
    held = threading.Event()
    release = threading.Event()
    ran: list[str] = []
    workers.network(lambda: (held.set(), release.wait(30)))
    assert held.wait(10)
    workers.network(lambda: ran.append("queued"))
    workers.db(lambda: ran.append("written"))
    try:
        # The database write is waited for; the hanging call is not, the queued one dropped.
        assert workers.shutdown(5_000, network_timeout_ms=50) is False
        assert ran == ["written"]
        assert not workers.is_idle
    finally:
        release.set()
    qtbot.waitUntil(lambda: workers.is_idle, timeout=WAIT_MS)
    assert ran == ["written"]
