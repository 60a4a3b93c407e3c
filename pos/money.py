"""Money as integer fen: parse what a clerk types, format for display, read the bill's yuan.

No float is ever involved: amounts are parsed from their text with a regular
expression and :class:`decimal.Decimal` only, because float-to-fen rounding is
a documented cause of ``INVALID_REQUEST`` at WeChat Pay (reference §1.5).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from pos.errors import AmountError

#: WeChat Pay's own ceiling is far above any till; shops set their own in the settings.
DEFAULT_MAX_FEN = 5_000_000  # 50,000.00 yuan

# ASCII digits only: after NFKC, digits of other scripts are junk (some look like other
# digits, e.g. Bengali "৪" is 4), and int() would quietly accept them.
_AMOUNT = re.compile(r"(?P<sign>[-+]?)(?P<int>[0-9]*)(?:\.(?P<frac>[0-9]*))?")
_YUAN = re.compile(r"(?P<sign>[-+]?)(?P<int>[0-9]+)(?:\.(?P<frac>[0-9]+))?")
_CURRENCY_MARKS = "¥￥元"
#: A Chinese input method in its Chinese punctuation mode types 。 for the "." key.
_IDEOGRAPHIC_FULL_STOP = "。"
#: More yuan digits than any till or bill holds (int() refuses > 4300 digits with ValueError).
_MAX_DIGITS = 18


def normalise_typed(text: str) -> str:
    """What a key press or a paste carries, in the ASCII amounts are made of: the full-width
    digits and point of a Chinese input method (``"１２．５"``) and its ``。`` become ``"12.5"``."""
    return unicodedata.normalize("NFKC", text).replace(_IDEOGRAPHIC_FULL_STOP, ".")


def parse_amount(text: str, *, max_fen: int = DEFAULT_MAX_FEN) -> int:
    """Turn what the clerk typed (``"25.5"``, ``"¥ 25.50"``, ``"２５"``) into fen.

    Raises :class:`AmountError` with a ``code`` of ``empty``, ``not_a_number``,
    ``negative``, ``zero``, ``too_many_decimals`` or ``over_limit``.
    """
    cleaned = normalise_typed(text).strip()
    cleaned = cleaned.strip(_CURRENCY_MARKS).strip()
    if not cleaned:
        raise AmountError("Enter an amount.", code="empty")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None or not (match["int"] or match["frac"]):
        raise AmountError(f"Not an amount: {text!r}.", code="not_a_number")
    frac = match["frac"] or ""
    if match["sign"] == "-":
        raise AmountError("The amount cannot be negative.", code="negative")
    if len(frac) > 2:
        raise AmountError("At most two decimals (fen).", code="too_many_decimals")
    digits = match["int"].lstrip("0")
    if len(digits) > _MAX_DIGITS:
        # Checked before int(): a few thousand digits would raise ValueError there.
        raise AmountError(
            f"Over the limit of {format_fen(max_fen)} per payment.", code="over_limit"
        )
    fen = int(digits or "0") * 100 + int(frac.ljust(2, "0"))
    if fen == 0:
        raise AmountError("The amount must be more than zero.", code="zero")
    if fen > max_fen:
        raise AmountError(
            f"Over the limit of {format_fen(max_fen)} per payment.", code="over_limit"
        )
    return fen


def format_fen(fen: int, *, symbol: str = "") -> str:
    """``2550`` → ``"25.50"`` (with ``symbol="¥"``: ``"¥25.50"``); a negative keeps its sign."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError(f"fen must be int, not {type(fen).__name__}")
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{symbol}{yuan}.{cents:02d}"


def yuan_to_fen(text: str) -> int:
    """Read a yuan amount from WeChat's bill (``"25.50"``, ``"-0.03"``) exactly into fen."""
    # Parsed by its text, not by Decimal arithmetic: "sNaN" or "1e999999999" would raise
    # decimal signals instead of AmountError, and exponents have no place in a bill.
    match = _YUAN.fullmatch(text.strip())
    if match is None:
        raise AmountError(f"Not a yuan amount: {text!r}.", code="not_a_number")
    frac = match["frac"] or ""
    if len(match["int"].lstrip("0")) > _MAX_DIGITS or len(frac) > _MAX_DIGITS:
        raise AmountError(f"Not a yuan amount: {text!r}.", code="not_a_number")
    if frac[2:].strip("0"):
        raise AmountError(f"Not a whole number of fen: {text!r}.", code="too_many_decimals")
    fen = int(match["int"]) * 100 + int(frac[:2].ljust(2, "0"))
    return -fen if match["sign"] == "-" else fen


def fen_to_decimal_yuan(fen: int) -> Decimal:
    """``2550`` → ``Decimal("25.50")``, for spreadsheets that want a number."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))
