"""The simulated ledger without HTTP: state machine, refunds, micropay script, fees, bill."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from pos.sandbox import SandboxOptions
from pos.sandbox.bill import build_bill, fee_text
from pos.sandbox.ledger import Ledger
from pos.sandbox.records import BusinessFail, ParamFail, yuan
from pos.wechatpay.types import BEIJING, RefundStatus, SignType, TradeState

NOW = datetime(2026, 6, 1, 12, 0, 0, tzinfo=BEIJING)
MCH = "10000100"
APPID = "wxd930ea5d5a258f4f"


def native(number: str, total_fee: int = 2550, **extra: str) -> dict[str, str]:
    return {
        "body": "test",
        "out_trade_no": number,
        "total_fee": str(total_fee),
        "spbill_create_ip": "127.0.0.1",
        "notify_url": "https://a.example/n",
        "trade_type": "NATIVE",
        "product_id": number,
        **extra,
    }


def new_paid(ledger: Ledger, number: str, total_fee: int = 2550, coupon_fee: int = 0) -> None:
    order = ledger.unified_order(MCH, APPID, native(number, total_fee), SignType.MD5, NOW)
    ledger.pay(order.code_url, NOW + timedelta(seconds=30), coupon_fee=coupon_fee)


def test_states_only_move_forward() -> None:
    ledger = Ledger(seed=1)
    order = ledger.unified_order(MCH, APPID, native("ORDER00001"), SignType.MD5, NOW)
    assert order.state is TradeState.NOTPAY
    ledger.close(MCH, "ORDER00001", NOW)
    assert order.state is TradeState.CLOSED
    with pytest.raises(BusinessFail) as refused:
        ledger.pay(order.code_url, NOW)
    assert refused.value.code == "CLOSED"
    with pytest.raises(BusinessFail, match="ORDERCLOSED"):
        ledger.close(MCH, "ORDER00001", NOW)
    assert order.state is TradeState.CLOSED


def test_ids_have_the_documented_shapes() -> None:
    ledger = Ledger()
    ids = set()
    for n in range(200):
        order = ledger.unified_order(MCH, APPID, native(f"ORDER{n:05d}"), SignType.MD5, NOW)
        ledger.pay(order.code_url, NOW)
        assert len(order.transaction_id) == 28 and order.transaction_id.startswith("42000")
        assert order.transaction_id.isdigit()
        ids.add(order.transaction_id)
        ids.add(order.code_url)
    assert len(ids) == 400


def test_refund_settles_when_its_time_comes() -> None:
    ledger = Ledger(SandboxOptions(refund_delay=60))
    new_paid(ledger, "ORDER00002")
    accepted = ledger.apply_refund(
        MCH,
        {
            "out_trade_no": "ORDER00002",
            "out_refund_no": "R1",
            "total_fee": "2550",
            "refund_fee": "100",
        },
        NOW,
    )
    assert ledger.tick(NOW + timedelta(seconds=59)) == []
    events = ledger.tick(NOW + timedelta(seconds=60))
    assert [(e.kind, e.refund) for e in events] == [("refund", accepted)]
    assert accepted.status is RefundStatus.SUCCESS
    assert accepted.success_time == NOW + timedelta(seconds=60)
    assert ledger.tick(NOW + timedelta(hours=1)) == []  # a refund settles once


def test_refund_needs_a_paid_order_and_valid_fields() -> None:
    ledger = Ledger()
    ledger.unified_order(MCH, APPID, native("ORDER00003"), SignType.MD5, NOW)
    with pytest.raises(BusinessFail, match="ORDERNOTEXIST"):
        ledger.apply_refund(
            MCH,
            {
                "out_trade_no": "ORDER00003",
                "out_refund_no": "R1",
                "total_fee": "2550",
                "refund_fee": "1",
            },
            NOW,
        )
    with pytest.raises(ParamFail, match="缺少参数out_refund_no"):
        ledger.apply_refund(MCH, {"out_trade_no": "ORDER00003"}, NOW)
    with pytest.raises(ParamFail, match="refund_fee参数格式错误"):
        ledger.apply_refund(
            MCH,
            {
                "out_trade_no": "ORDER00003",
                "out_refund_no": "R1",
                "total_fee": "2550",
                "refund_fee": "1.5",
            },
            NOW,
        )


def test_coupon_is_refunded_in_proportion() -> None:
    ledger = Ledger()
    new_paid(ledger, "ORDER00004", total_fee=1000, coupon_fee=300)
    refund = ledger.apply_refund(
        MCH,
        {
            "out_trade_no": "ORDER00004",
            "out_refund_no": "R1",
            "total_fee": "1000",
            "refund_fee": "333",
        },
        NOW,
    )
    assert (refund.coupon_refund_fee, refund.cash_refund_fee) == (99, 234)


def test_coupon_must_be_less_than_the_total() -> None:
    ledger = Ledger()
    order = ledger.unified_order(MCH, APPID, native("ORDER00005", 100), SignType.MD5, NOW)
    with pytest.raises(BusinessFail, match="COUPON"):
        ledger.pay(order.code_url, NOW, coupon_fee=100)
    assert order.state is TradeState.NOTPAY


def test_auto_close_is_a_switch() -> None:
    ledger = Ledger(SandboxOptions(auto_close_after=600))
    order = ledger.unified_order(
        MCH, APPID, native("ORDER00006", time_expire="20260601120500"), SignType.MD5, NOW
    )
    ledger.tick(NOW + timedelta(minutes=14))
    assert order.state is TradeState.NOTPAY
    ledger.tick(NOW + timedelta(minutes=15))
    assert order.state is TradeState.CLOSED
    plain = Ledger()
    kept = plain.unified_order(MCH, APPID, native("ORDER00007"), SignType.MD5, NOW)
    plain.tick(NOW + timedelta(days=30))
    assert kept.state is TradeState.NOTPAY  # expired orders stay NOTPAY by default (§6)


@pytest.mark.parametrize(
    ("fen", "fee"), [(2550, 15), (550, 3), (6000, 36), (250, 2), (83, 0), (84, 1), (1, 0)]
)
def test_fee_is_rounded_half_up_to_the_fen(fen: int, fee: int) -> None:
    assert Ledger().fee(fen) == fee


def test_money_texts() -> None:
    assert (yuan(2550), yuan(5), yuan(0), yuan(100000)) == ("25.50", "0.05", "0.00", "1000.00")
    assert (fee_text(15), fee_text(-3), fee_text(0)) == ("0.15000", "-0.03000", "0.00000")


def test_bill_days_are_beijing_days() -> None:
    ledger = Ledger()
    late = datetime(2026, 6, 1, 23, 59, 59, tzinfo=BEIJING)
    order = ledger.unified_order(MCH, APPID, native("ORDER00008"), SignType.MD5, late)
    ledger.pay(order.code_url, late)
    assert build_bill(ledger, MCH, date(2026, 6, 2), "ALL") is None
    text = build_bill(ledger, MCH, date(2026, 6, 1), "ALL")
    assert text is not None and "`2026-06-01 23:59:59," in text
    assert build_bill(ledger, MCH, date(2026, 6, 1), "REFUND") is None
    assert build_bill(ledger, "other", date(2026, 6, 1), "ALL") is None


def test_micropay_password_resolves_on_tick() -> None:
    ledger = Ledger(SandboxOptions(micropay_password_seconds=5))
    fields = {
        "body": "b",
        "out_trade_no": "MICRO00001",
        "total_fee": "100",
        "spbill_create_ip": "1.1.1.1",
        "auth_code": "134567890123456701",
    }
    answer = ledger.micropay(MCH, APPID, fields, SignType.MD5, NOW)
    assert answer.fail is not None and answer.fail.code == "USERPAYING"
    assert answer.order is not None
    transaction_id = answer.order.transaction_id
    ledger.tick(NOW + timedelta(seconds=5))
    assert answer.order.state is TradeState.SUCCESS
    assert answer.order.transaction_id == transaction_id
    assert answer.order.time_end == NOW + timedelta(seconds=5)
