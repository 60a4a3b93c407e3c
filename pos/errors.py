"""The PosError tree: every error the cashier's core raises on purpose.

The one split that matters for money is *definitely failed* against *outcome
unknown*. A request that definitely failed changed nothing at WeChat Pay and
may be corrected and sent again; a request whose outcome is unknown may have
been carried out, so the only safe moves are to ask WeChat Pay again
(``orderquery``) or to resend the identical request with the same
``out_trade_no`` / ``out_refund_no``. Never mint a new number for it.

::

    PosError
    ├── ConfigError                 settings missing or invalid (never carries the key)
    ├── AmountError                 what the clerk typed is not a valid amount
    ├── XmlError                    not a safe, well-formed, flat <xml> (XML_FORMAT_ERROR)
    │   └── NotUtf8Error            the body is not valid UTF-8 (NOT_UTF8)
    ├── NotificationError           a notification to refuse with FAIL (bad sign, wrong merchant...)
    ├── StoreError                  the local database could not do what was asked
    │   └── DiskFullError           ... because the disk or the database is full
    ├── RefundLimitError            a refund the store refuses before any network call
    ├── PaymentCodeRefused          a scanned code the till refuses before any call (another
    │                               wallet's, not a code, already used for another deal)
    ├── ShopError                   a rule of clerks, shifts or the day's close refused it
    │   ├── PinRefused              a wrong PIN, or PINs locked out for a while
    │   ├── NotAllowed              this clerk's role may not do that (a manager may approve it)
    │   ├── AccountError            an account change breaks a rule (first is a manager...)
    │   └── ShiftError              no shift open, one already open, closed, the day closed
    ├── Cancelled                   the user stopped a long task (export, reconcile); no file left
    ├── ShopServerError             the shop server did not take or give the till's data
    │   ├── ShopServerUnreachable   down, timed out, 5xx: nothing lost, try again later
    │   └── ShopServerRefused       401/403/400/413: a setting (token, till, merchant) to fix
    └── WeChatPayError              a call to WeChat Pay did not succeed
        ├── DefinitelyFailed        nothing happened at WeChat Pay, or its answer is final
        │   ├── RequestRejected     return_code=FAIL: signature, format, parameters (unsigned reply)
        │   └── BusinessError       result_code=FAIL with a final err_code (ORDERPAID, NOTENOUGH...)
        └── OutcomeUnknown          may have happened: query, or resend the same request
            ├── TransportError      timeout, connection refused or dropped, HTTP 5xx
            ├── GarbledResponse     the reply is not a readable protocol document
            ├── BadResponseSignature  the reply's signature is wrong (possible tampering)
            └── RetryableBusinessError  SYSTEMERROR, BANKERROR, BIZERR_NEED_RETRY...

Errors carry fields (code, order number, HTTP status), never keys, certificates
or whole requests, so they are safe to log and to show.
"""

from __future__ import annotations


class PosError(Exception):
    """Root of every error the cashier raises on purpose."""


class ConfigError(PosError):
    """The settings are missing or invalid."""


class AmountError(PosError, ValueError):
    """What the clerk typed is not a valid amount. ``code`` names the rule broken."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class XmlError(PosError, ValueError):
    """A document is not a safe, well-formed, flat ``<xml>`` document."""


class NotUtf8Error(XmlError):
    """A body is not valid UTF-8."""


class NotificationError(PosError):
    """A notification that must be refused; ``reason`` goes into the FAIL reply."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StoreError(PosError):
    """The local database could not do what was asked."""


class DiskFullError(StoreError):
    """The disk (or the database) is full: nothing was written."""


class RefundLimitError(PosError):
    """A refund refused locally, before any network call (amount left, count limit)."""


class PaymentCodeRefused(PosError):
    """A scanned payment code refused before anything was stored or sent. ``reason`` is the
    :class:`pos.checkout.Notice` value the clerk's words are looked up by. The message never
    holds the code (a credential)."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class ShopError(PosError):
    """A rule of clerks, shifts or the day's close refused what was asked."""


