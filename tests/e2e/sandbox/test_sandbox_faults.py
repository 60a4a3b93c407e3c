"""Every fault kind, observed from a client or a notify_url (§6 "Chaos")."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from helpers.sandbox import (
    KEY,
    FakeClock,
    NotifySink,
    Running,
    assert_business_fail,
    wait_until,
)

from pos.errors import XmlError
from pos.sandbox import DEFAULT_MERCHANT, Fault
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import parse_payment_notification, parse_refund_notification
from pos.wechatpay.signing import verify_sign
from pos.wechatpay.types import TradeState


def add_fault(running: Running, **fault: object) -> None:
    """Through the control API, as a script or another process would."""
    response = httpx.post(running.url + "/sandbox/faults", json=fault)
    assert response.status_code == 201, response.text


def test_latency(box: Running) -> None:
    add_fault(box, endpoint="orderquery", kind="latency", seconds=0.3, times=1)
    started = time.monotonic()
    assert_business_fail(
        box.client.call("/pay/orderquery", out_trade_no="NOSUCHORDER"), "ORDERNOTEXIST"
    )
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    box.client.call("/pay/orderquery", out_trade_no="NOSUCHORDER")
    assert time.monotonic() - started < 0.3  # times=1 is used up


def test_drop_after_processing_is_an_unknown_outcome(box: Running) -> None:
    box.sandbox.faults.add(Fault(endpoint="pay/unifiedorder", kind="drop_after", times=1))
    with pytest.raises(httpx.RemoteProtocolError):
        box.client.order("FAULTDROP1")
    # The order was created: a retry with the same number is a successful re-entry.
    assert box.sandbox.ledger.order("10000100", "FAULTDROP1").state is TradeState.NOTPAY
    assert box.client.order("FAULTDROP1")["result_code"] == "SUCCESS"


def test_hang_never_answers_and_processes_nothing(box: Running) -> None:
    add_fault(box, endpoint="unifiedorder", kind="hang", times=1)
    impatient = httpx.Client(base_url=box.url, timeout=0.5, trust_env=False)
    fields = box.client.signed(
        {
            "body": "x",
            "out_trade_no": "FAULTHANG1",
            "total_fee": "1",
            "spbill_create_ip": "1.1.1.1",
            "notify_url": "http://127.0.0.1:9/n",
            "trade_type": "NATIVE",
            "product_id": "P1",
        }
    )
    with impatient, pytest.raises(httpx.ReadTimeout):
        impatient.post("/pay/unifiedorder", content=xmlcodec.encode(fields))
    assert box.sandbox.ledger.orders() == []
    # times=1 is used up: the same request is answered
    assert box.client.order("FAULTHANG1")["result_code"] == "SUCCESS"


def test_clearing_the_faults_ends_a_held_call_with_http_500(box: Running) -> None:
    add_fault(box, endpoint="orderquery", kind="hang")
    patient = httpx.Client(base_url=box.url, timeout=60, trust_env=False)
    fields = box.client.signed({"out_trade_no": "NOSUCHORDER"})
    answers: list[httpx.Response] = []
    with ThreadPoolExecutor(1) as pool, patient:
        held = pool.submit(
            lambda: answers.append(patient.post("/pay/orderquery", content=xmlcodec.encode(fields)))
        )
        wait_until(lambda: box.sandbox.faults.active()[0].used == 1)
        assert not held.done()
        assert httpx.delete(box.url + "/sandbox/faults").status_code == 200
        held.result(timeout=10)  # long before the client's own 60 s
    assert answers[0].status_code == 500  # nothing processed: an unknown outcome to ask again
    assert_business_fail(
        box.client.call("/pay/orderquery", out_trade_no="NOSUCHORDER"), "ORDERNOTEXIST"
    )


def test_http_500_processes_nothing(box: Running) -> None:
    box.sandbox.faults.add(Fault(endpoint="unifiedorder", kind="http_500", times=1))
    fields = box.client.signed(
        {
            "body": "x",
            "out_trade_no": "FAULT5001",
            "total_fee": "1",
            "spbill_create_ip": "1.1.1.1",
            "notify_url": "http://a.b/n",
            "trade_type": "NATIVE",
            "product_id": "p",
        }
    )
    response = box.client.http.post("/pay/unifiedorder", content=xmlcodec.encode(fields))
    assert response.status_code == 500
    assert box.sandbox.ledger.find_order("10000100", "FAULT5001") is None


def test_system_error_and_frequency_limited_process_nothing(box: Running) -> None:
    box.sandbox.faults.add(Fault(endpoint="*", kind="system_error", times=1))
    assert_business_fail(box.client.order("FAULTSYS01"), "SYSTEMERROR")
    assert box.sandbox.ledger.find_order("10000100", "FAULTSYS01") is None
    assert box.client.order("FAULTSYS01")["result_code"] == "SUCCESS"
    box.sandbox.faults.add(Fault(endpoint="secapi/pay/refund", kind="frequency_limited"))
    assert_business_fail(
        box.client.call(
            "/secapi/pay/refund",
            out_trade_no="FAULTSYS01",
            out_refund_no="R1",
            total_fee="2550",
            refund_fee="1",
        ),
        "FREQUENCY_LIMITED",
    )
    assert box.client.order("FAULTSYS02")["result_code"] == "SUCCESS"  # other endpoints
    assert httpx.delete(box.url + "/sandbox/faults").status_code == 200
    assert box.sandbox.faults.active() == []


def test_garbled_reply_after_processing(box: Running) -> None:
    box.sandbox.faults.add(Fault(endpoint="closeorder", kind="garbled", times=1))
    box.client.order("FAULTGARB1")
    fields = box.client.signed({"out_trade_no": "FAULTGARB1"})
    response = box.client.http.post("/pay/closeorder", content=xmlcodec.encode(fields))
    with pytest.raises(XmlError):
        xmlcodec.decode(response.content)
    assert box.sandbox.ledger.order("10000100", "FAULTGARB1").state is TradeState.CLOSED


def test_bad_sign_reply_after_processing(box: Running) -> None:
    box.sandbox.faults.add(Fault(endpoint="unifiedorder", kind="bad_sign", times=1))
    answer = box.client.order("FAULTSIGN1")
    assert answer["return_code"] == "SUCCESS" and answer["result_code"] == "SUCCESS"
    assert not verify_sign(answer.fields, KEY)
    assert box.sandbox.ledger.order("10000100", "FAULTSIGN1").code_url == answer["code_url"]


def test_fault_api_refuses_nonsense(box: Running) -> None:
    for body in (
        {"kind": "meteor"},
        {"kind": "latency", "seconds": "a"},
        {"kind": "latency", "colour": "red"},
        {"endpoint": "pay/orderquery", "kind": "notify_lose"},
    ):
        assert httpx.post(box.url + "/sandbox/faults", json=body).status_code == 400
    assert httpx.post(box.url + "/sandbox/faults", content=b"{").status_code == 400
    with pytest.raises(ValueError, match="unknown fault kind"):
        Fault(kind="meteor")


def pay(running: Running, number: str, sink: NotifySink, total_fee: int = 2550) -> None:
    created = running.client.order(number, total_fee=total_fee, notify_url=sink.url)
    assert running.sandbox.customer_scan(created["code_url"])["result"] == "paid"


def test_notify_lose(box: Running, sink: NotifySink) -> None:
    add_fault(box, endpoint="notify", kind="notify_lose", times=1)
    pay(box, "FAULTNTF01", sink)
    pay(box, "FAULTNTF02", sink)
    body = sink.wait_for(1)[0]
    time.sleep(0.1)
    assert len(sink.bodies) == 1 and b"FAULTNTF02" in body
    assert next(d.outcome for d in box.sandbox.deliveries) == "lost"


def test_notify_delay(box: Running, sink: NotifySink, clock: FakeClock) -> None:
    box.sandbox.faults.add(Fault(endpoint="notify", kind="notify_delay", seconds=30, times=1))
    pay(box, "FAULTNTF03", sink)
    time.sleep(0.1)
    assert sink.bodies == []
    clock.advance(seconds=30)
    sink.wait_for(1)


def test_notify_duplicate(box: Running, sink: NotifySink) -> None:
    box.sandbox.faults.add(Fault(endpoint="notify", kind="notify_duplicate", times=1))
    pay(box, "FAULTNTF04", sink)
    first, second = sink.wait_for(2)
    assert b"FAULTNTF04" in first and b"FAULTNTF04" in second
    wait_until(lambda: len(box.sandbox.deliveries) == 2)
    assert [d.outcome for d in box.sandbox.deliveries] == ["success", "success"]


def test_notify_out_of_order(box: Running, sink: NotifySink) -> None:
    box.sandbox.faults.add(Fault(endpoint="notify", kind="notify_out_of_order", times=1))
    pay(box, "FAULTNTF05", sink)
    time.sleep(0.1)
    assert sink.bodies == []
    pay(box, "FAULTNTF06", sink)
    first, second = sink.wait_for(2)
    assert b"FAULTNTF06" in first and b"FAULTNTF05" in second


def test_notify_out_of_order_alone_is_released_after_its_seconds(
    box: Running, sink: NotifySink, clock: FakeClock
) -> None:
    box.sandbox.faults.add(
        Fault(endpoint="notify", kind="notify_out_of_order", seconds=60, times=1)
    )
    pay(box, "FAULTNTF10", sink)
    time.sleep(0.1)
    assert sink.bodies == []
    clock.advance(seconds=60)
    assert b"FAULTNTF10" in sink.wait_for(1)[0]


def test_notify_bad_sign_and_wrong_fee(box: Running, sink: NotifySink) -> None:
    from pos.errors import NotificationError

    box.sandbox.faults.add(Fault(endpoint="notify", kind="notify_bad_sign", times=1))
    pay(box, "FAULTNTF07", sink)
    with pytest.raises(NotificationError, match="签名错误"):
        parse_payment_notification(sink.wait_for(1)[0], DEFAULT_MERCHANT)
    box.sandbox.faults.add(Fault(endpoint="notify", kind="notify_wrong_fee", times=1))
    pay(box, "FAULTNTF08", sink, total_fee=1000)
    wrong = parse_payment_notification(sink.wait_for(2)[1], DEFAULT_MERCHANT)
    assert wrong.total_fee == 1001  # correctly signed, wrong amount: the till must refuse it


def test_refund_notification_faults(box: Running, sink: NotifySink) -> None:
    from pos.errors import NotificationError

    pay(box, "FAULTNTF09", sink)
    sink.wait_for(1)
    box.sandbox.faults.add(Fault(endpoint="refund_notify", kind="notify_bad_sign", times=1))
    box.client.call(
        "/secapi/pay/refund",
        out_trade_no="FAULTNTF09",
        out_refund_no="RFN09A",
        total_fee="2550",
        refund_fee="100",
        notify_url=sink.url,
    )
    with pytest.raises(NotificationError):
        parse_refund_notification(sink.wait_for(2)[1], DEFAULT_MERCHANT)
    box.sandbox.faults.add(Fault(endpoint="refund_notify", kind="notify_wrong_fee", times=1))
    box.client.call(
        "/secapi/pay/refund",
        out_trade_no="FAULTNTF09",
        out_refund_no="RFN09B",
        total_fee="2550",
        refund_fee="100",
        notify_url=sink.url,
    )
    assert parse_refund_notification(sink.wait_for(3)[2], DEFAULT_MERCHANT).refund_fee == 101
