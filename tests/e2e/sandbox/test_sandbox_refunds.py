"""Refunds, refund queries and refund notifications over HTTP (§3.5–§3.7)."""

from __future__ import annotations

import re
from collections.abc import Callable

from helpers.sandbox import (
    Answer,
    FakeClock,
    NotifySink,
    Running,
    assert_business_fail,
    assert_protocol_fail,
    assert_signed,
)

from pos.sandbox import DEFAULT_MERCHANT, SandboxOptions
from pos.sandbox.refund_desk import REFUND_TEXT_MISMATCH, REFUND_TEXT_OVER
from pos.wechatpay.notify import parse_refund_notification
from pos.wechatpay.types import RefundStatus, SignType, TradeState


def paid_order(running: Running, number: str, total_fee: int = 2550) -> str:
    created = running.client.order(number, total_fee=total_fee)
    return running.sandbox.customer_scan(created["code_url"])["transaction_id"]


def refund(
    running: Running,
    number: str,
    out_refund_no: str,
    refund_fee: int,
    total_fee: int = 2550,
    **extra: str,
) -> Answer:
    return running.client.call(
        "/secapi/pay/refund",
        out_trade_no=number,
        out_refund_no=out_refund_no,
        total_fee=str(total_fee),
        refund_fee=str(refund_fee),
        **extra,
    )


def test_refund_is_accepted_and_idempotent(box: Running) -> None:
    transaction_id = paid_order(box, "ORDERRF001")
    first = refund(box, "ORDERRF001", "RF001A", 550)
    assert_signed(first)
    assert first["result_code"] == "SUCCESS"
    assert first["transaction_id"] == transaction_id
    assert re.fullmatch(r"\d{29}", first["refund_id"])
    assert (first["refund_fee"], first["total_fee"], first["cash_refund_fee"]) == (
        "550",
        "2550",
        "550",
    )
    again = refund(box, "ORDERRF001", "RF001A", 550)
    assert again["refund_id"] == first["refund_id"]
    assert len(box.sandbox.ledger.order("10000100", "ORDERRF001").refunds) == 1
    different = refund(box, "ORDERRF001", "RF001A", 551)
    assert_business_fail(different, "INVALID_REQUEST")
    assert different["err_code_des"] == REFUND_TEXT_MISMATCH
    query = box.client.call("/pay/orderquery", out_trade_no="ORDERRF001")
    assert query["trade_state"] == "REFUND"


def test_refund_preconditions(box: Running, clock: FakeClock) -> None:
    box.client.order("ORDERRF002")
    assert_business_fail(refund(box, "ORDERRF002", "RF002A", 100), "ORDERNOTEXIST")
    assert_business_fail(refund(box, "NOSUCHORDER", "RF002B", 100), "ORDERNOTEXIST")
    paid_order(box, "ORDERRF003")
    wrong_total = refund(box, "ORDERRF003", "RF003A", 100, total_fee=2551)
    assert_business_fail(wrong_total, "INVALID_REQUEST")
    assert wrong_total["err_code_des"] == REFUND_TEXT_MISMATCH
    assert refund(box, "ORDERRF003", "RF003B", 2000)["result_code"] == "SUCCESS"
    over = refund(box, "ORDERRF003", "RF003C", 551)
    assert_business_fail(over, "INVALID_REQUEST")
    assert over["err_code_des"] == REFUND_TEXT_OVER
    assert refund(box, "ORDERRF003", "RF003D", 550)["result_code"] == "SUCCESS"
    assert_protocol_fail(refund(box, "ORDERRF003", "RF003E", 0), "refund_fee参数格式错误")
    assert_protocol_fail(refund(box, "ORDERRF003", "R" * 65, 1), "out_refund_no参数格式错误")
    paid_order(box, "ORDERRF004")
    clock.advance(days=366)
    assert_business_fail(refund(box, "ORDERRF004", "RF004A", 1), "TRADE_OVERDUE")


def test_at_most_fifty_refunds(box: Running) -> None:
    paid_order(box, "ORDERRF005", total_fee=100)
    for n in range(50):
        assert (
            refund(box, "ORDERRF005", f"RF005-{n:02d}", 1, total_fee=100)["result_code"]
            == "SUCCESS"
        )
    assert_business_fail(refund(box, "ORDERRF005", "RF005-50", 1, total_fee=100), "INVALID_REQUEST")


