"""The till driven like a clerk, against the real sandbox and relay over loopback."""

from __future__ import annotations

import time

import pytest
from helpers.till import WAIT_MS, Till, ever
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from pos.config import Settings
from pos.relay import RelayEvent
from pos.sandbox import DEFAULT_MERCHANT, Fault
from pos.store import DealState
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import make_sign
from pos.wechatpay.types import TradeState


def _paid_shown(till: Till) -> bool:
    screen = till.window.customer_screen
    return screen.page == "paid" and screen.isVisible()


def _assert_paid(till: Till, out_trade_no: str, transaction_id: str, amount_fen: int) -> None:
    """What the window shows and what the store holds once a payment is verified."""
    till.qtbot.waitUntil(lambda: _paid_shown(till), timeout=WAIT_MS)
    texts = till.window.customer_screen.texts()
    assert "✓" in texts
    assert f"¥ {amount_fen // 100}.{amount_fen % 100:02d}" in texts
    assert "Paid" in till.window.status_text()
    deal = till.wait_state(out_trade_no, DealState.PAID)
    assert deal.transaction_id == transaction_id
    assert deal.amount_fen == amount_fen
    assert deal.paid_at is not None
    assert not deal.is_late
    till.assert_one_order_per_deal()


@pytest.fixture
def slow_poll(settings: Settings) -> Settings:
    """Polling far too slow to matter: only the relay can bring the result in time."""
    settings.poll_interval_seconds = 30.0
    return settings


def test_paid_by_relay_push(slow_poll: Settings, till: Till) -> None:
    till.qtbot.waitUntil(
        lambda: (
            till.app.relay_listener is not None and till.app.relay_listener.state == "connected"
        ),
        timeout=WAIT_MS,
    )
    deal = till.charge("25.5")
    assert deal.amount_fen == 2550
    assert deal.state == DealState.ORDERED
    shown = till.window.customer_screen.texts()
    assert "¥ 25.50" in shown
    assert till.window.customer_screen.qr_code_image() is not None

    started = time.monotonic()
    paid = till.pay(deal)
    assert paid["result"] == "paid"
    _assert_paid(till, deal.out_trade_no, paid["transaction_id"], 2550)
    assert time.monotonic() - started < 5  # the 30 s poll cannot have done it
    till.qtbot.waitUntil(lambda: till.window.recent_list.count() == 1, timeout=WAIT_MS)
    assert "paid" in till.window.recent_list.item(0).text()

    # Enter goes back to the till, ready for the next customer.
    till.press(Qt.Key.Key_Return)
    assert not till.window.customer_screen.isVisible()
    assert till.window.amount_text == ""
    assert till.window.charge_button.isEnabled()


def test_paid_by_polling_when_the_notification_is_lost(till: Till) -> None:
    till.sandbox.faults.add(Fault(endpoint="notify", kind="notify_lose"))
    deal = till.charge("3.07")
    paid = till.pay(deal)
    _assert_paid(till, deal.out_trade_no, paid["transaction_id"], 307)
    # No notification reached the relay: polling found the payment.
    assert [attempt.outcome for attempt in till.sandbox.deliveries] == ["lost"]


def test_customer_cancels_then_clerk_cancels(till: Till) -> None:
    deal = till.charge("12")
    assert till.sandbox.customer_scan(deal.code_url or "", "cancel")["result"] == "cancelled"
    # The phone backing out changes nothing at WeChat Pay: the till keeps waiting.
    till.qtbot.wait(500)
    assert till.window.customer_screen.page == "qr"
    assert till.deal(deal.out_trade_no).state == DealState.ORDERED

    till.press(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: not till.window.customer_screen.isVisible(), timeout=WAIT_MS)
    assert "cancelled" in till.window.status_text()
    closed = till.wait_state(deal.out_trade_no, DealState.CLOSED)
    assert closed.transaction_id is None
    order = till.orders()[0]
    assert order.state == TradeState.CLOSED
    till.assert_one_order_per_deal()
    # The QR is dead: a customer who scans it now cannot pay.
    assert till.pay(deal)["result"] == "refused"


@pytest.fixture
def short_countdown(settings: Settings) -> Settings:
    settings.checkout_timeout_seconds = 2
    return settings


def test_timeout_takes_the_qr_away_and_closes_the_order(
    short_countdown: Settings, till: Till
) -> None:
    deal = till.charge("8.80")
    till.qtbot.waitUntil(
        lambda: "0:0" in " ".join(till.window.customer_screen.texts()), timeout=WAIT_MS
    )
    till.qtbot.waitUntil(lambda: not till.window.customer_screen.isVisible(), timeout=WAIT_MS)
    assert "Time is up" in till.window.status_text()
    assert till.window.charge_button.isEnabled()
    till.wait_state(deal.out_trade_no, DealState.CLOSED)
    assert till.orders()[0].state == TradeState.CLOSED
    till.assert_one_order_per_deal()


