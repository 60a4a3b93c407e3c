"""The real till killed (SIGKILL) while the customer is asked for the payment password; the
next start settles the deal: WeChat Pay is asked, and the unpaid order reversed.

The till is tests/ui/app_harness.py (the real window, offscreen) in its own process, with a
real merchant's settings pointed at a sandbox this test owns on loopback, so the sandbox
outlives the till.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from helpers.certificates import write_p12

from pos.sandbox import DEFAULT_MERCHANT, Ending, Sandbox, SandboxOptions, example_code
from pos.store import Deal, DealState, PaymentMethod, Store
from pos.wechatpay.types import TradeState

HARNESS = Path(__file__).parents[1] / "ui" / "app_harness.py"
#: Waits for something to happen (start-up, a reverse: not before the call is 15 s old,
#: §3.10) on a loaded machine.
WAIT = 60.0


def _wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            raise AssertionError(f"the till exited ({process.returncode}) before {what}")
        time.sleep(0.05)
    raise AssertionError(f"no {what} within {WAIT} s")


@contextmanager
def _harness(tmp_path: Path, *arguments: str) -> Iterator[subprocess.Popen[bytes]]:
    """The real till offscreen, its output in a log file; killed at the end if still up."""
    command = [sys.executable, str(HARNESS), "--data-dir", str(tmp_path), *arguments]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with (tmp_path / f"harness-{time.monotonic_ns()}.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def _said(tmp_path: Path, word: str) -> list[str]:
    """The harness's lines starting with ``word``, over every run so far."""
    lines = []
    for log in tmp_path.glob("harness-*.log"):
        lines += [line for line in log.read_text().splitlines() if line.startswith(word + " ")]
    return lines


def _stored(database: Path) -> list[Deal]:
    store = Store.open(database)
    try:
        return store.recent_deals(10)
    finally:
        store.close()


def test_a_till_killed_during_the_password_wait_reverses_the_deal_at_its_next_start(
    tmp_path: Path,
) -> None:
    # WeChat's own revoke after 45 s is off: the till must be the one that reverses.
    sandbox = Sandbox([DEFAULT_MERCHANT], options=SandboxOptions(micropay_auto_revoke=3600))
    server = sandbox.serve()
    certificate = write_p12(tmp_path / "apiclient_cert.p12", b"secret")
    till_args = ["--api", server.url, "--p12", str(certificate), "--p12-password", "secret"]
    database = tmp_path / "pos.sqlite3"
    code = example_code(Ending.PASSWORD_NEVER_ENTERED)
    try:
        with _harness(tmp_path, *till_args, "--amount", "18.80", "--code", code) as till:
            _wait_for(lambda: bool(_said(tmp_path, "WAITING")), "the password wait", till)
            till.send_signal(signal.SIGKILL)
            assert till.wait(10) == -signal.SIGKILL
        (deal,) = _stored(database)
        assert deal.state is DealState.ORDERED and deal.method is PaymentMethod.MICROPAY
        assert deal.amount_fen == 1880
        order = sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, deal.out_trade_no)
        assert order.state is TradeState.USERPAYING

        # The next start: orderquery says still unpaid, so the till reverses the order.
        with _harness(tmp_path, *till_args) as again:
            _wait_for(
                lambda: _stored(database)[0].state is DealState.REVERSED, "the reverse", again
            )
        assert order.state is TradeState.REVOKED
        assert len(sandbox.ledger.orders()) == 1  # one scan, one micropay, never resent
        # The code itself was never written down (database, logs, output): a credential.
        written = [file for file in tmp_path.rglob("*") if file.is_file()]
        assert any(file.name.startswith("pos.sqlite3") for file in written)
        for file in written:
            assert code.encode() not in file.read_bytes(), file
    finally:
        server.stop(1.0)
