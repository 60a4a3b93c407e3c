"""Kill the cashier (SIGKILL) while the customer pays; the restarted till reconciles the deal."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.asgi_server import BackgroundServer
from pos.sandbox import DEFAULT_MERCHANT, Sandbox
from pos.store import DealState, Store
from pos.wechatpay.types import TradeState

HARNESS = Path(__file__).with_name("app_harness.py")
LINE_TIMEOUT = 30.0


class AppProcess:
    """The cashier in a child process, read line by line."""

    def __init__(self, data_dir: Path, api: str, amount: str | None = None) -> None:
        command = [sys.executable, str(HARNESS), "--data-dir", str(data_dir), "--api", api]
        if amount is not None:
            command += ["--amount", amount]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
        self.stderr_path = data_dir / f"stderr-{time.monotonic_ns()}.txt"
        self._stderr = self.stderr_path.open("w")
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=self._stderr, env=env, text=True
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read_lines, daemon=True)
        self._reader.start()

    def stderr_tail(self) -> str:
        """The child's last words, to explain a failure."""
        return self.stderr_path.read_text(errors="replace")[-12000:]

    def _read_lines(self) -> None:
        # A thread, not select() + readline(): two lines written at once ("LATE …" then
        # "READY 1") would leave the second in Python's buffer, where select() never sees it.
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def expect(self, word: str) -> list[str]:
        """Read lines until one starts with ``word``; its words."""
        deadline = time.monotonic() + LINE_TIMEOUT
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                raise AssertionError(
                    f"the app exited ({self.process.wait(5)}) before {word}:\n{self.stderr_tail()}"
                )
            words = line.split()
            if words and words[0] == word:
                return words
        self.process.send_signal(signal.SIGUSR1)  # the harness dumps its threads' stacks
        time.sleep(0.5)
        raise AssertionError(f"no {word} within {LINE_TIMEOUT} s:\n{self.stderr_tail()}")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._reader.join(10)  # the pipe is at its end once the child is gone
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._stderr.close()


@pytest.fixture
def sandbox_server() -> Iterator[tuple[Sandbox, BackgroundServer]]:
    sandbox = Sandbox([DEFAULT_MERCHANT])
    server = sandbox.serve()
    try:
        yield sandbox, server
    finally:
        server.stop()


def test_sigkill_while_the_customer_pays_loses_nothing(
    tmp_path: Path, sandbox_server: tuple[Sandbox, BackgroundServer]
) -> None:
    sandbox, server = sandbox_server
    first = AppProcess(tmp_path, server.url, amount="31.40")
    try:
        assert first.expect("READY") == ["READY", "0"]
        _, out_trade_no, code_url = first.expect("QR")
        first.kill()  # the till dies with the QR on screen
    finally:
        first.stop()

    # The customer pays while the till is dead; its notification goes nowhere.
    paid = sandbox.customer_scan(code_url, "pay")
    assert paid["result"] == "paid"
    with_dead_till = Store.open(tmp_path / "pos.sqlite3")
    try:
        deal = with_dead_till.get_deal(out_trade_no)
        assert deal is not None and deal.state == DealState.ORDERED  # written before the kill
    finally:
        with_dead_till.close()

    second = AppProcess(tmp_path, server.url)
    try:
        assert second.expect("READY") == ["READY", "1"]  # reconciled before the till opened
    finally:
        second.stop()

    store = Store.open(tmp_path / "pos.sqlite3")
    try:
        deal = store.get_deal(out_trade_no)
        assert deal is not None
        assert deal.state == DealState.PAID
        assert deal.transaction_id == paid["transaction_id"]
        assert deal.amount_fen == 3140
        assert store.unfinished_deals() == []
        history = [event.to_state for event in store.events(out_trade_no)]
        assert history[0] == DealState.CREATED and history[-1] == DealState.PAID
    finally:
        store.close()
    orders = sandbox.ledger.orders(DEFAULT_MERCHANT.mch_id)
    assert [order.out_trade_no for order in orders] == [out_trade_no]
    assert orders[0].state == TradeState.SUCCESS
