"""The relay's notify endpoints over real HTTP: honest notifications in once, the rest FAIL."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from helpers.hostile_xml import billion_laughs

from pos.relay.storage import NotificationStore
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import SUCCESS_REPLY
from pos.wechatpay.types import SignType

PAYMENT = "/wechatpay/notify"
REFUND = "/wechatpay/refund-notify"


def stored(relay: Any) -> list[Any]:
    store = NotificationStore(relay.settings.database_url)
    try:
        return store.events_after(0, 10_000)
    finally:
        store.close()


def assert_fail(response: httpx.Response, reason: str | None = None) -> None:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    fields = xmlcodec.decode(response.content)
    assert fields["return_code"] == "FAIL"
    if reason is not None:
        assert fields["return_msg"] == reason


def test_honest_payment_is_stored_once_and_answered_exactly(
    relay: Any, notes: Any, follow: Callable[..., Any]
) -> None:
    till = follow(relay.url)
    body, fields = notes.make_payment()
    first = relay.post(body)
    assert first.status_code == 200
    assert first.content == SUCCESS_REPLY
    assert first.headers["content-type"].startswith("text/xml")
    again = relay.post(body)
    assert again.content == SUCCESS_REPLY
    till.wait_for(lambda c: c.has(fields["out_trade_no"]))
    rows = stored(relay)
    assert len(rows) == 1
    assert rows[0].kind == "payment"
    assert rows[0].raw_xml.encode() == body
    assert rows[0].fields["transaction_id"] == fields["transaction_id"]
    assert rows[0].fields["total_fee"] == "2550"
    event = till.events[0]
    assert (event.kind, event.mch_id, event.out_trade_no) == (
        "payment",
        "10000100",
        fields["out_trade_no"],
    )
    assert event.raw_xml.encode() == body
    # A later, different payment arrives after it: the duplicate was not pushed again.
    later, later_fields = notes.make_payment()
    assert relay.post(later).content == SUCCESS_REPLY
    till.wait_for(lambda c: c.has(later_fields["out_trade_no"]))
    assert [e.out_trade_no for e in till.events] == [
        fields["out_trade_no"],
        later_fields["out_trade_no"],
    ]


def test_hmac_payment_without_sign_type_is_accepted(relay: Any, notes: Any) -> None:
    # §2.5: an HMAC-SHA256 order's notification has no sign_type and a 64-character sign.
    body, _ = notes.make_payment(sign_type=SignType.HMAC_SHA256)
    assert relay.post(body).content == SUCCESS_REPLY
    assert len(stored(relay)) == 1


def test_documented_example_notification_is_accepted(relay: Any) -> None:
    body = (
        b"<xml><appid><![CDATA[wxd930ea5d5a258f4f]]></appid><attach><![CDATA[till=01&shift=A]]>"
        b"</attach><bank_type><![CDATA[OTHERS]]></bank_type><cash_fee>2550</cash_fee>"
        b"<device_info><![CDATA[POS-01]]></device_info><fee_type><![CDATA[CNY]]></fee_type>"
        b"<is_subscribe><![CDATA[N]]></is_subscribe><mch_id><![CDATA[10000100]]></mch_id>"
        b"<nonce_str><![CDATA[Vb6Nm1Qw8Er3Ty5U]]></nonce_str>"
        b"<openid><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></openid>"
        b"<out_trade_no><![CDATA[POS20240601123000001]]></out_trade_no>"
        b"<result_code><![CDATA[SUCCESS]]></result_code><return_code><![CDATA[SUCCESS]]>"
        b"</return_code><time_end><![CDATA[20240601123105]]></time_end><total_fee>2550</total_fee>"
        b"<trade_type><![CDATA[NATIVE]]></trade_type>"
        b"<transaction_id><![CDATA[4200001234202406011234567890]]></transaction_id>"
        b"<sign><![CDATA[2AECDD99E4D0C334AED15E588EB11B6D]]></sign></xml>"
    )
    assert relay.post(body).content == SUCCESS_REPLY
    assert stored(relay)[0].out_trade_no == "POS20240601123000001"


def test_refund_notification_is_decrypted_stored_and_deduplicated(
    relay: Any, notes: Any, follow: Callable[..., Any]
) -> None:
    till = follow(relay.url)
    body, inner = notes.make_refund()
    assert relay.post(body, REFUND).content == SUCCESS_REPLY
    assert relay.post(body, REFUND).content == SUCCESS_REPLY
    till.wait_for(lambda c: c.has(inner["out_trade_no"]))
    event = till.events[0]
    assert event.kind == "refund"
    assert event.fields["out_refund_no"] == inner["out_refund_no"]
    assert event.fields["refund_fee"] == "550"
    assert event.fields["mch_id"] == "10000100"
    assert event.raw_xml.encode() == body
    # The same refund reaching another final status is a new fact (unique per status).
    closed, _ = notes.make_refund(
        status="REFUNDCLOSE",
        out_refund_no=inner["out_refund_no"],
        out_trade_no=inner["out_trade_no"],
    )
    assert relay.post(closed, REFUND).content == SUCCESS_REPLY
    till.wait_for(lambda c: len(c.events) == 2)
    assert [e.fields["refund_status"] for e in stored(relay)] == ["SUCCESS", "REFUNDCLOSE"]


def _forged(notes: Any) -> bytes:
    fields = notes.payment_fields()
    body: bytes = notes.sign_payment(fields)
    return body.replace(b"<total_fee>2550</total_fee>", b"<total_fee>1</total_fee>")


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b"<xml><return_code>SUCCESS</return_code><appid>&xxe;</appid></xml>"
)
BILLION_LAUGHS = billion_laughs()
PARAMETER_ENTITY = (
    b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]><xml><a>1</a></xml>'
)


BAD_PAYMENTS: list[tuple[str, Callable[[Any], bytes], str | None]] = [
    ("forged signature", _forged, "签名错误"),
    ("signed with another key", lambda n: n.make_payment(key="0" * 32)[0], "签名错误"),
    ("wrong merchant", lambda n: n.make_payment(mch_id="19999999")[0], "商户号不匹配"),
    ("wrong appid", lambda n: n.make_payment(appid="wx0000000000000000")[0], "appid不匹配"),
    (
        "no signature",
        lambda n: (
            n.make_payment()[0].replace(b"<sign>", b"<nosign>").replace(b"</sign>", b"</nosign>")
        ),
        "签名错误",
    ),
    ("result_code FAIL", lambda n: n.make_payment(result_code="FAIL")[0], None),
    ("return_code FAIL", lambda n: n.make_payment(return_code="FAIL")[0], None),
    ("zero total_fee", lambda n: n.make_payment(total_fee=0, cash_fee=0)[0], None),
    ("negative total_fee", lambda n: n.make_payment(total_fee="-5", cash_fee=None)[0], None),
    ("decimal total_fee", lambda n: n.make_payment(total_fee="25.50", cash_fee=None)[0], None),
    ("cash_fee over total_fee", lambda n: n.make_payment(cash_fee=2551)[0], None),
    ("missing transaction_id", lambda n: n.make_payment(transaction_id=None)[0], None),
    ("XXE entity", lambda n: XXE, None),
    ("billion laughs", lambda n: BILLION_LAUGHS, None),
    ("parameter entity", lambda n: PARAMETER_ENTITY, None),
    ("junk", lambda n: b"\x00\xff\xfe junk \x89PNG", None),
    ("JSON", lambda n: b'{"return_code": "SUCCESS"}', None),
    ("empty body", lambda n: b"", None),
    ("half document", lambda n: n.make_payment()[0][:200], None),
    (
        "wrong root",
        lambda n: n.make_payment()[0].replace(b"<xml>", b"<doc>").replace(b"</xml>", b"</doc>"),
        None,
    ),
    (
        "nested element",
        lambda n: n.make_payment()[0].replace(b"<attach>", b"<attach><x>1</x>"),
        None,
    ),
    (
        "repeated field",
        lambda n: n.make_payment()[0].replace(b"</xml>", b"<total_fee>1</total_fee></xml>"),
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "build", "reason"), BAD_PAYMENTS, ids=[case[0] for case in BAD_PAYMENTS]
)
def test_bad_payment_notifications_get_fail_and_change_nothing(
    shared_relay: Any, notes: Any, name: str, build: Callable[[Any], bytes], reason: str | None
) -> None:
    relay = shared_relay
    before = len(stored(relay))
    assert_fail(relay.post(build(notes)), reason)
    assert len(stored(relay)) == before
    # The relay keeps serving honest notifications.
    body, _ = notes.make_payment()
    assert relay.post(body).content == SUCCESS_REPLY
    assert len(stored(relay)) == before + 1


BAD_REFUNDS: list[tuple[str, Callable[[Any], bytes]]] = [
    ("wrong key", lambda n: n.make_refund(key="0" * 32)[0]),
    ("wrong merchant", lambda n: n.make_refund()[0].replace(b"10000100", b"19999999")),
    (
        "not base64",
        lambda n: xmlcodec.encode(
            {
                "return_code": "SUCCESS",
                "appid": "wxd930ea5d5a258f4f",
                "mch_id": "10000100",
                "req_info": "%%%not base64%%%",
            }
        ),
    ),
    (
        "no req_info",
        lambda n: xmlcodec.encode(
            {"return_code": "SUCCESS", "appid": "wxd930ea5d5a258f4f", "mch_id": "10000100"}
        ),
    ),
    ("refund over total", lambda n: n.make_refund(refund_fee=2551)[0]),
    ("billion laughs", lambda n: BILLION_LAUGHS),
]


@pytest.mark.parametrize(("name", "build"), BAD_REFUNDS, ids=[case[0] for case in BAD_REFUNDS])
def test_bad_refund_notifications_get_fail(
    shared_relay: Any, notes: Any, name: str, build: Callable[[Any], bytes]
) -> None:
    before = len(stored(shared_relay))
    assert_fail(shared_relay.post(build(notes), REFUND))
    assert len(stored(shared_relay)) == before


def _raw_exchange(url: str, head: bytes, body_chunks: list[bytes]) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        for chunk in body_chunks:
            sock.sendall(chunk)
        received = b""
        while b"</xml>" not in received:
            data = sock.recv(65536)
            if not data:
                break
            received += data
        return received


def test_oversize_declared_body_is_refused_before_it_is_sent(relay: Any) -> None:
    head = (
        b"POST /wechatpay/notify HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
        b"Content-Length: 8388608\r\n\r\n"
    )
    answer = _raw_exchange(relay.url, head, [b"<xml>" + b"a" * 1000])
    assert answer.startswith(b"HTTP/1.1 200")
    assert b"<return_code><![CDATA[FAIL]]></return_code>" in answer
    assert stored(relay) == []


def test_oversize_chunked_body_is_refused_while_streaming(relay: Any, notes: Any) -> None:
    # No Content-Length: the cap is applied while reading; the client is answered after
    # 80 KiB although it announced nothing about the (8 MiB) rest.
    head = (
        b"POST /wechatpay/notify HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"a" * 16384
    chunks = [b"<xml><a>"] + [chunk] * 5
    framed = [f"{len(c):x}\r\n".encode() + c + b"\r\n" for c in chunks]
    answer = _raw_exchange(relay.url, head, framed)
    assert b"<return_code><![CDATA[FAIL]]></return_code>" in answer
    body, _ = notes.make_payment()
    assert relay.post(body).content == SUCCESS_REPLY


def test_8_mib_post_from_an_http_client_gets_fail(relay: Any, notes: Any) -> None:
    big = b"<xml><a>" + b"a" * (8 * 1024 * 1024) + b"</a></xml>"
    assert_fail(httpx.post(relay.url + PAYMENT, content=big, timeout=10), "报文过大")
    body, _ = notes.make_payment()
    assert relay.post(body).content == SUCCESS_REPLY
    assert len(stored(relay)) == 1


def test_body_cap_follows_the_settings(start_relay: Callable[..., Any], notes: Any) -> None:
    relay = start_relay(max_body_bytes=300)
    body, _ = notes.make_payment()
    assert len(body) > 300
    assert_fail(relay.post(body))


def test_fifty_concurrent_duplicates_store_one_and_push_one(
    relay: Any, notes: Any, follow: Callable[..., Any]
) -> None:
    till = follow(relay.url)
    body, fields = notes.make_payment()

    async def send_all() -> list[bytes]:
        async with httpx.AsyncClient(timeout=20, limits=httpx.Limits(max_connections=50)) as client:
            responses = await asyncio.gather(
                *(client.post(relay.url + PAYMENT, content=body) for _ in range(50))
            )
        return [r.content for r in responses]

    assert asyncio.run(send_all()) == [SUCCESS_REPLY] * 50
    marker, marker_fields = notes.make_payment()
    assert relay.post(marker).content == SUCCESS_REPLY
    till.wait_for(lambda c: c.has(marker_fields["out_trade_no"]))
    assert [e.out_trade_no for e in till.events] == [
        fields["out_trade_no"],
        marker_fields["out_trade_no"],
    ]
    assert len(stored(relay)) == 2


def test_health_reports_the_database(relay: Any) -> None:
    response = httpx.get(relay.url + "/health", timeout=5)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "worker": "ok"}


def test_get_on_notify_is_not_allowed(relay: Any) -> None:
    assert httpx.get(relay.url + PAYMENT, timeout=5).status_code == 405
