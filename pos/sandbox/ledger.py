"""Simulated orders, refunds and bills: the state machine WeChat Pay keeps (§4.2), without HTTP.

Every operation takes ``now`` (an aware datetime) from its caller, so the ledger
never reads a clock. Business refusals raise :class:`BusinessFail` (the reply is
``result_code=FAIL`` with ``err_code``); request problems raise :class:`ParamFail`
(``return_code=FAIL``). Operations that make WeChat send something return
:class:`Event` objects for the caller to deliver.

Micropay outcomes are scripted by the last two digits of ``auth_code`` (§3.9): the table
of endings is in :mod:`pos.sandbox.codes`.

A code is single-use: sending it again for another ``out_trade_no`` is
``AUTH_CODE_ERROR``; resending the identical request is re-entry and answers the
order's current state, as the official SDK's retry loop expects.
"""

from __future__ import annotations

import random
import re
import string
import threading
from collections.abc import Mapping
from datetime import datetime, timedelta

from pos.sandbox.books import LedgerBooks
from pos.sandbox.codes import REFUSAL_TEXTS, Ending
from pos.sandbox.options import SandboxOptions
from pos.sandbox.records import (
    BusinessFail,
    Event,
    MicropayAnswer,
    Order,
    ParamFail,
    Refund,
    bad,
    check_notify_url,
    check_out_trade_no,
    max_bytes,
    max_len,
    positive_int,
    require,
    wire_time,
)
from pos.sandbox.refund_desk import RefundDesk
from pos.wechatpay.types import (
    BEIJING,
    BODY_MAX_BYTES,
    RefundStatus,
    SignType,
    TradeState,
)

_BASE62 = string.ascii_letters + string.digits
_AUTH_CODE = re.compile(r"1[0-5]\d{16}")
_TRADE_TYPES = ("NATIVE", "JSAPI", "APP", "MWEB")

#: Request fields that are not business terms: a re-entry may change them (§4.6).
_NOT_BUSINESS = frozenset({"nonce_str", "sign", "sign_type", "appid", "mch_id"})

TRADE_STATE_DESC: dict[TradeState, str] = {
    TradeState.NOTPAY: "订单未支付",
    TradeState.USERPAYING: "需要用户输入支付密码",
    TradeState.ACCEPT: "已接收，等待扣款",
    TradeState.SUCCESS: "支付成功",
    TradeState.REFUND: "订单发生过退款",
    TradeState.CLOSED: "订单已关闭",
    TradeState.REVOKED: "已撤销（付款码支付）",
    TradeState.PAYERROR: "支付失败，请撤销订单",
}

#: What the customer's phone can do with a Native QR (``/sandbox/scan``'s ``action``).
SCAN_ACTIONS = ("pay", "cancel", "scan")
REVERSE_WINDOW = timedelta(days=7)  # §3.10


