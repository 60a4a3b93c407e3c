"""Refunds seen by the till: relayed refund notifications, and refunds resumed at start-up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.refunds import Refunder, RefundProgress
from pos.relay import RelayEvent
from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions
from pos.store import Deal, DealState, Refund, RefundState
from pos.ui.app import CashierApp
from pos.wechatpay import xmlcodec
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.notify import encrypt_req_info


@pytest.fixture
def sandbox_options() -> SandboxOptions:
    """Refunds settle quickly, so that their notification is what the tests wait for."""
    return SandboxOptions(refund_delay=0.3)


def _paid_deal(till: Till, amount: str) -> Deal:
    deal = till.charge(amount)
    till.pay(deal)
    paid = till.wait_state(deal.out_trade_no, DealState.PAID)
    till.press(Qt.Key.Key_Return)  # back to the till
    return paid


def _refunder(till: Till) -> Iterator[Refunder]:
    """The manager's side of a refund: the merchant's client on the till's sandbox."""
    services = till.app.services
    assert services is not None
    client = WeChatPayClient(DEFAULT_MERCHANT, base_url=services.servers[0].url, timeout=2.0)
    try:
        yield Refunder(
            services.backend.store, client, notify_url=services.backend.refund_notify_url
        )
    finally:
        client.close()


def _refund(till: Till, out_refund_no: str) -> Refund:
    refund = till.store.get_refund(out_refund_no)
    assert refund is not None
    return refund


def _relayed_refund(
    deal: Deal, refund: Refund, *, key: str, refund_fee: int, event_id: int
) -> RelayEvent:
    """A SUCCESS refund notification as the relay would pass it on, encrypted with ``key``."""
    inner = {
        "out_refund_no": refund.out_refund_no,
        "out_trade_no": deal.out_trade_no,
        "refund_account": "REFUND_SOURCE_UNSETTLED_FUNDS",
        "refund_fee": str(refund_fee),
        "refund_id": "50000000002026112400000000001",
        "refund_recv_accout": "支付用户零钱",
        "refund_request_source": "API",
        "refund_status": "SUCCESS",
        "settlement_refund_fee": str(refund_fee),
        "settlement_total_fee": str(deal.amount_fen),
        "success_time": "2026-11-24 13:00:12",
        "total_fee": str(deal.amount_fen),
        "transaction_id": deal.transaction_id or "",
    }
    envelope = {
        "return_code": "SUCCESS",
        "appid": DEFAULT_MERCHANT.appid,
        "mch_id": DEFAULT_MERCHANT.mch_id,
        "nonce_str": "forgedforgedforg",
        "req_info": encrypt_req_info(xmlcodec.encode(inner, root="root"), key),
    }
    raw = xmlcodec.encode(envelope).decode("utf-8")
    return RelayEvent(event_id, "refund", DEFAULT_MERCHANT.mch_id, deal.out_trade_no, raw, inner)


def test_a_refund_notification_reaches_the_till_through_the_relay(till: Till) -> None:
    till.qtbot.waitUntil(
        lambda: (
            till.app.relay_listener is not None and till.app.relay_listener.state == "connected"
        ),
        timeout=WAIT_MS,
    )
    deal = _paid_deal(till, "12")
    seen: list[RefundProgress] = []
    till.app.session.refund_updated.connect(seen.append)
    for refunder in _refunder(till):
        sent = refunder.refund(deal.out_trade_no, 500, "cold coffee")
        # The answer of secapi/pay/refund only means "accepted" (§3.5).
        assert sent.refund.state == RefundState.PROCESSING
        out_refund_no = sent.refund.out_refund_no
        # Nobody queries: only the notification, sandbox → relay → till, can finish it (§3.7).
        till.qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert [progress.refund.out_refund_no for progress in seen] == [out_refund_no]
    assert seen[0].refund.state == RefundState.SUCCESS
    assert seen[0].error is None
    refund = _refund(till, out_refund_no)
    assert refund.state == RefundState.SUCCESS
    assert refund.success_time is not None
    assert till.deal(deal.out_trade_no).state == DealState.PARTIALLY_REFUNDED
    till.qtbot.waitUntil(
        lambda: "refunded" in till.window.recent_list.item(0).text().lower(), timeout=WAIT_MS
    )


def test_relayed_refund_notifications_are_verified_by_the_till(
    till: Till, caplog: pytest.LogCaptureFixture
) -> None:
    # The relay is a transport, not an authority: req_info is decrypted with the till's own
    # key and compared with the stored refund before it counts (§3.7).
    deal = _paid_deal(till, "20")
    for refunder in _refunder(till):
        # Stored only, never sent: no real notification can come, only the forged ones below.
        refund = refunder.prepare(deal.out_trade_no, 2000, "")
    session = till.app.session
    seen: list[RefundProgress] = []
    session.refund_updated.connect(seen.append)
    session.on_relay_event(
        _relayed_refund(deal, refund, key="0" * 32, refund_fee=2000, event_id=9001)
    )
    session.on_relay_event(
        _relayed_refund(deal, refund, key=DEFAULT_MERCHANT.api_key, refund_fee=1999, event_id=9002)
    )
    till.qtbot.waitUntil(
        lambda: caplog.text.count("relayed refund notification refused") == 2, timeout=WAIT_MS
    )
    till.app.workers.wait_db()
    assert seen == []
    assert _refund(till, refund.out_refund_no).state == RefundState.PENDING
    assert till.deal(deal.out_trade_no).state == DealState.PAID

    session.on_relay_event(
        _relayed_refund(deal, refund, key=DEFAULT_MERCHANT.api_key, refund_fee=2000, event_id=9003)
    )
    till.qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    assert seen[0].refund.state == RefundState.SUCCESS
    assert till.deal(deal.out_trade_no).state == DealState.REFUNDED


def test_a_refund_left_unsent_is_sent_after_the_next_start(
    qtbot: QtBot, settings: Settings, sandbox: Sandbox, till: Till
) -> None:
    deal = _paid_deal(till, "8.8")
    for refunder in _refunder(till):
        # Stored PENDING, then the till stops before the request leaves (§3.5: stored first).
        refund = refunder.prepare(deal.out_trade_no, 880, "")
    till.app.shutdown()
    assert list(sandbox.ledger.iter_all_refunds()) == []

    again = CashierApp(settings, sandbox=sandbox, with_sound=False, client_timeout=2.0)
    seen: list[RefundProgress] = []
    again.session.refund_updated.connect(seen.append)
    again.start()
    try:
        # refundquery answers REFUNDNOTEXIST, so the same out_refund_no is sent (§4.4); its
        # notification then comes through the relay of this new start.
        qtbot.waitUntil(
            lambda: any(p.refund.state == RefundState.SUCCESS for p in seen), timeout=WAIT_MS
        )
        assert {p.refund.out_refund_no for p in seen} == {refund.out_refund_no}
        sent = [r.out_refund_no for r in sandbox.ledger.iter_all_refunds()]
        assert sent == [refund.out_refund_no]  # the same number, sent once
        assert again.services is not None
        stored = again.services.backend.store.get_deal(deal.out_trade_no)
        assert stored is not None and stored.state == DealState.REFUNDED
    finally:
        again.shutdown()