class PinRefused(ShopError):
    """A wrong PIN (``tries_left`` more before the lock-out), or PINs locked out for
    ``seconds_locked`` seconds. Never carries the PIN."""

    def __init__(self, message: str, *, tries_left: int, seconds_locked: float = 0.0) -> None:
        super().__init__(message)
        self.tries_left = tries_left
        self.seconds_locked = seconds_locked


class NotAllowed(ShopError):
    """The clerk's role may not do ``action``; a manager may approve it once."""

    def __init__(self, message: str, *, action: str) -> None:
        super().__init__(message)
        self.action = action


class AccountError(ShopError):
    """An account change that breaks a rule: the first account is a manager, the last active
    manager stays, PINs are 4–6 digits, numbers and names are unique."""


class ShiftError(ShopError):
    """No shift is open, one is already open, it is closed already, or the day is closed."""


class Cancelled(PosError):
    """The user stopped a long task; it left nothing behind (no half-written file)."""


class ShopServerError(PosError):
    """The shop server (``pos relay``) did not take or give the till's data.

    ``status_code`` is the HTTP status when there was an answer (None: no answer).
    """

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class ShopServerUnreachable(ShopServerError):
    """Down, timed out or answering 5xx: what was to be sent stays in the outbox."""


class ShopServerRefused(ShopServerError):
    """The server refused the till (bad token, another till's or merchant's data, a body it
    cannot read): a setting to fix, not a request to repeat in a loop."""


class WeChatPayError(PosError):
    """A call to WeChat Pay did not succeed. ``endpoint`` is the API path."""

    def __init__(
        self, message: str, *, endpoint: str = "", out_trade_no: str | None = None
    ) -> None:
        super().__init__(message)
        self.endpoint = endpoint
        self.out_trade_no = out_trade_no


class DefinitelyFailed(WeChatPayError):
    """Nothing was done at WeChat Pay, or its business answer is final."""


class RequestRejected(DefinitelyFailed):
    """``return_code=FAIL``: the request was refused before processing."""

    def __init__(
        self,
        return_msg: str,
        *,
        endpoint: str = "",
        out_trade_no: str | None = None,
        error_code: str | None = None,
    ) -> None:
        super().__init__(
            f"{endpoint or 'request'} rejected: {return_msg}",
            endpoint=endpoint,
            out_trade_no=out_trade_no,
        )
        self.return_msg = return_msg
        self.error_code = error_code


class BusinessError(DefinitelyFailed):
    """``result_code=FAIL`` with a final ``err_code`` (for example ORDERPAID, ORDERCLOSED)."""

    def __init__(
        self,
        err_code: str,
        err_code_des: str = "",
        *,
        endpoint: str = "",
        out_trade_no: str | None = None,
    ) -> None:
        super().__init__(
            f"{endpoint or 'request'} failed: {err_code} {err_code_des}".strip(),
            endpoint=endpoint,
            out_trade_no=out_trade_no,
        )
        self.err_code = err_code
        self.err_code_des = err_code_des


class OutcomeUnknown(WeChatPayError):
    """The request may or may not have been carried out: ask again, with the same numbers."""


class TransportError(OutcomeUnknown):
    """Timeout, refused or dropped connection, or an HTTP error status."""

    def __init__(
        self,
        message: str,
        *,
        endpoint: str = "",
        out_trade_no: str | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(message, endpoint=endpoint, out_trade_no=out_trade_no)
        self.status_code = status_code


class GarbledResponse(OutcomeUnknown):
    """The reply could not be read as a protocol document."""


class BadResponseSignature(OutcomeUnknown):
    """The reply's signature does not verify: treat as unknown and alert."""


class RetryableBusinessError(OutcomeUnknown):
    """``result_code=FAIL`` with an err_code that means "try the same request again"."""

    def __init__(
        self,
        err_code: str,
        err_code_des: str = "",
        *,
        endpoint: str = "",
        out_trade_no: str | None = None,
    ) -> None:
        super().__init__(
            f"{endpoint or 'request'}: {err_code} {err_code_des}".strip(),
            endpoint=endpoint,
            out_trade_no=out_trade_no,
        )
        self.err_code = err_code
        self.err_code_des = err_code_des
