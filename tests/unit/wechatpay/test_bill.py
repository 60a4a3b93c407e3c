"""The daily bill parser on the §3.8 sample, both header generations, gzip and line ends."""

from __future__ import annotations

import gzip
from datetime import datetime

import pytest

from pos.errors import GarbledResponse
from pos.wechatpay.bill import looks_like_bill, parse_bill
from pos.wechatpay.types import BEIJING

from .vectors import BILL_ALL

OLD_ALL = (
    "交易时间,公众账号ID,商户号,子商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
    "付款银行,货币种类,总金额,代金券或立减优惠金额,微信退款单号,商户退款单号,退款金额,"
    "代金券或立减优惠退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率\n"
    "`2014-11-10 16：33：45,`wx2421b1c4370ec43b,`10000100,`0,`1000,`1001690740201411100005734289,"
    "`1415640626,`085e9858e3ba5186aafcbaed1,`MICROPAY,`SUCCESS,`OTHERS,`CNY,`0.01,`0.0,`0,`0,"
    "`0,`0,`,`,`被扫支付测试,`订单额外描述,`0,`0.60%\n"
    "`2014-11-10 16:46:14,`wx2421b1c4370ec43b,`10000100,`0,`1000,`1002780740201411100005729794,"
    "`1415635270,`085e9858e90ca40c0b5aee463,`MICROPAY,`SUCCESS,`OTHERS,`CNY,`0.01,`0.0,`0,`0,"
    "`0,`0,`,`,`被扫支付测试,`订单额外描述,`0,`0.60%\n"
    "总交易单数,总交易额,总退款金额,总代金券或立减优惠退款金额,手续费总金额\n"
    "`2,`0.02,`0.0,`0.0,`0\n"
)

SUCCESS_BILL = (
    "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
    "付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注\n"
    "`2024-06-01 12:31:05,`wxd930ea5d5a258f4f,`10000100,`0,`,`4200001234202406011234567890,"
    "`POS20240601123000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`SUCCESS,`OTHERS,`CNY,`25.50,"
    "`0.00,`咖啡,豆浆,`,`0.15000,`0.60%,`25.50,`\n"
    "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
    "`1,`25.50,`0.00,`0.00,`0.15000,`25.50,`0.00\n"
)


def test_sample_all_bill() -> None:
    bill = parse_bill(BILL_ALL.encode(), bill_date="20240601", bill_type="ALL")
    assert (bill.bill_date, bill.bill_type) == ("20240601", "ALL")
    paid, refunded = bill.rows
    assert paid.trade_time == datetime(2024, 6, 1, 12, 31, 5, tzinfo=BEIJING)
    assert paid.appid == "wxd930ea5d5a258f4f" and paid.mch_id == "10000100"
    assert paid.device_info == "POS-01"
    assert paid.out_trade_no == "POS20240601123000001"
    assert paid.transaction_id == "4200001234202406011234567890"
    assert paid.trade_state == "SUCCESS" and paid.trade_type == "NATIVE"
    assert (paid.settlement_total_fee, paid.total_fee, paid.coupon_fee) == (2550, 2550, 0)
    assert (paid.refund_fee, paid.applied_refund_fee) == (0, 0)
    assert paid.refund_id == "0" and paid.refund_type == "" and paid.refund_status == ""
    assert paid.body == "示例超市-收银台01-商品消费" and paid.attach == "till=01&shift=A"
    assert paid.service_fee_text == "0.15000" and paid.rate == "0.60%"
    assert paid.extra == {"特约商户号": "0", "充值券退款金额": "0.00", "费率备注": ""}
    assert refunded.trade_state == "REFUND"
    assert refunded.out_refund_no == "RF20240601130000001"
    assert refunded.refund_id == "50300001232024060112345678901"
    assert (refunded.refund_fee, refunded.applied_refund_fee) == (550, 550)
    assert (refunded.total_fee, refunded.settlement_total_fee) == (0, 0)
    assert refunded.refund_type == "ORIGINAL" and refunded.refund_status == "SUCCESS"
    assert refunded.service_fee_text == "-0.03000"
    summary = bill.summary
    assert summary.count == 2
    assert (summary.settlement_total_fee, summary.total_fee) == (2550, 2550)
    assert (summary.refund_fee, summary.applied_refund_fee, summary.coupon_refund_fee) == (
        550,
        550,
        0,
    )
    assert summary.service_fee_text == "0.12000"


