"""The WeChat Pay v2 client: one method per endpoint, typed results, safe retries (§1, §3, §4).

Endpoints by business area, as in wechatpy: the QR payment (``unifiedorder``, ``orderquery``,
``closeorder``), refunds (``refund``, ``refundquery``), the bill, the payment code
(``micropay``, ``reverse``) and the sandbox's key. Signing, posting, reading the replies in
order and retrying what is safe are :class:`~pos.wechatpay.base.BaseClient`'s
(:mod:`pos.wechatpay.base`); typed results are read by :mod:`pos.wechatpay.replies`.
``micropay`` is never resent: its unknown outcome is resolved with ``orderquery``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

from pos.errors import BusinessError, GarbledResponse
from pos.wechatpay.base import DEFAULT_BASE_URL, BaseClient
from pos.wechatpay.certificate import client_ssl_context
from pos.wechatpay.replies import (
    integer,
    optional_integer,
    parse_order_status,
    parse_refund_query,
    required,
    wire_time,
)
from pos.wechatpay.types import (
    MICROPAY_REPORT_URL,
    Bill,
    MicropayOutcome,
    MicropayResult,
    OrderStatus,
    PrepayResult,
    RefundQueryResult,
    RefundResult,
    ReportedTrade,
    ReverseResult,
    to_wire_time,
)

__all__ = ["DEFAULT_BASE_URL", "WeChatPayClient", "client_ssl_context"]


class WeChatPayClient(BaseClient):
    """A synchronous client for one merchant (see :class:`~pos.wechatpay.base.BaseClient` for
    its timeouts and retries). Thread-safe as far as httpx.Client is."""

    # -- endpoints ----------------------------------------------------------------------------

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
    ) -> PrepayResult:
        """§3.1 with ``trade_type=NATIVE``; a retry re-enters the same order (§4.6).

        ``product_id`` (required for NATIVE) defaults to ``out_trade_no``.
        """
        _check_fen(total_fee, "total_fee")
        # Built once: every retry sends exactly these business fields (§4.6 re-entry rule).
        params: dict[str, object] = {
            "device_info": device_info,
            "body": body,
            "attach": attach,
            "out_trade_no": out_trade_no,
            "total_fee": total_fee,
            "spbill_create_ip": spbill_create_ip,
            "time_start": to_wire_time(time_start),
            "time_expire": to_wire_time(time_expire),
            "notify_url": notify_url,
            "trade_type": "NATIVE",
            "product_id": product_id if product_id is not None else out_trade_no,
        }
        fields = self._call("pay/unifiedorder", params, out_trade_no=out_trade_no)
        return PrepayResult(
            out_trade_no=out_trade_no,
            prepay_id=required(fields, "prepay_id", "pay/unifiedorder"),
            code_url=required(fields, "code_url", "pay/unifiedorder"),
        )

    def order_query(
        self, *, out_trade_no: str | None = None, transaction_id: str | None = None
    ) -> OrderStatus:
        """§3.2: the authoritative state of one order."""
        _one_of(out_trade_no=out_trade_no, transaction_id=transaction_id)
        fields = self._call(
            "pay/orderquery",
            {"transaction_id": transaction_id, "out_trade_no": out_trade_no},
            out_trade_no=out_trade_no,
        )
        return parse_order_status(fields, endpoint="pay/orderquery", out_trade_no=out_trade_no)

    def close_order(self, out_trade_no: str) -> None:
        """§3.3. ORDERCLOSED means done already; ORDERPAID raises BusinessError("ORDERPAID")."""
        try:
            self._call("pay/closeorder", {"out_trade_no": out_trade_no}, out_trade_no=out_trade_no)
        except BusinessError as exc:
            # A retry after a dropped reply lands here too: the first attempt closed it.
            if exc.err_code != "ORDERCLOSED":
                raise

    def refund(
        self,
        *,
        out_refund_no: str,
        total_fee: int,
        refund_fee: int,
        out_trade_no: str | None = None,
        transaction_id: str | None = None,
        refund_desc: str | None = None,
        notify_url: str | None = None,
    ) -> RefundResult:
        """§3.5: apply for a refund; the same ``out_refund_no`` is the same refund."""
        _one_of(out_trade_no=out_trade_no, transaction_id=transaction_id)
        _check_fen(total_fee, "total_fee")
        _check_fen(refund_fee, "refund_fee")
        endpoint = "secapi/pay/refund"
        fields = self._call(
            endpoint,
            {
                "transaction_id": transaction_id,
                "out_trade_no": out_trade_no,
                "out_refund_no": out_refund_no,
                "total_fee": total_fee,
                "refund_fee": refund_fee,
                "refund_desc": refund_desc,
                "notify_url": notify_url,
            },
            out_trade_no=out_trade_no,
            secure=True,
        )
        return RefundResult(
            out_trade_no=required(fields, "out_trade_no", endpoint),
            transaction_id=required(fields, "transaction_id", endpoint),
            out_refund_no=required(fields, "out_refund_no", endpoint),
            refund_id=required(fields, "refund_id", endpoint),
            refund_fee=integer(fields, "refund_fee", endpoint),
            total_fee=integer(fields, "total_fee", endpoint),
            cash_refund_fee=optional_integer(fields, "cash_refund_fee", endpoint),
        )

    def refund_query(
        self,
        *,
        out_refund_no: str | None = None,
        refund_id: str | None = None,
        out_trade_no: str | None = None,
        transaction_id: str | None = None,
        offset: int | None = None,
    ) -> RefundQueryResult:
        """§3.6: the refunds of an order (10 per page) or one refund."""
        _one_of(
            out_refund_no=out_refund_no,
            refund_id=refund_id,
            out_trade_no=out_trade_no,
            transaction_id=transaction_id,
        )
        endpoint = "pay/refundquery"
        fields = self._call(
            endpoint,
            {
                "transaction_id": transaction_id,
                "out_trade_no": out_trade_no,
                "out_refund_no": out_refund_no,
                "refund_id": refund_id,
                "offset": offset,
            },
            out_trade_no=out_trade_no,
        )
        return parse_refund_query(fields, endpoint=endpoint)

    def download_bill(self, bill_date: date, bill_type: str = "ALL", *, gzip: bool = False) -> Bill:
        """§3.8: the day's bill, parsed; "No Bill Exist" is RequestRejected(error_code="20002")."""
        date_text = bill_date.strftime("%Y%m%d")
        params: dict[str, object] = {
            "bill_date": date_text,
            "bill_type": bill_type,
            "tar_type": "GZIP" if gzip else None,
        }
        raw = self._call("pay/downloadbill", params, out_trade_no=None, bill=True)
        if not isinstance(raw, Bill):
            # A signed SUCCESS document where a bill was due: not a reply we can read (§3.8).
            raise GarbledResponse(
                "pay/downloadbill: XML where the bill was expected", endpoint="pay/downloadbill"
            )
        return raw

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
    ) -> MicropayResult:
        """§3.9. USERPAYING is an outcome, not an error; never resent (resolve with orderquery)."""
        _check_fen(total_fee, "total_fee")
        endpoint = "pay/micropay"
        try:
            fields = self._call(
                endpoint,
                {
                    "device_info": device_info,
                    "body": body,
                    "attach": attach,
                    "out_trade_no": out_trade_no,
                    "total_fee": total_fee,
                    "spbill_create_ip": spbill_create_ip,
                    "auth_code": auth_code,
                },
                out_trade_no=out_trade_no,
                retry=False,
            )
        except BusinessError as exc:
            if exc.err_code == "USERPAYING":
                return MicropayResult(out_trade_no=out_trade_no, outcome=MicropayOutcome.USERPAYING)
            raise
        time_end = fields.get("time_end")
        return MicropayResult(
            out_trade_no=out_trade_no,
            outcome=MicropayOutcome.PAID,
            transaction_id=required(fields, "transaction_id", endpoint),
            total_fee=integer(fields, "total_fee", endpoint),
            time_end=wire_time(time_end, endpoint) if time_end else None,
        )

    def reverse(
        self, *, out_trade_no: str | None = None, transaction_id: str | None = None
    ) -> ReverseResult:
        """§3.10: reverse a payment-code order; ``recall=True`` means call again."""
        _one_of(out_trade_no=out_trade_no, transaction_id=transaction_id)
        fields = self._call(
            "secapi/pay/reverse",
            {"transaction_id": transaction_id, "out_trade_no": out_trade_no},
            out_trade_no=out_trade_no,
            secure=True,
        )
        return ReverseResult(
            out_trade_no=out_trade_no or fields.get("out_trade_no", ""),
            recall=fields.get("recall", "N") == "Y",
        )

    def report(
        self,
        trades: Sequence[ReportedTrade],
        *,
        user_ip: str,
        device_info: str | None = None,
        interface_url: str = MICROPAY_REPORT_URL,
    ) -> None:
        """``payitil/report`` (交易保障): how the till's payment-code scans went, for WeChat's
        monitoring. Sent once, never retried: it is best effort and must not hold a thread.

        The documented reply is ``return_code``, ``return_msg`` and ``result_code`` only, with
        no ``sign``: an unsigned SUCCESS is accepted here; a signed one is verified as usual.
        """
        if not trades:
            raise ValueError("give at least one trade")
        fields = {
            "device_info": device_info,
            "interface_url": interface_url,
            "user_ip": user_ip,
            "trades": json.dumps(
                [trade.as_json() for trade in trades], ensure_ascii=False, separators=(",", ":")
            ),
        }
        self._call("payitil/report", fields, out_trade_no=None, retry=False, unsigned_ok=True)

    def sandbox_sign_key(self) -> str:
        """§3.11: the sandbox key, asked with the production key and MD5; the reply is unsigned."""
        if self.path_prefix == "/xdc/apiv2sandbox":
            path = "/xdc/apiv2getsignkey/sign/getsignkey"
        else:
            path = "/sandboxnew/pay/getsignkey"
        fields = self._call(
            "sandboxnew/pay/getsignkey", {}, out_trade_no=None, path=path, envelope=False
        )
        return required(fields, "sandbox_signkey", "sandboxnew/pay/getsignkey")


def _check_fen(value: int, name: str) -> None:
    # §1.5: integer fen, at least 1; a float or bool here is a bug in the caller.
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{name} must be a positive int of fen")


def _one_of(**keys: str | int | None) -> None:
    if not any(value not in (None, "") for value in keys.values()):
        raise ValueError("give one of " + ", ".join(keys))
