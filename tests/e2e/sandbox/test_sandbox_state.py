"""The sandbox's state file: a restart forgets no order, refund or payment code (over HTTP)."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from pos.asgi_server import BackgroundServer
from pos.errors import BusinessError
from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import BEIJING, RefundStatus, TradeState

OPTIONS = SandboxOptions(refund_delay=0, bill_allow_today=True)


def _order(client: WeChatPayClient, number: str, fen: int) -> str:
    now = datetime.now(BEIJING)
    prepay = client.unified_order(
        out_trade_no=number,
        total_fee=fen,
        body="咖啡",
        notify_url="http://127.0.0.1:9/notify",
        spbill_create_ip="127.0.0.1",
        time_start=now,
        time_expire=now + timedelta(minutes=10),
    )
    assert prepay.code_url
    return prepay.code_url


def _run(path: Path) -> tuple[Sandbox, WeChatPayClient, str]:
    """A sandbox on loopback keeping its state in ``path``, and a client of it."""
    sandbox = Sandbox([DEFAULT_MERCHANT], options=OPTIONS, state_path=path)
    server = sandbox.serve()
    client = WeChatPayClient(DEFAULT_MERCHANT, base_url=server.url)
    _running.append((server, client))
    return sandbox, client, server.url


_running: list[tuple[BackgroundServer, WeChatPayClient]] = []


def _stop_last() -> None:
    server, client = _running.pop()
    client.close()
    server.stop()


@pytest.fixture(autouse=True)
def _stop_all() -> Iterator[None]:
    yield
    while _running:
        _stop_last()


def test_a_payment_can_be_refunded_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sandbox-state.json"
    _, client, url = _run(path)
    code_url = _order(client, "POS-STATE-0001", 2550)
    paid = httpx.post(url + "/sandbox/scan", data={"code_url": code_url, "action": "pay"}).json()
    assert paid["result"] == "paid"
    _stop_last()

    # The file is private: 0600 in a folder the sandbox made 0700.
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".part")]

    _, client, _ = _run(path)
    status = client.order_query(out_trade_no="POS-STATE-0001")
    assert status.trade_state is TradeState.SUCCESS
    assert status.transaction_id == paid["transaction_id"]
    refund = client.refund(
        out_trade_no="POS-STATE-0001", out_refund_no="R-STATE-0001", total_fee=2550, refund_fee=550
    )
    assert refund.refund_fee == 550
    _stop_last()

    # The refund too survives a third start, and the bill shows both rows.
    _, client, _ = _run(path)
    refunds = client.refund_query(out_refund_no="R-STATE-0001")
    assert refunds.refunds[0].status is RefundStatus.SUCCESS
    bill = client.download_bill(datetime.now(BEIJING).date())
    assert {row.out_trade_no for row in bill.rows} == {"POS-STATE-0001"}
    assert len(bill.rows) == 2


def test_new_numbers_do_not_repeat_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    _, client, url = _run(path)
    code_url = _order(client, "POS-STATE-0002", 100)
    first = httpx.post(url + "/sandbox/scan", data={"code_url": code_url}).json()
    _stop_last()
    _, client, url = _run(path)
    code_url = _order(client, "POS-STATE-0003", 100)
    second = httpx.post(url + "/sandbox/scan", data={"code_url": code_url}).json()
    assert first["transaction_id"] != second["transaction_id"]
    # The same number again is re-entry of the order the first run made, not a new one.
    with pytest.raises(BusinessError, match="ORDERPAID"):
        _order(client, "POS-STATE-0002", 100)


def test_an_unreadable_file_is_set_aside_and_the_sandbox_starts_empty(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"version": 1, "ledger": {"orders": [{"broken": true}]}}', encoding="utf-8")
    sandbox, client, _ = _run(path)
    assert sandbox.ledger.orders() == []
    assert (tmp_path / "state.json.unreadable").exists()
    _order(client, "POS-STATE-0004", 100)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert [o["out_trade_no"] for o in saved["ledger"]["orders"]] == ["POS-STATE-0004"]


def test_scan_keeps_the_order_waiting_for_the_password(tmp_path: Path) -> None:
    _, client, url = _run(tmp_path / "state.json")
    code_url = _order(client, "POS-STATE-0005", 880)
    waiting = httpx.post(url + "/sandbox/scan", data={"code_url": code_url, "action": "scan"})
    assert waiting.json() == {"result": "waiting", "out_trade_no": "POS-STATE-0005"}
    # WeChat says NOTPAY while the customer types the password (§4.2: USERPAYING is micropay's).
    assert client.order_query(out_trade_no="POS-STATE-0005").trade_state is TradeState.NOTPAY
    paid = httpx.post(url + "/sandbox/scan", data={"code_url": code_url, "action": "pay"})
    assert paid.json()["result"] == "paid"
    assert client.order_query(out_trade_no="POS-STATE-0005").trade_state is TradeState.SUCCESS
