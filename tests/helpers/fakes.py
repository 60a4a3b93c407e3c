"""Fakes for the unit tests: a clock moved by hand and a WeChat Pay that lives in a dict."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from pos.errors import BusinessError, WeChatPayError
from pos.wechatpay.types import (
    BEIJING,
    MicropayOutcome,
    MicropayResult,
    OrderStatus,
    PaymentNotification,
    PrepayResult,
    ReportedTrade,
    ReverseResult,
    SignType,
    TradeState,
)

_TRANSACTIONS = itertools.count(1)

START = datetime(2026, 11, 24, 4, 0, 0, tzinfo=UTC)


class FakeClock:
    """Time that only moves when told; ``sleep`` moves it (and records how long)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)

    def elapsed(self, since: datetime = START) -> float:
        return (self.now - since).total_seconds()


@dataclass
class FakeOrder:
    params: dict[str, object]
    code_url: str
    prepay_id: str
    trade_state: TradeState = TradeState.NOTPAY
    transaction_id: str | None = None
    time_end: datetime | None = None
    paid_fee: int | None = None
    #: a payment code's order: reversed after it was paid (the money went back)
    is_money_returned: bool = False


#: A fault: raise ``error`` instead of answering ("before": nothing happened at WeChat Pay),
#: or after carrying the call out ("after": the reply was lost on the way back).
@dataclass(frozen=True)
class Fault:
    error: WeChatPayError
    when: str = "before"


@dataclass
class Call:
    method: str
    at: datetime
    params: dict[str, object] = field(default_factory=dict)


