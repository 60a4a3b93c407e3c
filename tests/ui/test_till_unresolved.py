"""A WeChat Pay that answers nothing, refuses, or reports another amount: the till stays free and
says what happened. The real window on the real sandbox and relay, over loopback."""

from __future__ import annotations

import dataclasses
import logging

import httpx
import pytest
from helpers.till import WAIT_MS, Till
from PySide6.QtCore import Qt

from pos.config import Settings
from pos.sandbox import DEFAULT_MERCHANT, Fault, Sandbox, SandboxOptions
from pos.store import DealState
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import make_sign


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """``countdown`` in the test's name: the clerk's countdown is shorter than a held call."""
    if "countdown" in request.node.name:
        settings.checkout_timeout_seconds = 2
    return settings


@pytest.fixture
def client_timeout() -> float:
    """Long enough that an order call held by the sandbox is still in flight when the clerk
    presses Esc; short enough that it ends (and the deal is settled) within the test."""
    return 3.0


def _line_of(till: Till, out_trade_no: str) -> str:
    listing = till.window.recent_list
    for row in range(listing.count()):
        item = listing.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == out_trade_no:
            return item.text()
    return ""


def _start_charge_into_a_hang(till: Till, amount: str) -> tuple[Fault, str]:
    """Charge while unifiedorder is held open by the sandbox (it never answers this call)."""
    fault = till.sandbox.faults.add(Fault(endpoint="unifiedorder", kind="hang", times=1))
    till.type(amount)
    till.press(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: fault.used == 1, timeout=WAIT_MS)  # the call is held
    deal = till.app.session.current_deal
    assert deal is not None
    return fault, deal.out_trade_no


def test_esc_frees_the_till_while_wechat_never_answers_the_order(till: Till) -> None:
    session = till.app.session
    _fault, number = _start_charge_into_a_hang(till, "12.34")
    assert session.is_busy and till.window.customer_screen.isVisible()

    till.press(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: not session.is_busy, timeout=WAIT_MS)
    # Freed before WeChat Pay said anything: the history holds no answer yet, and the
    # sandbox has made no order.
    till.wait_state(number, DealState.CLOSING)
    assert [event.reason for event in till.store.events(number)] == ["created", "cancelled"]
    assert till.orders() == []
    assert not till.window.customer_screen.isVisible()
    assert till.window.charge_button.isEnabled()
    assert "cancelled" in till.window.status_text()
    till.qtbot.waitUntil(lambda: "result pending" in _line_of(till, number), timeout=WAIT_MS)

    # In the background the call times out, the client's retry makes the order, and the
    # checkout closes it; the status line then says how the payment ended.
    till.wait_state(number, DealState.CLOSED)
    till.qtbot.waitUntil(lambda: "closed, not paid" in till.window.status_text(), timeout=WAIT_MS)
    assert "closing" not in till.window.status_text()
    till.qtbot.waitUntil(lambda: "not paid" in _line_of(till, number), timeout=WAIT_MS)
    till.assert_one_order_per_deal()


def test_the_next_customer_is_charged_while_the_last_deal_is_unresolved(till: Till) -> None:
    session = till.app.session
    _fault, first = _start_charge_into_a_hang(till, "8.00")
    till.press(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: not session.is_busy, timeout=WAIT_MS)

    second = till.charge("5.00")  # the QR is up while the first call is still held
    assert till.deal(first).state is DealState.CLOSING
    paid = till.pay(second)
    assert paid["result"] == "paid"
    till.wait_state(second.out_trade_no, DealState.PAID)
    till.wait_state(first, DealState.CLOSED)
    # The first deal's end does not overwrite the status of the sale after it.
    till.qtbot.wait(300)
    assert "not paid" not in till.window.status_text()
    till.assert_one_order_per_deal()


@pytest.fixture
def sandbox(sandbox_options: SandboxOptions, request: pytest.FixtureRequest) -> Sandbox:
    """The test's sandbox; ``refuses`` in the test's name: it holds another key for the
    merchant, so it refuses every order the till signs (return_code=FAIL, 签名错误)."""
    merchant = DEFAULT_MERCHANT
    if "refuses" in request.node.name:
        merchant = dataclasses.replace(DEFAULT_MERCHANT, api_key="0" * 32)
    return Sandbox([merchant], options=sandbox_options)


