"""The sandbox's records: orders, refunds and the events they cause, the request-field
checks with their §6 texts, and the records' JSON form for the state file."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from pos.wechatpay.types import BEIJING, TEXT_TIME, RefundStatus, SignType, TradeState

OUT_TRADE_NO_CHARS = re.compile(r"[A-Za-z0-9_\-|*]+")


class BusinessFail(Exception):
    """A signed ``result_code=FAIL`` reply: ``err_code`` and ``err_code_des``."""

    def __init__(self, code: str, description: str) -> None:
        super().__init__(f"{code}: {description}")
        self.code = code
        self.description = description


class ParamFail(Exception):
    """An unsigned ``return_code=FAIL`` reply: ``return_msg`` like ``缺少参数x``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Refund:
    """One refund as WeChat keeps it (§3.5–§3.7)."""

    mch_id: str
    out_refund_no: str
    refund_id: str
    out_trade_no: str
    refund_fee: int
    coupon_refund_fee: int
    accepted_at: datetime
    settles_at: datetime
    notify_url: str | None
    refund_desc: str = ""
    status: RefundStatus = RefundStatus.PROCESSING
    success_time: datetime | None = None
    refund_account: str = "REFUND_SOURCE_UNSETTLED_FUNDS"
    recv_account: str = "支付用户零钱"
    channel: str = "ORIGINAL"

    @property
    def cash_refund_fee(self) -> int:
        return self.refund_fee - self.coupon_refund_fee


@dataclass
class Order:
    """One order as WeChat keeps it: the request's fields, the ids it issued, its state."""

    mch_id: str
    appid: str
    out_trade_no: str
    total_fee: int
    trade_type: str
    sign_type: SignType
    fields: dict[str, str]
    created_at: datetime
    prepay_id: str = ""
    code_url: str = ""
    time_expire: datetime | None = None
    state: TradeState = TradeState.NOTPAY
    transaction_id: str = ""
    time_end: datetime | None = None
    cash_fee: int = 0
    coupon_fee: int = 0
    coupon_id: str = ""
    openid: str = ""
    bank_type: str = "OTHERS"
    is_subscribe: str = "N"
    closed_at: datetime | None = None
    revoked_at: datetime | None = None
    auth_code: str = ""
    scenario: str = ""
    resolves_at: datetime | None = None
    recalled: bool = False
    #: The customer scanned the QR and the password sheet is open (the sandbox's ``scan``
    #: action); WeChat still answers NOTPAY until the payment is done (§4.2).
    scanned_at: datetime | None = None
    refunds: list[Refund] = field(default_factory=list)

    @property
    def notify_url(self) -> str:
        return self.fields.get("notify_url", "")

    @property
    def body(self) -> str:
        return self.fields.get("body", "")

    @property
    def attach(self) -> str:
        return self.fields.get("attach", "")

    @property
    def device_info(self) -> str:
        return self.fields.get("device_info", "")

    @property
    def refunded_fee(self) -> int:
        """Σ of accepted refunds that did not close (a REFUNDCLOSE gives the money back)."""
        return sum(r.refund_fee for r in self.refunds if r.status is not RefundStatus.REFUNDCLOSE)

    @property
    def is_micropay(self) -> bool:
        return self.trade_type == "MICROPAY"


@dataclass(frozen=True)
class Event:
    """Something WeChat Pay sends after an operation: a payment or a refund notification."""

    kind: str  # "payment" or "refund"
    order: Order
    refund: Refund | None = None


@dataclass(frozen=True)
class MicropayAnswer:
    """What ``micropay`` answers: the order (if one exists) and a business failure, if any."""

    order: Order | None
    fail: BusinessFail | None


# --- validation helpers (return_code=FAIL texts of §6) ---------------------------------------


def require(fields: Mapping[str, str], *names: str) -> None:
    for name in names:
        if not fields.get(name):
            raise ParamFail(f"缺少参数{name}")


def bad(name: str) -> ParamFail:
    return ParamFail(f"{name}参数格式错误")


def positive_int(fields: Mapping[str, str], name: str) -> int:
    text = fields.get(name, "")
    if not text:
        raise ParamFail(f"缺少参数{name}")
    if not (text.isascii() and text.isdigit()) or text.startswith("0") or len(text) > 12:
        raise bad(name)
    return int(text)


def max_len(fields: Mapping[str, str], name: str, limit: int) -> None:
    if len(fields.get(name, "")) > limit:
        raise bad(name)


def max_bytes(fields: Mapping[str, str], name: str, limit: int) -> None:
    """String(n) read as UTF-8 bytes, the stricter of the two readings (§1 "Lengths")."""
    if len(fields.get(name, "").encode("utf-8")) > limit:
        raise bad(name)


def wire_time(fields: Mapping[str, str], name: str) -> datetime | None:
    text = fields.get(name, "")
    if not text:
        return None
    if len(text) != 14 or not (text.isascii() and text.isdigit()):
        raise bad(name)
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=BEIJING)
    except ValueError as exc:
        raise bad(name) from exc


def check_out_trade_no(value: str, min_length: int) -> None:
    if not value:
        raise ParamFail("缺少参数out_trade_no")
    if not (min_length <= len(value) <= 32) or not OUT_TRADE_NO_CHARS.fullmatch(value):
        raise bad("out_trade_no")


def check_notify_url(value: str) -> None:
    if not re.fullmatch(r"https?://[^\s?#]+", value) or len(value) > 256:
        raise bad("notify_url")


def yuan(fen: int) -> str:
    """Fen as the bill's yuan text with 2 decimals, via Decimal (§5.3)."""
    return str((Decimal(fen) / 100).quantize(Decimal("0.01")))


def items_of(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("a list was expected")
    return value


def _time_text(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _time_from(text: object) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise ValueError("a time without its zone")
    return moment


_ORDER_TIMES = (
    "created_at",
    "time_expire",
    "time_end",
    "closed_at",
    "revoked_at",
    "resolves_at",
    "scanned_at",
)
_REFUND_TIMES = ("accepted_at", "settles_at", "success_time")


def order_data(order: Order) -> dict[str, Any]:
    data = {f.name: getattr(order, f.name) for f in dataclass_fields(order)}
    for name in _ORDER_TIMES:
        data[name] = _time_text(data[name])
    data["sign_type"] = order.sign_type.value
    data["state"] = order.state.value
    data["fields"] = dict(order.fields)
    data["refunds"] = [refund_data(refund) for refund in order.refunds]
    return data


def refund_data(refund: Refund) -> dict[str, Any]:
    data = {f.name: getattr(refund, f.name) for f in dataclass_fields(refund)}
    for name in _REFUND_TIMES:
        data[name] = _time_text(data[name])
    data["status"] = refund.status.value
    return data


def order_from_data(data: Mapping[str, Any]) -> Order:
    values = dict(data)
    for name in _ORDER_TIMES:
        values[name] = _time_from(values.get(name))
    values["sign_type"] = SignType(values["sign_type"])
    values["state"] = TradeState(values["state"])
    values["fields"] = {str(k): str(v) for k, v in dict(values["fields"]).items()}
    values["refunds"] = [refund_from_data(item) for item in items_of(values.get("refunds", []))]
    return Order(**values)


def refund_from_data(data: Mapping[str, Any]) -> Refund:
    values = dict(data)
    for name in _REFUND_TIMES:
        values[name] = _time_from(values.get(name))
    values["status"] = RefundStatus(values["status"])
    return Refund(**values)


def text_time(moment: datetime) -> str:
    return moment.astimezone(BEIJING).strftime(TEXT_TIME)
