"""A merchant's identity and credentials: its number, key, sign type and API certificate.

Apart from :mod:`pos.wechatpay.types` (which re-exports them) because the settings need
these three at start-up and nothing else of the protocol: every frozen dataclass costs its
import a millisecond, and the till paints its window before it needs a result type.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class SignType(enum.StrEnum):
    MD5 = "MD5"
    HMAC_SHA256 = "HMAC-SHA256"


@dataclass(frozen=True)
class ClientCertificate:
    """The merchant's API certificate for ``secapi/*``: a PKCS#12 file or a PEM pair."""

    p12_path: str | None = None
    password: str | None = field(default=None, repr=False)
    cert_pem_path: str | None = None
    key_pem_path: str | None = None


@dataclass(frozen=True)
class Merchant:
    """One merchant number and its credentials. ``repr`` never shows the key."""

    appid: str
    mch_id: str
    api_key: str = field(repr=False)
    sign_type: SignType = SignType.MD5
    certificate: ClientCertificate | None = None
