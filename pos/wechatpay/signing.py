"""MD5 and HMAC-SHA256 signatures of WeChat Pay v2 (reference §2), and nonces."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from collections.abc import Mapping

from pos.wechatpay.types import SignType

_NONCE_ALPHABET = string.ascii_letters + string.digits


def make_nonce(length: int = 32) -> str:
    """A random ``nonce_str`` (at most 32 characters) from :mod:`secrets`."""
    return "".join(secrets.choice(_NONCE_ALPHABET) for _ in range(length))


def string_to_sign(params: Mapping[str, object], api_key: str) -> str:
    """§2.1: non-empty params but ``sign``, sorted by byte, ``k=v`` joined by ``&``, ``&key=``."""
    items = sorted(
        (k, str(v)) for k, v in params.items() if k != "sign" and v is not None and str(v) != ""
    )
    return "&".join(f"{k}={v}" for k, v in items) + "&key=" + api_key


def make_sign(
    params: Mapping[str, object], api_key: str, sign_type: SignType = SignType.MD5
) -> str:
    """The uppercase hex signature of ``params`` (every field but ``sign``)."""
    message = string_to_sign(params, api_key).encode("utf-8")
    if sign_type is SignType.HMAC_SHA256:
        return hmac.new(api_key.encode("utf-8"), message, hashlib.sha256).hexdigest().upper()
    return hashlib.md5(message).hexdigest().upper()  # noqa: S324 - the protocol's own algorithm


def verify_sign(
    params: Mapping[str, object], api_key: str, sign_type: SignType = SignType.MD5
) -> bool:
    """Whether ``params["sign"]`` is right, compared in constant time (§2.5)."""
    received = params.get("sign")
    if not isinstance(received, str) or not received:
        return False
    expected = make_sign(params, api_key, sign_type)
    return hmac.compare_digest(expected.encode("ascii"), received.encode("utf-8", "replace"))


def sign_type_for_notification(
    params: Mapping[str, object], ordered_with: SignType | None = None
) -> SignType:
    """§2.5's robust rule: ``sign_type`` if present, else the order's algorithm, else by length.

    A 64-character ``sign`` can only be HMAC-SHA256; without other clues MD5 is the default.
    Raises ValueError for a ``sign_type`` the protocol does not know.
    """
    declared = params.get("sign_type")
    if isinstance(declared, str) and declared:
        return SignType(declared)
    if ordered_with is not None:
        return ordered_with
    sign = params.get("sign")
    if isinstance(sign, str) and len(sign) == 64:
        return SignType.HMAC_SHA256
    return SignType.MD5
