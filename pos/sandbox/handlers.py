"""The sandbox's v2 business: one handler per protocol path, from a verified Call to its reply.

:mod:`pos.sandbox.app` parses and checks a request (size, XML, merchant, signature, faults)
and hands it here as a :class:`Call`; a handler answers with the fields of §1.4's envelope,
or raw bytes (a bill).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pos.sandbox import bill as billing
from pos.sandbox.codes import read_report
from pos.sandbox.ledger import TRADE_STATE_DESC
from pos.sandbox.records import BusinessFail, Order, ParamFail, Refund, text_time
from pos.sandbox.simulator import Simulator
from pos.wechatpay import xmlcodec
from pos.wechatpay.signing import make_nonce, make_sign
from pos.wechatpay.types import BEIJING, Merchant, SignType, TradeState, to_wire_time

Fields = dict[str, str | int]
Handler = Callable[["Call"], "Fields | bytes | Reply"]


@dataclass
class Call:
    """One verified protocol request: who sent it, with which key and algorithm."""

    sandbox: Simulator
    merchant: Merchant
    fields: dict[str, str]
    sign_type: SignType
    key: str
    now: datetime


@dataclass
class Reply:
    """What a protocol endpoint answers, before the after-processing faults are applied."""

    body: bytes
    status: int = 200
    content_type: str = "text/xml; charset=utf-8"
    signed: bool = False


def fail_reply(message: str, **extra: str) -> Reply:
    return Reply(xmlcodec.encode({"return_code": "FAIL", "return_msg": message, **extra}))


def signed_reply(call: Call, fields: Mapping[str, str | int]) -> Reply:
    """Envelope of §1.4, signed with the request's algorithm, fresh nonce, no sign_type."""
    body: Fields = {
        "return_code": "SUCCESS",
        "return_msg": "OK",
        "appid": call.fields.get("appid", call.merchant.appid),
        "mch_id": call.merchant.mch_id,
    }
    if call.fields.get("device_info"):
        body["device_info"] = call.fields["device_info"]
    body["nonce_str"] = make_nonce()
    body.update({k: v for k, v in fields.items() if v != ""})
    body["sign"] = make_sign(body, call.key, call.sign_type)
    return Reply(xmlcodec.encode(body), signed=True)


def business_fail(call: Call, code: str, description: str) -> Reply:
    return signed_reply(
        call, {"result_code": "FAIL", "err_code": code, "err_code_des": description}
    )


# --- endpoint handlers ------------------------------------------------------------------------


def unified_order(call: Call) -> Fields:
    order = call.sandbox.ledger.unified_order(
        call.merchant.mch_id, call.fields["appid"], call.fields, call.sign_type, call.now
    )
    out: Fields = {
        "result_code": "SUCCESS",
        "prepay_id": order.prepay_id,
        "trade_type": order.trade_type,
    }
    if order.code_url:
        out["code_url"] = order.code_url
    if order.trade_type == "MWEB":
        out["mweb_url"] = (
            "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + order.prepay_id
        )
    return out


def order_fields(order: Order) -> Fields:
    """orderquery's fields per state (§3.2): few for unpaid orders, the full set once paid."""
    out: Fields = {"result_code": "SUCCESS"}
    if order.state.is_paid or (order.state is TradeState.REVOKED and order.time_end):
        out.update(
            {
                "openid": order.openid,
                "is_subscribe": order.is_subscribe,
                "trade_type": order.trade_type,
                "trade_state": order.state.value,
                "bank_type": order.bank_type,
                "total_fee": order.total_fee,
                "fee_type": "CNY",
                "cash_fee": order.cash_fee,
                "cash_fee_type": "CNY",
            }
        )
        if order.coupon_fee:
            out.update(
                {
                    "coupon_fee": order.coupon_fee,
                    "coupon_count": 1,
                    "coupon_type_0": "CASH",
                    "coupon_id_0": order.coupon_id,
                    "coupon_fee_0": order.coupon_fee,
                }
            )
        assert order.time_end is not None
        out.update(
            {
                "transaction_id": order.transaction_id,
                "out_trade_no": order.out_trade_no,
                "attach": order.attach,
                "time_end": to_wire_time(order.time_end),
            }
        )
    else:
        out.update(
            {
                "out_trade_no": order.out_trade_no,
                "attach": order.attach,
                "trade_state": order.state.value,
                "total_fee": order.total_fee,
            }
        )
        if order.is_micropay:
            out["trade_type"] = order.trade_type
            if order.transaction_id:
                out["transaction_id"] = order.transaction_id
    out["trade_state_desc"] = TRADE_STATE_DESC[order.state]
    return out


def order_query(call: Call) -> Fields:
    fields = call.fields
    if not (fields.get("transaction_id") or fields.get("out_trade_no")):
        raise ParamFail("缺少参数out_trade_no")
    order = call.sandbox.ledger.find_order(
        call.merchant.mch_id, fields.get("out_trade_no", ""), fields.get("transaction_id", "")
    )
    if order is None:
        raise BusinessFail("ORDERNOTEXIST", "订单不存在")
    return order_fields(order)


def close_order(call: Call) -> Fields:
    if not call.fields.get("out_trade_no"):
        raise ParamFail("缺少参数out_trade_no")
    call.sandbox.ledger.close(call.merchant.mch_id, call.fields["out_trade_no"], call.now)
    return {"result_code": "SUCCESS", "result_msg": "OK"}


