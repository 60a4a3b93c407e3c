"""The daily bill of ``pay/downloadbill`` (text or gzip) parsed into :class:`Bill` (§3.8).

Columns are found by their header names, never by position: they differ by bill
type and by merchant generation (the current "免充值券" layout and the older one).
Every value starts with a backtick, so a line is split on ``",`"`` after its first
backtick: a stray comma inside ``body`` or ``attach`` then does not shift columns.
Amounts are yuan, read exactly into fen with :func:`pos.money.yuan_to_fen`.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping

from pos.errors import AmountError, GarbledResponse
from pos.money import yuan_to_fen
from pos.wechatpay.types import Bill, BillRow, BillSummary, from_text_time

ENDPOINT = "pay/downloadbill"

#: A decompressed bill larger than this is refused (a gzip bomb, not a day of a shop).
MAX_BILL_TEXT_BYTES = 256 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b"

# Header names of both generations (§3.8) → BillRow field. Text fields first.
_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "appid": ("公众账号ID",),
    "mch_id": ("商户号",),
    "device_info": ("设备号",),
    "transaction_id": ("微信订单号",),
    "out_trade_no": ("商户订单号",),
    "openid": ("用户标识",),
    "trade_type": ("交易类型",),
    "trade_state": ("交易状态",),
    "bank_type": ("付款银行",),
    "fee_type": ("货币种类",),
    "refund_id": ("微信退款单号",),
    "out_refund_no": ("商户退款单号",),
    "refund_type": ("退款类型",),
    "refund_status": ("退款状态",),
    "body": ("商品名称",),
    "attach": ("商户数据包",),
    "service_fee_text": ("手续费",),
    "rate": ("费率",),
}
# Amount columns; the older generation names them differently or lacks them (then: fallback).
_AMOUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "settlement_total_fee": ("应结订单金额", "总金额"),
    "coupon_fee": ("代金券金额", "代金券或立减优惠金额"),
    "refund_fee": ("退款金额",),
    "total_fee": ("订单金额", "总金额"),
    "applied_refund_fee": ("申请退款金额", "退款金额"),
}
_TRADE_TIME = "交易时间"
_REQUIRED = (_TRADE_TIME, "商户订单号")

_SUMMARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "settlement_total_fee": ("应结订单总金额", "总交易额"),
    "refund_fee": ("退款总金额", "总退款金额"),
    "coupon_refund_fee": ("充值券退款总金额", "总代金券或立减优惠退款金额"),
    "total_fee": ("订单总金额", "总交易额"),
    "applied_refund_fee": ("申请退款总金额", "总退款金额"),
}
_SUMMARY_COUNT = "总交易单数"
_SUMMARY_FEE = "手续费总金额"

_KNOWN_HEADERS = frozenset(
    name for names in (*_TEXT_COLUMNS.values(), *_AMOUNT_COLUMNS.values()) for name in names
) | {_TRADE_TIME}


def looks_like_bill(body: bytes) -> bool:
    """A downloadbill reply is a bill unless it is XML (the official SDK: starts with ``<``)."""
    if body.startswith(_GZIP_MAGIC):
        return True
    return not body.lstrip().startswith(b"<")


def _garbled(message: str) -> GarbledResponse:
    return GarbledResponse(f"{ENDPOINT}: {message}", endpoint=ENDPOINT)


def _text(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    if data.startswith(_GZIP_MAGIC):
        # §3.8 tar_type=GZIP; bounded so a hostile stream cannot fill the memory.
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            data = inflater.decompress(data, MAX_BILL_TEXT_BYTES + 1)
        except zlib.error as exc:
            raise _garbled("bad gzip stream") from exc
        if len(data) > MAX_BILL_TEXT_BYTES or inflater.unconsumed_tail:
            raise _garbled("bill too large")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _garbled("bill is not UTF-8") from exc


def _values(line: str) -> list[str]:
    # Each value is prefixed with a backtick; an empty value is a bare backtick.
    if not line.startswith("`"):
        raise _garbled("a value line must start with a backtick")
    return line[1:].split(",`")


def _record(header: list[str], line: str, number: int) -> dict[str, str]:
    values = _values(line)
    if len(values) != len(header):
        raise _garbled(f"line {number} has {len(values)} values for {len(header)} columns")
    return dict(zip(header, values, strict=True))


def _pick(record: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in record:
            return record[name]
    return None


def _fen(text: str | None, number: int) -> int:
    if text is None or not text.strip():
        return 0
    try:
        return yuan_to_fen(text)
    except AmountError as exc:
        raise _garbled(f"line {number}: bad amount {text!r}") from exc


def _row(record: dict[str, str], number: int) -> BillRow:
    # The older sample has full-width colons in times (a doc typo); read them anyway.
    when = record[_TRADE_TIME].replace("：", ":")
    try:
        trade_time = from_text_time(when)
    except ValueError as exc:
        raise _garbled(f"line {number}: bad time {when!r}") from exc

    def text(field: str) -> str:
        return _pick(record, _TEXT_COLUMNS[field]) or ""

    def fen(field: str) -> int:
        return _fen(_pick(record, _AMOUNT_COLUMNS[field]), number)

    return BillRow(
        trade_time=trade_time,
        appid=text("appid"),
        mch_id=text("mch_id"),
        device_info=text("device_info"),
        transaction_id=text("transaction_id"),
        out_trade_no=text("out_trade_no"),
        openid=text("openid"),
        trade_type=text("trade_type"),
        trade_state=text("trade_state"),
        bank_type=text("bank_type"),
        fee_type=text("fee_type"),
        settlement_total_fee=fen("settlement_total_fee"),
        coupon_fee=fen("coupon_fee"),
        refund_id=text("refund_id"),
        out_refund_no=text("out_refund_no"),
        refund_fee=fen("refund_fee"),
        refund_type=text("refund_type"),
        refund_status=text("refund_status"),
        body=text("body"),
        attach=text("attach"),
        service_fee_text=text("service_fee_text"),
        rate=text("rate"),
        total_fee=fen("total_fee"),
        applied_refund_fee=fen("applied_refund_fee"),
        extra={name: value for name, value in record.items() if name not in _KNOWN_HEADERS},
    )


def parse_bill(data: bytes | str, *, bill_date: str, bill_type: str = "ALL") -> Bill:
    """Parse a bill; raise :class:`GarbledResponse` when it is not one.

    ``\\n`` and ``\\r\\n`` line ends are both read (the server's choice is unconfirmed, §3.8).
    """
    lines = [line for line in _text(data).splitlines() if line.strip()]
    if len(lines) < 3:
        raise _garbled("a bill needs a header, a summary header and a summary line")
    header = lines[0].split(",")
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        raise _garbled(f"the header lacks {missing[0]}")
    summary_header = lines[-2].split(",")
    if _SUMMARY_COUNT not in summary_header:
        raise _garbled(f"the summary header lacks {_SUMMARY_COUNT}")
    rows = tuple(
        _row(_record(header, line, number), number)
        for number, line in enumerate(lines[1:-2], start=2)
    )
    summary = _record(summary_header, lines[-1], len(lines))
    count_text = summary[_SUMMARY_COUNT]
    if not (count_text.isascii() and count_text.isdigit()):
        raise _garbled(f"bad {_SUMMARY_COUNT} {count_text!r}")
    if int(count_text) != len(rows):
        raise _garbled(f"the summary counts {count_text} rows, the bill has {len(rows)}")

    def total(field: str) -> int:
        return _fen(_pick(summary, _SUMMARY_COLUMNS[field]), len(lines))

    return Bill(
        bill_date=bill_date,
        bill_type=bill_type,
        rows=rows,
        summary=BillSummary(
            count=int(count_text),
            settlement_total_fee=total("settlement_total_fee"),
            refund_fee=total("refund_fee"),
            coupon_refund_fee=total("coupon_refund_fee"),
            service_fee_text=summary.get(_SUMMARY_FEE, ""),
            total_fee=total("total_fee"),
            applied_refund_fee=total("applied_refund_fee"),
        ),
    )
