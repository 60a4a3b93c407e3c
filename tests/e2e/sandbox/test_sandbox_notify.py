"""Payment notifications: payload, signature, retries on a scaled clock, giving up (§3.4)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import timedelta

from helpers.sandbox import FakeClock, NotifySink, Running, wait_until

from pos.sandbox import DEFAULT_MERCHANT, SandboxOptions
from pos.sandbox.options import NOTIFY_SCHEDULE
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import SUCCESS_REPLY, parse_payment_notification
from pos.wechatpay.signing import verify_sign
from pos.wechatpay.types import SignType

FAIL_REPLY = b"<xml><return_code><![CDATA[FAIL]]></return_code></xml>"


def pay(
    running: Running,
    number: str,
    sink: NotifySink,
    total_fee: int = 2550,
    sign_type: SignType = SignType.MD5,
) -> dict[str, str]:
    created = running.client.order(
        number,
        total_fee=total_fee,
        notify_url=sink.url,
        sign_type=sign_type,
        attach="till=01&shift=A",
    )
    return running.sandbox.customer_scan(created["code_url"])


def test_md5_notification_payload(box: Running, sink: NotifySink) -> None:
    paid = pay(box, "NOTIFY0001", sink)
    body = sink.wait_for(1)[0]
    notification = parse_payment_notification(body, DEFAULT_MERCHANT)
    assert (notification.out_trade_no, notification.transaction_id, notification.total_fee) == (
        "NOTIFY0001",
        paid["transaction_id"],
        2550,
    )
    assert notification.fields["attach"] == "till=01&shift=A"
    assert notification.fields["trade_type"] == "NATIVE"
    assert b"<total_fee>2550</total_fee>" in body
    wait_until(lambda: len(box.sandbox.deliveries) == 1)
    delivery = box.sandbox.deliveries[0]
    assert (delivery.outcome, delivery.attempt, delivery.final, delivery.url) == (
        "success",
        1,
        True,
        sink.url,
    )
    assert delivery.body == body and delivery.reply == SUCCESS_REPLY


def test_hmac_order_notification_has_no_sign_type(box: Running, sink: NotifySink) -> None:
    pay(box, "NOTIFY0002", sink, sign_type=SignType.HMAC_SHA256)
    fields = xmlcodec.decode(sink.wait_for(1)[0])
    assert "sign_type" not in fields and len(fields["sign"]) == 64
    assert verify_sign(fields, DEFAULT_MERCHANT.api_key, SignType.HMAC_SHA256)


def test_md5_sign_type_field_is_a_switch(
    make_sandbox: Callable[..., Running], sink: NotifySink
) -> None:
    running = make_sandbox(options=SandboxOptions(notify_md5_sign_type=True))
    pay(running, "NOTIFY0003", sink)
    fields = xmlcodec.decode(sink.wait_for(1)[0])
    assert fields["sign_type"] == "MD5"
    assert verify_sign(fields, DEFAULT_MERCHANT.api_key)


def test_coupon_notification(box: Running, sink: NotifySink) -> None:
    created = box.client.order("NOTIFY0004", total_fee=1000, notify_url=sink.url)
    box.sandbox.customer_scan(created["code_url"], coupon_fee=300)
    fields = parse_payment_notification(sink.wait_for(1)[0], DEFAULT_MERCHANT).fields
    assert (fields["total_fee"], fields["cash_fee"], fields["coupon_fee"]) == ("1000", "700", "300")


def test_retries_follow_the_schedule_until_success(
    box: Running, clock: FakeClock, sink: NotifySink
) -> None:
    sink.replies = [FAIL_REPLY, b"not xml at all", FAIL_REPLY, FAIL_REPLY]
    pay(box, "NOTIFY0005", sink)
    sink.wait_for(1)
    for attempt, gap in enumerate(NOTIFY_SCHEDULE[:4], start=2):
        clock.advance(seconds=gap - 1)
        time.sleep(0.05)  # several ticks of the sandbox
        assert len(sink.bodies) == attempt - 1  # not yet
        clock.advance(seconds=1)
        sink.wait_for(attempt)
    wait_until(lambda: len(box.sandbox.deliveries) == 5)
    outcomes = [d.outcome for d in box.sandbox.deliveries]
    assert outcomes == ["fail", "bad_reply", "fail", "fail", "success"]
    times = [d.time for d in box.sandbox.deliveries]
    assert [b - a for a, b in itertools.pairwise(times)] == [
        timedelta(seconds=g) for g in NOTIFY_SCHEDULE[:4]
    ]
    clock.advance(hours=30)
    assert len(sink.wait_for(5)) == 5  # nothing after SUCCESS


def test_whole_schedule_on_a_scaled_clock_then_give_up(
    make_sandbox: Callable[..., Running], sink: NotifySink
) -> None:
    running = make_sandbox(time_scale=100_000)
    sink.default = FAIL_REPLY
    created = running.client.order("NOTIFY0006", notify_url=sink.url)
    running.sandbox.customer_scan(created["code_url"])
    wait_until(lambda: any(d.final for d in running.sandbox.deliveries), timeout=20)
    deliveries = running.sandbox.deliveries
    assert len(deliveries) == 16 and len(sink.bodies) == 16
    assert deliveries[-1].gave_up and not any(d.final for d in deliveries[:-1])
    gaps = [(b.time - a.time).total_seconds() for a, b in itertools.pairwise(deliveries)]
    assert all(gap >= wanted for gap, wanted in zip(gaps, NOTIFY_SCHEDULE, strict=True))
    total = (deliveries[-1].time - deliveries[0].time).total_seconds()
    # 24 h 4 min at least; a late wake-up costs 100 simulated seconds per real millisecond
    # at this scale, hence the loose upper bound (a loaded machine must not fail this).
    assert 24 * 3600 + 4 * 60 <= total < 36 * 3600


def test_a_slow_or_absent_merchant_is_a_failed_attempt(
    make_sandbox: Callable[..., Running], clock: FakeClock, sink: NotifySink
) -> None:
    running = make_sandbox(clock=clock, options=SandboxOptions(notify_timeout=0.2))
    sink.delay = 0.5
    pay(running, "NOTIFY0007", sink)
    wait_until(lambda: len(running.sandbox.deliveries) == 1)
    assert running.sandbox.deliveries[0].outcome == "timeout"
    created = running.client.order("NOTIFY0008", notify_url="http://127.0.0.1:9/notify")
    running.sandbox.customer_scan(created["code_url"])
    wait_until(lambda: len(running.sandbox.deliveries) == 2)
    assert running.sandbox.deliveries[1].outcome == "error"


def test_notifications_never_block_requests(
    make_sandbox: Callable[..., Running], sink: NotifySink
) -> None:
    running = make_sandbox(options=SandboxOptions(notify_timeout=3))
    sink.delay = 1.0
    pay(running, "NOTIFY0009", sink)
    sink.wait_for(1)
    started = time.monotonic()
    answer = running.client.call("/pay/orderquery", out_trade_no="NOTIFY0009")
    assert answer["trade_state"] == "SUCCESS"
    assert time.monotonic() - started < 0.5
