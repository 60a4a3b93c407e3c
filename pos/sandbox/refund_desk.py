"""The sandbox's refund desk: refunds accepted (§3.5) and queried (§3.6) as WeChat Pay does."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pos.sandbox.options import SandboxOptions
from pos.sandbox.records import (
    BusinessFail,
    Order,
    ParamFail,
    Refund,
    bad,
    check_notify_url,
    max_len,
    positive_int,
    require,
)
from pos.wechatpay.types import TradeState

_OUT_REFUND_NO = re.compile(r"[A-Za-z0-9_\-|*@]+")
MAX_REFUNDS = 50  # §3.5
REFUND_WINDOW = timedelta(days=365)  # §3.5
REFUND_TEXT_MISMATCH = "订单金额或退款金额与之前请求不一致，请核实后再试"
REFUND_TEXT_OVER = "申请退款金额超过订单可退金额"


class RefundDesk:
    """The refunds part of :class:`~pos.sandbox.ledger.Ledger` (its state is the ledger's)."""

    options: SandboxOptions
    revision: int
    _lock: threading.RLock
    _orders: dict[tuple[str, str], Order]
    _refunds: dict[tuple[str, str], Refund]
    _refunds_by_id: dict[tuple[str, str], Refund]

    if TYPE_CHECKING:

        def find_order(
            self, mch_id: str, out_trade_no: str = "", transaction_id: str = ""
        ) -> Order | None: ...

        def _refund_id(self, now: datetime) -> str: ...

    # --- refunds (§3.5) -----------------------------------------------------------------------

    def apply_refund(self, mch_id: str, fields: Mapping[str, str], now: datetime) -> Refund:
        """Accept a refund (PROCESSING), or answer the same refund again (idempotent)."""
        require(fields, "out_refund_no")
        if not (fields.get("transaction_id") or fields.get("out_trade_no")):
            raise ParamFail("缺少参数out_trade_no")
        out_refund_no = fields["out_refund_no"]
        if len(out_refund_no) > 64 or not _OUT_REFUND_NO.fullmatch(out_refund_no):
            raise bad("out_refund_no")
        total_fee = positive_int(fields, "total_fee")
        refund_fee = positive_int(fields, "refund_fee")
        notify_url = fields.get("notify_url", "")
        if notify_url:
            check_notify_url(notify_url)
        max_len(fields, "refund_desc", 80)
        with self._lock:
            order = self.find_order(
                mch_id, fields.get("out_trade_no", ""), fields.get("transaction_id", "")
            )
            if order is None or not order.state.is_paid:
                if order is None and fields.get("transaction_id"):
                    raise BusinessFail("INVALID_TRANSACTIONID", "无效transaction_id")
                raise BusinessFail("ORDERNOTEXIST", "订单不存在")
            existing = self._refunds.get((mch_id, out_refund_no))
            if existing is not None:
                if (
                    existing.out_trade_no != order.out_trade_no
                    or existing.refund_fee != refund_fee
                    or total_fee != order.total_fee
                ):
                    raise BusinessFail("INVALID_REQUEST", REFUND_TEXT_MISMATCH)
                return existing
            if total_fee != order.total_fee:
                raise BusinessFail("INVALID_REQUEST", REFUND_TEXT_MISMATCH)
            assert order.time_end is not None
            if now > order.time_end + REFUND_WINDOW:
                raise BusinessFail("TRADE_OVERDUE", "订单已经超过退款期限")
            if len(order.refunds) >= MAX_REFUNDS:
                raise BusinessFail("INVALID_REQUEST", "订单已经退款50次，不能再申请退款")
            if order.refunded_fee + refund_fee > order.total_fee:
                raise BusinessFail("INVALID_REQUEST", REFUND_TEXT_OVER)
            if (
                self.options.refund_min_interval
                and order.refunds
                and now
                < order.refunds[-1].accepted_at
                + timedelta(seconds=self.options.refund_min_interval)
            ):
                raise BusinessFail("FREQUENCY_LIMITED", "同一订单两次退款需间隔1分钟")
            # Coupons are refunded in proportion (§3.5 coupon_refund_fee); floor keeps cash ≥.
            coupon_refund = refund_fee * order.coupon_fee // order.total_fee
            refund = Refund(
                mch_id=mch_id,
                out_refund_no=out_refund_no,
                refund_id=self._refund_id(now),
                out_trade_no=order.out_trade_no,
                refund_fee=refund_fee,
                coupon_refund_fee=coupon_refund,
                accepted_at=now,
                settles_at=now + timedelta(seconds=self.options.refund_delay),
                notify_url=notify_url or self.options.refund_notify_url,
                refund_desc=fields.get("refund_desc", ""),
                refund_account=fields.get("refund_account") or "REFUND_SOURCE_UNSETTLED_FUNDS",
            )
            order.refunds.append(refund)
            self.revision += 1
            order.state = TradeState.REFUND
            self._refunds[(mch_id, out_refund_no)] = refund
            self._refunds_by_id[(mch_id, refund.refund_id)] = refund
            return refund

    def query_refunds(
        self, mch_id: str, fields: Mapping[str, str]
    ) -> tuple[Order, list[Refund], int | None]:
        """§3.6: (order, refunds of this page, total_refund_count if ``offset`` was sent)."""
        offset_text = fields.get("offset", "")
        if offset_text and not (offset_text.isascii() and offset_text.isdigit()):
            raise bad("offset")
        with self._lock:
            if fields.get("refund_id") or fields.get("out_refund_no"):
                if fields.get("refund_id"):
                    refund = self._refunds_by_id.get((mch_id, fields["refund_id"]))
                else:
                    refund = self._refunds.get((mch_id, fields["out_refund_no"]))
                if refund is None:
                    raise BusinessFail("REFUNDNOTEXIST", "not exist")
                return self._orders[(mch_id, refund.out_trade_no)], [refund], None
            if not (fields.get("transaction_id") or fields.get("out_trade_no")):
                raise ParamFail("缺少参数out_trade_no")
            order = self.find_order(
                mch_id, fields.get("out_trade_no", ""), fields.get("transaction_id", "")
            )
            if order is None or not order.refunds:
                raise BusinessFail("REFUNDNOTEXIST", "not exist")
            total = len(order.refunds)
            offset = int(offset_text) if offset_text else 0
            if offset >= total:
                raise BusinessFail("PARAM_ERROR", "offset is invalid")
            page = order.refunds[offset : offset + 10]
            return order, page, (total if offset_text else None)

    def iter_all_refunds(self) -> Iterator[Refund]:
        with self._lock:
            yield from list(self._refunds.values())
