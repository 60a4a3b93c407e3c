"""Payment codes: the wallet by shape, the mask, the fingerprint and the scanner-gun detector."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.checkout import Notice
from pos.checkout.paycode import (
    Keystroke,
    ScanLimits,
    Source,
    Wallet,
    classify,
    fingerprint,
    mask,
    read_keys,
    refusal,
)

WECHAT = "134567890123456789"
ALIPAY = "287654321098765432"
UNIONPAY = "6212345678901234567"
SALT = bytes(range(32))


@pytest.mark.parametrize(
    ("code", "wallet"),
    [
        (WECHAT, Wallet.WECHAT),
        ("104567890123456789", Wallet.WECHAT),
        ("154567890123456789", Wallet.WECHAT),
        (" 134567890123456789\n", Wallet.WECHAT),
        ("164567890123456789", Wallet.UNKNOWN),  # 16 is no WeChat prefix
        ("13456789012345678", Wallet.UNKNOWN),  # 17 digits
        ("1345678901234567890", Wallet.UNKNOWN),  # 19 digits
        ("１３4567890123456789", Wallet.UNKNOWN),  # full-width digits are not a gun's
        (ALIPAY, Wallet.ALIPAY),
        ("2512345678901234", Wallet.ALIPAY),  # 16 digits, the shortest
        ("301234567890123456789012", Wallet.ALIPAY),  # 24 digits, the longest
        ("3012345678901234567890123", Wallet.UNKNOWN),  # 25 digits
        ("241234567890123456", Wallet.UNKNOWN),  # 24 is no Alipay prefix
        (UNIONPAY, Wallet.UNIONPAY),
        ("621234567890123456", Wallet.UNKNOWN),  # 18 digits
        ("25.50", Wallet.UNKNOWN),
        ("", Wallet.UNKNOWN),
    ],
)
def test_classify_by_shape(code: str, wallet: Wallet) -> None:
    assert classify(code) is wallet


def test_refusals_before_any_call() -> None:
    assert refusal(WECHAT) is None
    assert refusal(ALIPAY) is Notice.CODE_OTHER_WALLET
    assert refusal(UNIONPAY) is Notice.CODE_OTHER_WALLET
    assert refusal("12345") is Notice.CODE_NOT_A_CODE


def test_mask_keeps_the_wallet_digits_only() -> None:
    assert mask(WECHAT) == "13****************"
    assert mask(ALIPAY) == "28" + "*" * 16
    assert mask("1") == "*" and mask("") == ""
    assert len(mask("9" * 100)) == 32


@given(st.from_regex(r"1[0-5][0-9]{16}", fullmatch=True))
def test_a_masked_code_shows_none_of_its_secret_digits(code: str) -> None:
    shown = mask(code)
    assert shown[:2] == code[:2] and set(shown[2:]) == {"*"} and len(shown) == len(code)


def test_fingerprint_is_salted_and_stable() -> None:
    first = fingerprint(WECHAT, SALT)
    assert first == fingerprint(WECHAT + "\n", SALT) and len(first) == 64
    assert WECHAT not in first
    assert fingerprint(WECHAT, bytes(32)) != first
    assert fingerprint("134567890123456780", SALT) != first
    with pytest.raises(ValueError):
        fingerprint(WECHAT, b"short")


# ---------------------------------------------------------------- scanner gun or person


def typed(text: str, *, gap: float, start: float = 100.0) -> list[Keystroke]:
    return [Keystroke(ch, start + i * gap) for i, ch in enumerate(text)]


def gun(code: str, *, start: float, gap: float = 0.004) -> list[Keystroke]:
    """A gun in keyboard mode: the digits a few ms apart, then Enter."""
    keys = typed(code, gap=gap, start=start)
    return [*keys, Keystroke("\r", keys[-1].at + gap)]


def test_a_gun_after_a_typed_amount_is_a_scan_and_the_amount_stays() -> None:
    amount = typed("25.50", gap=0.18)
    reading = read_keys([*amount, *gun(WECHAT, start=amount[-1].at + 1.5)])
    assert reading.source is Source.SCANNER and reading.is_payment_code
    assert (reading.typed, reading.code, reading.wallet) == ("25.50", WECHAT, Wallet.WECHAT)
    assert WECHAT not in repr(reading)


def test_a_person_typing_an_amount_then_enter() -> None:
    keys = [*typed("25.50", gap=0.15), Keystroke("\r", 101.0)]
    reading = read_keys(keys)
    assert (reading.source, reading.typed, reading.code) == (Source.PERSON, "25.50", "")
    assert not reading.is_payment_code


def test_a_person_typing_a_whole_code_by_hand_is_a_person() -> None:
    reading = read_keys([*typed(WECHAT, gap=0.09), Keystroke("\r", 200.0)])
    assert reading.source is Source.PERSON and reading.typed == WECHAT


def test_other_wallets_and_other_barcodes_read_by_a_gun() -> None:
    assert read_keys(gun(ALIPAY, start=5.0)).wallet is Wallet.ALIPAY
    product = read_keys(gun("6901234567892", start=5.0))  # an EAN-13 product barcode
    assert product.source is Source.SCANNER and not product.is_payment_code


def test_a_held_key_is_not_a_gun() -> None:
    reading = read_keys(typed("1" * 18, gap=0.03))
    assert reading.source is Source.PERSON


def test_a_slow_bluetooth_gun_and_a_hiccup() -> None:
    assert read_keys(gun(WECHAT, start=1.0, gap=0.03)).source is Source.SCANNER
    keys = gun(WECHAT, start=1.0)
    late = [*keys[:12], *(Keystroke(k.text, k.at + 0.2) for k in keys[12:])]
    # One pause of 200 ms splits the burst: the 6 digits after it are too few for a gun.
    assert read_keys(late).source is Source.PERSON
    split = [*keys[:9], *(Keystroke(k.text, k.at + 0.2) for k in keys[9:])]
    # 9 quick digits are a gun's, but no payment code: the till does not charge them.
    assert not read_keys(split).is_payment_code
    strict = ScanLimits(max_gap=0.01)
    assert read_keys(gun(WECHAT, start=1.0, gap=0.03), strict).source is Source.PERSON


def test_nothing_typed() -> None:
    assert read_keys([]) == read_keys([Keystroke("\r", 1.0)])
    assert read_keys([]).source is Source.PERSON and read_keys([]).typed == ""


@given(
    amount=st.from_regex(r"[1-9][0-9]{0,3}(\.[0-9]{1,2})?", fullmatch=True),
    code=st.from_regex(r"1[0-5][0-9]{16}", fullmatch=True),
    person_gap=st.floats(min_value=0.08, max_value=2.0),
    gun_gap=st.floats(min_value=0.001, max_value=0.04),
    pause=st.floats(min_value=0.08, max_value=30.0),
)
def test_the_scanned_digits_never_end_up_in_the_amount(
    amount: str, code: str, person_gap: float, gun_gap: float, pause: float
) -> None:
    person = typed(amount, gap=person_gap)
    reading = read_keys([*person, *gun(code, start=person[-1].at + pause, gap=gun_gap)])
    assert (reading.source, reading.typed, reading.code) == (Source.SCANNER, amount, code)


@given(
    text=st.from_regex(r"[0-9.]{1,30}", fullmatch=True),
    gap=st.floats(min_value=0.06, max_value=1.0),
)
def test_a_person_is_never_taken_for_a_gun(text: str, gap: float) -> None:
    assert read_keys(typed(text, gap=gap)).source is Source.PERSON