def test_crlf_gzip_bom_str_and_blank_lines_read_the_same() -> None:
    expected = parse_bill(BILL_ALL, bill_date="20240601")
    crlf = BILL_ALL.replace("\n", "\r\n").encode()
    assert parse_bill(crlf, bill_date="20240601") == expected
    assert parse_bill(gzip.compress(crlf), bill_date="20240601") == expected
    assert parse_bill(b"\xef\xbb\xbf" + BILL_ALL.encode(), bill_date="20240601") == expected
    assert parse_bill(BILL_ALL + "\n\n", bill_date="20240601") == expected


def test_older_generation_with_full_width_colons() -> None:
    bill = parse_bill(OLD_ALL.encode(), bill_date="20141110")
    first, second = bill.rows
    assert first.trade_time == datetime(2014, 11, 10, 16, 33, 45, tzinfo=BEIJING)
    assert first.trade_type == "MICROPAY"
    # Old layout: 总金额 is both the order amount and what settles; no applied-refund column.
    assert (first.total_fee, first.settlement_total_fee, first.coupon_fee) == (1, 1, 0)
    assert first.extra == {"子商户号": "0", "代金券或立减优惠退款金额": "0"}
    assert second.out_trade_no == "1415635270"
    assert bill.summary.count == 2
    assert (bill.summary.total_fee, bill.summary.settlement_total_fee) == (2, 2)
    assert bill.summary.refund_fee == 0 and bill.summary.service_fee_text == "0"


def test_success_bill_columns_by_name_and_comma_inside_body() -> None:
    bill = parse_bill(SUCCESS_BILL.encode(), bill_date="20240601", bill_type="SUCCESS")
    (row,) = bill.rows
    assert row.body == "咖啡,豆浆"
    assert row.device_info == "" and row.out_refund_no == "" and row.refund_fee == 0
    assert row.total_fee == 2550 and row.service_fee_text == "0.15000"
    assert bill.summary.count == 1


@pytest.mark.parametrize(
    "text",
    [
        "",
        "交易时间,商户订单号\n",
        BILL_ALL.replace("交易时间", "时间"),
        BILL_ALL.replace("`25.50,`0.00,`0,`0", "`25.505,`0.00,`0,`0", 1),
        BILL_ALL.replace("`25.50,`0.00,`0,`0", "`abc,`0.00,`0,`0", 1),
        BILL_ALL.replace("2024-06-01 12:31:05", "yesterday"),
        BILL_ALL.replace("`2,`25.50", "`3,`25.50"),
        BILL_ALL.replace("总交易单数", "单数"),
        BILL_ALL.replace(",`POS-01,", ",POS-01,", 1),
        BILL_ALL.replace("\n`2024-06-01 12:31:05", "\n2024-06-01 12:31:05"),
    ],
)
def test_broken_bills_are_garbled(text: str) -> None:
    with pytest.raises(GarbledResponse):
        parse_bill(text.encode(), bill_date="20240601")


def test_not_utf8_and_bad_gzip_are_garbled() -> None:
    with pytest.raises(GarbledResponse):
        parse_bill(BILL_ALL.encode("gb18030"), bill_date="20240601")
    with pytest.raises(GarbledResponse):
        parse_bill(b"\x1f\x8b" + b"\x00" * 40, bill_date="20240601")


def test_looks_like_bill() -> None:
    assert looks_like_bill(BILL_ALL.encode())
    assert looks_like_bill(gzip.compress(b"<xml>"))
    assert not looks_like_bill(b"  <xml><return_code>FAIL</return_code></xml>")
