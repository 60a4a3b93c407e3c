"""Fixtures of the manager view's tests: sandbox on loopback, store, workers, services, deals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

import pos.ui  # noqa: F401  (the PySide6 reference-count fix before any Qt call)
from pos.asgi_server import BackgroundServer
from pos.config import Settings
from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions
from pos.store import Deal, DealState, Store
from pos.ui.manager import ManagerServices
from pos.ui.workers import Workers
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import BEIJING

WAIT_MS = 10_000
NOWHERE = "http://127.0.0.1:9/notify"


class CountingTransport(httpx.HTTPTransport):
    """Real HTTP; remembers the path of every request."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return super().handle_request(request)

    def count(self, endpoint: str) -> int:
        return sum(1 for path in self.paths if path.endswith("/" + endpoint))


class FakeClock:
    """A monotonic clock the test moves by hand (the PIN lock-out)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Shop:
    sandbox: Sandbox
    server: BackgroundServer
    client: WeChatPayClient
    store: Store
    transport: CountingTransport
    services: ManagerServices
    clock: FakeClock
    saved: list[Settings] = field(default_factory=list)

    @property
    def today(self) -> date:
        return datetime.now(BEIJING).date()

    def paid_deal(self, amount_fen: int, product: str = "拿铁咖啡") -> Deal:
        now = datetime.now(UTC)
        number = self.store.new_out_trade_no("M1", now)
        expire = now + timedelta(minutes=10)
        self.store.create_deal(
            out_trade_no=number,
            amount_fen=amount_fen,
            product=product,
            till_id="M1",
            time_start=now,
            time_expire=expire,
            sign_type="MD5",
            now=now,
        )
        prepay = self.client.unified_order(
            out_trade_no=number,
            total_fee=amount_fen,
            body=product,
            notify_url=NOWHERE,
            spbill_create_ip="127.0.0.1",
            time_start=now,
            time_expire=expire,
        )
        self.store.transition(
            number,
            DealState.ORDERED,
            reason="ordered",
            now=now,
            code_url=prepay.code_url,
            prepay_id=prepay.prepay_id,
        )
        assert self.sandbox.customer_scan(prepay.code_url, "pay")["result"] == "paid"
        status = self.client.order_query(out_trade_no=number)
        return self.store.transition(
            number,
            DealState.PAID,
            reason="paid",
            now=datetime.now(UTC),
            transaction_id=status.transaction_id,
            paid_at=status.time_end,
        )


@pytest.fixture
def shop(qtbot: QtBot, tmp_path: Path) -> Iterator[Shop]:
    sandbox = Sandbox(
        [DEFAULT_MERCHANT], options=SandboxOptions(refund_delay=0.2, bill_allow_today=True)
    )
    server = sandbox.serve()
    transport = CountingTransport()
    client = WeChatPayClient(
        DEFAULT_MERCHANT, base_url=server.url, timeout=5.0, transport=transport, retry_backoff=0.01
    )
    store = Store.open(tmp_path / "pos.sqlite3")
    workers = Workers()
    clock = FakeClock()
    saved: list[Settings] = []
    settings = Settings(data_dir=tmp_path, language="zh_CN")
    services = ManagerServices(
        store=store,
        client=client,
        workers=workers,
        settings=settings,
        save_settings=saved.append,
        follow_seconds=10,
        follow_interval=0.05,
        pin_clock=clock,
    )
    try:
        yield Shop(sandbox, server, client, store, transport, services, clock, saved)
    finally:
        workers.shutdown()
        client.close()
        store.close()
        server.stop()