class FakeWeChatPay:
    """A PayClient over an in-memory WeChat Pay that follows §3.1–§3.3, §3.9, §3.10 and §4.6.

    ``faults[method]`` is a list consumed one per call; ``hooks[method]`` runs before each call
    (to let the customer pay at the worst moment). A payment code does what
    ``code_outcomes[auth_code]`` says: "paid" (the default), "password" (USERPAYING until
    :meth:`enter_password` or :meth:`fail_password`) or a refusal's err_code (no order).
    ``recalls`` answers reverse calls one by one (recall=Y for True; then recall=N).
    """

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.orders: dict[str, FakeOrder] = {}
        self.calls: list[Call] = []
        self.faults: dict[str, list[Fault]] = {}
        self.hooks: dict[str, Callable[[], object]] = {}
        self.code_outcomes: dict[str, str] = {}
        self.recalls: list[bool] = []
        self.reports: list[ReportedTrade] = []
        self._serial = 0

    # -- what the customer does

    def pay(self, out_trade_no: str, *, fee: int | None = None) -> str:
        order = self.orders[out_trade_no]
        assert order.trade_state in (TradeState.NOTPAY, TradeState.USERPAYING), order.trade_state
        order.trade_state = TradeState.SUCCESS
        # Unique across fakes too: one store may outlive many fakes (transaction_id is unique).
        order.transaction_id = f"42000{next(_TRANSACTIONS):023d}"
        order.time_end = self.clock().astimezone(BEIJING).replace(microsecond=0)
        order.paid_fee = fee if fee is not None else int(order.params["total_fee"])  # type: ignore[call-overload]
        return order.transaction_id

    def notification(
        self, out_trade_no: str, *, total_fee: int | None = None
    ) -> PaymentNotification:
        """The verified notification WeChat Pay would send for a paid order."""
        order = self.orders[out_trade_no]
        assert order.transaction_id is not None and order.time_end is not None
        fee = total_fee if total_fee is not None else order.paid_fee
        assert fee is not None
        return PaymentNotification(
            appid="wxd930ea5d5a258f4f",
            mch_id="10000100",
            out_trade_no=out_trade_no,
            transaction_id=order.transaction_id,
            total_fee=fee,
            cash_fee=fee,
            time_end=order.time_end,
            bank_type="OTHERS",
            trade_type="NATIVE",
            openid="oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
            sign_type=SignType.MD5,
            fields={},
            raw=b"",
        )

    def enter_password(self, out_trade_no: str) -> str:
        """The customer types the password: the payment-code order is paid."""
        return self.pay(out_trade_no)

    def fail_password(self, out_trade_no: str) -> None:
        """The payment fails after the password (the bank refuses): PAYERROR."""
        order = self.orders[out_trade_no]
        assert order.trade_state is TradeState.USERPAYING, order.trade_state
        order.trade_state = TradeState.PAYERROR

    def micropay_calls(self) -> list[Call]:
        return self.calls_to("micropay")

    # -- the PayClient protocol

    def _enter(self, method: str, **params: object) -> Fault | None:
        self.calls.append(Call(method, self.clock(), dict(params)))
        hook = self.hooks.get(method)
        if hook is not None:
            hook()
        queue = self.faults.get(method)
        fault = queue.pop(0) if queue else None
        if fault is not None and fault.when == "never":
            fault = None
        if fault is not None and fault.when == "before":
            raise fault.error
        return fault

    def unified_order(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        time_start: datetime,
        time_expire: datetime,
        device_info: str | None = None,
    ) -> PrepayResult:
        params: dict[str, object] = {
            "out_trade_no": out_trade_no,
            "total_fee": total_fee,
            "body": body,
            "time_start": time_start,
            "time_expire": time_expire,
            "device_info": device_info,
        }
        fault = self._enter("unified_order", **params)
        order = self.orders.get(out_trade_no)
        if order is None:
            self._serial += 1
            order = FakeOrder(
                params=params,
                code_url=f"weixin://wxpay/bizpayurl?pr={self._serial}",
                prepay_id=f"wx{self._serial:030d}",
            )
            self.orders[out_trade_no] = order
        elif order.params != params:
            raise BusinessError(
                "INVALID_REQUEST", "201 商户订单号重复", endpoint="pay/unifiedorder"
            )
        elif order.trade_state.is_paid:
            raise BusinessError("ORDERPAID", endpoint="pay/unifiedorder")
        elif order.trade_state is TradeState.CLOSED:
            raise BusinessError("ORDERCLOSED", endpoint="pay/unifiedorder")
        if fault is not None:
            raise fault.error
        return PrepayResult(out_trade_no, order.prepay_id, order.code_url)

    def order_query(self, *, out_trade_no: str) -> OrderStatus:
        fault = self._enter("order_query", out_trade_no=out_trade_no)
        order = self.orders.get(out_trade_no)
        if order is None:
            raise BusinessError("ORDERNOTEXIST", "order not exist", endpoint="pay/orderquery")
        if fault is not None:
            raise fault.error
        if order.trade_state.is_paid or order.is_money_returned:
            return OrderStatus(
                out_trade_no,
                order.trade_state,
                "支付成功",
                transaction_id=order.transaction_id,
                total_fee=order.paid_fee,
                cash_fee=order.paid_fee,
                time_end=order.time_end,
                bank_type="OTHERS",
                trade_type="NATIVE",
            )
        return OrderStatus(out_trade_no, order.trade_state)

    def close_order(self, *, out_trade_no: str) -> None:
        fault = self._enter("close_order", out_trade_no=out_trade_no)
        order = self.orders.get(out_trade_no)
        if order is not None:
            if order.trade_state.is_paid:
                raise BusinessError("ORDERPAID", endpoint="pay/closeorder")
            order.trade_state = TradeState.CLOSED
        # §3.3 [OBS]: closing a number that never existed succeeds.
        if fault is not None:
            raise fault.error

    def micropay(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        auth_code: str,
        device_info: str | None = None,
    ) -> MicropayResult:
        fault = self._enter(
            "micropay", out_trade_no=out_trade_no, total_fee=total_fee, auth_code=auth_code
        )
        outcome = self.code_outcomes.get(auth_code, "paid")
        if outcome not in ("paid", "password"):
            raise BusinessError(outcome, "refused", endpoint="pay/micropay")
        assert out_trade_no not in self.orders, "micropay sent twice for one number"
        params: dict[str, object] = {"out_trade_no": out_trade_no, "total_fee": total_fee}
        order = FakeOrder(params=params, code_url="", prepay_id="")
        self.orders[out_trade_no] = order
        if outcome == "password":
            order.trade_state = TradeState.USERPAYING
        else:
            self.pay(out_trade_no)
        if fault is not None:
            raise fault.error
        if outcome == "password":
            return MicropayResult(out_trade_no, MicropayOutcome.USERPAYING)
        return MicropayResult(
            out_trade_no,
            MicropayOutcome.PAID,
            transaction_id=order.transaction_id,
            total_fee=order.paid_fee,
            time_end=order.time_end,
        )

    def reverse(self, *, out_trade_no: str) -> ReverseResult:
        fault = self._enter("reverse", out_trade_no=out_trade_no)
        order = self.orders.get(out_trade_no)
        if order is None:
            raise BusinessError("ORDERNOTEXIST", "order not exist", endpoint="secapi/pay/reverse")
        recall = self.recalls.pop(0) if self.recalls else False
        if not recall:
            if order.trade_state.is_paid:
                order.is_money_returned = True
            order.trade_state = TradeState.REVOKED
        if fault is not None:
            raise fault.error
        return ReverseResult(out_trade_no, recall)

    def report(self, trades: Sequence[ReportedTrade], *, device_info: str | None = None) -> None:
        fault = self._enter("report", trades=list(trades), device_info=device_info)
        self.reports.extend(trades)
        if fault is not None:
            raise fault.error

    # -- what the tests look at

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]
