"""The protocol's values as types: sign types, trade and refund states, merchants, results.

Amounts are always ``int`` fen; times are timezone-aware datetimes in Beijing
time (UTC+8, no DST), converted from the wire's ``yyyyMMddHHmmss`` (§1.5).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

# The merchant's types live apart, for a light start-up; the protocol's users find them here.
from pos.wechatpay.merchant import ClientCertificate as ClientCertificate
from pos.wechatpay.merchant import Merchant as Merchant
from pos.wechatpay.merchant import SignType as SignType

#: WeChat Pay's times are Beijing time, which has no daylight saving.
BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")

WIRE_TIME = "%Y%m%d%H%M%S"
TEXT_TIME = "%Y-%m-%d %H:%M:%S"

#: ``body`` is String(127) (§3.1, once 128); whether ``n`` counts characters or UTF-8 bytes is
#: unconfirmed (§1 "Lengths"), so bytes, the stricter reading, on both sides of the wire.
BODY_MAX_BYTES = 127


def to_wire_time(moment: datetime) -> str:
    """An aware datetime as ``yyyyMMddHHmmss`` in Beijing time."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: WeChat Pay times must be timezone-aware")
    return moment.astimezone(BEIJING).strftime(WIRE_TIME)


def from_wire_time(text: str) -> datetime:
    """``yyyyMMddHHmmss`` (Beijing) as an aware datetime; ValueError if malformed."""
    if len(text) != 14 or not text.isascii() or not text.isdigit():
        raise ValueError(f"not a yyyyMMddHHmmss time: {text!r}")
    # Sliced, not strptime: a tenth of the cost, on every notification the relay receives.
    # datetime() still refuses a 13th month, a 30 February or a 25th hour (ValueError).
    return datetime(
        int(text[0:4]),
        int(text[4:6]),
        int(text[6:8]),
        int(text[8:10]),
        int(text[10:12]),
        int(text[12:14]),
        tzinfo=BEIJING,
    )


def from_text_time(text: str) -> datetime:
    """``yyyy-MM-dd HH:mm:ss`` (Beijing; refunds and bills) as an aware datetime."""
    return datetime.strptime(text.strip(), TEXT_TIME).replace(tzinfo=BEIJING)


class TradeState(enum.StrEnum):
    """``trade_state`` of §4.2."""

    NOTPAY = "NOTPAY"
    USERPAYING = "USERPAYING"
    ACCEPT = "ACCEPT"
    SUCCESS = "SUCCESS"
    REFUND = "REFUND"
    CLOSED = "CLOSED"
    REVOKED = "REVOKED"
    PAYERROR = "PAYERROR"

    @property
    def is_paid(self) -> bool:
        return self in (TradeState.SUCCESS, TradeState.REFUND)

    @property
    def is_final(self) -> bool:
        return self not in (TradeState.NOTPAY, TradeState.USERPAYING, TradeState.ACCEPT)


class RefundStatus(enum.StrEnum):
    """``refund_status`` of §4.3; anything else the server invents reads as UNKNOWN."""

    PROCESSING = "PROCESSING"
    SUCCESS = "SUCCESS"
    REFUNDCLOSE = "REFUNDCLOSE"
    CHANGE = "CHANGE"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, text: str) -> RefundStatus:
        try:
            return cls(text)
        except ValueError:
            return cls.UNKNOWN

    @property
    def is_final(self) -> bool:
        return self in (RefundStatus.SUCCESS, RefundStatus.REFUNDCLOSE, RefundStatus.CHANGE)


@dataclass(frozen=True)
class PrepayResult:
    """``unifiedorder`` succeeded: the QR payload and the prepay session."""

    out_trade_no: str
    prepay_id: str
    code_url: str


@dataclass(frozen=True)
class OrderStatus:
    """``orderquery``'s answer (or a verified notification) about one order."""

    out_trade_no: str
    trade_state: TradeState
    trade_state_desc: str = ""
    transaction_id: str | None = None
    total_fee: int | None = None
    cash_fee: int | None = None
    time_end: datetime | None = None
    bank_type: str | None = None
    trade_type: str | None = None
    openid: str | None = None
    attach: str | None = None


@dataclass(frozen=True)
class RefundResult:
    """``secapi/pay/refund`` accepted the refund (its outcome comes later)."""

    out_trade_no: str
    transaction_id: str
    out_refund_no: str
    refund_id: str
    refund_fee: int
    total_fee: int
    cash_refund_fee: int | None = None


