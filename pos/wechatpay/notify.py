"""Payment and refund notifications: parse, verify, decrypt, and the reply XML (§3.4, §3.7, §5.2).

Checking the amount against the local deal is the caller's job (the checkout
or the relay's store): this module only says whether WeChat Pay really sent it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Mapping

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from pos.errors import NotificationError, XmlError
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import sign_type_for_notification, verify_sign
from pos.wechatpay.types import (
    Merchant,
    PaymentNotification,
    RefundNotification,
    RefundStatus,
    SignType,
    from_text_time,
    from_wire_time,
)

#: The only reply WeChat Pay takes as a delivered notification: compact, no BOM, no newlines.
SUCCESS_REPLY = (
    b"<xml><return_code><![CDATA[SUCCESS]]></return_code>"
    b"<return_msg><![CDATA[OK]]></return_msg></xml>"
)

_PAYMENT_REQUIRED = ("appid", "mch_id", "out_trade_no", "transaction_id", "total_fee", "time_end")
_REFUND_REQUIRED = (
    "out_trade_no",
    "transaction_id",
    "out_refund_no",
    "refund_id",
    "total_fee",
    "refund_fee",
    "refund_status",
)

MerchantLookup = Merchant | Mapping[str, Merchant]


def reply(success: bool, message: str = "OK") -> bytes:
    """The reply XML for a notification: :data:`SUCCESS_REPLY`, or FAIL with a reason."""
    if success:
        return SUCCESS_REPLY
    return xmlcodec.encode({"return_code": "FAIL", "return_msg": message})


def _merchant_for(fields: Mapping[str, str], merchants: MerchantLookup) -> Merchant:
    mch_id = fields.get("mch_id", "")
    if isinstance(merchants, Merchant):
        merchant = merchants if merchants.mch_id == mch_id else None
    else:
        merchant = merchants.get(mch_id)
    if merchant is None:
        raise NotificationError("商户号不匹配")  # unknown mch_id
    if fields.get("appid", "") != merchant.appid:
        raise NotificationError("appid不匹配")
    return merchant


def _positive_int(fields: Mapping[str, str], name: str) -> int:
    text = fields.get(name, "")
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise NotificationError(f"{name}参数格式错误")
    return int(text)


def _optional_int(fields: Mapping[str, str], name: str) -> int | None:
    text = fields.get(name, "")
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise NotificationError(f"{name}参数格式错误")
    return int(text)


Decoder = Callable[..., dict[str, str]]


def _decode(body: bytes, root: str = "xml", decode: Decoder = xmlcodec.decode) -> dict[str, str]:
    try:
        return decode(body, root=root)
    except XmlError as exc:
        raise NotificationError("XML格式错误") from exc


def parse_payment_notification(
    body: bytes,
    merchants: MerchantLookup,
    *,
    ordered_with: SignType | None = None,
    decode: Decoder = xmlcodec.decode,
) -> PaymentNotification:
    """Parse and verify a payment notification; raise :class:`NotificationError` to answer FAIL.

    ``ordered_with`` is the algorithm the order was created with, when the caller knows it: an
    HMAC-SHA256 order's notification comes without ``sign_type`` (§2.5). ``decode`` is
    :func:`xmlcodec.decode` or :func:`xmlcodec.decode_fast` (the same answers).
    """
    fields = _decode(body, decode=decode)
    if fields.get("return_code") != "SUCCESS":
        raise NotificationError("return_code不是SUCCESS")
    merchant = _merchant_for(fields, merchants)
    try:
        sign_type = sign_type_for_notification(
            fields, ordered_with if ordered_with is not None else None
        )
    except ValueError as exc:
        raise NotificationError("sign_type不支持") from exc
    if not verify_sign(fields, merchant.api_key, sign_type):
        raise NotificationError("签名错误")
    if fields.get("result_code") != "SUCCESS":
        raise NotificationError("result_code不是SUCCESS")
    missing = [name for name in _PAYMENT_REQUIRED if not fields.get(name)]
    if missing:
        raise NotificationError(f"缺少参数{missing[0]}")
    try:
        time_end = from_wire_time(fields["time_end"])
    except ValueError as exc:
        raise NotificationError("time_end参数格式错误") from exc
    return PaymentNotification(
        appid=fields["appid"],
        mch_id=fields["mch_id"],
        out_trade_no=fields["out_trade_no"],
        transaction_id=fields["transaction_id"],
        total_fee=_positive_int(fields, "total_fee"),
        cash_fee=_optional_int(fields, "cash_fee"),
        time_end=time_end,
        bank_type=fields.get("bank_type", ""),
        trade_type=fields.get("trade_type", ""),
        openid=fields.get("openid", ""),
        sign_type=sign_type,
        fields=fields,
        raw=bytes(body),
    )


def refund_aes_key(api_key: str) -> bytes:
    """§3.7: the 32 ASCII characters of lowercase ``md5(API_KEY)`` are the AES-256 key."""
    return hashlib.md5(api_key.encode("utf-8")).hexdigest().lower().encode("ascii")  # noqa: S324


def decrypt_req_info(req_info: str, api_key: str) -> bytes:
    """base64 → AES-256-ECB → PKCS#7 unpad; raise :class:`NotificationError` on any failure."""
    try:
        ciphertext = base64.b64decode(req_info, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise NotificationError("req_info不是base64") from exc
    if not ciphertext or len(ciphertext) % 16:
        raise NotificationError("req_info长度错误")
    decryptor = Cipher(algorithms.AES(refund_aes_key(api_key)), modes.ECB()).decryptor()  # noqa: S305
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as exc:
        raise NotificationError("req_info解密失败") from exc


def encrypt_req_info(plaintext: bytes, api_key: str) -> str:
    """The sandbox's side of §3.7: PKCS#7 to 16 bytes, AES-256-ECB, base64."""
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(refund_aes_key(api_key)), modes.ECB()).encryptor()  # noqa: S305
    return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode("ascii")


def parse_refund_notification(
    body: bytes, merchants: MerchantLookup, *, decode: Decoder = xmlcodec.decode
) -> RefundNotification:
    """Parse a refund notification and decrypt its ``req_info`` (the envelope is not signed)."""
    envelope = _decode(body, decode=decode)
    if envelope.get("return_code") != "SUCCESS":
        raise NotificationError("return_code不是SUCCESS")
    merchant = _merchant_for(envelope, merchants)
    req_info = envelope.get("req_info", "")
    if not req_info:
        raise NotificationError("缺少参数req_info")
    fields = _decode(decrypt_req_info(req_info, merchant.api_key), "root", decode)
    missing = [name for name in _REFUND_REQUIRED if not fields.get(name)]
    if missing:
        raise NotificationError(f"缺少参数{missing[0]}")
    success_time = None
    if fields.get("success_time"):
        try:
            success_time = from_text_time(fields["success_time"])
        except ValueError as exc:
            raise NotificationError("success_time参数格式错误") from exc
    return RefundNotification(
        appid=envelope["appid"],
        mch_id=envelope["mch_id"],
        out_trade_no=fields["out_trade_no"],
        transaction_id=fields["transaction_id"],
        out_refund_no=fields["out_refund_no"],
        refund_id=fields["refund_id"],
        total_fee=_positive_int(fields, "total_fee"),
        refund_fee=_positive_int(fields, "refund_fee"),
        settlement_refund_fee=_optional_int(fields, "settlement_refund_fee"),
        status=RefundStatus.parse(fields["refund_status"]),
        success_time=success_time,
        recv_account=fields.get("refund_recv_accout", ""),
        request_source=fields.get("refund_request_source", ""),
        fields=fields,
        raw=bytes(body),
    )
