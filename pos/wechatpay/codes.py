"""WeChat Pay's ``err_code`` values a clerk or a manager can meet, and reading one back out of
a reason the store kept.

The codes are those of §4.4 and of each endpoint's error list (§3.1 to §3.10). Their words,
in Chinese and English, belong to the window (``pos.ui.wechat_words``); this module only
says which code a refusal carries and what WeChat Pay itself said (``err_code_des`` or
``return_msg``, usually Chinese), so a code the window has no words for is still shown in
WeChat's own words rather than in an English wrapper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pos.errors import BusinessError, RequestRejected, RetryableBusinessError

#: Every err_code of §3.1–§3.10 and §4.4 (REFUND_FEE_MISMATCH and TRADE_STATE_ERROR are the
#: observed and SDK-listed ones of §3.5 and §3.3).
ERR_CODES = frozenset(
    {
        "SYSTEMERROR",
        "BANKERROR",
        "USERPAYING",
        "BIZERR_NEED_RETRY",
        "FREQUENCY_LIMITED",
        "INVALID_REQ_TOO_MUCH",
        "NOTENOUGH",
        "ORDERPAID",
        "ORDERCLOSED",
        "ORDERREVERSED",
        "OUT_TRADE_NO_USED",
        "INVALID_REQUEST",
        "ORDERNOTEXIST",
        "REFUNDNOTEXIST",
        "TRADE_OVERDUE",
        "USER_ACCOUNT_ABNORMAL",
        "REVERSE_EXPIRE",
        "AUTHCODEEXPIRE",
        "AUTH_CODE_ERROR",
        "AUTH_CODE_INVALID",
        "NOTSUPORTCARD",
        "BUYER_MISMATCH",
        "TRADE_ERROR",
        "TRADE_STATE_ERROR",
        "REFUND_FEE_MISMATCH",
        "ERROR",
        "SIGNERROR",
        "XML_FORMAT_ERROR",
        "PARAM_ERROR",
        "LACK_PARAMS",
        "NOT_UTF8",
        "REQUIRE_POST_METHOD",
        "POST_DATA_EMPTY",
        "INVALID_TRANSACTIONID",
        "APPID_NOT_EXIST",
        "MCHID_NOT_EXIST",
        "APPID_MCHID_NOT_MATCH",
        "NOAUTH",
    }
)

# How the layers store a refusal: the checkout keeps "<Error type>: <str(error)>", where a
# BusinessError reads "pay/unifiedorder failed: ORDERPAID 该订单已支付", a retryable one
# "pay/orderquery: SYSTEMERROR 系统繁忙" and a rejected request "pay/closeorder rejected:
# 签名错误"; the refunds keep "NOTENOUGH 余额不足", the bare return_msg, or the error type
# and its code alone ("RetryableBusinessError SYSTEMERROR").
_ERROR_TYPE = re.compile(r"(?P<type>[A-Z][A-Za-z]+Error|RequestRejected|GarbledResponse): ")
_ENDPOINT = re.compile(r"(?P<endpoint>[a-z]+(?:/[a-z]+)+|request)(?P<how> failed| rejected)?: ")
_TYPE_AND_CODE = re.compile(r"[A-Z][A-Za-z]+Error (?P<code>[A-Z][A-Z0-9_]{2,31})")
_CODE = re.compile(r"(?P<code>[A-Z][A-Z0-9_]{2,31})(?:\s+(?P<text>.*))?", re.DOTALL)


@dataclass(frozen=True)
class WeChatReason:
    """What a refusal says: its err_code (None when it names none) and WeChat's own words."""

    code: str | None
    #: err_code_des or return_msg as WeChat Pay sent it; the stored reason when it is neither
    text: str

    @property
    def is_known(self) -> bool:
        """Whether :data:`ERR_CODES` holds the code (the window has words for it)."""
        return self.code in ERR_CODES


def reason_of(error: BaseException) -> WeChatReason | None:
    """The refusal an exception carries; None when it is not WeChat Pay's answer."""
    if isinstance(error, BusinessError | RetryableBusinessError):
        return WeChatReason(error.err_code or None, error.err_code_des)
    if isinstance(error, RequestRejected):
        return WeChatReason(None, error.return_msg)
    return None


def read_reason(stored: str) -> WeChatReason:
    """Read a stored reason (a deal's or a refund's ``last_error``) back into its parts."""
    rest = stored.strip()
    typed_code = _TYPE_AND_CODE.fullmatch(rest)
    if typed_code:
        return WeChatReason(typed_code["code"], "")
    type_match = _ERROR_TYPE.match(rest)
    error_type = type_match["type"] if type_match else None
    if type_match:
        rest = rest[type_match.end() :]
    endpoint_match = _ENDPOINT.match(rest)
    if endpoint_match:
        rest = rest[endpoint_match.end() :]
        if endpoint_match["how"] == " rejected":
            return WeChatReason(None, rest)
    elif error_type is not None:
        # A transport or reading failure: no WeChat words in it.
        return WeChatReason(None, stored.strip())
    code_match = _CODE.fullmatch(rest)
    # A code the table does not know is still a code when it came from a BusinessError's
    # text, or when WeChat's words after it are Chinese (a refund's "CODE 描述").
    if code_match and (
        code_match["code"] in ERR_CODES
        or endpoint_match
        or not (code_match["text"] or "").isascii()
    ):
        return WeChatReason(code_match["code"], (code_match["text"] or "").strip())
    return WeChatReason(None, rest)
