"""The checkout's view of WeChat Pay: the calls a payment makes, and the adapter over the client."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from pos.wechatpay.types import (
    BODY_MAX_BYTES,
    MicropayResult,
    OrderStatus,
    PrepayResult,
    ReportedTrade,
    ReverseResult,
)

log = logging.getLogger(__name__)


class NativeOrderClient(Protocol):
    """The calls of ``pos.wechatpay.client.WeChatPayClient`` that :class:`CheckoutClient` wraps."""

    def unified_order(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        notify_url: str,
        spbill_create_ip: str,
        time_start: datetime,
        time_expire: datetime,
        product_id: str | None = None,
        device_info: str | None = None,
        attach: str | None = None,
    ) -> PrepayResult: ...

    def order_query(
        self, *, out_trade_no: str | None = None, transaction_id: str | None = None
    ) -> OrderStatus: ...

    def close_order(self, out_trade_no: str) -> None: ...

    def micropay(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        auth_code: str,
        spbill_create_ip: str,
        device_info: str | None = None,
        attach: str | None = None,
    ) -> MicropayResult: ...

    def reverse(
        self, *, out_trade_no: str | None = None, transaction_id: str | None = None
    ) -> ReverseResult: ...

    def report(
        self,
        trades: Sequence[ReportedTrade],
        *,
        user_ip: str,
        device_info: str | None = None,
        interface_url: str = ...,
    ) -> None: ...

    def close(self) -> None: ...


class PayClient(Protocol):
    """What the checkout needs from ``pos.wechatpay.client.WeChatPayClient``.

    Each call either returns its result or raises a :class:`~pos.errors.WeChatPayError`
    (``DefinitelyFailed`` or ``OutcomeUnknown``).
    """

    def unified_order(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        time_start: datetime,
        time_expire: datetime,
        device_info: str | None = None,
    ) -> PrepayResult: ...

    def order_query(self, *, out_trade_no: str) -> OrderStatus: ...

    def close_order(self, *, out_trade_no: str) -> None: ...

    def micropay(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        auth_code: str,
        device_info: str | None = None,
    ) -> MicropayResult: ...

    def reverse(self, *, out_trade_no: str) -> ReverseResult: ...

    def report(
        self, trades: Sequence[ReportedTrade], *, device_info: str | None = None
    ) -> None: ...


#: The address reported as spbill_create_ip (and payitil/report's user_ip): the till's own.
SPBILL_CREATE_IP = "127.0.0.1"
#: Marks a product name cut to fit ``body``.
_ELLIPSIS = "…"


def fits_body(name: str) -> bool:
    """Whether ``name`` can be sent as ``body`` whole (String(127) as UTF-8 bytes, §3.1)."""
    return len(name.encode("utf-8")) <= BODY_MAX_BYTES


def order_body(product: str) -> str:
    """The ``body`` sent for ``product``: the name itself, or cut at a character boundary
    with "…" so that it fits (§3.1); the deal keeps the full name. Deterministic, so every
    retry sends the identical body (§4.6)."""
    if fits_body(product):
        return product
    room = BODY_MAX_BYTES - len(_ELLIPSIS.encode("utf-8"))
    cut = product.encode("utf-8")[:room].decode("utf-8", "ignore")
    return cut + _ELLIPSIS


class CheckoutClient:
    """The checkout's :class:`pos.checkout.PayClient` over :class:`WeChatPayClient`.

    Adds what every Native order of this till carries: the ``notify_url`` the relay
    receives on (§3.1) and the ``spbill_create_ip``; both stay identical on every retry (§4.6).
    A payment code's micropay carries the same ``spbill_create_ip`` (§3.9).
    """

    def __init__(self, client: NativeOrderClient, *, notify_url: str) -> None:
        self._client = client
        self._notify_url = notify_url

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
        return self._client.unified_order(
            out_trade_no=out_trade_no,
            total_fee=total_fee,
            body=body,
            notify_url=self._notify_url,
            spbill_create_ip=SPBILL_CREATE_IP,
            time_start=time_start,
            time_expire=time_expire,
            device_info=device_info,
        )

    def order_query(self, *, out_trade_no: str) -> OrderStatus:
        return self._client.order_query(out_trade_no=out_trade_no)

    def close_order(self, *, out_trade_no: str) -> None:
        self._client.close_order(out_trade_no)

    def micropay(
        self,
        *,
        out_trade_no: str,
        total_fee: int,
        body: str,
        auth_code: str,
        device_info: str | None = None,
    ) -> MicropayResult:
        """§3.9: one call per scan, never resent (the client does not retry micropay)."""
        return self._client.micropay(
            out_trade_no=out_trade_no,
            total_fee=total_fee,
            body=body,
            auth_code=auth_code,
            spbill_create_ip=SPBILL_CREATE_IP,
            device_info=device_info,
        )

    def reverse(self, *, out_trade_no: str) -> ReverseResult:
        """§3.10: needs the merchant's API certificate (secapi)."""
        return self._client.reverse(out_trade_no=out_trade_no)

    def report(self, trades: Sequence[ReportedTrade], *, device_info: str | None = None) -> None:
        """``payitil/report`` (交易保障), sent once."""
        self._client.report(trades, user_ip=SPBILL_CREATE_IP, device_info=device_info)

    def close(self) -> None:
        self._client.close()
