"""The amount read aloud the Chinese way (1005.20 → 一千零五元二角) and the clips that say it.

Integer fen in, text or clip names out; no float. The reading follows how a till's speaker
says money (支付宝/微信 收款音箱): digits with the units 十百千 inside groups of four, 万 and
亿 between groups, one 零 for any run of zeros between two spoken digits, a leading 一十 said
as 十, then 元, 角 and 分. A whole amount ends on 元 (no 整); 100.05 is 一百元零五分, with a 零
where the 角 is missing between yuan and fen.
"""

from __future__ import annotations

from collections.abc import Sequence

DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿")
#: Amounts the reading covers: under 一万亿 yuan, far above any till's limit (10**12 fen).
MAX_READABLE_FEN = 10**14 - 1

#: Phrases that start or end what the till says, by payment method. "native" is the shop's
#: QR (the customer scans); "code" is the customer's payment code (the till scans).
OPENING = "微信收款"
CLOSING_BY_METHOD: dict[str, tuple[str, ...]] = {"native": (), "code": ("收款成功",)}
#: Every clip a reading can use: one WAV each under resources/voice/.
CLIPS: tuple[str, ...] = (
    *DIGITS,
    "十",
    "百",
    "千",
    "万",
    "亿",
    "元",
    "角",
    "分",
    OPENING,
    "收款成功",
)


def _group(number: int) -> list[str]:
    """0 < number < 10000 read with 千百十, zeros inside collapsed to one 零, none at the end."""
    out: list[str] = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[digit])
        if _SMALL_UNITS[position]:
            out.append(_SMALL_UNITS[position])
    return out


def _integer(yuan: int) -> list[str]:
    """A positive whole number of yuan as Chinese tokens (digits and units)."""
    groups: list[int] = []
    while yuan:
        yuan, rest = divmod(yuan, 10_000)
        groups.append(rest)
    out: list[str] = []
    zero_before = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_before = bool(out)
            continue
        # 一万零五: a group under 1000 after a spoken group, or after skipped zero groups.
        if out and (zero_before or group < 1000):
            out.append("零")
        zero_before = False
        out.extend(_group(group))
        if _BIG_UNITS[index]:
            out.append(_BIG_UNITS[index])
    # 十五, not 一十五: only at the very start of the number.
    if len(out) >= 2 and out[0] == "一" and out[1] == "十":
        out.pop(0)
    return out


def amount_tokens(fen: int) -> list[str]:
    """``100520`` → ``["一", "千", "零", "五", "元", "二", "角"]``: one token per clip."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError(f"fen must be int, not {type(fen).__name__}")
    if not 0 < fen <= MAX_READABLE_FEN:
        raise ValueError(f"cannot read {fen} fen aloud (1 to {MAX_READABLE_FEN})")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    out = _integer(yuan)
    if yuan:
        out.append("元")
    if jiao:
        out.extend((DIGITS[jiao], "角"))
    if fen_digit:
        if yuan and not jiao:
            out.append("零")
        out.extend((DIGITS[fen_digit], "分"))
    return out


def read_amount(fen: int) -> str:
    """``100520`` → ``"一千零五元二角"``; ``1`` → ``"一分"``; ``1000`` → ``"十元"``."""
    return "".join(amount_tokens(fen))


def announcement(fen: int, method: str = "native") -> list[str]:
    """The clips the till plays when a payment arrives: 微信收款, the amount, and for a payment
    code 收款成功. Unknown methods are read like the QR (the amount is what matters)."""
    return [OPENING, *amount_tokens(fen), *CLOSING_BY_METHOD.get(method, ())]


def announcement_text(clips: Sequence[str]) -> str:
    """What the clips say, as one line of text (for the log and the settings' test button)."""
    return "".join(clips)
