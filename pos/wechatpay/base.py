"""The one request loop of the WeChat Pay client: sign, post, read the reply in order, retry safely.

Every reply is read in the order of §1.3 / §4.1: transport → ``return_code`` → signature →
``result_code`` → ``err_code``. Each way a call can end maps to one branch of the
:mod:`pos.errors` tree; only :class:`~pos.errors.OutcomeUnknown` is retried, and only for the
calls that are safe to resend with identical business parameters (§4.4: same
``out_trade_no`` / ``out_refund_no``, new nonce and sign). The endpoints themselves are in
:mod:`pos.wechatpay.client`.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Self

import httpx

from pos.errors import (
    BadResponseSignature,
    BusinessError,
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
from pos.wechatpay.certificate import client_ssl_context
from pos.wechatpay.signing import make_nonce, make_sign, verify_sign
from pos.wechatpay.types import Merchant, SignType

logger = logging.getLogger("pos.wechatpay.client")

DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com"

#: §4.4: err_codes whose outcome is unknown or transient; the same request may be sent again.
RETRYABLE_ERR_CODES = frozenset(
    {"SYSTEMERROR", "BANKERROR", "BIZERR_NEED_RETRY", "FREQUENCY_LIMITED", "INVALID_REQ_TOO_MUCH"}
)

#: A bill for a busy day is a few MiB; the XML replies are bounded by xmlcodec itself.
MAX_BILL_BYTES = 64 * 1024 * 1024


class BaseClient:
    """One merchant's connections and the request loop; thread-safe as far as httpx.Client is.

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

    def with_attempts(self, max_attempts: int) -> Self:
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

    def __enter__(self) -> Self:
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
                        describe(exc),
                    )
                    self._sleep(self.retry_backoff * 2 ** (attempt - 1))
        except WeChatPayError as exc:
            outcome = describe(exc)
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
        """One request and its reply, read in order (§1.3): a bill, a dict of the reply's
        fields, or one of the errors of :mod:`pos.errors`."""
        sign_type = self.sign_type if envelope else SignType.MD5
        body = self._signed(params, sign_type, envelope=envelope)
        url = self.base_url + (path or f"{self.path_prefix}/{endpoint}")
        limit = MAX_BILL_BYTES if bill else xmlcodec.MAX_XML_BYTES
        http = self._secure_client() if secure else self._http
        reply = _exchange(http, url, body, limit, endpoint=endpoint, out_trade_no=out_trade_no)
        if bill and looks_like_bill(reply):
            # §3.8: a successful downloadbill is plain text or gzip, neither XML nor signed.
            return parse_bill(
                reply, bill_date=str(params["bill_date"]), bill_type=str(params["bill_type"])
            )
        fields = _protocol_document(reply, endpoint=endpoint, out_trade_no=out_trade_no)
        if not envelope:
            return fields  # §3.11: getsignkey's reply carries no sign.
        if unsigned_ok and "sign" not in fields:
            # payitil/report: documented without a sign; nothing in it changes money.
            if fields.get("result_code", "SUCCESS") == "SUCCESS":
                return fields
            raise BusinessError(
                fields.get("err_code", "") or str(fields.get("result_code")),
                fields.get("err_code_des", ""),
                endpoint=endpoint,
            )
        # §2.5: a SUCCESS reply is signed with the request's algorithm (no sign_type echoed).
        if not verify_sign(fields, self.merchant.api_key, sign_type):
            raise BadResponseSignature(
                f"{endpoint}: reply signature does not verify",
                endpoint=endpoint,
                out_trade_no=out_trade_no,
            )
        return _business_result(fields, endpoint=endpoint, out_trade_no=out_trade_no)

    def _signed(
        self, params: Mapping[str, object], sign_type: SignType, *, envelope: bool
    ) -> bytes:
        """The request's XML: the merchant, a fresh nonce, the non-empty ``params``, the sign."""
        fields: dict[str, object] = {"mch_id": self.merchant.mch_id}
        if envelope:
            fields["appid"] = self.merchant.appid
        fields["nonce_str"] = make_nonce()
        if sign_type is SignType.HMAC_SHA256:
            # §2.2: an HMAC request must say so, and the field is part of the signed string.
            fields["sign_type"] = sign_type.value
        fields.update((k, v) for k, v in params.items() if v is not None and v != "")
        fields["sign"] = make_sign(fields, self.merchant.api_key, sign_type)
        return xmlcodec.encode(fields)

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


def _exchange(
    http: httpx.Client,
    url: str,
    body: bytes,
    limit: int,
    *,
    endpoint: str,
    out_trade_no: str | None,
) -> bytes:
    """POST ``body`` and return the reply's bytes; every transport failure as our error."""
    try:
        status, reply = _post(http, url, body, limit)
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
    if reply is None:
        raise GarbledResponse(
            f"{endpoint}: reply over {limit} bytes", endpoint=endpoint, out_trade_no=out_trade_no
        )
    return reply


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


def _protocol_document(body: bytes, *, endpoint: str, out_trade_no: str | None) -> dict[str, str]:
    """The reply's fields, once ``return_code`` says it was processed (§1.3)."""
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
    return reply


def _business_result(
    reply: dict[str, str], *, endpoint: str, out_trade_no: str | None
) -> dict[str, str]:
    """A signed reply's business outcome: its fields on SUCCESS, else the err_code's error."""
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


def describe(exc: WeChatPayError) -> str:
    """A failed call in a word for the log: its type and its code or HTTP status."""
    code = getattr(exc, "err_code", None) or getattr(exc, "error_code", None)
    status = getattr(exc, "status_code", None)
    detail = code or (f"HTTP{status}" if status else "")
    return f"{type(exc).__name__}:{detail}" if detail else type(exc).__name__