def test_refund_query_precedence_and_paging(box: Running) -> None:
    transaction_id = paid_order(box, "ORDERRF006", total_fee=100)
    ids = [
        refund(box, "ORDERRF006", f"RF006-{n:02d}", 1, total_fee=100)["refund_id"]
        for n in range(23)
    ]
    page = box.client.call("/pay/refundquery", out_trade_no="ORDERRF006")
    assert_signed(page)
    assert page["refund_count"] == "10" and "total_refund_count" not in page.fields
    assert [page[f"refund_id_{n}"] for n in range(10)] == ids[:10]
    assert page["refund_status_0"] == "SUCCESS"
    assert page["refund_recv_accout_0"] == "支付用户零钱"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", page["refund_success_time_0"])
    last = box.client.call("/pay/refundquery", transaction_id=transaction_id, offset="20")
    assert (last["total_refund_count"], last["refund_count"]) == ("23", "3")
    assert last["out_refund_no_0"] == "RF006-20"
    assert_business_fail(
        box.client.call("/pay/refundquery", out_trade_no="ORDERRF006", offset="23"), "PARAM_ERROR"
    )
    # refund_id > out_refund_no > transaction_id > out_trade_no (§3.6).
    one = box.client.call(
        "/pay/refundquery", refund_id=ids[5], out_refund_no="RF006-01", out_trade_no="ORDERRF006"
    )
    assert (one["refund_count"], one["out_refund_no_0"]) == ("1", "RF006-05")
    two = box.client.call("/pay/refundquery", out_refund_no="RF006-07", out_trade_no="ORDERRF006")
    assert two["refund_id_0"] == ids[7]
    assert_business_fail(
        box.client.call("/pay/refundquery", out_refund_no="NOPE"), "REFUNDNOTEXIST"
    )
    paid_order(box, "ORDERRF007")
    assert_business_fail(
        box.client.call("/pay/refundquery", out_trade_no="ORDERRF007"), "REFUNDNOTEXIST"
    )
    assert_protocol_fail(box.client.call("/pay/refundquery"), "缺少参数")


def test_refund_lifecycle_and_notification(
    make_sandbox: Callable[..., Running], clock: FakeClock, sink: NotifySink
) -> None:
    running = make_sandbox(clock=clock, options=SandboxOptions(refund_delay=60))
    paid_order(running, "ORDERRF008")
    accepted = refund(running, "ORDERRF008", "RF008A", 550, notify_url=sink.url)
    query = running.client.call("/pay/refundquery", out_refund_no="RF008A")
    assert query["refund_status_0"] == "PROCESSING"
    assert "refund_success_time_0" not in query.fields
    clock.advance(seconds=61)
    body = sink.wait_for(1)[0]
    notification = parse_refund_notification(body, DEFAULT_MERCHANT)
    assert notification.status is RefundStatus.SUCCESS
    assert (notification.out_refund_no, notification.refund_id, notification.refund_fee) == (
        "RF008A",
        accepted["refund_id"],
        550,
    )
    assert notification.total_fee == 2550 and notification.success_time is not None
    assert (
        running.client.call("/pay/refundquery", out_refund_no="RF008A")["refund_status_0"]
        == "SUCCESS"
    )
    assert running.sandbox.ledger.refund("10000100", "RF008A").status is RefundStatus.SUCCESS


def test_refund_outcomes_are_switches(
    make_sandbox: Callable[..., Running], sink: NotifySink
) -> None:
    for outcome in ("CHANGE", "REFUNDCLOSE"):
        running = make_sandbox(
            options=SandboxOptions(
                refund_delay=0, refund_outcome=outcome, refund_notify_url=sink.url
            )
        )
        paid_order(running, "ORDERRF009")
        refund(running, "ORDERRF009", "RF009A", 2550)
        body = sink.wait_for(1 if outcome == "CHANGE" else 2)[-1]
        assert parse_refund_notification(body, DEFAULT_MERCHANT).status.value == outcome
        status = running.client.call("/pay/refundquery", out_refund_no="RF009A")
        assert status["refund_status_0"] == outcome
    # A closed refund gives the money back: it can be refunded again.
    assert refund(running, "ORDERRF009", "RF009B", 2550)["result_code"] == "SUCCESS"


def test_hmac_refund_reply(box: Running) -> None:
    paid_order(box, "ORDERRF010")
    answer = box.client.call(
        "/secapi/pay/refund",
        sign_type=SignType.HMAC_SHA256,
        out_trade_no="ORDERRF010",
        out_refund_no="RF010A",
        total_fee="2550",
        refund_fee="1",
    )
    assert_signed(answer, sign_type=SignType.HMAC_SHA256)
    assert box.sandbox.ledger.order("10000100", "ORDERRF010").state is TradeState.REFUND


def test_coupon_orders_refund_cash_and_coupon(box: Running) -> None:
    created = box.client.order("ORDERRF011", total_fee=1000)
    box.sandbox.customer_scan(created["code_url"], coupon_fee=200)
    answer = refund(box, "ORDERRF011", "RF011A", 500, total_fee=1000)
    assert (answer["coupon_refund_fee"], answer["cash_refund_fee"], answer["cash_fee"]) == (
        "100",
        "400",
        "800",
    )
