"""The WeChat Pay v2 HTTP client: one method per endpoint, typed results, safe retries (§1, §3, §4).

Every reply is read in the order of §1.3 / §4.1: transport → ``return_code`` →
signature → ``result_code`` → ``err_code``. Each way a call can end maps to one
branch of the :mod:`pos.errors` tree; only :class:`~pos.errors.OutcomeUnknown` is
retried, and only for the calls that are safe to resend with identical business
parameters (§4.4: same ``out_trade_no`` / ``out_refund_no``, new nonce and sign).
``micropay`` is never resent: its unknown outcome is resolved with ``orderquery``.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import secrets
import shutil
import ssl
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from types import TracebackType
from typing import Any

import httpx

from pos.errors import (
    BadResponseSignature,
    BusinessError,
    ConfigError,
    GarbledResponse,
    OutcomeUnknown,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
    WeChatPayError,
    XmlError,
)
from pos.wechatpay import xmlcodec
from pos.wechatpay.bill import looks_like_bill, parse_bill
from pos.wechatpay.signing import make_nonce, make_sign, verify_sign
from pos.wechatpay.types import (
    MICROPAY_REPORT_URL,
    Bill,
    ClientCertificate,
    Merchant,
    MicropayOutcome,
    MicropayResult,
    OrderStatus,
    PrepayResult,
    RefundInfo,
    RefundQueryResult,
    RefundResult,
    RefundStatus,
    ReportedTrade,
    ReverseResult,
    SignType,
    TradeState,
    from_text_time,
    from_wire_time,
    to_wire_time,
)

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com"

#: §4.4: err_codes whose outcome is unknown or transient; the same request may be sent again.
RETRYABLE_ERR_CODES = frozenset(
    {"SYSTEMERROR", "BANKERROR", "BIZERR_NEED_RETRY", "FREQUENCY_LIMITED", "INVALID_REQ_TOO_MUCH"}
)

#: A bill for a busy day is a few MiB; the XML replies are bounded by xmlcodec itself.
MAX_BILL_BYTES = 64 * 1024 * 1024


class WeChatPayClient:
    """A synchronous client for one merchant. Thread-safe as far as httpx.Client is.

    A call WeChat Pay never answers ends in a bounded time: each attempt waits at most
    ``timeout`` seconds to connect and ``timeout`` seconds for each read (httpx), and only an
    unknown outcome of a call safe to resend is tried again, ``max_attempts`` times in all with
    ``retry_backoff`` doubling in between: 3 × 10 s + 0.5 s + 1 s = 31.5 s with the defaults,
    10 s for a client made by :meth:`with_attempts` (1), which then raises
    :class:`~pos.errors.TransportError` (an unknown outcome).
    """

    def __init__(
        self,
        merchant: Merchant,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 10.0,
        max_attempts: int = 3,
        retry_backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        path_prefix: str = "",
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.merchant = merchant
        self.base_url = base_url.rstrip("/")
        self.path_prefix = ("/" + path_prefix.strip("/")) if path_prefix.strip("/") else ""
        self.max_attempts = max_attempts
        self.retry_backoff = retry_backoff
        self._sleep = sleep
        self._timeout = httpx.Timeout(timeout)
        self._transport = transport
        # §2.2: the sandbox paths only speak MD5, whatever the merchant's production setting.
        self.sign_type = SignType.MD5 if self.path_prefix else merchant.sign_type
        self._http = httpx.Client(
            timeout=self._timeout,
            transport=transport,
            headers={"Content-Type": "text/xml; charset=utf-8"},
        )
        self._secure_http: httpx.Client | None = None

    # -- life cycle ---------------------------------------------------------------------------

    def with_attempts(self, max_attempts: int) -> WeChatPayClient:
        """The same client (merchant, connections) with another number of attempts per call:
        1 for work whose caller asks again later anyway, so that an unanswered call does not
        hold its thread for every retry. Closing either closes the connections of both; for
        calls without the certificate (its connections are made per client)."""
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        other = copy.copy(self)
        other.max_attempts = max_attempts
        other._secure_http = None
        return other

    def close(self) -> None:
        self._http.close()
        if self._secure_http is not None:
            self._secure_http.close()

    def __enter__(self) -> WeChatPayClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"WeChatPayClient(mch_id={self.merchant.mch_id!r}, base_url={self.base_url!r})"

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
            prepay_id=_required(fields, "prepay_id", "pay/unifiedorder"),
            code_url=_required(fields, "code_url", "pay/unifiedorder"),
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
            out_trade_no=_required(fields, "out_trade_no", endpoint),
            transaction_id=_required(fields, "transaction_id", endpoint),
            out_refund_no=_required(fields, "out_refund_no", endpoint),
            refund_id=_required(fields, "refund_id", endpoint),
            refund_fee=_int(fields, "refund_fee", endpoint),
            total_fee=_int(fields, "total_fee", endpoint),
            cash_refund_fee=_optional_int(fields, "cash_refund_fee", endpoint),
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
            transaction_id=_required(fields, "transaction_id", endpoint),
            total_fee=_int(fields, "total_fee", endpoint),
            time_end=_wire_time(time_end, endpoint) if time_end else None,
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
        return _required(fields, "sandbox_signkey", "sandboxnew/pay/getsignkey")

    # -- the one request loop -----------------------------------------------------------------

    def _call(
        self,
        endpoint: str,
        params: Mapping[str, object],
        *,
        out_trade_no: str | None,
        retry: bool = True,
        secure: bool = False,
        bill: bool = False,
        path: str | None = None,
        envelope: bool = True,
        unsigned_ok: bool = False,
    ) -> Any:
        started = time.monotonic()
        attempts = self.max_attempts if retry else 1
        outcome = "ok"
        attempt = 0
        try:
            while True:
                attempt += 1
                try:
                    return self._attempt(
                        endpoint,
                        params,
                        out_trade_no=out_trade_no,
                        secure=secure,
                        bill=bill,
                        path=path,
                        envelope=envelope,
                        unsigned_ok=unsigned_ok,
                    )
                except OutcomeUnknown as exc:
                    if attempt >= attempts:
                        raise
                    logger.debug(
                        "wechatpay %s out_trade_no=%s attempt %d unknown (%s); retrying",
                        endpoint,
                        out_trade_no,
                        attempt,
                        _describe(exc),
                    )
                    self._sleep(self.retry_backoff * 2 ** (attempt - 1))
        except WeChatPayError as exc:
            outcome = _describe(exc)
            raise
        finally:
            logger.info(
                "wechatpay %s out_trade_no=%s outcome=%s attempts=%d duration=%.3fs",
                endpoint,
                out_trade_no,
                outcome,
                attempt,
                time.monotonic() - started,
            )

    def _attempt(
        self,
        endpoint: str,
        params: Mapping[str, object],
        *,
        out_trade_no: str | None,
        secure: bool,
        bill: bool,
        path: str | None,
        envelope: bool,
        unsigned_ok: bool = False,
    ) -> Any:
        sign_type = self.sign_type if envelope else SignType.MD5
        fields: dict[str, object] = {"mch_id": self.merchant.mch_id}
        if envelope:
            fields["appid"] = self.merchant.appid
        fields["nonce_str"] = make_nonce()
        if sign_type is SignType.HMAC_SHA256:
            # §2.2: an HMAC request must say so, and the field is part of the signed string.
            fields["sign_type"] = sign_type.value
        fields.update((k, v) for k, v in params.items() if v is not None and v != "")
        fields["sign"] = make_sign(fields, self.merchant.api_key, sign_type)
        url = self.base_url + (path or f"{self.path_prefix}/{endpoint}")
        http = self._secure_client() if secure else self._http
        limit = MAX_BILL_BYTES if bill else xmlcodec.MAX_XML_BYTES
        try:
            status, body = _post(http, url, xmlcodec.encode(fields), limit)
        except httpx.TimeoutException as exc:
            raise TransportError(
                f"{endpoint}: timed out", endpoint=endpoint, out_trade_no=out_trade_no
            ) from exc
        except httpx.TransportError as exc:
            # Connect errors (nothing sent) are retried like the rest: resending is safe.
            raise TransportError(
                f"{endpoint}: {type(exc).__name__}", endpoint=endpoint, out_trade_no=out_trade_no
            ) from exc
        except httpx.HTTPError as exc:
            raise GarbledResponse(
                f"{endpoint}: unreadable reply ({type(exc).__name__})",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
            ) from exc
        if status >= 500 or status == 429:
            raise TransportError(
                f"{endpoint}: HTTP {status}",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
                status_code=status,
            )
        if status != 200:
            # WeChat answers every protocol error with 200; another status is a wrong URL or proxy.
            raise RequestRejected(f"HTTP {status}", endpoint=endpoint, out_trade_no=out_trade_no)
        if body is None:
            raise GarbledResponse(
                f"{endpoint}: reply over {limit} bytes",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
            )
        if bill and looks_like_bill(body):
            # §3.8: a successful downloadbill is plain text or gzip, neither XML nor signed.
            return parse_bill(
                body, bill_date=str(params["bill_date"]), bill_type=str(params["bill_type"])
            )
        try:
            reply = xmlcodec.decode(body)
        except XmlError as exc:
            raise GarbledResponse(
                f"{endpoint}: reply is not a protocol document ({exc})",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
            ) from exc
        return_code = reply.get("return_code")
        if return_code == "FAIL":
            # §1.3: rejected before processing; these replies are not signed.
            raise RequestRejected(
                reply.get("return_msg", ""),
                endpoint=endpoint,
                out_trade_no=out_trade_no,
                error_code=reply.get("error_code") or None,
            )
        if return_code != "SUCCESS":
            raise GarbledResponse(
                f"{endpoint}: return_code {return_code!r}",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
            )
        if not envelope:
            return reply  # §3.11: getsignkey's reply carries no sign.
        if unsigned_ok and "sign" not in reply:
            # payitil/report: documented without a sign; nothing in it changes money.
            if reply.get("result_code", "SUCCESS") == "SUCCESS":
                return reply
            raise BusinessError(
                reply.get("err_code", "") or str(reply.get("result_code")),
                reply.get("err_code_des", ""),
                endpoint=endpoint,
            )
        # §2.5: a SUCCESS reply is signed with the request's algorithm (no sign_type echoed).
        if not verify_sign(reply, self.merchant.api_key, sign_type):
            raise BadResponseSignature(
                f"{endpoint}: reply signature does not verify",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
            )
        result_code = reply.get("result_code")
        if result_code == "SUCCESS":
            return reply
        if result_code != "FAIL":
            raise GarbledResponse(
                f"{endpoint}: result_code {result_code!r}",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
            )
        err_code = reply.get("err_code", "")
        err_code_des = reply.get("err_code_des", "")
        if err_code in RETRYABLE_ERR_CODES:
            raise RetryableBusinessError(
                err_code, err_code_des, endpoint=endpoint, out_trade_no=out_trade_no
            )
        raise BusinessError(err_code, err_code_des, endpoint=endpoint, out_trade_no=out_trade_no)

    def _secure_client(self) -> httpx.Client:
        """The client for ``secapi/*``: with the merchant's TLS certificate when there is one."""
        if self._secure_http is None:
            certificate = self.merchant.certificate
            if certificate is None or self._transport is not None:
                # No certificate (the local sandbox accepts that) or a test transport.
                self._secure_http = self._http
            else:
                self._secure_http = httpx.Client(
                    timeout=self._timeout,
                    verify=client_ssl_context(certificate),
                    headers={"Content-Type": "text/xml; charset=utf-8"},
                )
        return self._secure_http


def _post(http: httpx.Client, url: str, content: bytes, limit: int) -> tuple[int, bytes | None]:
    """POST and read at most ``limit`` bytes of the reply; ``None`` when it is longer."""
    with http.stream("POST", url, content=content) as response:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                return response.status_code, None
            chunks.append(chunk)
        return response.status_code, b"".join(chunks)


# -- reading replies ------------------------------------------------------------------------------


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
        total_fee=_optional_int(fields, "total_fee", endpoint),
        cash_fee=_optional_int(fields, "cash_fee", endpoint),
        time_end=_wire_time(time_end, endpoint) if time_end else None,
        bank_type=fields.get("bank_type") or None,
        trade_type=fields.get("trade_type") or None,
        openid=fields.get("openid") or None,
        attach=fields.get("attach") or None,
    )


def parse_refund_query(
    fields: Mapping[str, str], *, endpoint: str = "pay/refundquery"
) -> RefundQueryResult:
    """A ``refundquery`` reply: the ``_$n`` fields of this page as :class:`RefundInfo` (§3.6)."""
    count = _int(fields, "refund_count", endpoint)
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
                out_refund_no=_required(fields, f"out_refund_no_{n}", endpoint),
                refund_id=_required(fields, f"refund_id_{n}", endpoint),
                refund_fee=_int(fields, f"refund_fee_{n}", endpoint),
                status=RefundStatus.parse(fields.get(f"refund_status_{n}", "")),
                success_time=when,
                recv_account=fields.get(f"refund_recv_accout_{n}") or None,
                channel=fields.get(f"refund_channel_{n}") or None,
            )
        )
    return RefundQueryResult(
        out_trade_no=fields.get("out_trade_no", ""),
        transaction_id=fields.get("transaction_id", ""),
        total_fee=_int(fields, "total_fee", endpoint),
        refunds=tuple(refunds),
        total_refund_count=_optional_int(fields, "total_refund_count", endpoint),
    )


def _describe(exc: WeChatPayError) -> str:
    code = getattr(exc, "err_code", None) or getattr(exc, "error_code", None)
    status = getattr(exc, "status_code", None)
    detail = code or (f"HTTP{status}" if status else "")
    return f"{type(exc).__name__}:{detail}" if detail else type(exc).__name__


def _required(fields: Mapping[str, str], name: str, endpoint: str) -> str:
    value = fields.get(name, "")
    if not value:
        raise GarbledResponse(f"{endpoint}: reply lacks {name}", endpoint=endpoint)
    return value


def _int(fields: Mapping[str, str], name: str, endpoint: str) -> int:
    value = _optional_int(fields, name, endpoint)
    if value is None:
        raise GarbledResponse(f"{endpoint}: reply lacks {name}", endpoint=endpoint)
    return value


def _optional_int(fields: Mapping[str, str], name: str, endpoint: str) -> int | None:
    text = fields.get(name, "")
    if not text:
        return None
    # §2.6: integers are plain decimal text; "25.5" or "2550.0" is not an amount in fen.
    if not (text.isascii() and text.isdigit()):
        raise GarbledResponse(f"{endpoint}: {name} is not an integer", endpoint=endpoint)
    return int(text)


def _wire_time(text: str, endpoint: str) -> datetime:
    try:
        return from_wire_time(text)
    except ValueError as exc:
        raise GarbledResponse(f"{endpoint}: bad time {text!r}", endpoint=endpoint) from exc


def _check_fen(value: int, name: str) -> None:
    # §1.5: integer fen, at least 1; a float or bool here is a bug in the caller.
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{name} must be a positive int of fen")


def _one_of(**keys: str | int | None) -> None:
    if not any(value not in (None, "") for value in keys.values()):
        raise ValueError("give one of " + ", ".join(keys))


# -- the client certificate ---------------------------------------------------------------------


@contextmanager
def _private_dir() -> Iterator[str]:
    folder = tempfile.mkdtemp(prefix="pos-cert-")  # mode 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_private(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def client_ssl_context(certificate: ClientCertificate) -> ssl.SSLContext:
    """An SSL context presenting the merchant's certificate (PEM pair or PKCS#12) for secapi/*.

    A PKCS#12 file is converted with :mod:`cryptography`; the PEM lands in a 0600 file in a
    0700 folder, the private key encrypted with a one-time password, and both are deleted
    right after loading. The certificate password never reaches a message or a log.
    """
    context = ssl.create_default_context()
    if certificate.p12_path:
        from cryptography.hazmat.primitives.serialization import (
            BestAvailableEncryption,
            Encoding,
            PrivateFormat,
            pkcs12,
        )

        password = certificate.password.encode("utf-8") if certificate.password else None
        try:
            with open(certificate.p12_path, "rb") as handle:
                key, cert, extra = pkcs12.load_key_and_certificates(handle.read(), password)
        except (OSError, ValueError, TypeError) as exc:
            raise ConfigError(
                "the merchant certificate (PKCS#12) could not be read; "
                "check the file and its password"
            ) from exc
        if key is None or cert is None:
            raise ConfigError("the PKCS#12 file holds no certificate and key")
        one_time = secrets.token_urlsafe(32)
        key_pem = key.private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(one_time.encode("ascii"))
        )
        chain = cert.public_bytes(Encoding.PEM) + b"".join(
            c.public_bytes(Encoding.PEM) for c in extra
        )
        with _private_dir() as folder:
            cert_path = os.path.join(folder, "cert.pem")
            key_path = os.path.join(folder, "key.pem")
            _write_private(cert_path, chain)
            _write_private(key_path, key_pem)
            try:
                context.load_cert_chain(cert_path, key_path, password=one_time)
            except (OSError, ssl.SSLError) as exc:
                raise ConfigError("the merchant certificate could not be loaded") from exc
        return context
    if certificate.cert_pem_path and certificate.key_pem_path:
        try:
            context.load_cert_chain(
                certificate.cert_pem_path, certificate.key_pem_path, password=certificate.password
            )
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(
                "the merchant certificate (PEM) could not be loaded; "
                "check the files and the password"
            ) from exc
        return context
    raise ConfigError("the merchant certificate needs a PKCS#12 file or a PEM pair")
