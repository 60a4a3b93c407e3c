"""The amount read aloud: fixed readings, and properties over every amount a till can take."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.counter.reading import (
    CLIPS,
    DIGITS,
    MAX_READABLE_FEN,
    amount_tokens,
    announcement,
    read_amount,
)

_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}
_BIG_VALUES = {"万": 10**4, "亿": 10**8}


def parse_reading(text: str) -> int:
    """An independent reader of the Chinese amount back into fen (the inverse under test)."""
    yuan_text, sep, rest = text.partition("元")
    if not sep:
        yuan_text, rest = "", text
    total = section = digit = 0
    pending = False
    for char in yuan_text:
        if char in DIGITS:
            digit = DIGITS.index(char)
            pending = True
        elif char in _UNIT_VALUES:
            section += (digit if pending else 1) * _UNIT_VALUES[char]
            digit, pending = 0, False
        elif char in _BIG_VALUES:
            total += (section + digit) * _BIG_VALUES[char]
            section = digit = 0
            pending = False
        else:
            raise AssertionError(f"unexpected {char!r} in {text!r}")
    yuan = total + section + digit
    fen = 0
    rest = rest.removeprefix("零")
    if "角" in rest:
        jiao_text, _, rest = rest.partition("角")
        fen += DIGITS.index(jiao_text) * 10
    if "分" in rest:
        fen_text, _, rest = rest.partition("分")
        fen += DIGITS.index(fen_text)
    assert rest == "", text
    return yuan * 100 + fen


@pytest.mark.parametrize(
    ("fen", "spoken"),
    [
        (1, "一分"),
        (1000, "十元"),
        (1050, "十元五角"),
        (10005, "一百元零五分"),
        (100520, "一千零五元二角"),
        (5000000, "五万元"),
        (2550, "二十五元五角"),
        (11000, "一百一十元"),
        (1000500, "一万零五元"),
        (10000000, "十万元"),
        (1001000, "一万零一十元"),
        (10000000100, "一亿零一元"),
        (50, "五角"),
        (5, "五分"),
    ],
)
def test_the_chinese_reading_of_fixed_amounts(fen: int, spoken: str) -> None:
    assert read_amount(fen) == spoken


amounts = st.integers(min_value=1, max_value=MAX_READABLE_FEN)


@given(amounts)
def test_the_reading_reads_back_to_the_same_fen(fen: int) -> None:
    assert parse_reading(read_amount(fen)) == fen


@given(amounts)
def test_zeros_are_said_once_and_never_at_either_end(fen: int) -> None:
    text = read_amount(fen)
    assert "零零" not in text
    assert not text.startswith("零")
    assert not text.endswith("零")
    assert "零元" not in text and "零万" not in text and "零亿" not in text


@given(amounts)
def test_every_token_is_a_clip_and_a_leading_ten_is_not_one_ten(fen: int) -> None:
    tokens = amount_tokens(fen)
    assert set(tokens) <= set(CLIPS)
    assert tokens[:2] != ["一", "十"]
    assert tokens[-1] in ("元", "角", "分")


@given(st.integers(min_value=1, max_value=9))
def test_a_digit_before_ten_is_kept_inside_a_number(digit: int) -> None:
    # 一百一十, not 一百十: only the very first 一十 loses its 一.
    assert read_amount((100 + digit * 10) * 100) == f"一百{DIGITS[digit]}十元"


def test_the_announcement_says_what_came_in_and_for_a_payment_code_that_it_succeeded() -> None:
    assert announcement(2550) == ["微信收款", "二", "十", "五", "元", "五", "角"]
    assert announcement(2550, "code")[-1] == "收款成功"


@pytest.mark.parametrize("bad", [0, -1, MAX_READABLE_FEN + 1])
def test_amounts_outside_the_reading_are_refused(bad: int) -> None:
    with pytest.raises(ValueError):
        read_amount(bad)


def test_only_whole_fen_are_read() -> None:
    with pytest.raises(TypeError):
        read_amount(25.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        read_amount(True)