def test_late_payment_after_timeout_is_shown_and_stored(
    short_countdown: Settings, till: Till
) -> None:
    # closeorder fails with SYSTEMERROR (the client's three attempts): the checkout retries it
    # later (§3.3, §4.4), and the customer's payment lands between the clerk's timeout and the
    # close (§4.5: payments completing after the QR was given up have been observed).
    till.sandbox.faults.add(Fault(endpoint="closeorder", kind="system_error", times=3))
    deal = till.charge("19.90")
    till.qtbot.waitUntil(lambda: not till.window.customer_screen.isVisible(), timeout=WAIT_MS)
    assert "Time is up" in till.window.status_text()
    assert not till.window.late_banner.isVisible()

    paid = till.pay(deal)
    assert paid["result"] == "paid"
    till.qtbot.waitUntil(lambda: till.window.late_banner.isVisible(), timeout=WAIT_MS)
    assert "LATE PAYMENT" in till.window.late_banner.text.text()
    assert "¥ 19.90" in till.window.late_banner.text.text()
    stored = till.wait_state(deal.out_trade_no, DealState.PAID)
    assert stored.is_late
    assert stored.transaction_id == paid["transaction_id"]

    # The clerk must acknowledge it; it stays stored as paid.
    till.window.late_banner.ack_button.click()
    assert not till.window.late_banner.isVisible()
    assert till.deal(deal.out_trade_no).state == DealState.PAID
    till.assert_one_order_per_deal()


def test_latency_keeps_the_window_responsive(till: Till) -> None:
    till.sandbox.faults.add(Fault(endpoint="unifiedorder", kind="latency", seconds=1.5, times=1))
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def beat() -> None:
        gaps.append(clock.restart())

    heartbeat.timeout.connect(beat)
    heartbeat.start()
    till.type("66")
    till.press(Qt.Key.Key_Return)
    screen = till.window.customer_screen
    till.qtbot.waitUntil(lambda: screen.isVisible() and screen.page == "message", timeout=WAIT_MS)
    assert "Preparing" in " ".join(screen.texts())
    till.qtbot.waitUntil(lambda: screen.page == "qr", timeout=WAIT_MS)
    heartbeat.stop()
    assert len(gaps) > 100  # the main thread kept turning while the sandbox sat on the order
    assert max(gaps[1:]) < 250, gaps
    deal = till.app.session.current_deal
    assert deal is not None
    paid = till.pay(deal)
    _assert_paid(till, deal.out_trade_no, paid["transaction_id"], 6600)


@pytest.mark.parametrize("kind", ["drop_after", "garbled", "http_500"])
def test_faults_on_unifiedorder_never_make_a_second_order(kind: str, till: Till) -> None:
    till.sandbox.faults.add(Fault(endpoint="unifiedorder", kind=kind, times=1))
    deal = till.charge("5.55")
    assert len(till.orders()) == 1
    paid = till.pay(deal)
    _assert_paid(till, deal.out_trade_no, paid["transaction_id"], 555)


def test_no_answer_is_shown_and_polling_recovers(till: Till) -> None:
    till.sandbox.faults.add(Fault(endpoint="notify", kind="notify_lose"))
    deal = till.charge("42")
    till.sandbox.faults.add(Fault(endpoint="orderquery", kind="http_500"))
    paid = till.pay(deal)
    till.qtbot.waitUntil(
        lambda: "No answer from WeChat Pay" in till.window.status_text(), timeout=WAIT_MS
    )
    assert "No answer from WeChat Pay" in " ".join(till.window.customer_screen.texts())
    assert till.deal(deal.out_trade_no).state == DealState.ORDERED  # unknown is not paid
    till.sandbox.faults.clear()
    _assert_paid(till, deal.out_trade_no, paid["transaction_id"], 4200)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type an amount first."),
        ("0", "The amount must be more than zero."),
        ("0.00", "The amount must be more than zero."),
        ("-5", "The amount cannot be negative."),
        ("1.234", "At most two decimals (fen)."),
        ("50000.01", "Over the limit of ¥ 50000.00 per payment."),
        ("1.2.3", "That is not an amount."),
    ],
)
def test_bad_amounts_are_refused_before_anything_is_stored(
    typed: str, message: str, till: Till
) -> None:
    till.type(typed)
    till.press(Qt.Key.Key_Return)
    assert till.window.amount_error.text() == message
    till.qtbot.wait(200)
    assert not till.window.customer_screen.isVisible()
    assert till.store.deals_between(*ever()) == []
    assert till.orders() == []
    # Backspace edits; a good amount then goes through.
    for _ in typed:
        till.press(Qt.Key.Key_Backspace)
    assert till.window.amount_text == ""
    deal = till.charge("1")
    assert deal.amount_fen == 100


