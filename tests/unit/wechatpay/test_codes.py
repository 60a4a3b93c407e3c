"""Reading WeChat Pay's refusal back out of the reasons the checkout and the refunds store."""

from __future__ import annotations

import pytest

from pos import refunds
from pos.checkout import native as checkout
from pos.errors import (
    BusinessError,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
    WeChatPayError,
)
from pos.wechatpay.codes import ERR_CODES, WeChatReason, read_reason, reason_of


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            BusinessError("NOTENOUGH", "余额不足", endpoint="pay/unifiedorder"),
            WeChatReason("NOTENOUGH", "余额不足"),
        ),
        (
            RetryableBusinessError("SYSTEMERROR", "系统繁忙", endpoint="pay/orderquery"),
            WeChatReason("SYSTEMERROR", "系统繁忙"),
        ),
        (
            # A code no table knows: WeChat's own words are kept for the window.
            BusinessError("NEW_CODE_2027", "新的错误说明", endpoint="secapi/pay/refund"),
            WeChatReason("NEW_CODE_2027", "新的错误说明"),
        ),
        (
            RequestRejected("签名错误", endpoint="pay/closeorder"),
            WeChatReason(None, "签名错误"),
        ),
    ],
)
def test_what_the_layers_store_reads_back(error: WeChatPayError, expected: WeChatReason) -> None:
    assert reason_of(error) == expected
    assert read_reason(checkout._describe(error)) == expected  # a deal's last_error
    # A refund's last_error (a retryable refusal keeps its code only).
    assert read_reason(refunds._describe(error)) in (expected, WeChatReason(expected.code, ""))


def test_failures_that_are_not_wechat_words_stay_as_they_are() -> None:
    timeout = TransportError("pay/unifiedorder: timed out", endpoint="pay/unifiedorder")
    assert reason_of(timeout) is None
    assert read_reason(checkout._describe(timeout)).code is None
    assert read_reason("TransportError") == WeChatReason(None, "TransportError")
    assert read_reason("HTTP 502 Bad Gateway").code is None


def test_every_code_of_the_reference_is_known() -> None:
    # §4.4 and the endpoints' lists (§3.1–§3.10).
    for code in ("ORDERNOTEXIST", "ORDERPAID", "NOTENOUGH", "SIGNERROR", "AUTHCODEEXPIRE"):
        assert code in ERR_CODES
        assert read_reason(f"{code} 说明").is_known
