"""Reading WeChat Pay's replies: typed results from their fields; GarbledResponse if unreadable."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pos.errors import GarbledResponse
from pos.wechatpay.types import (
    OrderStatus,
    RefundInfo,
    RefundQueryResult,
    RefundStatus,
    TradeState,
    from_text_time,
    from_wire_time,
)


def parse_order_status(
    fields: Mapping[str, str], *, endpoint: str = "pay/orderquery", out_trade_no: str | None = None
) -> OrderStatus:
    """An ``orderquery`` reply (result SUCCESS) as :class:`OrderStatus`."""
    try:
        state = TradeState(fields.get("trade_state", ""))
    except ValueError as exc:
        raise GarbledResponse(
            f"{endpoint}: unknown trade_state", endpoint=endpoint, out_trade_no=out_trade_no
        ) from exc
    time_end = fields.get("time_end")
    return OrderStatus(
        out_trade_no=fields.get("out_trade_no") or out_trade_no or "",
        trade_state=state,
        trade_state_desc=fields.get("trade_state_desc", ""),
        transaction_id=fields.get("transaction_id") or None,
        total_fee=optional_integer(fields, "total_fee", endpoint),
        cash_fee=optional_integer(fields, "cash_fee", endpoint),
        time_end=wire_time(time_end, endpoint) if time_end else None,
        bank_type=fields.get("bank_type") or None,
        trade_type=fields.get("trade_type") or None,
        openid=fields.get("openid") or None,
        attach=fields.get("attach") or None,
    )


def parse_refund_query(
    fields: Mapping[str, str], *, endpoint: str = "pay/refundquery"
) -> RefundQueryResult:
    """A ``refundquery`` reply: the ``_$n`` fields of this page as :class:`RefundInfo` (§3.6)."""
    count = integer(fields, "refund_count", endpoint)
    refunds = []
    for n in range(count):
        success_time = fields.get(f"refund_success_time_{n}")
        try:
            when = from_text_time(success_time) if success_time else None
        except ValueError as exc:
            raise GarbledResponse(
                f"{endpoint}: bad refund_success_time_{n}", endpoint=endpoint
            ) from exc
        refunds.append(
            RefundInfo(
                out_refund_no=required(fields, f"out_refund_no_{n}", endpoint),
                refund_id=required(fields, f"refund_id_{n}", endpoint),
                refund_fee=integer(fields, f"refund_fee_{n}", endpoint),
                status=RefundStatus.parse(fields.get(f"refund_status_{n}", "")),
                success_time=when,
                recv_account=fields.get(f"refund_recv_accout_{n}") or None,
                channel=fields.get(f"refund_channel_{n}") or None,
            )
        )
    return RefundQueryResult(
        out_trade_no=fields.get("out_trade_no", ""),
        transaction_id=fields.get("transaction_id", ""),
        total_fee=integer(fields, "total_fee", endpoint),
        refunds=tuple(refunds),
        total_refund_count=optional_integer(fields, "total_refund_count", endpoint),
    )


def required(fields: Mapping[str, str], name: str, endpoint: str) -> str:
    """A field the reply must carry, not empty."""
    value = fields.get(name, "")
    if not value:
        raise GarbledResponse(f"{endpoint}: reply lacks {name}", endpoint=endpoint)
    return value


def integer(fields: Mapping[str, str], name: str, endpoint: str) -> int:
    """A field the reply must carry, as an integer (fen, a count)."""
    value = optional_integer(fields, name, endpoint)
    if value is None:
        raise GarbledResponse(f"{endpoint}: reply lacks {name}", endpoint=endpoint)
    return value


def optional_integer(fields: Mapping[str, str], name: str, endpoint: str) -> int | None:
    """A field the reply may carry, as an integer; None when it is absent or empty."""
    text = fields.get(name, "")
    if not text:
        return None
    # §2.6: integers are plain decimal text; "25.5" or "2550.0" is not an amount in fen.
    if not (text.isascii() and text.isdigit()):
        raise GarbledResponse(f"{endpoint}: {name} is not an integer", endpoint=endpoint)
    return int(text)


def wire_time(text: str, endpoint: str) -> datetime:
    """A ``yyyyMMddHHmmss`` Beijing time of the reply (§2.6), timezone-aware."""
    try:
        return from_wire_time(text)
    except ValueError as exc:
        raise GarbledResponse(f"{endpoint}: bad time {text!r}", endpoint=endpoint) from exc