def test_wechat_refuses_the_order_and_the_clerk_reads_why(till: Till) -> None:
    till.type("3.00")
    till.press(Qt.Key.Key_Return)
    session = till.app.session
    till.qtbot.waitUntil(lambda: not session.is_busy, timeout=WAIT_MS)
    status = till.window.status_text()
    assert "refused" in status
    assert "Time is up" not in status
    (deal,) = till.store.recent_deals(1)
    assert deal.state is DealState.FAILED and deal.last_error
    # WeChat Pay's own reason reaches the clerk, in words (pos.ui.wechat_words), not raw.
    assert "签名错误" in status
    assert "RequestRejected" not in status


def _signed_notification(out_trade_no: str, total_fee: int) -> bytes:
    fields = {
        "return_code": "SUCCESS",
        "result_code": "SUCCESS",
        "appid": DEFAULT_MERCHANT.appid,
        "mch_id": DEFAULT_MERCHANT.mch_id,
        "nonce_str": "wrongfeewrongfee",
        "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
        "is_subscribe": "N",
        "out_trade_no": out_trade_no,
        "transaction_id": "4200000000202612060000000042",
        "total_fee": str(total_fee),
        "cash_fee": str(total_fee),
        "fee_type": "CNY",
        "time_end": "20261206120000",
        "trade_type": "NATIVE",
        "bank_type": "OTHERS",
    }
    fields["sign"] = make_sign(fields, DEFAULT_MERCHANT.api_key)
    return xmlcodec.encode(fields)


def test_a_wrong_amount_for_a_closed_deal_raises_the_alarm(
    till: Till, caplog: pytest.LogCaptureFixture
) -> None:
    deal = till.charge("20.00")
    till.press(Qt.Key.Key_Escape)
    till.wait_state(deal.out_trade_no, DealState.CLOSED)
    till.qtbot.waitUntil(lambda: till.app.session.watched_count == 0, timeout=WAIT_MS)

    # A validly signed notification with another amount, through the relay, over HTTP.
    relay_url = till.app.services.relay_url if till.app.services else None
    assert relay_url
    with caplog.at_level(logging.ERROR):
        answer = httpx.post(
            f"{relay_url}/wechatpay/notify",
            content=_signed_notification(deal.out_trade_no, 2001),
            headers={"Content-Type": "text/xml"},
        )
        assert b"SUCCESS" in answer.content
        till.qtbot.waitUntil(lambda: "ALARM" in till.window.status_text(), timeout=WAIT_MS)

    assert deal.out_trade_no in till.window.status_text()
    stored = till.deal(deal.out_trade_no)
    assert stored.state is DealState.CLOSED  # never paid by it
    assert stored.alarm is not None and "2001" in stored.alarm
    assert "alarm: notification refused" in [
        e.reason for e in till.store.events(stored.out_trade_no)
    ]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and "2001" in r.getMessage()]
    assert errors and getattr(errors[0], "out_trade_no", None) == deal.out_trade_no


def test_the_countdown_frees_the_till_while_wechat_never_answers_the_order(
    settings: Settings, till: Till
) -> None:
    assert settings.checkout_timeout_seconds == 2  # shorter than the held call (3 s)
    session = till.app.session
    _fault, number = _start_charge_into_a_hang(till, "6.60")

    till.qtbot.waitUntil(lambda: not session.is_busy, timeout=WAIT_MS)  # no key pressed
    till.wait_state(number, DealState.CLOSING)
    assert [event.reason for event in till.store.events(number)] == ["created", "timeout"]
    assert till.orders() == []
    assert "Time is up" in till.window.status_text()
    till.wait_state(number, DealState.CLOSED)
    till.qtbot.waitUntil(lambda: "closed, not paid" in till.window.status_text(), timeout=WAIT_MS)
