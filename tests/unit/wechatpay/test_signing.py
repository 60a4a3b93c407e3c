"""Signing against the fixed vectors of §2.3–§2.4 and every signed example of §3."""

from __future__ import annotations

import pytest

from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import refund_aes_key
from pos.wechatpay.signing import (
    make_nonce,
    make_sign,
    sign_type_for_notification,
    string_to_sign,
    verify_sign,
)
from pos.wechatpay.types import SignType

from .vectors import SIGNED_EXAMPLES, TEST_KEY

CLASSIC = {
    "appid": "wxd930ea5d5a258f4f",
    "mch_id": "10000100",
    "device_info": "1000",
    "body": "test",
    "nonce_str": "ibuaiVcKdpRxkhJA",
}

UNIFIED_ORDER = {
    "appid": "wxd930ea5d5a258f4f",
    "mch_id": "10000100",
    "device_info": "POS-01",
    "nonce_str": "Kq3n8ZbT1xYw0PdL",
    "body": "示例超市-收银台01-商品消费",
    "attach": "till=01&shift=A",
    "out_trade_no": "POS20240601123000001",
    "total_fee": 2550,
    "spbill_create_ip": "192.168.1.20",
    "time_start": "20240601123000",
    "time_expire": "20240601124000",
    "notify_url": "https://pos.example.com/wxpay/notify",
    "trade_type": "NATIVE",
    "product_id": "POS20240601123000001",
}


def test_classic_string_to_sign() -> None:
    assert string_to_sign(CLASSIC, TEST_KEY) == (
        "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100"
        "&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d"
    )


def test_classic_md5() -> None:
    assert make_sign(CLASSIC, TEST_KEY) == "9A0A8659F005D6984697E2CA0A9CF3B7"
    assert make_sign(CLASSIC, TEST_KEY, SignType.MD5) == "9A0A8659F005D6984697E2CA0A9CF3B7"


def test_classic_hmac_sha256() -> None:
    assert make_sign(CLASSIC, TEST_KEY, SignType.HMAC_SHA256) == (
        "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"
    )


def test_wechatpy_small_vector() -> None:
    assert make_sign({"test1": "test1", "test2": "test2"}, TEST_KEY) == (
        "1E3A8D73B5A4AEE787C0F68B5DAB8520"
    )


def test_lowercase_md5_of_key_is_the_refund_aes_key() -> None:
    assert refund_aes_key(TEST_KEY) == b"d96eb16afdd491fa1e705096edbc2205"


def test_unified_order_with_chinese_and_ampersand_md5() -> None:
    text = string_to_sign(UNIFIED_ORDER, TEST_KEY)
    assert text.startswith("appid=wxd930ea5d5a258f4f&attach=till=01&shift=A&body=示例超市")
    assert "&total_fee=2550&trade_type=NATIVE&key=" in text
    assert make_sign(UNIFIED_ORDER, TEST_KEY) == "CBCE5DC611603B19844DEF535001FBBB"


def test_unified_order_hmac_includes_sign_type() -> None:
    params = {**UNIFIED_ORDER, "sign_type": "HMAC-SHA256"}
    assert "&product_id=POS20240601123000001&sign_type=HMAC-SHA256&spbill_create_ip=" in (
        string_to_sign(params, TEST_KEY)
    )
    assert make_sign(params, TEST_KEY, SignType.HMAC_SHA256) == (
        "1D41CBBAFE1E919463824573E8CAF9708B3ADB6104D9952507F76F31265A4BD9"
    )


def test_integer_and_string_values_sign_alike() -> None:
    as_text = {**UNIFIED_ORDER, "total_fee": "2550"}
    assert make_sign(as_text, TEST_KEY) == make_sign(UNIFIED_ORDER, TEST_KEY)


def test_empty_and_none_values_are_skipped_and_sign_is_ignored() -> None:
    noisy = {**CLASSIC, "attach": "", "detail": None, "sign": "WHATEVER"}
    assert make_sign(noisy, TEST_KEY) == "9A0A8659F005D6984697E2CA0A9CF3B7"


def test_keys_sort_by_byte_value_case_sensitive() -> None:
    assert string_to_sign({"b": "1", "B": "2", "a": "3"}, "k") == "B=2&a=3&b=1&key=k"


@pytest.mark.parametrize("name", sorted(SIGNED_EXAMPLES))
def test_every_signed_example_of_section_3_verifies(name: str) -> None:
    fields = xmlcodec.decode(SIGNED_EXAMPLES[name])
    assert verify_sign(fields, TEST_KEY, SignType.MD5), name
    assert make_sign(fields, TEST_KEY) == fields["sign"]


@pytest.mark.parametrize("name", sorted(SIGNED_EXAMPLES))
def test_every_signed_example_fails_when_one_value_changes(name: str) -> None:
    fields = xmlcodec.decode(SIGNED_EXAMPLES[name])
    tampered = {**fields, "nonce_str": fields["nonce_str"] + "x"}
    assert not verify_sign(tampered, TEST_KEY)
    assert not verify_sign(fields, TEST_KEY[:-1] + "e")
    assert not verify_sign(fields, TEST_KEY, SignType.HMAC_SHA256)


def test_downloadbill_with_tar_type_vector() -> None:
    fields = xmlcodec.decode(SIGNED_EXAMPLES["DOWNLOADBILL_REQUEST"])
    assert make_sign({**fields, "tar_type": "GZIP"}, TEST_KEY) == (
        "AA91AB0853A658E6450F37A1F59E2AA3"
    )


def test_verify_refuses_missing_lowercase_or_non_string_sign() -> None:
    params = {**CLASSIC, "sign": "9A0A8659F005D6984697E2CA0A9CF3B7"}
    assert verify_sign(params, TEST_KEY)
    assert not verify_sign(CLASSIC, TEST_KEY)
    assert not verify_sign({**CLASSIC, "sign": ""}, TEST_KEY)
    assert not verify_sign({**CLASSIC, "sign": "9a0a8659f005d6984697e2ca0a9cf3b7"}, TEST_KEY)
    assert not verify_sign({**CLASSIC, "sign": 12345}, TEST_KEY)
    assert not verify_sign({**CLASSIC, "sign": "签名"}, TEST_KEY)


def test_sign_type_for_notification_rules() -> None:
    md5 = "2AECDD99E4D0C334AED15E588EB11B6D"
    hmac64 = "DA3FA44AB104A3552197C85A04865D35D30943FB8254D1A955020B34CA09F5C3"
    assert sign_type_for_notification({"sign": md5}) is SignType.MD5
    assert sign_type_for_notification({"sign": hmac64}) is SignType.HMAC_SHA256
    assert sign_type_for_notification({"sign": md5}, SignType.HMAC_SHA256) is (SignType.HMAC_SHA256)
    assert sign_type_for_notification({"sign": hmac64, "sign_type": "MD5"}) is SignType.MD5
    with pytest.raises(ValueError):
        sign_type_for_notification({"sign": md5, "sign_type": "SHA1"})


def test_nonce_is_random_alphanumeric_and_bounded() -> None:
    nonces = {make_nonce() for _ in range(200)}
    assert len(nonces) == 200
    assert all(len(n) == 32 and n.isascii() and n.isalnum() for n in nonces)
    assert len(make_nonce(16)) == 16
