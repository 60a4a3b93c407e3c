"""Payment and refund notifications: the §3.4 and §3.7 vectors, and every way to forge one."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from pos.errors import NotificationError
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import (
    SUCCESS_REPLY,
    decrypt_req_info,
    encrypt_req_info,
    parse_payment_notification,
    parse_refund_notification,
    reply,
)
from pos.wechatpay.signing import make_sign
from pos.wechatpay.types import BEIJING, Merchant, RefundStatus, SignType, TradeState

from .vectors import (
    APPID,
    MCH_ID,
    PAYMENT_NOTIFICATION,
    REFUND_NOTIFICATION,
    REFUND_PLAINTEXT,
    TEST_KEY,
)

MERCHANT = Merchant(appid=APPID, mch_id=MCH_ID, api_key=TEST_KEY)
HMAC_MERCHANT = Merchant(
    appid=APPID, mch_id=MCH_ID, api_key=TEST_KEY, sign_type=SignType.HMAC_SHA256
)
HMAC_SIGN = "DA3FA44AB104A3552197C85A04865D35D30943FB8254D1A955020B34CA09F5C3"
OTHER_KEY = "0" * 32


def _with_sign(body: bytes, sign: str) -> bytes:
    return re.sub(
        rb"<sign><!\[CDATA\[[0-9A-F]+\]\]></sign>",
        b"<sign><![CDATA[" + sign.encode() + b"]]></sign>",
        body,
    )


def _resigned(
    changes: dict[str, str | None], *, key: str = TEST_KEY, sign_type: SignType = SignType.MD5
) -> bytes:
    fields: dict[str, str | None] = {**xmlcodec.decode(PAYMENT_NOTIFICATION), **changes}
    kept = {k: v for k, v in fields.items() if v is not None and k != "sign"}
    kept["sign"] = make_sign(kept, key, sign_type)
    return xmlcodec.encode(kept)


def test_md5_example_parses_and_verifies() -> None:
    notification = parse_payment_notification(PAYMENT_NOTIFICATION, MERCHANT)
    assert notification.out_trade_no == "POS20240601123000001"
    assert notification.transaction_id == "4200001234202406011234567890"
    assert notification.total_fee == 2550
    assert notification.cash_fee == 2550
    assert notification.time_end == datetime(2024, 6, 1, 12, 31, 5, tzinfo=BEIJING)
    assert notification.sign_type is SignType.MD5
    assert notification.fields["attach"] == "till=01&shift=A"
    assert notification.raw == PAYMENT_NOTIFICATION
    status = notification.as_order_status()
    assert status.trade_state is TradeState.SUCCESS and status.total_fee == 2550


def test_md5_example_is_accepted_from_a_merchant_map() -> None:
    other = Merchant(appid="wx0000000000000000", mch_id="1999", api_key=OTHER_KEY)
    notification = parse_payment_notification(
        PAYMENT_NOTIFICATION, {MCH_ID: MERCHANT, "1999": other}
    )
    assert notification.mch_id == MCH_ID


def test_hmac_variant_without_sign_type_verifies_by_order_algorithm_and_by_length() -> None:
    body = _with_sign(PAYMENT_NOTIFICATION, HMAC_SIGN)
    by_order = parse_payment_notification(body, MERCHANT, ordered_with=SignType.HMAC_SHA256)
    assert by_order.sign_type is SignType.HMAC_SHA256
    by_length = parse_payment_notification(body, HMAC_MERCHANT)
    assert by_length.sign_type is SignType.HMAC_SHA256 and by_length.total_fee == 2550


def test_hmac_sign_is_refused_when_the_order_was_md5() -> None:
    body = _with_sign(PAYMENT_NOTIFICATION, HMAC_SIGN)
    with pytest.raises(NotificationError, match="签名错误"):
        parse_payment_notification(body, MERCHANT, ordered_with=SignType.MD5)


def test_sign_type_field_present_is_signed_and_used() -> None:
    body = _resigned({"sign_type": "MD5"})
    assert parse_payment_notification(body, MERCHANT).sign_type is SignType.MD5
    with pytest.raises(NotificationError, match="sign_type"):
        parse_payment_notification(_resigned({"sign_type": "SHA1"}), MERCHANT)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (_with_sign(PAYMENT_NOTIFICATION, "0" * 32), "签名错误"),
        (
            PAYMENT_NOTIFICATION.replace(
                b"<total_fee>2550</total_fee>", b"<total_fee>1</total_fee>"
            ),
            "签名错误",
        ),
        (
            PAYMENT_NOTIFICATION.replace(
                b"<sign><![CDATA[2AECDD99E4D0C334AED15E588EB11B6D]]></sign>", b""
            ),
            "签名错误",
        ),
        (_resigned({}, key=OTHER_KEY), "签名错误"),
        (_resigned({"mch_id": "1999"}), "商户号不匹配"),
        (_resigned({"mch_id": None}), "商户号不匹配"),
        (_resigned({"appid": "wx0000000000000000"}), "appid不匹配"),
        (_resigned({"return_code": "FAIL"}), "return_code"),
        (_resigned({"result_code": "FAIL"}), "result_code"),
        (_resigned({"transaction_id": None}), "缺少参数transaction_id"),
        (_resigned({"total_fee": None}), "缺少参数total_fee"),
        (_resigned({"total_fee": "25.50"}), "total_fee参数格式错误"),
        (_resigned({"total_fee": "0"}), "total_fee参数格式错误"),
        (_resigned({"total_fee": "２５５０"}), "total_fee参数格式错误"),
        (_resigned({"time_end": "2024-06-01"}), "time_end参数格式错误"),
        (b"<xml><a>1</a>", "XML格式错误"),
        (
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><a>&e;</a></xml>',
            "XML格式错误",
        ),
    ],
)
def test_forged_or_broken_payment_notifications_are_refused(body: bytes, reason: str) -> None:
    with pytest.raises(NotificationError, match=reason):
        parse_payment_notification(body, MERCHANT)


def test_a_wrong_merchant_key_refuses_the_genuine_notification() -> None:
    stranger = Merchant(appid=APPID, mch_id=MCH_ID, api_key=OTHER_KEY)
    with pytest.raises(NotificationError, match="签名错误"):
        parse_payment_notification(PAYMENT_NOTIFICATION, stranger)


def test_reply_xml_is_byte_exact() -> None:
    assert (
        reply(True)
        == SUCCESS_REPLY
        == (
            b"<xml><return_code><![CDATA[SUCCESS]]></return_code>"
            b"<return_msg><![CDATA[OK]]></return_msg></xml>"
        )
    )
    assert xmlcodec.decode(reply(False, "签名错误")) == {
        "return_code": "FAIL",
        "return_msg": "签名错误",
    }


def test_refund_vector_decrypts_to_the_documented_plaintext() -> None:
    req_info = xmlcodec.decode(REFUND_NOTIFICATION)["req_info"]
    assert decrypt_req_info(req_info, TEST_KEY) == REFUND_PLAINTEXT
    assert len(REFUND_PLAINTEXT) == 806


def test_refund_vector_round_trips_through_our_encryption() -> None:
    req_info = xmlcodec.decode(REFUND_NOTIFICATION)["req_info"]
    assert encrypt_req_info(REFUND_PLAINTEXT, TEST_KEY) == req_info


def test_refund_notification_parses() -> None:
    notification = parse_refund_notification(REFUND_NOTIFICATION, MERCHANT)
    assert notification.out_refund_no == "RF20240601130000001"
    assert notification.refund_id == "50300001232024060112345678901"
    assert notification.out_trade_no == "POS20240601123000001"
    assert notification.total_fee == 2550
    assert notification.refund_fee == 550
    assert notification.settlement_refund_fee == 550
    assert notification.status is RefundStatus.SUCCESS
    assert notification.success_time == datetime(2024, 6, 1, 13, 0, 12, tzinfo=BEIJING)
    assert notification.recv_account == "支付用户零钱"
    assert notification.request_source == "API"


def _refund_envelope(req_info: str, **changes: str) -> bytes:
    fields = {**xmlcodec.decode(REFUND_NOTIFICATION), "req_info": req_info, **changes}
    return xmlcodec.encode(fields)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        # Encrypted with another merchant's key: padding (or the XML) fails.
        (_refund_envelope(encrypt_req_info(REFUND_PLAINTEXT, OTHER_KEY)), "req_info|XML"),
        (_refund_envelope("not base64!!"), "base64"),
        (_refund_envelope("QUJD"), "长度"),
        (_refund_envelope(""), "缺少参数req_info"),
        (_refund_envelope(encrypt_req_info(b"<xml><a>1</a></xml>", TEST_KEY)), "XML格式错误"),
        (
            _refund_envelope(
                encrypt_req_info(
                    REFUND_PLAINTEXT.replace(
                        b"<refund_id><![CDATA[50300001232024060112345678901]]></refund_id>\n", b""
                    ),
                    TEST_KEY,
                )
            ),
            "缺少参数refund_id",
        ),
        (
            _refund_envelope(encrypt_req_info(REFUND_PLAINTEXT, TEST_KEY), mch_id="1999"),
            "商户号不匹配",
        ),
        (
            _refund_envelope(encrypt_req_info(REFUND_PLAINTEXT, TEST_KEY), appid="wx00"),
            "appid不匹配",
        ),
        (
            _refund_envelope(encrypt_req_info(REFUND_PLAINTEXT, TEST_KEY), return_code="FAIL"),
            "return_code",
        ),
    ],
)
def test_forged_or_broken_refund_notifications_are_refused(body: bytes, reason: str) -> None:
    with pytest.raises(NotificationError, match=reason):
        parse_refund_notification(body, MERCHANT)


def test_refund_notification_with_a_wrong_key_never_parses() -> None:
    stranger = Merchant(appid=APPID, mch_id=MCH_ID, api_key=OTHER_KEY)
    with pytest.raises(NotificationError):
        parse_refund_notification(REFUND_NOTIFICATION, stranger)
