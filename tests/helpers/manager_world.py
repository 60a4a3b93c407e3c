"""The manager's test world: a sandbox on loopback, a real client over HTTP, a store, paid deals.

Shared by the manager's tests: tests/unit/test_refunds.py, tests/unit/reports/ and, through
:mod:`helpers.manager_fixtures`, the manager window's tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from helpers.deals import add_deal, mark_ordered, mark_paid
from pos.asgi_server import BackgroundServer
from pos.checkout import CancelRequested, CheckoutClient, CheckoutConfig, CheckoutSession
from pos.clock import utc_now
from pos.sandbox import DEFAULT_MERCHANT, Ending, Sandbox, SandboxOptions, example_code
from pos.store import Deal, Store
from pos.wechatpay import xmlcodec
from pos.wechatpay.client import WeChatPayClient

#: Nothing listens on the discard port: the sandbox's payment notifications go nowhere.
NOWHERE = "http://127.0.0.1:9/notify"


class CountingTransport(httpx.HTTPTransport):
    """Real HTTP, with every request path recorded (to prove what reached the sandbox)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []
        self.bodies: list[dict[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        self.bodies.append(xmlcodec.decode(request.read()))
        return super().handle_request(request)

    def count(self, endpoint: str) -> int:
        return sum(1 for path in self.paths if path.endswith("/" + endpoint))


@dataclass
class World:
    sandbox: Sandbox
    server: BackgroundServer
    client: WeChatPayClient
    store: Store
    transport: CountingTransport
    till: str = "T1"
    _made: list[str] = field(default_factory=list)

    def requests_to(self, endpoint: str) -> int:
        return self.transport.count(endpoint)

    def bodies_to(self, endpoint: str) -> list[dict[str, str]]:
        return [
            body
            for path, body in zip(self.transport.paths, self.transport.bodies, strict=True)
            if path.endswith("/" + endpoint)
        ]

    def paid_deal(self, amount_fen: int, product: str = "拿铁咖啡") -> Deal:
        """A deal ordered at the sandbox, paid by the customer's phone, recorded PAID."""
        ordered = self.unpaid_deal(amount_fen, product)
        assert ordered.code_url is not None
        assert self.sandbox.customer_scan(ordered.code_url, "pay")["result"] == "paid"
        status = self.client.order_query(out_trade_no=ordered.out_trade_no)
        assert status.transaction_id is not None
        return mark_paid(
            self.store,
            ordered.out_trade_no,
            datetime.now(UTC),
            status.transaction_id,
            paid_at=status.time_end,
        )

    def code_deal(self, amount_fen: int, *, cancel: bool = False) -> Deal:
        """A payment-code deal run by the session against the sandbox: paid at once, or,
        with ``cancel``, cancelled while micropay was out (paid, then reversed: REVOKED)."""
        session = CheckoutSession.begin_code(
            store=self.store,
            client=CheckoutClient(self.client, notify_url=NOWHERE),
            amount_fen=amount_fen,
            product="付款码商品",
            till_id=self.till,
            sign_type="MD5",
            config=CheckoutConfig(reverse_min_age=0.0),
            clock=utc_now,
            auth_code=example_code(Ending.PAID),
        )
        commands = session.start()
        if cancel:
            commands += session.handle(CancelRequested())
        return session.run(sleep=lambda _seconds: None, commands=commands)

    def unpaid_deal(self, amount_fen: int, product: str = "蛋糕") -> Deal:
        """A deal ordered at the sandbox and never paid (still ORDERED)."""
        now = datetime.now(UTC)
        expire = now + timedelta(minutes=10)
        number = add_deal(
            self.store,
            now,
            amount_fen=amount_fen,
            product=product,
            till_id=self.till,
            time_expire=expire,
        ).out_trade_no
        prepay = self.client.unified_order(
            out_trade_no=number,
            total_fee=amount_fen,
            body=product,
            notify_url=NOWHERE,
            spbill_create_ip="127.0.0.1",
            time_start=now,
            time_expire=expire,
        )
        return mark_ordered(
            self.store, number, now, prepay.code_url, prepay.prepay_id, reason="ordered"
        )


@contextmanager
def open_world(folder: Path, options: SandboxOptions | None = None) -> Iterator[World]:
    sandbox = Sandbox(
        [DEFAULT_MERCHANT],
        options=options or SandboxOptions(refund_delay=0.2, bill_allow_today=True),
    )
    server = sandbox.serve()
    transport = CountingTransport()
    client = WeChatPayClient(
        DEFAULT_MERCHANT, base_url=server.url, timeout=5.0, transport=transport, retry_backoff=0.01
    )
    store = Store.open(folder / "pos.sqlite3")
    try:
        yield World(sandbox, server, client, store, transport)
    finally:
        client.close()
        store.close()
        server.stop()
