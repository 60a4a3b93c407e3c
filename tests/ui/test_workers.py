"""The window's background work: the sale on screen never waits behind background calls (nor
behind calls that hang), background calls are capped, and shutting down never waits long for a
call that does not end."""

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
        # It does not wait for the held thread, nor for the calls queued before it.
        qtbot.waitUntil(lambda: ran == ["sale on screen"], timeout=WAIT_MS)
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


def test_the_sale_on_screen_gets_a_thread_while_every_other_call_hangs(qtbot: QtBot) -> None:
    # Background calls that hang fill their capped pool; calls of sales the clerk gave up
    # on (Esc) hang on the sale's threads. The next sale's call runs anyway.
    workers = Workers(network_threads=2, sale_threads=1)
    release = threading.Event()
    lock = threading.Lock()
    running = {"background": 0, "sale": 0}
    peak = {"background": 0}
    ran: list[str] = []

    def hanging(kind: str) -> None:
        with lock:
            running[kind] += 1
            peak["background"] = max(peak["background"], running["background"])
        release.wait(30)
        with lock:
            running[kind] -= 1

    try:
        for _ in range(4):
            workers.network(lambda: hanging("background"))
        for _ in range(2):
            workers.network(lambda: hanging("sale"), is_urgent=True)
        qtbot.waitUntil(lambda: running == {"background": 2, "sale": 2}, timeout=WAIT_MS)
        workers.network(lambda: ran.append("next sale"), is_urgent=True)
        qtbot.waitUntil(lambda: ran == ["next sale"], timeout=WAIT_MS)
        assert running == {"background": 2, "sale": 2}  # all still held meanwhile
        release.set()
        qtbot.waitUntil(lambda: workers.pending == 0, timeout=WAIT_MS)
        assert peak["background"] == 2  # never more background calls at once than the cap
    finally:
        release.set()
        workers.shutdown()
