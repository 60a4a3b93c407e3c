"""SIGTERM ends the till within 3 s while WeChat Pay answers nothing; the deal is recovered at the
next start. A real `pos` process (offscreen) and the cashier harness, on a sandbox that holds
the calls open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.deals import add_deal

from pos.asgi_server import BackgroundServer
from pos.sandbox import DEFAULT_MERCHANT, Fault, Sandbox
from pos.store import Deal, DealState, Store

HARNESS = Path(__file__).parents[1] / "ui" / "app_harness.py"
#: The issue's bound: a shop PC shutting down kills what takes longer.
SIGTERM_BOUND = 3.0
#: Waits for something to happen (start-up, recovery) on a loaded machine.
WAIT = 30.0


@pytest.fixture
def sandbox_server() -> Iterator[tuple[Sandbox, BackgroundServer]]:
    sandbox = Sandbox([DEFAULT_MERCHANT])
    server = sandbox.serve()
    try:
        yield sandbox, server
    finally:
        server.stop(1.0)


def _wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            raise AssertionError(f"the till exited ({process.returncode}) before {what}")
        time.sleep(0.05)
    raise AssertionError(f"no {what} within {WAIT} s")


def _terminate_within_bound(process: subprocess.Popen[bytes]) -> float:
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(SIGTERM_BOUND)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
        raise AssertionError(
            f"the till was still running {SIGTERM_BOUND} s after SIGTERM"
        ) from None
    return time.monotonic() - started


def _pos(tmp_path: Path, api: str) -> subprocess.Popen[bytes]:
    """`python -m pos`, a real merchant (the sandbox's) from the environment, no relay."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
        "XDG_STATE_HOME": str(tmp_path / "home" / "state"),
        "POS_CONFIG": str(tmp_path / "settings.toml"),
        "POS_DATA_DIR": str(tmp_path / "data"),
        "POS_TILL_ID": "K1",
        "POS_LANG": "en",
        "WECHATPAY_APPID": DEFAULT_MERCHANT.appid,
        "WECHATPAY_MCH_ID": DEFAULT_MERCHANT.mch_id,
        "WECHATPAY_API_KEY": DEFAULT_MERCHANT.api_key,
        "WECHATPAY_API_BASE_URL": api,
        "POS_NOTIFY_URL": "http://127.0.0.1:9/wechatpay/notify",
    }
    with (tmp_path / f"pos-{time.monotonic_ns()}.log").open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "pos"], env=env, stdout=log, stderr=subprocess.STDOUT
        )


@contextmanager
def _running(process: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """``process``, killed at the end if the test did not end it (a failure never leaves it)."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def _harness(tmp_path: Path, api: str, *extra: str) -> subprocess.Popen[bytes]:
    """The real till (tests/ui/app_harness.py) offscreen, its output kept in a log file."""
    command = [sys.executable, str(HARNESS), "--data-dir", str(tmp_path), "--api", api, *extra]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with (tmp_path / f"harness-{time.monotonic_ns()}.log").open("wb") as log:
        return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _stored(database: Path, out_trade_no: str) -> Deal:
    store = Store.open(database)
    try:
        deal = store.get_deal(out_trade_no)
    finally:
        store.close()
    assert deal is not None
    return deal


def test_sigterm_ends_pos_within_3_s_while_wechat_answers_nothing(
    tmp_path: Path, sandbox_server: tuple[Sandbox, BackgroundServer]
) -> None:
    sandbox, server = sandbox_server
    # A deal left unfinished by an earlier run: the till checks it with orderquery at start.
    database = tmp_path / "data" / "pos.sqlite3"
    database.parent.mkdir(parents=True)
    store = Store.open(database)
    now = datetime.now(UTC).replace(microsecond=0)
    deal = add_deal(store, now, amount_fen=1234, till_id="K1")
    store.close()
    hang = sandbox.faults.add(Fault(endpoint="orderquery", kind="hang"))

    with _running(_pos(tmp_path, server.url)) as till:
        _wait_for(lambda: hang.used >= 1, "orderquery held by the sandbox", till)
        _terminate_within_bound(till)
    assert _stored(database, deal.out_trade_no).state is DealState.CREATED

    # The next start, WeChat Pay answering again: the deal is recovered (no order was made).
    sandbox.faults.clear()
    with _running(_pos(tmp_path, server.url)) as again:
        _wait_for(
            lambda: _stored(database, deal.out_trade_no).state is DealState.FAILED,
            "the deal recovered",
            again,
        )
        _terminate_within_bound(again)


def test_sigterm_while_the_order_call_hangs_then_the_deal_is_recovered(
    tmp_path: Path, sandbox_server: tuple[Sandbox, BackgroundServer]
) -> None:
    sandbox, server = sandbox_server
    hang = sandbox.faults.add(Fault(endpoint="unifiedorder", kind="hang"))
    database = tmp_path / "pos.sqlite3"

    with _running(_harness(tmp_path, server.url, "--amount", "9.99")) as till:
        _wait_for(lambda: hang.used >= 1, "unifiedorder held by the sandbox", till)
        _terminate_within_bound(till)
    store = Store.open(database)
    try:
        (deal,) = store.unfinished_deals()  # stored before the call, durable
    finally:
        store.close()
    assert sandbox.ledger.orders(DEFAULT_MERCHANT.mch_id) == []

    sandbox.faults.clear()
    with _running(_harness(tmp_path, server.url)) as again:
        _wait_for(
            lambda: _stored(database, deal.out_trade_no).state is DealState.FAILED,
            "the deal recovered",
            again,
        )
        _terminate_within_bound(again)