def refund(call: Call) -> Fields:
    ledger = call.sandbox.ledger
    accepted = ledger.apply_refund(call.merchant.mch_id, call.fields, call.now)
    order = ledger.order(call.merchant.mch_id, accepted.out_trade_no)
    out: Fields = {
        "result_code": "SUCCESS",
        "transaction_id": order.transaction_id,
        "out_trade_no": order.out_trade_no,
        "out_refund_no": accepted.out_refund_no,
        "refund_id": accepted.refund_id,
        "refund_fee": accepted.refund_fee,
        "settlement_refund_fee": accepted.refund_fee,
        "coupon_refund_fee": accepted.coupon_refund_fee,
        "total_fee": order.total_fee,
        "cash_fee": order.cash_fee,
        "coupon_refund_count": 1 if accepted.coupon_refund_fee else 0,
        "cash_refund_fee": accepted.cash_refund_fee,
    }
    return out


def _refund_fields(n: int, item: Refund) -> Fields:
    out: Fields = {
        f"out_refund_no_{n}": item.out_refund_no,
        f"refund_id_{n}": item.refund_id,
        f"refund_channel_{n}": item.channel,
        f"refund_fee_{n}": item.refund_fee,
        f"settlement_refund_fee_{n}": item.refund_fee,
    }
    if item.coupon_refund_fee:
        out[f"coupon_refund_fee_{n}"] = item.coupon_refund_fee
        out[f"coupon_refund_count_{n}"] = 1
    out.update(
        {
            f"refund_status_{n}": item.status.value,
            f"refund_account_{n}": item.refund_account,
            f"refund_recv_accout_{n}": item.recv_account,
        }
    )
    if item.success_time is not None:
        out[f"refund_success_time_{n}"] = text_time(item.success_time)
    return out


def refund_query(call: Call) -> Fields:
    order, page, total = call.sandbox.ledger.query_refunds(call.merchant.mch_id, call.fields)
    out: Fields = {"result_code": "SUCCESS"}
    if total is not None:
        out["total_refund_count"] = total
    out.update(
        {
            "transaction_id": order.transaction_id,
            "out_trade_no": order.out_trade_no,
            "total_fee": order.total_fee,
            "cash_fee": order.cash_fee,
            "refund_count": len(page),
        }
    )
    for n, item in enumerate(page):
        out.update(_refund_fields(n, item))
    return out


def micropay(call: Call) -> Fields:
    answer = call.sandbox.ledger.micropay(
        call.merchant.mch_id, call.fields["appid"], call.fields, call.sign_type, call.now
    )
    if answer.fail is not None:
        raise answer.fail
    order = answer.order
    assert order is not None and order.time_end is not None
    out: Fields = {
        "result_code": "SUCCESS",
        "openid": order.openid,
        "is_subscribe": order.is_subscribe,
        "trade_type": "MICROPAY",
        "bank_type": order.bank_type,
        "total_fee": order.total_fee,
        "fee_type": "CNY",
        "cash_fee": order.cash_fee,
        "cash_fee_type": "CNY",
        "transaction_id": order.transaction_id,
        "out_trade_no": order.out_trade_no,
        "attach": order.attach,
        "time_end": to_wire_time(order.time_end),
    }
    return out


def reverse(call: Call) -> Fields:
    _, recall = call.sandbox.ledger.reverse(call.merchant.mch_id, call.fields, call.now)
    return {"result_code": "SUCCESS", "recall": "Y" if recall else "N"}


def report(call: Call) -> Reply:
    """``payitil/report`` (交易保障): recorded; the reply is the documented one, unsigned."""
    call.sandbox.record_report(read_report(call.merchant.mch_id, call.fields, call.now))
    return Reply(
        xmlcodec.encode({"return_code": "SUCCESS", "return_msg": "OK", "result_code": "SUCCESS"})
    )


def download_bill(call: Call) -> Fields | bytes:
    fields = call.fields
    if not fields.get("bill_date"):
        raise ParamFail("missing parameter")
    text_date = fields["bill_date"]
    try:
        if len(text_date) != 8 or not text_date.isdigit():
            raise ValueError(text_date)
        day = datetime.strptime(text_date, "%Y%m%d").replace(tzinfo=BEIJING).date()
    except ValueError as exc:
        raise ParamFail("invalid bill_date") from exc
    bill_type = fields.get("bill_type") or "ALL"
    if bill_type not in billing.BILL_TYPES:
        raise ParamFail("invalid bill_type")
    tar_type = fields.get("tar_type", "")
    if tar_type not in ("", "GZIP"):
        raise ParamFail("invalid tar_type")
    now = call.now.astimezone(BEIJING)
    today = now.date()
    options = call.sandbox.options
    if day > today or (day == today and not options.bill_allow_today):
        raise BillFail("Bill Creating")
    if options.bill_ready_at_10 and day == today - timedelta(days=1) and now.hour < 10:
        raise BillFail("Bill Creating")
    if day < _three_months_before(today):
        raise BillFail("invalid bill_date", "20001")
    text = billing.build_bill(call.sandbox.ledger, call.merchant.mch_id, day, bill_type)
    if text is None:
        raise BillFail("No Bill Exist", "20002")
    data = text.encode("utf-8")
    return gzip.compress(data, mtime=0) if tar_type == "GZIP" else data


class BillFail(Exception):
    def __init__(self, message: str, error_code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.error_code = error_code


def _three_months_before(today: date) -> date:
    month = today.month - 3
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day in (today.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


HANDLERS: dict[str, Handler] = {
    "pay/unifiedorder": unified_order,
    "pay/orderquery": order_query,
    "pay/closeorder": close_order,
    "secapi/pay/refund": refund,
    "pay/refundquery": refund_query,
    "pay/downloadbill": download_bill,
    "pay/micropay": micropay,
    "secapi/pay/reverse": reverse,
    "payitil/report": report,
}
