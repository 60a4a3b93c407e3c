"""Property tests of pos.money: fen are exact, every bad amount is refused with its code."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pos.errors import AmountError
from pos.money import (
    DEFAULT_MAX_FEN,
    fen_to_decimal_yuan,
    format_fen,
    normalise_typed,
    parse_amount,
    yuan_to_fen,
)

valid_fen = st.integers(min_value=1, max_value=DEFAULT_MAX_FEN)
any_fen = st.integers(min_value=-(10**15), max_value=10**15)


@given(valid_fen)
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_amount(format_fen(fen)) == fen
    assert parse_amount(format_fen(fen, symbol="¥")) == fen
    assert yuan_to_fen(format_fen(fen)) == fen


@given(any_fen)
def test_format_is_two_decimals_and_yuan_to_fen_inverts_it(fen: int) -> None:
    text = format_fen(fen)
    assert re.fullmatch(r"-?\d+\.\d\d", text)
    assert yuan_to_fen(text) == fen
    assert fen_to_decimal_yuan(fen) == Decimal(text)


@given(
    st.integers(min_value=0, max_value=DEFAULT_MAX_FEN // 100),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["two", "one", "none"]),
    st.sampled_from(["", " ", "¥", "￥", "¥ "]),
    st.sampled_from(["", " ", "元"]),
)
def test_every_two_decimal_string_parses_to_the_exact_fen(
    yuan: int, cents: int, shape: str, prefix: str, suffix: str
) -> None:
    fen = yuan * 100 + cents
    if shape == "two":
        text = f"{yuan}.{cents:02d}"
    elif shape == "one":
        fen = yuan * 100 + (cents // 10) * 10
        text = f"{yuan}.{cents // 10}"
    else:
        fen = yuan * 100
        text = str(yuan)
    if fen == 0 or fen > DEFAULT_MAX_FEN:
        with pytest.raises(AmountError) as caught:
            parse_amount(prefix + text + suffix)
        assert caught.value.code in ("zero", "over_limit")
    else:
        assert parse_amount(prefix + text + suffix) == fen


@given(valid_fen)
def test_full_width_digits_parse_like_ascii(fen: int) -> None:
    text = format_fen(fen)
    full_width = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    assert parse_amount(full_width) == fen


@given(valid_fen)
def test_the_ideographic_full_stop_is_a_decimal_point(fen: int) -> None:
    # A Chinese input method in Chinese punctuation mode types 。 for the "." key.
    assert parse_amount(format_fen(fen).replace(".", "。")) == fen
    assert normalise_typed("１２。５") == "12.5"


@given(st.integers(min_value=0, max_value=10**6), st.text("0123456789", min_size=3, max_size=8))
def test_more_than_two_decimals_is_refused(yuan: int, decimals: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(f"{yuan}.{decimals}")
    assert caught.value.code == "too_many_decimals"


@given(valid_fen)
def test_negative_is_refused(fen: int) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount("-" + format_fen(fen))
    assert caught.value.code == "negative"


@pytest.mark.parametrize("text", ["0", "0.00", "0.0", ".0", "0.", "000", "¥0"])
def test_zero_is_refused(text: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert caught.value.code == "zero"


@given(st.integers(min_value=DEFAULT_MAX_FEN + 1, max_value=10**30))
def test_over_limit_is_refused(fen: int) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(format_fen(fen))
    assert caught.value.code == "over_limit"


@given(valid_fen, valid_fen)
def test_custom_limit(fen: int, limit: int) -> None:
    if fen > limit:
        with pytest.raises(AmountError):
            parse_amount(format_fen(fen), max_fen=limit)
    else:
        assert parse_amount(format_fen(fen), max_fen=limit) == fen


@pytest.mark.parametrize("text", ["", "   ", "¥", "元"])
def test_empty_is_refused(text: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert caught.value.code == "empty"


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "1e3",
        "1,000",
        "1 000",
        "12.3.4",
        ".",
        "+",
        "-",
        "25.5元x",
        "NaN",
        "inf",
        "0x10",
        "1_000",
        "২৫",
        "٢٥",
        "৪",
        "1" * 5000,
        "1." + "0" * 5000,
        "--1",
        "+-1",
    ],
)
def test_junk_is_refused(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)


@given(st.text(max_size=30))
@example("1" * 5000)
@example("৪")
@example("12.345")
def test_any_text_either_parses_in_range_or_raises_amount_error(text: str) -> None:
    try:
        fen = parse_amount(text)
    except AmountError as exc:
        assert exc.code in (
            "empty",
            "not_a_number",
            "negative",
            "zero",
            "too_many_decimals",
            "over_limit",
        )
    else:
        assert isinstance(fen, int) and 1 <= fen <= DEFAULT_MAX_FEN


@given(st.text(max_size=30))
@example("sNaN")
@example("1e999999999")
@example("9" * 5000)
def test_yuan_to_fen_never_raises_anything_but_amount_error(text: str) -> None:
    try:
        fen = yuan_to_fen(text)
    except AmountError:
        return
    assert isinstance(fen, int)
    assert yuan_to_fen(format_fen(fen)) == fen


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("25.50", 2550),
        ("-0.03", -3),
        ("0.15000", 15),
        ("0.0", 0),
        ("5", 500),
        (" 1.2 ", 120),
        ("+0.01", 1),
    ],
)
def test_yuan_to_fen_examples(text: str, fen: int) -> None:
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize("text", ["0.155", "-0.00001", "sNaN", "NaN", "Infinity", "1e2", ""])
def test_yuan_to_fen_refuses(text: str) -> None:
    with pytest.raises(AmountError):
        yuan_to_fen(text)


@pytest.mark.parametrize("value", [25.5, Decimal("25.5"), "2550", True])
def test_format_fen_refuses_non_int(value: object) -> None:
    with pytest.raises(TypeError):
        format_fen(value)  # type: ignore[arg-type]


def test_format_fen_examples() -> None:
    assert format_fen(2550) == "25.50"
    assert format_fen(5, symbol="¥") == "¥0.05"
    assert format_fen(-3) == "-0.03"
    assert format_fen(0) == "0.00"