def test_pasted_text_that_is_not_a_number(till: Till) -> None:
    till.window.set_amount_text("abc")
    till.press(Qt.Key.Key_Return)
    assert till.window.amount_error.text() == "That is not an amount."
    assert till.orders() == []


def test_quick_keys_pick_the_product(till: Till) -> None:
    till.app.session.save_products(["Latte", "Bagel", "Tea"])
    till.qtbot.waitUntil(lambda: len(till.window.products.buttons) == 3, timeout=WAIT_MS)
    assert [product.name for product in till.store.products()] == ["Latte", "Bagel", "Tea"]
    till.press(Qt.Key.Key_F2)
    assert till.window.product == "Bagel"
    deal = till.charge("9.50")
    assert till.deal(deal.out_trade_no).product == "Bagel"
    assert "Bagel" in till.window.customer_screen.texts()
    assert till.orders()[0].body == "Bagel"


def test_charge_is_written_before_any_network_call(till: Till) -> None:
    # With unifiedorder failing at the transport, the deal is still in the store with its
    # number, and the retry re-enters the same order.
    till.sandbox.faults.add(Fault(endpoint="unifiedorder", kind="http_500", times=2))
    deal = till.charge("7")
    events = till.store.events(deal.out_trade_no)
    assert events[0].to_state == DealState.CREATED
    assert len(till.orders()) == 1


def test_sandbox_mode_is_shown(till: Till) -> None:
    assert till.window.sandbox_banner.isVisible()
    assert "SANDBOX" in till.window.sandbox_banner.text()


def _relayed(deal_no: str, total_fee: int, key: str, event_id: int) -> RelayEvent:
    """A payment notification as the relay would pass it on, signed with ``key``."""
    fields = {
        "return_code": "SUCCESS",
        "result_code": "SUCCESS",
        "appid": DEFAULT_MERCHANT.appid,
        "mch_id": DEFAULT_MERCHANT.mch_id,
        "nonce_str": "forgedforgedforg",
        "openid": "oFORGED",
        "out_trade_no": deal_no,
        "transaction_id": "4200000000202611240000000001",
        "total_fee": str(total_fee),
        "cash_fee": str(total_fee),
        "time_end": "20261124130000",
        "trade_type": "NATIVE",
        "bank_type": "OTHERS",
    }
    fields["sign"] = make_sign(fields, key)
    raw = xmlcodec.encode(fields).decode("utf-8")
    return RelayEvent(event_id, "payment", DEFAULT_MERCHANT.mch_id, deal_no, raw, fields)


def test_relayed_notifications_are_verified_by_the_till(
    slow_poll: Settings, till: Till, caplog: pytest.LogCaptureFixture
) -> None:
    # The relay is a transport, not an authority: a forged signature or a wrong amount
    # passed on by it must not make the deal paid (§5.2).
    deal = till.charge("10")
    session = till.app.session
    session.on_relay_event(_relayed(deal.out_trade_no, 1000, "0" * 32, 9001))
    session.on_relay_event(_relayed(deal.out_trade_no, 1, DEFAULT_MERCHANT.api_key, 9002))
    till.qtbot.waitUntil(lambda: "relayed notification refused" in caplog.text, timeout=WAIT_MS)
    till.qtbot.wait(500)
    assert till.deal(deal.out_trade_no).state == DealState.ORDERED
    assert till.window.customer_screen.page == "qr"

    paid = till.pay(deal)  # the real one, through the real relay
    _assert_paid(till, deal.out_trade_no, paid["transaction_id"], 1000)


def test_free_text_product_and_enter_from_the_product_field(till: Till) -> None:
    till.type("4.5")
    till.window.products.edit.setFocus()
    till.qtbot.keyClicks(till.window.products.edit, "Green tea 2")
    assert till.window.amount_text == "4.5"  # typing a name does not touch the amount
    till.qtbot.keyClick(till.window.products.edit, Qt.Key.Key_Return)
    screen = till.window.customer_screen
    till.qtbot.waitUntil(lambda: screen.isVisible() and screen.page == "qr", timeout=WAIT_MS)
    deal = till.app.session.current_deal
    assert deal is not None
    assert till.deal(deal.out_trade_no).product == "Green tea 2"
    assert till.deal(deal.out_trade_no).amount_fen == 450
