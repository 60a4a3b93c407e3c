"""The customer's payment code: its wallet, masked, fingerprinted, and a scanner gun told apart.

A payment code is a credential: it pays for about a minute, once. The till never stores it
whole nor logs it: the deal keeps :func:`mask` (the first digits, which tell the wallet)
and :func:`fingerprint` (a salted HMAC-SHA256, so a code already used is refused for
another deal without the code being kept anywhere).

The wallets by the code's shape (ASCII digits only):

=========  ================================================  ============
wallet     shape                                             source
=========  ================================================  ============
WeChat     18 digits starting 10–15                          §3.9 [DOC]
Alipay     25–30 followed by 14–22 digits (16–24 in all)     issue 12
UnionPay   62 followed by 17 digits (19 in all)              issue 12
=========  ================================================  ============

:func:`read_keys` decides whether what arrived in the till's input was typed by a person
or by a scanner gun in keyboard mode: a gun types the whole code a few milliseconds a key
(then Enter), a person at best ~80 ms a key. The keys' speed decides; the code's shape then
says which wallet the gun read.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from pos.checkout.messages import Notice

#: The store setting that holds this installation's fingerprint salt (Store.install_secret).
SALT_SETTING = "paycode_salt"
#: How many leading digits :func:`mask` keeps: enough to tell the wallet, nothing more.
MASK_KEEP = 2
#: The store's column is 32 characters wide; no code is longer than 24 digits.
_MASK_MAX = 32

_WECHAT = re.compile(r"1[0-5][0-9]{16}")
_ALIPAY = re.compile(r"(?:2[5-9]|30)[0-9]{14,22}")
_UNIONPAY = re.compile(r"62[0-9]{17}")
_ENTER = ("\r", "\n")


class Wallet(enum.StrEnum):
    WECHAT = "wechat"
    ALIPAY = "alipay"
    UNIONPAY = "unionpay"
    UNKNOWN = "unknown"


def classify(text: str) -> Wallet:
    """Which wallet made this code, by its shape (table above); UNKNOWN for anything else."""
    code = text.strip()
    if _WECHAT.fullmatch(code):
        return Wallet.WECHAT
    if _ALIPAY.fullmatch(code):
        return Wallet.ALIPAY
    if _UNIONPAY.fullmatch(code):
        return Wallet.UNIONPAY
    return Wallet.UNKNOWN


def mask(code: str) -> str:
    """The code as it may be shown and kept: its first digits, the rest as ``*``
    (``13****************``)."""
    text = code.strip()[:_MASK_MAX]
    if len(text) <= MASK_KEEP:
        return "*" * len(text)
    return text[:MASK_KEEP] + "*" * (len(text) - MASK_KEEP)


def fingerprint(code: str, salt: bytes) -> str:
    """HMAC-SHA256 of the code with this installation's salt, hex: the same code always
    gives the same fingerprint here, and nothing about the code without the salt."""
    if len(salt) < 16:
        raise ValueError("the salt must be at least 16 random bytes")
    return hmac.new(salt, code.strip().encode("ascii", "replace"), hashlib.sha256).hexdigest()


def refusal(code: str) -> Notice | None:
    """Why the till refuses ``code`` before any call (another wallet, not a code), or None
    for a WeChat code."""
    match classify(code):
        case Wallet.WECHAT:
            return None
        case Wallet.ALIPAY | Wallet.UNIONPAY:
            return Notice.CODE_OTHER_WALLET
    return Notice.CODE_NOT_A_CODE


# ---------------------------------------------------------------- scanner gun or person


class Keystroke(NamedTuple):
    """One key that reached the till's input: the text it typed and when (seconds, from a
    monotonic clock, e.g. a Qt key event's timestamp / 1000)."""

    text: str
    at: float


class Source(enum.StrEnum):
    SCANNER = "scanner"
    PERSON = "person"


@dataclass(frozen=True)
class ScanLimits:
    """What a scanner gun's burst looks like. Guns in keyboard mode type a key every few
    milliseconds (USB HID polls at 1–8 ms; Bluetooth ones up to ~30 ms); a fast typist needs
    80 ms or more a key, and a held key repeats only after ~250 ms."""

    #: longest gap between two keys of one burst
    max_gap: float = 0.05
    #: longest a whole burst may take
    max_duration: float = 1.0
    #: fewer keys than this is never a scan (two keys pressed together are fast too)
    min_length: int = 8


@dataclass(frozen=True)
class KeyReading:
    """What the keys were: ``typed`` by a person (the amount, say), then, for a SCANNER,
    the ``code`` the gun typed after it, with its ``wallet``."""

    source: Source
    typed: str
    code: str = field(default="", repr=False)
    wallet: Wallet = Wallet.UNKNOWN

    @property
    def is_payment_code(self) -> bool:
        """A gun read a payment code (of any wallet: the till then says which it takes)."""
        return self.source is Source.SCANNER and self.wallet is not Wallet.UNKNOWN


def read_keys(keys: Sequence[Keystroke], limits: ScanLimits = ScanLimits()) -> KeyReading:
    """Tell a scanner gun from a person: the trailing burst of keys (Enter aside) that came
    within ``limits.max_gap`` of each other is the gun's if it is long enough, quick enough,
    and not one key repeating; what came before it is a person's typing."""
    strokes = [k for k in keys if k.text and k.text not in _ENTER]
    start = len(strokes)
    while start > 0 and (
        start == len(strokes) or strokes[start].at - strokes[start - 1].at <= limits.max_gap
    ):
        start -= 1
    burst = strokes[start:]
    text = "".join(k.text for k in strokes)
    code = "".join(k.text for k in burst)
    is_burst = (
        len(code) >= limits.min_length
        and burst[-1].at - burst[0].at <= limits.max_duration
        # A held key repeats fast too ("1111…"): a gun never reads one digit eighteen times.
        and len(set(code)) > 1
    )
    if not is_burst:
        return KeyReading(Source.PERSON, text)
    typed = "".join(k.text for k in strokes[:start])
    return KeyReading(Source.SCANNER, typed, code, classify(code))