class Ledger(RefundDesk, LedgerBooks):
    """Orders and refunds of every merchant, with a lock: the HTTP loop and tests share it.

    The refunds' requests are :class:`~pos.sandbox.refund_desk.RefundDesk`'s, the bill's rows
    and what a restart keeps :class:`~pos.sandbox.books.LedgerBooks`'; the orders, the payment
    code and time passing are here.
    """

    def __init__(self, options: SandboxOptions | None = None, *, seed: int | None = None) -> None:
        self.options = options or SandboxOptions()
        self._lock = threading.RLock()
        self._orders: dict[tuple[str, str], Order] = {}
        self._by_transaction: dict[tuple[str, str], Order] = {}
        self._by_code_url: dict[str, Order] = {}
        self._refunds: dict[tuple[str, str], Refund] = {}
        self._refunds_by_id: dict[tuple[str, str], Refund] = {}
        self._used_auth_codes: dict[str, tuple[str, str]] = {}
        self._random = random.Random(seed)
        self._sequence = 0
        #: Grows with every change a restart must not forget (see :mod:`pos.sandbox.state`).
        self.revision = 0

    # --- lookups -----------------------------------------------------------------------------

    def order(self, mch_id: str, out_trade_no: str) -> Order:
        """The order of ``out_trade_no``; KeyError if WeChat never created it."""
        with self._lock:
            return self._orders[(mch_id, out_trade_no)]

    def find_order(
        self, mch_id: str, out_trade_no: str = "", transaction_id: str = ""
    ) -> Order | None:
        """By ``transaction_id`` (which wins, §3.2) or by ``out_trade_no``."""
        with self._lock:
            if transaction_id:
                return self._by_transaction.get((mch_id, transaction_id))
            return self._orders.get((mch_id, out_trade_no))

    def order_by_code_url(self, code_url: str) -> Order | None:
        with self._lock:
            return self._by_code_url.get(code_url)

    def refund(self, mch_id: str, out_refund_no: str) -> Refund:
        """The refund of ``out_refund_no``; KeyError if none was accepted."""
        with self._lock:
            return self._refunds[(mch_id, out_refund_no)]

    def orders(self, mch_id: str | None = None) -> list[Order]:
        with self._lock:
            return [o for o in self._orders.values() if mch_id is None or o.mch_id == mch_id]

    # --- ids ---------------------------------------------------------------------------------

    def _next_sequence(self) -> int:
        self._sequence += 1
        return self._sequence

    def _digits(self, count: int) -> str:
        return "".join(self._random.choice(string.digits) for _ in range(count))

    def _transaction_id(self, now: datetime) -> str:
        # 28 digits starting 42000 (§1.5): 4200001 + 3 + yyyyMMdd + 10, the tail unique.
        tail = f"{self._next_sequence() % 10**6:06d}{self._digits(4)}"
        return "4200001" + self._digits(3) + now.astimezone(BEIJING).strftime("%Y%m%d") + tail

    def _refund_id(self, now: datetime) -> str:
        # 29 digits (§1.5), like 50300001232024060112345678901.
        tail = f"{self._next_sequence() % 10**7:07d}{self._digits(4)}"
        return "503000" + self._digits(4) + now.astimezone(BEIJING).strftime("%Y%m%d") + tail

    def _code_url(self) -> str:
        while True:
            code = "weixin://wxpay/bizpayurl?pr=" + "".join(
                self._random.choice(_BASE62) for _ in range(7)
            )
            if code not in self._by_code_url:
                return code

    def _prepay_id(self, now: datetime) -> str:
        return (
            "wx"
            + now.astimezone(BEIJING).strftime("%d%H%M%S")
            + "".join(self._random.choice("0123456789abcdef") for _ in range(26))
        )

    def _openid(self) -> str:
        return "oUpF8u" + "".join(self._random.choice(_BASE62 + "_-") for _ in range(22))

    # --- unifiedorder (§3.1) ------------------------------------------------------------------

    def validate_unified_order(self, fields: Mapping[str, str]) -> None:
        """The ``return_code=FAIL`` checks of §6 that do not depend on the ledger."""
        require(
            fields,
            "body",
            "out_trade_no",
            "total_fee",
            "spbill_create_ip",
            "notify_url",
            "trade_type",
        )
        check_out_trade_no(fields["out_trade_no"], self.options.out_trade_no_min_length)
        positive_int(fields, "total_fee")
        max_bytes(fields, "body", BODY_MAX_BYTES)
        max_len(fields, "attach", 127)
        max_len(fields, "device_info", 32)
        max_len(fields, "spbill_create_ip", 64)
        max_len(fields, "product_id", 32)
        max_len(fields, "detail", 6144)
        if fields.get("fee_type", "CNY") not in ("CNY", ""):
            raise bad("fee_type")
        check_notify_url(fields["notify_url"])
        trade_type = fields["trade_type"]
        if trade_type not in _TRADE_TYPES:
            raise bad("trade_type")
        needed = {"NATIVE": "product_id", "JSAPI": "openid", "MWEB": "scene_info"}.get(trade_type)
        if needed:
            require(fields, needed)
        wire_time(fields, "time_start")
        wire_time(fields, "time_expire")

    def unified_order(
        self, mch_id: str, appid: str, fields: Mapping[str, str], sign_type: SignType, now: datetime
    ) -> Order:
        """Create (or re-enter, §4.6) an order; raise ParamFail or BusinessFail."""
        self.validate_unified_order(fields)
        business = {k: v for k, v in fields.items() if k not in _NOT_BUSINESS}
        with self._lock:
            existing = self._orders.get((mch_id, fields["out_trade_no"]))
            if existing is not None:
                return self._reenter(existing, business)
            time_expire = wire_time(fields, "time_expire")
            minimum = timedelta(minutes=self.options.min_expire_minutes)
            if time_expire is not None and time_expire < now + minimum:
                raise ParamFail("time_expire时间过短，刷卡至少1分钟，其他5分钟")
            order = Order(
                mch_id=mch_id,
                appid=appid,
                out_trade_no=fields["out_trade_no"],
                total_fee=int(fields["total_fee"]),
                trade_type=fields["trade_type"],
                sign_type=sign_type,
                fields=business,
                created_at=now,
                prepay_id=self._prepay_id(now),
                time_expire=time_expire,
            )
            if order.trade_type == "NATIVE":
                order.code_url = self._code_url()
                self._by_code_url[order.code_url] = order
            self._orders[(mch_id, order.out_trade_no)] = order
            self.revision += 1
            return order

    def _reenter(self, order: Order, business: Mapping[str, str]) -> Order:
        if order.state.is_paid:
            raise BusinessFail("ORDERPAID", "该订单已支付")
        if order.state in (TradeState.CLOSED, TradeState.REVOKED):
            if self.options.closed_reentry_err_code == "ORDERCLOSED":
                raise BusinessFail("ORDERCLOSED", "该订单已关闭")
            raise BusinessFail(self.options.closed_reentry_err_code, "201 商户订单号重复")
        if order.is_micropay or dict(business) != order.fields:
            code = self.options.duplicate_err_code
            text = "201 商户订单号重复" if code == "INVALID_REQUEST" else "商户订单号重复"
            raise BusinessFail(code, text)
        return order

    # --- the customer's phone (§6, control API) ----------------------------------------------

    def payment_deadline(self, order: Order) -> datetime:
        """The last moment a Native order can be paid: time_expire or 2 h, plus the grace."""
        deadline = order.created_at + timedelta(seconds=self.options.code_url_lifetime)
        if order.time_expire is not None:
            deadline = min(deadline, order.time_expire)
        return deadline + timedelta(seconds=self.options.late_payment_grace)

    def pay(self, code_url: str, now: datetime, *, coupon_fee: int = 0) -> tuple[Order, Event]:
        """A customer pays the QR. BusinessFail with EXPIRED, CLOSED, ORDERPAID or NOT_FOUND."""
        with self._lock:
            order = self._by_code_url.get(code_url)
            if order is None:
                raise BusinessFail("NOT_FOUND", "二维码无效 / unknown QR code")
            if order.state.is_paid:
                raise BusinessFail("ORDERPAID", "该订单已支付 / already paid")
            if order.state is not TradeState.NOTPAY:
                raise BusinessFail("CLOSED", "该订单已关闭 / order closed")
            if now > self.payment_deadline(order):
                raise BusinessFail("EXPIRED", "二维码已过期 / QR code expired")
            if not 0 <= coupon_fee < order.total_fee:
                raise BusinessFail("COUPON", "代金券金额无效 / invalid coupon amount")
            self._mark_paid(order, now, coupon_fee=coupon_fee)
            return order, Event("payment", order)

    def check_scannable(self, code_url: str, now: datetime) -> Order:
        """Whether the QR can still be paid, without paying (the phone's page)."""
        with self._lock:
            order = self._by_code_url.get(code_url)
            if order is None:
                raise BusinessFail("NOT_FOUND", "二维码无效 / unknown QR code")
            if order.state.is_paid:
                raise BusinessFail("ORDERPAID", "该订单已支付 / already paid")
            if order.state is not TradeState.NOTPAY:
                raise BusinessFail("CLOSED", "该订单已关闭 / order closed")
            if now > self.payment_deadline(order):
                raise BusinessFail("EXPIRED", "二维码已过期 / QR code expired")
            return order

    def scan(self, code_url: str, now: datetime) -> Order:
        """The customer scanned the QR and is typing the password: the order stays NOTPAY."""
        with self._lock:
            order = self.check_scannable(code_url, now)
            if order.scanned_at is None:
                order.scanned_at = now
                self.revision += 1
            return order

    def _mark_paid(self, order: Order, now: datetime, *, coupon_fee: int = 0) -> None:
        self.revision += 1
        order.state = TradeState.SUCCESS
        order.time_end = now
        order.transaction_id = order.transaction_id or self._transaction_id(now)
        order.openid = order.fields.get("openid") or self._openid()
        order.coupon_fee = coupon_fee
        order.cash_fee = order.total_fee - coupon_fee
        if coupon_fee:
            order.coupon_id = self._digits(10)
        self._by_transaction[(order.mch_id, order.transaction_id)] = order

    # --- closeorder (§3.3) --------------------------------------------------------------------

    def close(self, mch_id: str, out_trade_no: str, now: datetime) -> Order | None:
        """Close an unpaid order; an unknown number closes successfully (§3.3 [OBS])."""
        with self._lock:
            order = self._orders.get((mch_id, out_trade_no))
            if order is None:
                return None
            if order.state.is_paid:
                raise BusinessFail("ORDERPAID", "该订单已支付")
            if order.state in (TradeState.CLOSED, TradeState.REVOKED):
                raise BusinessFail("ORDERCLOSED", "该订单已关闭")
            if order.is_micropay:
                raise BusinessFail("TRADE_STATE_ERROR", "付款码订单请使用撤销接口")
            if self.options.strict_close_5min and now < order.created_at + timedelta(minutes=5):
                raise BusinessFail("SYSTEMERROR", "订单创建5分钟内不能关闭（模拟规则）")
            order.state = TradeState.CLOSED
            order.closed_at = now
            self.revision += 1
            return order

    # --- micropay (§3.9) and reverse (§3.10) ------------------------------------------------

    def micropay(
        self, mch_id: str, appid: str, fields: Mapping[str, str], sign_type: SignType, now: datetime
    ) -> MicropayAnswer:
        require(fields, "body", "out_trade_no", "total_fee", "spbill_create_ip", "auth_code")
        check_out_trade_no(fields["out_trade_no"], self.options.out_trade_no_min_length)
        positive_int(fields, "total_fee")
        max_bytes(fields, "body", BODY_MAX_BYTES)
        max_len(fields, "attach", 127)
        max_len(fields, "device_info", 32)
        auth_code = fields["auth_code"]
        if not _AUTH_CODE.fullmatch(auth_code):
            raise BusinessFail(
                "AUTH_CODE_INVALID", "请扫描微信支付授权码(以10/11/12/13/14/15为前缀的18位数字)"
            )
        business = {k: v for k, v in fields.items() if k not in _NOT_BUSINESS}
        key = (mch_id, fields["out_trade_no"])
        with self._lock:
            self._tick_order_locked(self._orders.get(key), now)
            existing = self._orders.get(key)
            if existing is not None:
                return self._micropay_reentry(existing, business)
            used = self._used_auth_codes.get(auth_code)
            if used is not None and used != key:
                raise BusinessFail("AUTH_CODE_ERROR", "授权码已使用，请刷新后重新扫码")
            self._used_auth_codes[auth_code] = key
            self.revision += 1
            ending = Ending.of(auth_code)
            if ending.refusal is not None:
                # Nothing is created: the same out_trade_no may be tried with a fresh code.
                raise BusinessFail(ending.refusal, REFUSAL_TEXTS[ending.refusal])
            order = Order(
                mch_id=mch_id,
                appid=appid,
                out_trade_no=fields["out_trade_no"],
                total_fee=int(fields["total_fee"]),
                trade_type="MICROPAY",
                sign_type=sign_type,
                fields=business,
                created_at=now,
                auth_code=auth_code,
                scenario=ending.value,
                time_expire=wire_time(fields, "time_expire"),
            )
            self._orders[key] = order
            if ending.asks_password:
                order.state = TradeState.USERPAYING
                order.transaction_id = self._transaction_id(now)
                self._by_transaction[(mch_id, order.transaction_id)] = order
                if ending is not Ending.PASSWORD_NEVER_ENTERED:
                    order.resolves_at = now + timedelta(
                        seconds=self.options.micropay_password_seconds
                    )
                return MicropayAnswer(order, BusinessFail("USERPAYING", "需要用户输入支付密码"))
            self._mark_paid(order, now)
            if ending is Ending.BANK_ERROR_BUT_PAID:
                return MicropayAnswer(order, BusinessFail("BANKERROR", "银行系统异常"))
            if ending is Ending.ERROR_BUT_PAID:
                return MicropayAnswer(order, BusinessFail("SYSTEMERROR", "系统超时"))
            return MicropayAnswer(order, None)

    def _micropay_reentry(self, order: Order, business: Mapping[str, str]) -> MicropayAnswer:
        if not order.is_micropay or dict(business) != order.fields:
            raise BusinessFail(self.options.duplicate_err_code, "201 商户订单号重复")
        if order.state.is_paid:
            return MicropayAnswer(order, None)
        if order.state is TradeState.USERPAYING:
            return MicropayAnswer(order, BusinessFail("USERPAYING", "需要用户输入支付密码"))
        if order.state is TradeState.REVOKED:
            raise BusinessFail("ORDERREVERSED", "订单已撤销")
        if order.state is TradeState.PAYERROR:
            raise BusinessFail("TRADE_ERROR", "支付失败，请撤销订单")
        raise BusinessFail("ORDERCLOSED", "该订单已关闭")

    def reverse(self, mch_id: str, fields: Mapping[str, str], now: datetime) -> tuple[Order, bool]:
        """§3.10: (order, recall). Unpaid ⇒ REVOKED; paid ⇒ REVOKED with the money back."""
        if not (fields.get("transaction_id") or fields.get("out_trade_no")):
            raise ParamFail("缺少参数out_trade_no")
        with self._lock:
            order = self.find_order(
                mch_id, fields.get("out_trade_no", ""), fields.get("transaction_id", "")
            )
            if order is None:
                if fields.get("transaction_id"):
                    raise BusinessFail("INVALID_TRANSACTIONID", "无效transaction_id")
                raise BusinessFail("ORDERNOTEXIST", "订单不存在")
            if not order.is_micropay:
                raise BusinessFail(
                    "INVALID_REQUEST", "Incorrect payment scenarios for order, request denied"
                )
            self._tick_order_locked(order, now)
            if now > order.created_at + REVERSE_WINDOW:
                raise BusinessFail("REVERSE_EXPIRE", "订单已超过撤销期限，请使用退款接口")
            if order.state is TradeState.REVOKED:
                return order, False
            if order.refunds:
                raise BusinessFail("TRADE_ERROR", "订单已发生退款，不能撤销")
            self.revision += 1
            if self.options.reverse_recall_once and not order.recalled:
                order.recalled = True
                return order, True
            order.state = TradeState.REVOKED
            order.revoked_at = now
            order.resolves_at = None
            return order, False

    # --- time passing -----------------------------------------------------------------------

    def tick(self, now: datetime) -> list[Event]:
        """Move what time moves: refunds settle, passwords resolve, 45-s revokes, auto-close."""
        events: list[Event] = []
        with self._lock:
            for order in list(self._orders.values()):
                events.extend(self._tick_order_locked(order, now))
        return events

    def _tick_order_locked(self, order: Order | None, now: datetime) -> list[Event]:
        events: list[Event] = []
        if order is None:
            return events
        if (
            order.is_micropay
            and order.state is TradeState.USERPAYING
            and order.resolves_at is not None
            and now >= order.resolves_at
        ):
            order.resolves_at = None
            self.revision += 1
            if order.scenario == Ending.PASSWORD_THEN_FAILED:
                order.state = TradeState.PAYERROR
            else:
                tid = order.transaction_id
                self._mark_paid(order, now)
                order.transaction_id = tid
        if (
            order.is_micropay
            and order.state in (TradeState.USERPAYING, TradeState.PAYERROR, TradeState.NOTPAY)
            and now >= order.created_at + timedelta(seconds=self.options.micropay_auto_revoke)
        ):
            self.revision += 1
            order.state = TradeState.REVOKED
            order.revoked_at = order.created_at + timedelta(
                seconds=self.options.micropay_auto_revoke
            )
        if (
            self.options.auto_close_after is not None
            and not order.is_micropay
            and order.state is TradeState.NOTPAY
            and now
            >= self.payment_deadline(order) + timedelta(seconds=self.options.auto_close_after)
        ):
            order.state = TradeState.CLOSED
            order.closed_at = now
            self.revision += 1
        for refund in order.refunds:
            if refund.status is RefundStatus.PROCESSING and now >= refund.settles_at:
                outcome = RefundStatus.parse(self.options.refund_outcome)
                refund.status = outcome
                self.revision += 1
                if outcome is RefundStatus.SUCCESS:
                    refund.success_time = refund.settles_at
                events.append(Event("refund", order, refund))
        return events
