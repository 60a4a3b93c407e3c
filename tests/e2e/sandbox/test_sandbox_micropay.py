"""Payment-code payment scripted by auth_code, and reverse (§3.9, §3.10)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers.sandbox import (
    Answer,
    FakeClock,
    Running,
    assert_business_fail,
    assert_protocol_fail,
    assert_signed,
)

from pos.sandbox import Ending, SandboxOptions, example_code
from pos.wechatpay.types import TradeState


def code(ending: str, serial: int = 0) -> str:
    """An 18-digit payment code whose last two digits pick the scripted outcome."""
    return f"134567{serial:010d}{ending}"


def micropay(running: Running, number: str, auth_code: str, total_fee: int = 1880) -> Answer:
    return running.client.call(
        "/pay/micropay",
        body="示例超市-收银台01-商品消费",
        out_trade_no=number,
        total_fee=str(total_fee),
        spbill_create_ip="192.168.1.20",
        auth_code=auth_code,
        device_info="POS-01",
    )


def query(running: Running, number: str) -> Answer:
    return running.client.call("/pay/orderquery", out_trade_no=number)


def test_immediate_success(box: Running) -> None:
    answer = micropay(box, "MICRO00001", code("00"))
    assert_signed(answer)
    assert answer["result_code"] == "SUCCESS" and answer["trade_type"] == "MICROPAY"
    assert answer["total_fee"] == answer["cash_fee"] == "1880"
    assert answer["transaction_id"].startswith("42000")
    assert query(box, "MICRO00001")["trade_state"] == "SUCCESS"
    assert box.sandbox.deliveries == []  # no notification for micropay (§3.9)


@pytest.mark.parametrize(("ending", "final"), [("01", "SUCCESS"), ("02", "PAYERROR")])
def test_password_then_outcome(box: Running, clock: FakeClock, ending: str, final: str) -> None:
    answer = micropay(box, "MICRO00002", code(ending))
    assert_business_fail(answer, "USERPAYING")
    assert query(box, "MICRO00002")["trade_state"] == "USERPAYING"
    clock.advance(seconds=9)
    assert query(box, "MICRO00002")["trade_state"] == "USERPAYING"
    clock.advance(seconds=1)
    assert query(box, "MICRO00002")["trade_state"] == final
    # The identical request again is re-entry, not a reused code (the SDK's retry loop).
    if final == "SUCCESS":
        assert micropay(box, "MICRO00002", code(ending))["result_code"] == "SUCCESS"
    else:
        assert_business_fail(micropay(box, "MICRO00002", code(ending)), "TRADE_ERROR")


def test_unpaid_micropay_is_revoked_after_45_seconds(box: Running, clock: FakeClock) -> None:
    assert_business_fail(micropay(box, "MICRO00003", code("03")), "USERPAYING")
    clock.advance(seconds=44)
    assert query(box, "MICRO00003")["trade_state"] == "USERPAYING"
    clock.advance(seconds=1)
    assert query(box, "MICRO00003")["trade_state"] == "REVOKED"


@pytest.mark.parametrize(
    ("ending", "err_code", "created"),
    [
        ("04", "NOTENOUGH", False),
        ("05", "AUTHCODEEXPIRE", False),
        ("09", "NOTSUPORTCARD", False),
        ("06", "BANKERROR", True),
        ("07", "SYSTEMERROR", True),
        ("08", "SYSTEMERROR", False),
    ],
)
def test_scripted_failures(box: Running, ending: str, err_code: str, created: bool) -> None:
    assert_business_fail(micropay(box, "MICRO00004", code(ending)), err_code)
    state = query(box, "MICRO00004")
    if created:
        assert state["trade_state"] == "SUCCESS"
    else:
        assert_business_fail(state, "ORDERNOTEXIST")


def test_codes_are_single_use_and_checked(box: Running) -> None:
    assert micropay(box, "MICRO00005", code("00", 5))["result_code"] == "SUCCESS"
    assert_business_fail(micropay(box, "MICRO00006", code("00", 5)), "AUTH_CODE_ERROR")
    assert_business_fail(micropay(box, "MICRO00007", "164567890123456789"), "AUTH_CODE_INVALID")
    assert_business_fail(micropay(box, "MICRO00007", "13456789012345678"), "AUTH_CODE_INVALID")
    assert_protocol_fail(
        box.client.call(
            "/pay/micropay",
            body="x",
            out_trade_no="MICRO00008",
            total_fee="1",
            spbill_create_ip="1.1.1.1",
        ),
        "缺少参数auth_code",
    )
    # The same out_trade_no with other terms is a duplicate.
    assert_business_fail(micropay(box, "MICRO00005", code("00", 5), total_fee=1), "INVALID_REQUEST")


def test_reverse(box: Running, clock: FakeClock) -> None:
    micropay(box, "MICRO00010", code("03", 10))
    answer = box.client.call("/secapi/pay/reverse", out_trade_no="MICRO00010")
    assert_signed(answer)
    assert (answer["result_code"], answer["recall"]) == ("SUCCESS", "N")
    assert query(box, "MICRO00010")["trade_state"] == "REVOKED"
    assert box.client.call("/secapi/pay/reverse", out_trade_no="MICRO00010")["recall"] == "N"
    assert_business_fail(micropay(box, "MICRO00010", code("03", 10)), "ORDERREVERSED")
    paid = micropay(box, "MICRO00011", code("00", 11))
    by_id = box.client.call("/secapi/pay/reverse", transaction_id=paid["transaction_id"])
    assert by_id["result_code"] == "SUCCESS"
    assert box.sandbox.ledger.order("10000100", "MICRO00011").state is TradeState.REVOKED
    assert_business_fail(
        box.client.call("/secapi/pay/reverse", out_trade_no="NOSUCH0001"), "ORDERNOTEXIST"
    )
    box.client.order("NATIVE0001")
    assert_business_fail(
        box.client.call("/secapi/pay/reverse", out_trade_no="NATIVE0001"), "INVALID_REQUEST"
    )
    micropay(box, "MICRO00012", code("00", 12))
    clock.advance(days=7, seconds=1)
    assert_business_fail(
        box.client.call("/secapi/pay/reverse", out_trade_no="MICRO00012"), "REVERSE_EXPIRE"
    )


def test_recall_once_is_a_switch(make_sandbox: Callable[..., Running]) -> None:
    running = make_sandbox(options=SandboxOptions(reverse_recall_once=True))
    micropay(running, "MICRO00013", code("00", 13))
    first = running.client.call("/secapi/pay/reverse", out_trade_no="MICRO00013")
    assert first["recall"] == "Y"
    assert query(running, "MICRO00013")["trade_state"] == "SUCCESS"
    assert running.client.call("/secapi/pay/reverse", out_trade_no="MICRO00013")["recall"] == "N"
    assert query(running, "MICRO00013")["trade_state"] == "REVOKED"


# -- the scripted endings, one table (pos.sandbox.codes) -------------------------------------

#: Each ending: micropay's err_code (None: SUCCESS), then orderquery's trade_state at once and
#: after the password time (None: ORDERNOTEXIST).
ENDINGS = {
    Ending.PAID: (None, "SUCCESS", "SUCCESS"),
    Ending.PASSWORD_THEN_PAID: ("USERPAYING", "USERPAYING", "SUCCESS"),
    Ending.PASSWORD_THEN_FAILED: ("USERPAYING", "USERPAYING", "PAYERROR"),
    Ending.PASSWORD_NEVER_ENTERED: ("USERPAYING", "USERPAYING", "USERPAYING"),
    Ending.NOT_ENOUGH_MONEY: ("NOTENOUGH", None, None),
    Ending.CODE_EXPIRED: ("AUTHCODEEXPIRE", None, None),
    Ending.BANK_ERROR_BUT_PAID: ("BANKERROR", "SUCCESS", "SUCCESS"),
    Ending.ERROR_BUT_PAID: ("SYSTEMERROR", "SUCCESS", "SUCCESS"),
    Ending.ERROR_AND_NOTHING: ("SYSTEMERROR", None, None),
    Ending.CARD_NOT_SUPPORTED: ("NOTSUPORTCARD", None, None),
}


def test_the_table_covers_every_ending() -> None:
    assert set(ENDINGS) == set(Ending)


@pytest.mark.parametrize("ending", list(Ending))
def test_every_scripted_ending_with_an_example_code(
    box: Running, clock: FakeClock, ending: Ending
) -> None:
    auth_code = example_code(ending)
    assert len(auth_code) == 18 and auth_code.isdigit() and auth_code[:2] == "13"
    assert auth_code.endswith(ending.value) and Ending.of(auth_code) is ending
    err_code, at_once, later = ENDINGS[ending]
    number = f"ENDING{ending.value}0001"
    answer = micropay(box, number, auth_code)
    if err_code is None:
        assert_signed(answer)
        assert answer["result_code"] == "SUCCESS"
    else:
        assert_business_fail(answer, err_code)
    for expected in (at_once, later):
        state = query(box, number)
        if expected is None:
            assert_business_fail(state, "ORDERNOTEXIST")
        else:
            assert state["trade_state"] == expected
        clock.advance(seconds=10)


def test_example_codes_are_fresh_and_endings_default_to_paid() -> None:
    codes = {example_code(Ending.PASSWORD_THEN_PAID) for _ in range(50)}
    assert len(codes) == 50
    assert example_code().endswith("00") and example_code("04").endswith("04")
    assert Ending.of("134567890123456742") is Ending.PAID
    with pytest.raises(ValueError):
        example_code("42")


# -- payitil/report (交易保障) -------------------------------------------------------------------

TRADES = (
    '[{"out_trade_no":"MICRO00020","begin_time":"20260601123000",'
    '"end_time":"20260601123002","state":"OK","err_msg":""}]'
)


def test_a_report_is_recorded_and_answered_unsigned(box: Running) -> None:
    answer = box.client.call(
        "/payitil/report",
        interface_url="https://api.mch.weixin.qq.com/pay/batchreport/micropay/total",
        user_ip="192.168.1.20",
        device_info="POS-01",
        trades=TRADES,
    )
    assert answer["return_code"] == "SUCCESS" and answer["result_code"] == "SUCCESS"
    assert "sign" not in answer.fields
    [report] = box.sandbox.reports
    assert (report.mch_id, report.device_info, report.user_ip) == (
        "10000100",
        "POS-01",
        "192.168.1.20",
    )
    assert report.trades == (
        {
            "out_trade_no": "MICRO00020",
            "begin_time": "20260601123000",
            "end_time": "20260601123002",
            "state": "OK",
            "err_msg": "",
        },
    )


@pytest.mark.parametrize(
    ("trades", "message"),
    [
        ("not json", "trades参数格式错误"),
        ("[]", "trades参数格式错误"),
        ('[{"out_trade_no":"X1","state":"OK"}]', "trades参数格式错误"),
        (TRADES.replace('"OK"', '"CANCEL"'), "trades参数格式错误"),
    ],
)
def test_a_report_with_bad_trades_is_refused(box: Running, trades: str, message: str) -> None:
    answer = box.client.call(
        "/payitil/report",
        interface_url="https://api.mch.weixin.qq.com/pay/batchreport/micropay/total",
        user_ip="192.168.1.20",
        trades=trades,
    )
    assert_protocol_fail(answer, message)
    assert box.sandbox.reports == []


def test_a_report_needs_its_fields_and_a_signature(box: Running) -> None:
    assert_protocol_fail(
        box.client.call("/payitil/report", user_ip="1.1.1.1", trades=TRADES),
        "缺少参数interface_url",
    )
    assert_protocol_fail(
        box.client.call(
            "/payitil/report", key="0" * 32, interface_url="x", user_ip="1.1.1.1", trades=TRADES
        ),
        "签名错误",
    )
    assert box.sandbox.reports == []
