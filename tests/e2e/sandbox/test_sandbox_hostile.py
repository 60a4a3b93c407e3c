"""Hostile and broken requests get the protocol's FAIL reply quickly, and the server lives on."""

from __future__ import annotations

import time

import httpx
import pytest
from helpers.hostile_xml import billion_laughs
from helpers.sandbox import Running, assert_protocol_fail

from pos.wechatpay import xmlcodec

BILLION_LAUGHS = billion_laughs("<mch_id>10000100</mch_id><body>&lol9;</body>")

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><mch_id>10000100</mch_id><body>&xxe;</body></xml>"""

HOSTILE = {
    "billion laughs": (BILLION_LAUGHS, "XML格式错误"),
    "external entity": (EXTERNAL_ENTITY, "XML格式错误"),
    "doctype": (b"<!DOCTYPE xml><xml><mch_id>10000100</mch_id></xml>", "XML格式错误"),
    "nested": (b"<xml><mch_id><a>1</a></mch_id></xml>", "XML格式错误"),
    "repeated": (b"<xml><mch_id>1</mch_id><mch_id>2</mch_id></xml>", "XML格式错误"),
    "wrong root": (b"<root><mch_id>10000100</mch_id></root>", "XML格式错误"),
    "attributes": (b'<xml a="1"><mch_id>10000100</mch_id></xml>', "XML格式错误"),
    "junk": (b"hello, world", "XML格式错误"),
    "json": (b'{"mch_id": "10000100"}', "XML格式错误"),
    "half a document": (b"<xml><mch_id>10000100</mch_id><body>te", "XML格式错误"),
    "text under root": (b"<xml>junk</xml>", "XML格式错误"),
    "not utf-8": ("<xml><body>中文</body></xml>".encode("gb18030"), "编码格式错误"),
    "empty": (b"", "post数据为空"),
    "blank": (b"  \n ", "post数据为空"),
    "missing mch_id": (b"<xml><appid>wxd930ea5d5a258f4f</appid></xml>", "缺少参数mch_id"),
}


def assert_still_serving(running: Running) -> None:
    answer = running.client.call("/pay/orderquery", out_trade_no="STILLALIVE")
    assert answer["return_code"] == "SUCCESS" and answer["err_code"] == "ORDERNOTEXIST"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_bodies_get_a_fail_reply(box: Running, name: str) -> None:
    body, message = HOSTILE[name]
    started = time.monotonic()
    answer = box.client.post_raw("/pay/unifiedorder", body)
    assert time.monotonic() - started < 1.0
    assert_protocol_fail(answer, message)
    assert box.sandbox.ledger.orders() == []
    assert_still_serving(box)


def test_eight_mebibytes_are_refused_quickly(box: Running) -> None:
    body = b"<xml><mch_id>10000100</mch_id><body>" + b"A" * (8 * 1024 * 1024) + b"</body></xml>"
    started = time.monotonic()
    answer = box.client.post_raw("/pay/unifiedorder", body)
    elapsed = time.monotonic() - started
    assert_protocol_fail(answer, "XML格式错误")
    assert elapsed < 2.0, elapsed
    assert_still_serving(box)


def test_a_body_just_over_64_kib_is_refused(box: Running) -> None:
    fields = box.client.signed({"out_trade_no": "BIGBODY001", "attach": "x" * (64 * 1024)})
    assert_protocol_fail(
        box.client.post_raw("/pay/orderquery", xmlcodec.encode(fields)), "XML格式错误"
    )


def test_get_is_refused(box: Running) -> None:
    response = httpx.get(box.url + "/pay/orderquery")
    assert response.status_code == 200
    assert xmlcodec.decode(response.content) == {
        "return_code": "FAIL",
        "return_msg": "请使用post方法",
    }


def test_missing_fields_after_a_good_signature(box: Running) -> None:
    answer = box.client.call("/pay/unifiedorder", body="x", total_fee="1")
    assert_protocol_fail(answer, "缺少参数out_trade_no")
    no_appid = box.client.signed({"out_trade_no": "NOAPPID001"})
    del no_appid["appid"]
    from pos.wechatpay.signing import make_sign

    no_appid["sign"] = make_sign(no_appid, box.client.merchant.api_key)
    assert_protocol_fail(
        box.client.post_raw("/pay/orderquery", xmlcodec.encode(no_appid)), "缺少参数appid"
    )


def test_long_nonce_is_refused(box: Running) -> None:
    answer = box.client.call("/pay/orderquery", out_trade_no="NONCE00001", nonce_str="n" * 33)
    assert_protocol_fail(answer, "nonce_str参数格式错误")


def test_many_hostile_requests_in_a_row_leave_it_serving(box: Running) -> None:
    for body, _ in HOSTILE.values():
        box.client.post_raw("/pay/orderquery", body)
    assert_still_serving(box)
