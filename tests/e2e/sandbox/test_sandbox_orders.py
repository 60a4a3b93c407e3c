"""unifiedorder, orderquery, closeorder and the customer's phone, over HTTP (§3.1–§3.3, §6)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import httpx
import pytest
from helpers.sandbox import (
    KEY,
    FakeClock,
    Running,
    assert_business_fail,
    assert_protocol_fail,
    assert_signed,
    wire,
)

from pos.sandbox import DEFAULT_MERCHANT, SandboxOptions
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import make_nonce
from pos.wechatpay.types import Merchant, SignType, TradeState


@pytest.mark.parametrize("sign_type", [SignType.MD5, SignType.HMAC_SHA256])
def test_unified_order_answers_a_signed_code_url(box: Running, sign_type: SignType) -> None:
    answer = box.client.order("POS20240601123000001", sign_type=sign_type, device_info="POS-01")
    assert_signed(answer, sign_type=sign_type)
    assert answer["result_code"] == "SUCCESS"
    assert re.fullmatch(r"weixin://wxpay/bizpayurl\?pr=[A-Za-z0-9]{7}", answer["code_url"])
    assert answer["prepay_id"].startswith("wx")
    assert answer["trade_type"] == "NATIVE"
    assert answer["device_info"] == "POS-01"
    assert len(answer["sign"]) == (64 if sign_type is SignType.HMAC_SHA256 else 32)
    # CDATA for strings (§1.2); a fresh nonce of our own.
    assert b"<code_url><![CDATA[weixin://" in answer.raw
    order = box.sandbox.ledger.order("10000100", "POS20240601123000001")
    assert order.state is TradeState.NOTPAY and order.code_url == answer["code_url"]


def test_integers_are_bare_and_strings_cdata(box: Running) -> None:
    box.client.order("ORDERBARE1")
    answer = box.client.call("/pay/orderquery", out_trade_no="ORDERBARE1")
    assert b"<total_fee>2550</total_fee>" in answer.raw
    assert b"<trade_state><![CDATA[NOTPAY]]></trade_state>" in answer.raw


def test_a_request_signed_by_wechatpy_is_accepted(box: Running) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from wechatpy.pay.utils import calculate_signature
    fields = {
        "appid": DEFAULT_MERCHANT.appid,
        "mch_id": DEFAULT_MERCHANT.mch_id,
        "nonce_str": make_nonce(16),
        "body": "test",
        "out_trade_no": "WECHATPY01",
        "total_fee": "1",
        "spbill_create_ip": "127.0.0.1",
        "notify_url": "http://127.0.0.1:9/n",
        "trade_type": "NATIVE",
        "product_id": "WECHATPY01",
    }
    fields["sign"] = calculate_signature(fields, KEY)
    answer = box.client.post_raw("/pay/unifiedorder", xmlcodec.encode(fields))
    assert_signed(answer)
    assert answer["result_code"] == "SUCCESS"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("out_trade_no", "ABC12", "out_trade_no参数格式错误"),
        ("out_trade_no", "X" * 33, "out_trade_no参数格式错误"),
        ("out_trade_no", "ORDER#0001", "out_trade_no参数格式错误"),
        ("total_fee", "0", "total_fee参数格式错误"),
        ("total_fee", "25.50", "total_fee参数格式错误"),
        ("total_fee", "-1", "total_fee参数格式错误"),
        ("trade_type", "MICROPAY", "trade_type参数格式错误"),
        ("notify_url", "http://x.example/n?a=1", "notify_url参数格式错误"),
        ("notify_url", "/relative", "notify_url参数格式错误"),
        ("time_expire", "2026060112", "time_expire参数格式错误"),
        ("time_start", "20261301000000", "time_start参数格式错误"),
        ("body", "", "缺少参数body"),
        # String(127) read as UTF-8 bytes: 43 Chinese characters are 129 bytes
        ("body", "咖" * 43, "body参数格式错误"),
        ("body", "x" * 128, "body参数格式错误"),
        ("product_id", "", "缺少参数product_id"),
    ],
)
def test_invalid_fields_are_refused(box: Running, field: str, value: str, message: str) -> None:
    fields = {
        "body": "test",
        "out_trade_no": "ORDERVALID1",
        "total_fee": "2550",
        "spbill_create_ip": "127.0.0.1",
        "notify_url": "http://127.0.0.1:9/n",
        "trade_type": "NATIVE",
        "product_id": "P1",
        field: value,
    }
    assert_protocol_fail(box.client.call("/pay/unifiedorder", **fields), message)
    assert box.sandbox.ledger.orders() == []


def test_body_of_127_utf8_bytes_is_accepted(box: Running) -> None:
    body = "咖" * 42 + "x"  # 126 + 1 bytes
    assert len(body.encode("utf-8")) == 127
    answer = box.client.order("BODYLIMIT1", body=body)
    assert answer["result_code"] == "SUCCESS"
    assert box.sandbox.ledger.order("10000100", "BODYLIMIT1").body == body


def test_out_trade_no_accepts_its_whole_alphabet(box: Running) -> None:
    answer = box.client.order("Ab_9-|*z")
    assert answer["result_code"] == "SUCCESS"


def test_six_character_minimum_is_a_switch(make_sandbox: Callable[..., Running]) -> None:
    lax = make_sandbox(options=SandboxOptions(out_trade_no_min_length=1))
    assert lax.client.order("A1")["result_code"] == "SUCCESS"


def test_time_expire_must_leave_one_minute(box: Running, clock: FakeClock) -> None:
    too_short = wire(clock() + __import__("datetime").timedelta(seconds=50))
    assert_protocol_fail(
        box.client.order("ORDEREXP01", time_expire=too_short), "time_expire时间过短"
    )
    ok = wire(clock() + __import__("datetime").timedelta(seconds=61))
    assert box.client.order("ORDEREXP02", time_expire=ok)["result_code"] == "SUCCESS"


def test_the_old_five_minute_rule_is_a_switch(
    make_sandbox: Callable[..., Running], clock: FakeClock
) -> None:
    from datetime import timedelta

    old = make_sandbox(clock=clock, options=SandboxOptions(min_expire_minutes=5))
    assert_protocol_fail(
        old.client.order("ORDEREXP03", time_expire=wire(clock() + timedelta(minutes=4))),
        "time_expire时间过短",
    )
    assert (
        old.client.order("ORDEREXP04", time_expire=wire(clock() + timedelta(minutes=5)))[
            "result_code"
        ]
        == "SUCCESS"
    )


def test_reentry_rules(box: Running) -> None:
    first = box.client.order("ORDERAGAIN1", attach="till=01&shift=A")
    again = box.client.order("ORDERAGAIN1", attach="till=01&shift=A")
    assert again["result_code"] == "SUCCESS"
    assert (again["code_url"], again["prepay_id"]) == (first["code_url"], first["prepay_id"])
    changed = box.client.order("ORDERAGAIN1", total_fee=2551, attach="till=01&shift=A")
    assert_business_fail(changed, "INVALID_REQUEST")
    assert changed["err_code_des"] == "201 商户订单号重复"
    box.sandbox.customer_scan(first["code_url"])
    assert_business_fail(box.client.order("ORDERAGAIN1", attach="till=01&shift=A"), "ORDERPAID")
    box.client.order("ORDERAGAIN2")
    box.client.call("/pay/closeorder", out_trade_no="ORDERAGAIN2")
    assert_business_fail(box.client.order("ORDERAGAIN2"), "ORDERCLOSED")


def test_duplicate_code_is_a_switch(make_sandbox: Callable[..., Running]) -> None:
    strict = make_sandbox(options=SandboxOptions(duplicate_err_code="OUT_TRADE_NO_USED"))
    strict.client.order("ORDERDUP01")
    assert_business_fail(strict.client.order("ORDERDUP01", total_fee=1), "OUT_TRADE_NO_USED")


def test_order_query_follows_the_state_machine(box: Running) -> None:
    created = box.client.order("ORDERQUERY1", attach="till=01&shift=A")
    unpaid = box.client.call("/pay/orderquery", out_trade_no="ORDERQUERY1")
    assert_signed(unpaid)
    assert unpaid["trade_state"] == "NOTPAY"
    assert unpaid["trade_state_desc"] == "订单未支付"
    assert unpaid["attach"] == "till=01&shift=A"
    assert "transaction_id" not in unpaid.fields and "time_end" not in unpaid.fields
    paid = box.sandbox.customer_scan(created["code_url"])
    assert paid["result"] == "paid"
    assert re.fullmatch(r"42000\d{23}", paid["transaction_id"])
    by_number = box.client.call("/pay/orderquery", out_trade_no="ORDERQUERY1")
    assert by_number["trade_state"] == "SUCCESS"
    assert by_number["transaction_id"] == paid["transaction_id"]
    assert by_number["total_fee"] == by_number["cash_fee"] == "2550"
    assert re.fullmatch(r"\d{14}", by_number["time_end"])
    for name in ("openid", "bank_type", "is_subscribe", "trade_type", "fee_type"):
        assert by_number[name]
    # transaction_id wins over out_trade_no (§3.2).
    by_id = box.client.call(
        "/pay/orderquery", transaction_id=paid["transaction_id"], out_trade_no="SOMETHINGELSE"
    )
    assert by_id["out_trade_no"] == "ORDERQUERY1"


def test_unknown_orders(box: Running) -> None:
    assert_business_fail(
        box.client.call("/pay/orderquery", out_trade_no="NOSUCHORDER"), "ORDERNOTEXIST"
    )
    assert_business_fail(
        box.client.call("/pay/orderquery", transaction_id="4200001234"), "ORDERNOTEXIST"
    )
    assert_protocol_fail(box.client.call("/pay/orderquery"), "缺少参数")


def test_close_order_rules(box: Running) -> None:
    created = box.client.order("ORDERCLOSE1")
    closed = box.client.call("/pay/closeorder", out_trade_no="ORDERCLOSE1")
    assert_signed(closed)
    assert closed["result_code"] == "SUCCESS" and closed["result_msg"] == "OK"
    query = box.client.call("/pay/orderquery", out_trade_no="ORDERCLOSE1")
    assert (query["trade_state"], query["trade_state_desc"]) == ("CLOSED", "订单已关闭")
    assert_business_fail(
        box.client.call("/pay/closeorder", out_trade_no="ORDERCLOSE1"), "ORDERCLOSED"
    )
    refused = box.sandbox.customer_scan(created["code_url"])
    assert refused == {"result": "refused", "reason": "CLOSED", "message": refused["message"]}
    # An order number that never existed closes successfully (§3.3 [OBS]).
    assert (
        box.client.call("/pay/closeorder", out_trade_no="NEVERCREATED")["result_code"] == "SUCCESS"
    )
    paid = box.client.order("ORDERCLOSE2")
    box.sandbox.customer_scan(paid["code_url"])
    assert_business_fail(
        box.client.call("/pay/closeorder", out_trade_no="ORDERCLOSE2"), "ORDERPAID"
    )


def test_strict_five_minute_close_is_a_switch(
    make_sandbox: Callable[..., Running], clock: FakeClock
) -> None:
    strict = make_sandbox(clock=clock, options=SandboxOptions(strict_close_5min=True))
    strict.client.order("ORDERCLOSE3")
    assert_business_fail(
        strict.client.call("/pay/closeorder", out_trade_no="ORDERCLOSE3"), "SYSTEMERROR"
    )
    clock.advance(minutes=5)
    assert (
        strict.client.call("/pay/closeorder", out_trade_no="ORDERCLOSE3")["result_code"]
        == "SUCCESS"
    )


def test_payment_is_refused_after_time_expire(box: Running, clock: FakeClock) -> None:
    from datetime import timedelta

    created = box.client.order("ORDERLATE01", time_expire=wire(clock() + timedelta(minutes=2)))
    clock.advance(minutes=2, seconds=1)
    assert box.sandbox.customer_scan(created["code_url"])["reason"] == "EXPIRED"
    assert box.client.call("/pay/orderquery", out_trade_no="ORDERLATE01")["trade_state"] == "NOTPAY"


def test_payment_is_refused_two_hours_after_creation(box: Running, clock: FakeClock) -> None:
    created = box.client.order("ORDERLATE02")
    clock.advance(hours=2, seconds=1)
    assert box.sandbox.customer_scan(created["code_url"])["reason"] == "EXPIRED"


def test_grace_period_reproduces_a_late_payment(
    make_sandbox: Callable[..., Running], clock: FakeClock
) -> None:
    from datetime import timedelta

    lax = make_sandbox(clock=clock, options=SandboxOptions(late_payment_grace=60))
    created = lax.client.order("ORDERLATE03", time_expire=wire(clock() + timedelta(minutes=1)))
    clock.advance(minutes=1, seconds=30)
    assert lax.sandbox.customer_scan(created["code_url"])["result"] == "paid"


def test_coupon_makes_cash_fee_lower(box: Running) -> None:
    created = box.client.order("ORDERCOUPON1")
    assert box.sandbox.customer_scan(created["code_url"], coupon_fee=500)["cash_fee"] == "2050"
    query = box.client.call("/pay/orderquery", out_trade_no="ORDERCOUPON1")
    assert (query["total_fee"], query["cash_fee"], query["coupon_fee"]) == ("2550", "2050", "500")
    assert query["coupon_count"] == "1" and query["coupon_fee_0"] == "500"


def test_customer_cannot_pay_twice(box: Running) -> None:
    created = box.client.order("ORDERTWICE1")
    assert box.sandbox.customer_scan(created["code_url"])["result"] == "paid"
    assert box.sandbox.customer_scan(created["code_url"])["reason"] == "ORDERPAID"
    assert box.sandbox.customer_scan("weixin://wxpay/bizpayurl?pr=zzzzzzz")["reason"] == "NOT_FOUND"


def test_scan_over_http_and_cancel(box: Running) -> None:
    created = box.client.order("ORDERSCAN01")
    cancel = httpx.post(
        box.url + "/sandbox/scan", data={"code_url": created["code_url"], "action": "cancel"}
    )
    assert cancel.status_code == 200 and cancel.json()["result"] == "cancelled"
    assert box.sandbox.ledger.order("10000100", "ORDERSCAN01").state is TradeState.NOTPAY
    pay = httpx.post(
        box.url + "/sandbox/scan", data={"code_url": created["code_url"], "action": "pay"}
    )
    assert pay.status_code == 200 and pay.json()["result"] == "paid"
    again = httpx.post(
        box.url + "/sandbox/scan", data={"code_url": created["code_url"], "action": "pay"}
    )
    assert again.status_code == 409 and again.json()["reason"] == "ORDERPAID"
    bad = httpx.post(box.url + "/sandbox/scan", data={"code_url": "x", "action": "steal"})
    assert bad.status_code == 400


def test_pay_page_for_a_person(box: Running) -> None:
    created = box.client.order("ORDERPAGE01")
    page = httpx.get(box.url + "/sandbox/pay", params={"code_url": created["code_url"]})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "支付 / Pay" in page.text and "取消 / Cancel" in page.text and "¥25.50" in page.text
    done = httpx.post(
        box.url + "/sandbox/pay", data={"code_url": created["code_url"], "action": "pay"}
    )
    assert "支付成功 / Payment successful" in done.text
    assert box.sandbox.ledger.order("10000100", "ORDERPAGE01").state is TradeState.SUCCESS
    unknown = httpx.get(box.url + "/sandbox/pay", params={"code_url": "<script>"})
    assert "<script>" not in unknown.text


def test_health(box: Running) -> None:
    health = httpx.get(box.url + "/sandbox/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"


def test_merchant_checks(make_sandbox: Callable[..., Running]) -> None:
    other = Merchant(
        appid="wx0000000000000001", mch_id="10000200", api_key="0123456789abcdef0123456789abcdef"
    )
    running = make_sandbox(merchants=[DEFAULT_MERCHANT, other])
    answer = running.client.call("/pay/orderquery", out_trade_no="ORDERMCH01", mch_id="99999999")
    assert_protocol_fail(answer, "商户号mch_id不存在")
    mismatch = running.client.call(
        "/pay/orderquery", out_trade_no="ORDERMCH01", appid="wx0000000000000001"
    )
    assert_business_fail(mismatch, "APPID_MCHID_NOT_MATCH")
    running.client.merchant = other
    assert running.client.order("ORDERMCH02")["result_code"] == "SUCCESS"
    # Merchants are separate: the order is not the default merchant's.
    assert running.sandbox.ledger.find_order(DEFAULT_MERCHANT.mch_id, "ORDERMCH02") is None


def test_wrong_signatures(box: Running) -> None:
    fields = box.client.signed({"out_trade_no": "ORDERSIGN01"})
    fields["sign"] = fields["sign"].lower()  # case-sensitive compare (§6)
    answer = box.client.post_raw("/pay/orderquery", xmlcodec.encode(fields))
    assert (
        answer.raw
        == (
            "<xml><return_code><![CDATA[FAIL]]></return_code>"
            "<return_msg><![CDATA[签名错误]]></return_msg></xml>"
        ).encode()
    )
    wrong_key = box.client.call("/pay/orderquery", key="0" * 32, out_trade_no="ORDERSIGN01")
    assert_protocol_fail(wrong_key, "签名错误")
    # HMAC signature declared as MD5 (no sign_type) is wrong.
    hmac_fields = box.client.signed({"out_trade_no": "ORDERSIGN01"}, sign_type=SignType.HMAC_SHA256)
    del hmac_fields["sign_type"]
    assert_protocol_fail(
        box.client.post_raw("/pay/orderquery", xmlcodec.encode(hmac_fields)), "签名错误"
    )
    unknown_type = box.client.signed({"out_trade_no": "ORDERSIGN01", "sign_type": "SHA1"})
    assert_protocol_fail(
        box.client.post_raw("/pay/orderquery", xmlcodec.encode(unknown_type)),
        "sign_type参数格式错误",
    )
    unsigned = box.client.signed({"out_trade_no": "ORDERSIGN01"})
    del unsigned["sign"]
    assert_protocol_fail(
        box.client.post_raw("/pay/orderquery", xmlcodec.encode(unsigned)), "缺少参数sign"
    )


def test_sandbox_paths_use_the_sandbox_key(box: Running) -> None:
    key_answer = box.client.call("/sandboxnew/pay/getsignkey")
    assert key_answer["return_code"] == "SUCCESS"
    sandbox_key = key_answer["sandbox_signkey"]
    assert len(sandbox_key) == 32 and sandbox_key != KEY
    current = box.client.call("/xdc/apiv2getsignkey/sign/getsignkey")
    assert current["sandbox_signkey"] == sandbox_key  # stable
    # getsignkey is signed with the production key; the sandbox key does not work there.
    assert_protocol_fail(box.client.call("/sandboxnew/pay/getsignkey", key=sandbox_key), "签名错误")
    for prefix in ("/sandboxnew", "/xdc/apiv2sandbox"):
        number = "SANDBOX" + prefix.strip("/").replace("/", "")[:8]
        fields = {
            "body": "test",
            "out_trade_no": number,
            "total_fee": "101",
            "spbill_create_ip": "127.0.0.1",
            "notify_url": "http://127.0.0.1:9/n",
            "trade_type": "NATIVE",
            "product_id": "P",
        }
        answer = box.client.call(prefix + "/pay/unifiedorder", key=sandbox_key, **fields)
        assert_signed(answer, key=sandbox_key)
        assert_protocol_fail(
            box.client.call(prefix + "/pay/orderquery", out_trade_no=number), "签名错误"
        )  # production key on a sandbox path
        hmac = box.client.call(
            prefix + "/pay/orderquery",
            key=sandbox_key,
            sign_type=SignType.HMAC_SHA256,
            out_trade_no=number,
        )
        assert_protocol_fail(hmac, "仿真测试系统仅支持MD5")


def test_every_production_path_is_served(box: Running) -> None:
    for path in (
        "/pay/unifiedorder",
        "/pay/orderquery",
        "/pay/closeorder",
        "/secapi/pay/refund",
        "/pay/refundquery",
        "/pay/downloadbill",
        "/pay/micropay",
        "/secapi/pay/reverse",
        "/sandboxnew/pay/refund",
        "/sandboxnew/secapi/pay/refund",
        "/xdc/apiv2sandbox/secapi/pay/reverse",
    ):
        answer = box.client.post_raw(path, b"")
        assert_protocol_fail(answer, "post数据为空")
