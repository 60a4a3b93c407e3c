"""The daily transaction bill as text, built from the ledger in the format of §3.8."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from pos.sandbox.ledger import Ledger
from pos.sandbox.records import Order, Refund, text_time, yuan

_COMMON = """交易时间 公众账号ID 商户号 特约商户号 设备号 微信订单号 商户订单号 用户标识
    交易类型 交易状态 付款银行 货币种类 应结订单金额 代金券金额"""
ALL_HEADER = ",".join(
    f"""{_COMMON} 微信退款单号 商户退款单号 退款金额 充值券退款金额
    退款类型 退款状态 商品名称 商户数据包 手续费 费率 订单金额 申请退款金额 费率备注""".split()
)
SUCCESS_HEADER = ",".join(
    f"""{_COMMON} 商品名称 商户数据包 手续费 费率 订单金额
    费率备注""".split()
)
REFUND_HEADER = ",".join(
    f"""{_COMMON} 退款申请时间 退款成功时间 微信退款单号 商户退款单号
    退款金额 充值券退款金额 退款类型 退款状态 商品名称 商户数据包 手续费 费率 订单金额
    申请退款金额 费率备注""".split()
)
SUMMARY_HEADER = (
    "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"
)
BILL_TYPES = ("ALL", "SUCCESS", "REFUND")


def fee_text(fen: int) -> str:
    """A fee in fen as the bill prints it: yuan with 5 decimals, sign kept (``-0.03000``)."""
    return str((Decimal(fen) / 100).quantize(Decimal("0.00001")))


def _line(values: Sequence[str]) -> str:
    # Every detail and summary value carries a leading backtick; no quoting exists (§3.8).
    return ",".join("`" + value for value in values)


def build_bill(ledger: Ledger, mch_id: str, day: date, bill_type: str) -> str | None:
    """The bill text of one Beijing day, or None when it has no rows (``No Bill Exist``)."""
    if bill_type not in BILL_TYPES:
        raise ValueError(bill_type)
    payments, refunds = ledger.bill_rows(mch_id, day)
    rate = f"{(ledger.options.fee_rate * 100).quantize(Decimal('0.01'))}%"
    lines: list[str] = []
    count = settled = refunded = coupon_refunded = fees = ordered = applied = 0

    if bill_type in ("ALL", "SUCCESS"):
        for order, paid_at in payments:
            fee = ledger.fee(order.total_fee)
            lines.append(_line(_payment_values(order, paid_at, bill_type, fee, rate)))
            count += 1
            settled += order.total_fee
            fees += fee
            ordered += order.total_fee
    if bill_type in ("ALL", "REFUND"):
        for order, refund in refunds:
            fee = -ledger.fee(refund.refund_fee)
            values = _refund_values(order, refund, bill_type, fee, rate)
            lines.append(_line(values))
            count += 1
            refunded += refund.cash_refund_fee
            coupon_refunded += refund.coupon_refund_fee
            fees += fee
            applied += refund.refund_fee
    if not lines:
        return None
    header = {"ALL": ALL_HEADER, "SUCCESS": SUCCESS_HEADER, "REFUND": REFUND_HEADER}[bill_type]
    summary = [
        str(count),
        yuan(settled),
        yuan(refunded),
        yuan(coupon_refunded),
        fee_text(fees),
        yuan(ordered),
        yuan(applied),
    ]
    return "\n".join([header, *lines, SUMMARY_HEADER, _line(summary)]) + "\n"


def _order_columns(order: Order) -> list[str]:
    """The order's columns, the same in a payment's row and in a refund's."""
    return [
        order.appid,
        order.mch_id,
        "0",
        order.device_info,
        order.transaction_id,
        order.out_trade_no,
        order.openid,
        order.trade_type,
    ]


def _payment_values(
    order: Order, paid_at: datetime, bill_type: str, fee: int, rate: str
) -> list[str]:
    state = "REVOKED" if order.revoked_at is not None else "SUCCESS"
    head = [
        text_time(paid_at),
        *_order_columns(order),
        state,
        order.bank_type,
        "CNY",
        yuan(order.total_fee),
        yuan(order.coupon_fee),
    ]
    if bill_type == "ALL":
        return [
            *head,
            "0",
            "0",
            "0.00",
            "0.00",
            "",
            "",
            order.body,
            order.attach,
            fee_text(fee),
            rate,
            yuan(order.total_fee),
            "0.00",
            "",
        ]
    return [*head, order.body, order.attach, fee_text(fee), rate, yuan(order.total_fee), ""]


def _refund_values(order: Order, refund: Refund, bill_type: str, fee: int, rate: str) -> list[str]:
    head = [
        text_time(refund.accepted_at),
        *_order_columns(order),
        "REFUND",
        order.bank_type,
        "CNY",
        "0.00",
        "0.00",
    ]
    if bill_type == "REFUND":
        success = text_time(refund.success_time) if refund.success_time else ""
        head += [text_time(refund.accepted_at), success]
    return [
        *head,
        refund.refund_id,
        refund.out_refund_no,
        yuan(refund.cash_refund_fee),
        yuan(refund.coupon_refund_fee),
        refund.channel,
        refund.status.value,
        order.body,
        order.attach,
        fee_text(fee),
        rate,
        "0.00",
        yuan(refund.refund_fee),
        "",
    ]