@dataclass(frozen=True)
class RefundInfo:
    """One refund as ``refundquery`` or the refund notification reports it."""

    out_refund_no: str
    refund_id: str
    refund_fee: int
    status: RefundStatus
    success_time: datetime | None = None
    recv_account: str | None = None
    channel: str | None = None


@dataclass(frozen=True)
class RefundQueryResult:
    out_trade_no: str
    transaction_id: str
    total_fee: int
    refunds: tuple[RefundInfo, ...]
    total_refund_count: int | None = None


class MicropayOutcome(enum.StrEnum):
    PAID = "PAID"
    USERPAYING = "USERPAYING"


@dataclass(frozen=True)
class MicropayResult:
    """``micropay``: paid at once, or waiting for the customer's password (poll orderquery)."""

    out_trade_no: str
    outcome: MicropayOutcome
    transaction_id: str | None = None
    total_fee: int | None = None
    time_end: datetime | None = None


@dataclass(frozen=True)
class ReverseResult:
    out_trade_no: str
    recall: bool


#: ``payitil/report``'s ``interface_url`` for a till's payment-code scans (WeChat's wording:
#: "刷卡支付终端上报统一填" this URL, whatever host the calls went to).
MICROPAY_REPORT_URL = "https://api.mch.weixin.qq.com/pay/batchreport/micropay/total"


class ReportState(enum.StrEnum):
    """How one scan ended, in the transaction-assurance report (交易保障, ``payitil/report``)."""

    OK = "OK"
    FAIL = "FAIL"
    #: WeChat's own spelling.
    CANCELLED = "CANCLE"


@dataclass(frozen=True)
class ReportedTrade:
    """One scan of a payment code as ``payitil/report`` describes it in ``trades``: from the
    scan to its end, how it ended, and why when it failed (an err_code, never the code)."""

    out_trade_no: str
    begin_time: datetime
    end_time: datetime
    state: ReportState
    err_msg: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "out_trade_no": self.out_trade_no,
            "begin_time": to_wire_time(self.begin_time),
            "end_time": to_wire_time(self.end_time),
            "state": self.state.value,
            "err_msg": self.err_msg,
        }


@dataclass(frozen=True)
class BillRow:
    """One detail line of the daily bill, amounts converted from yuan to fen."""

    trade_time: datetime
    appid: str
    mch_id: str
    device_info: str
    transaction_id: str
    out_trade_no: str
    openid: str
    trade_type: str
    trade_state: str  # SUCCESS for payment rows, REFUND for refund rows
    bank_type: str
    fee_type: str
    settlement_total_fee: int
    coupon_fee: int
    refund_id: str
    out_refund_no: str
    refund_fee: int
    refund_type: str
    refund_status: str
    body: str
    attach: str
    service_fee_text: str  # the fee keeps its 5 decimals (e.g. "0.15000"); it is not fen
    rate: str
    total_fee: int
    applied_refund_fee: int
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BillSummary:
    count: int
    settlement_total_fee: int
    refund_fee: int
    coupon_refund_fee: int
    service_fee_text: str
    total_fee: int
    applied_refund_fee: int


@dataclass(frozen=True)
class Bill:
    bill_date: str  # yyyyMMdd
    bill_type: str
    rows: tuple[BillRow, ...]
    summary: BillSummary


@dataclass(frozen=True)
class PaymentNotification:
    """A verified payment result notification (§3.4). ``raw`` is the body as received."""

    appid: str
    mch_id: str
    out_trade_no: str
    transaction_id: str
    total_fee: int
    cash_fee: int | None
    time_end: datetime
    bank_type: str
    trade_type: str
    openid: str
    sign_type: SignType
    fields: dict[str, str]
    raw: bytes

    def as_order_status(self) -> OrderStatus:
        return OrderStatus(
            out_trade_no=self.out_trade_no,
            trade_state=TradeState.SUCCESS,
            trade_state_desc="支付成功",
            transaction_id=self.transaction_id,
            total_fee=self.total_fee,
            cash_fee=self.cash_fee,
            time_end=self.time_end,
            bank_type=self.bank_type,
            trade_type=self.trade_type,
            openid=self.openid,
            attach=self.fields.get("attach"),
        )


@dataclass(frozen=True)
class RefundNotification:
    """A decrypted refund result notification (§3.7)."""

    appid: str
    mch_id: str
    out_trade_no: str
    transaction_id: str
    out_refund_no: str
    refund_id: str
    total_fee: int
    refund_fee: int
    settlement_refund_fee: int | None
    status: RefundStatus
    success_time: datetime | None
    recv_account: str
    request_source: str
    fields: dict[str, str]
    raw: bytes
