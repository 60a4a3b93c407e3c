"""downloadbill built from the ledger, compared byte for byte with the layout of §3.8."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from datetime import datetime

from helpers.sandbox import FakeClock, Running, assert_protocol_fail

from pos.money import yuan_to_fen
from pos.sandbox import SandboxOptions
from pos.wechatpay.types import BEIJING

#: The sample ALL bill of §3.8 (25.50 paid, 5.50 refunded the same day, 0.6 % fee).
SAMPLE_ALL = (
    "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
    "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
    "退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\n"
    "`2024-06-01 12:31:05,`wxd930ea5d5a258f4f,`10000100,`0,`POS-01,"
    "`4200001234202406011234567890,`POS20240601123000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,"
    "`NATIVE,`SUCCESS,`OTHERS,`CNY,`25.50,`0.00,`0,`0,`0.00,`0.00,`,`,"
    "`示例超市-收银台01-商品消费,`till=01&shift=A,`0.15000,`0.60%,`25.50,`0.00,`\n"
    "`2024-06-01 13:00:00,`wxd930ea5d5a258f4f,`10000100,`0,`POS-01,"
    "`4200001234202406011234567890,`POS20240601123000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,"
    "`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300001232024060112345678901,"
    "`RF20240601130000001,`5.50,`0.00,`ORIGINAL,`SUCCESS,`示例超市-收银台01-商品消费,"
    "`till=01&shift=A,`-0.03000,`0.60%,`0.00,`5.50,`\n"
    "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
    "`2,`25.50,`5.50,`0.00,`0.12000,`25.50,`5.50\n"
)


def plant_sample_day(make_sandbox: Callable[..., Running]) -> tuple[Running, FakeClock]:
    """The example order of §3.1 paid at 12:31:05 and refunded 5.50 at 13:00:00 (Beijing)."""
    clock = FakeClock(datetime(2024, 6, 1, 12, 30, 0, tzinfo=BEIJING))
    running = make_sandbox(clock=clock, options=SandboxOptions(refund_delay=12))
    created = running.client.order(
        "POS20240601123000001",
        device_info="POS-01",
        attach="till=01&shift=A",
        time_start="20240601123000",
        time_expire="20240601124000",
        notify_url="https://pos.example.com/wxpay/notify",
    )
    clock.advance(seconds=65)
    running.sandbox.customer_scan(created["code_url"])
    order = running.sandbox.ledger.order("10000100", "POS20240601123000001")
    # Plant the sample's ids (the sandbox makes random ones).
    order.transaction_id = "4200001234202406011234567890"
    order.openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
    clock.advance(minutes=28, seconds=55)
    running.client.call(
        "/secapi/pay/refund",
        out_trade_no="POS20240601123000001",
        out_refund_no="RF20240601130000001",
        total_fee="2550",
        refund_fee="550",
    )
    running.sandbox.ledger.refund(
        "10000100", "RF20240601130000001"
    ).refund_id = "50300001232024060112345678901"
    clock.advance(days=1, hours=1)
    return running, clock


def bill(running: Running, day: str, bill_type: str = "ALL", **extra: str) -> bytes:
    fields = running.client.signed({"bill_date": day, "bill_type": bill_type, **extra})
    from pos.wechatpay import xmlcodec

    return running.client.http.post("/pay/downloadbill", content=xmlcodec.encode(fields)).content


def test_all_bill_is_byte_exact(make_sandbox: Callable[..., Running]) -> None:
    running, _ = plant_sample_day(make_sandbox)
    assert bill(running, "20240601").decode("utf-8") == SAMPLE_ALL


def test_gzip_bill_is_the_same_text(make_sandbox: Callable[..., Running]) -> None:
    running, _ = plant_sample_day(make_sandbox)
    assert gzip.decompress(bill(running, "20240601", tar_type="GZIP")).decode() == SAMPLE_ALL


def test_success_and_refund_bills(make_sandbox: Callable[..., Running]) -> None:
    running, _ = plant_sample_day(make_sandbox)
    lines = bill(running, "20240601", "SUCCESS").decode().splitlines()
    assert len(lines[0].split(",")) == 20 and len(lines) == 4
    assert lines[1].split(",")[9] == "`SUCCESS"
    assert lines[3] == "`1,`25.50,`0.00,`0.00,`0.15000,`25.50,`0.00"
    refunds = bill(running, "20240601", "REFUND").decode().splitlines()
    header = refunds[0].split(",")
    assert len(header) == 29 and len(refunds) == 4
    row = dict(
        zip(header, (value.removeprefix("`") for value in refunds[1].split(",")), strict=True)
    )
    assert row["退款申请时间"] == "2024-06-01 13:00:00"
    assert row["退款成功时间"] == "2024-06-01 13:00:12"
    assert row["手续费"] == "-0.03000" and yuan_to_fen(row["申请退款金额"]) == 550


def test_bill_errors(make_sandbox: Callable[..., Running]) -> None:
    running, _clock = plant_sample_day(make_sandbox)
    from pos.wechatpay import xmlcodec

    def fields(day: str, bill_type: str = "ALL") -> dict[str, str]:
        return xmlcodec.decode(bill(running, day, bill_type))

    no_bill = fields("20240531")
    assert (no_bill["return_code"], no_bill["return_msg"], no_bill["error_code"]) == (
        "FAIL",
        "No Bill Exist",
        "20002",
    )
    assert fields("20240602")["return_msg"] == "Bill Creating"  # today
    assert fields("20240603")["return_msg"] == "Bill Creating"
    assert fields("20240601", "RECHARGE")["return_msg"] == "invalid bill_type"
    assert fields("2024061")["return_code"] == "FAIL"
    assert fields("20240229")["return_msg"] == "invalid bill_date"  # over 3 months old
    assert fields("20240302")["return_msg"] == "No Bill Exist"  # within 3 months


def test_bill_creating_before_ten_is_a_switch(make_sandbox: Callable[..., Running]) -> None:
    clock = FakeClock(datetime(2024, 6, 2, 9, 0, 0, tzinfo=BEIJING))
    running = make_sandbox(clock=clock, options=SandboxOptions(bill_ready_at_10=True))
    from pos.wechatpay import xmlcodec

    assert xmlcodec.decode(bill(running, "20240601"))["return_msg"] == "Bill Creating"
    clock.advance(hours=1)
    assert xmlcodec.decode(bill(running, "20240601"))["return_msg"] == "No Bill Exist"


def test_today_is_served_when_allowed(box: Running, clock: FakeClock) -> None:
    created = box.client.order("ORDERBILL01", total_fee=1000)
    box.sandbox.customer_scan(created["code_url"])
    text = bill(box, clock().strftime("%Y%m%d")).decode()
    assert "`ORDERBILL01," in text
    assert text.endswith("`1,`10.00,`0.00,`0.00,`0.06000,`10.00,`0.00\n")


def test_bill_signature_is_checked(box: Running, clock: FakeClock) -> None:
    from pos.wechatpay import xmlcodec

    fields = box.client.signed({"bill_date": clock().strftime("%Y%m%d"), "bill_type": "ALL"})
    fields["bill_type"] = "SUCCESS"
    answer = box.client.post_raw("/pay/downloadbill", xmlcodec.encode(fields))
    assert_protocol_fail(answer, "签名错误")
