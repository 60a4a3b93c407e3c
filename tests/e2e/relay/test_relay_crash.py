"""SIGKILL or SIGTERM under load: every notification answered SUCCESS is in the database after."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from helpers.processes import spawned_children, wait_gone

from pos.relay.storage import NotificationStore
from pos.wechatpay.notify import SUCCESS_REPLY


@pytest.mark.parametrize(
    "stop_signal", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"]
)
def test_a_relay_stopped_under_load_loses_no_acknowledged_notification(
    database_url: str,
    relay_process: Callable[[str], Any],
    notes: Any,
    follow: Callable[..., Any],
    stop_signal: signal.Signals,
) -> None:
    process = relay_process(database_url)
    acknowledged: list[str] = []
    refused_or_lost = 0
    lock = threading.Lock()
    stop = threading.Event()

    def load() -> None:
        nonlocal refused_or_lost
        with httpx.Client(timeout=5) as client:
            for _ in range(2000):  # bounded; the kill ends it much earlier
                if stop.is_set():
                    return
                body, fields = notes.make_payment()
                try:
                    response = client.post(process.url + "/wechatpay/notify", content=body)
                except httpx.HTTPError:
                    with lock:
                        refused_or_lost += 1
                    if stop.is_set():
                        return
                    continue
                with lock:
                    if response.content == SUCCESS_REPLY:
                        acknowledged.append(fields["transaction_id"])
                    else:
                        refused_or_lost += 1

    workers = [threading.Thread(target=load) for _ in range(16)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 20
    while True:
        with lock:
            if len(acknowledged) >= 200:
                break
        assert time.monotonic() < deadline, "the load did not get going"
        time.sleep(0.01)
    # The relay's worker process commits the batch in hand even after a SIGKILL of the
    # relay: the database is read once it is gone too.
    worker_processes = spawned_children(process.process.pid)
    process.process.send_signal(stop_signal)
    exit_code = process.process.wait(15)
    wait_gone(worker_processes, timeout=15)
    # SIGTERM is a graceful stop: the requests in flight are finished, the exit code is 0.
    assert exit_code == (0 if stop_signal == signal.SIGTERM else -signal.SIGKILL)
    stop.set()
    for worker in workers:
        worker.join(30)
    assert len(acknowledged) >= 200
    # Read the database as a restarted relay would.
    store = NotificationStore(database_url)
    try:
        stored = {e.fields["transaction_id"] for e in store.events_after(0, 100_000)}
    finally:
        store.close()
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} acknowledged notifications lost"
    # And the relay comes back on the same database and replays them to a till.
    again = relay_process(database_url)
    assert httpx.get(again.url + "/health", timeout=5).json()["database"] == "ok"
    till = follow(again.url, last_event_id=0)
    till.wait_for(lambda c: len(c.events) >= len(stored), timeout=20)
    assert {e.fields["transaction_id"] for e in till.events} == stored
