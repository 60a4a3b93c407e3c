"""What the settings dialog checks, without Qt: field rules and the "test connection" verdict.

The merchant's own four fields are checked by :func:`pos.config.validate_merchant_fields`;
this module adds the rest of the form (certificate, URLs, times, sound) and turns the
answer of a harmless ``orderquery`` into a plain verdict on the credentials (§3.2, §4.4).
No message here ever contains the API key or the certificate password.
"""

from __future__ import annotations

import enum
import secrets
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from pos.config.printer import parse_printer_address
from pos.config.settings import (
    CHECKOUT_TIMEOUT_RANGE,
    MAX_URL_LENGTH,
    NO_CERTIFICATE,
    PASSWORD_POLL_RANGE,
    PASSWORD_WAIT_RANGE,
    POLL_INTERVAL_RANGE,
    validate_merchant_fields,
)
from pos.errors import (
    BadResponseSignature,
    BusinessError,
    ConfigError,
    GarbledResponse,
    PosError,
    RequestRejected,
    RetryableBusinessError,
    TransportError,
)
from pos.logs import redact
from pos.wechatpay.merchant import ClientCertificate, Merchant

#: QSoundEffect plays uncompressed WAV only.
SOUND_SUFFIXES = (".wav",)
CERTIFICATE_UNREADABLE = "the certificate could not be opened: check the file and its password"


class Problem(str):
    """What is wrong with a field, in English (what the log and the tests read), keeping its
    template and values so the dialog can say it in the UI's language; ``what`` names the
    field and is translated too ("{what} is required")."""

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, **values: str) -> Problem:
        problem = super().__new__(cls, template.format(**values))
        problem.template = template
        problem.values = values
        return problem


class CertificateKind(enum.StrEnum):
    NONE = "none"
    PKCS12 = "p12"
    PEM = "pem"


@dataclass(frozen=True)
class MerchantForm:
    """The merchant part of the form as typed; ``api_key`` is the key in effect (typed or kept)."""

    appid: str
    mch_id: str
    api_key: str
    sign_type: str


@dataclass(frozen=True)
class CertificateForm:
    kind: CertificateKind
    p12_path: str = ""
    cert_pem_path: str = ""
    key_pem_path: str = ""
    #: The password in effect (typed, or the stored one kept); may be empty.
    password: str = ""

    def certificate(self) -> ClientCertificate | None:
        if self.kind is CertificateKind.PKCS12:
            return ClientCertificate(p12_path=self.p12_path, password=self.password or None)
        if self.kind is CertificateKind.PEM:
            return ClientCertificate(
                cert_pem_path=self.cert_pem_path,
                key_pem_path=self.key_pem_path,
                password=self.password or None,
            )
        return None


def validate_merchant(form: MerchantForm) -> dict[str, str]:
    """Field name (appid, mch_id, api_key, sign_type) -> problem; empty when all are right."""
    return validate_merchant_fields(
        form.appid.strip(), form.mch_id.strip(), form.api_key.strip(), form.sign_type
    )


def _file_problem(text: str, what: str) -> str | None:
    if not text.strip():
        return Problem("choose the {what}", what=what)
    path = Path(text.strip()).expanduser()
    if not path.exists():
        return Problem("{what} not found: {path}", what=what, path=str(path))
    if not path.is_file():
        return Problem("{what} is not a file: {path}", what=what, path=str(path))
    return None


def validate_certificate(form: CertificateForm) -> dict[str, str]:
    """Field name (p12_path, cert_pem_path, key_pem_path, password) -> problem.

    The files are opened with the password, so a wrong password is caught here rather than
    at the first refund (secapi/* needs the certificate, §3.5).
    """
    problems: dict[str, str] = {}
    if form.kind is CertificateKind.NONE:
        return problems
    if form.kind is CertificateKind.PKCS12:
        problem = _file_problem(form.p12_path, "PKCS#12 file")
        if problem:
            problems["p12_path"] = problem
    else:
        for name, what in (("cert_pem_path", "certificate file"), ("key_pem_path", "key file")):
            problem = _file_problem(getattr(form, name), what)
            if problem:
                problems[name] = problem
    if problems:
        return problems
    certificate = form.certificate()
    assert certificate is not None
    # Imported here: the protocol client is only needed once the files are there.
    from pos.wechatpay.client import client_ssl_context

    try:
        client_ssl_context(certificate)
    except ConfigError:
        # The client's message names the file kind, never the password (§5.3).
        problems["password"] = CERTIFICATE_UNREADABLE
    return problems


def validate_url(
    text: str, *, required: bool = False, what: str = "URL", no_query: bool = False
) -> str | None:
    """A problem with an http(s) URL, or None. Empty is fine unless ``required``."""
    text = text.strip()
    if not text:
        return Problem("{what} is required", what=what) if required else None
    if len(text) > MAX_URL_LENGTH:
        return Problem(
            "{what} must be at most {most} characters", what=what, most=str(MAX_URL_LENGTH)
        )
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return Problem("{what} must start with http:// or https://", what=what)
    if no_query and (parts.query or "?" in text):
        # §3.1: notify_url is an absolute URL without a query string.
        return Problem("{what} must not contain a query string (?...)", what=what)
    return None


def validate_notify_url(text: str, *, relay_url: str) -> str | None:
    """The notify URL: optional when a relay URL gives it, required otherwise (§3.1)."""
    return validate_url(
        text, required=not relay_url.strip(), what="notify URL (or a relay URL)", no_query=True
    )


def validate_token(text: str, *, relay_url: str) -> str | None:
    """The till token is needed to follow a relay (it authenticates the event stream)."""
    if relay_url.strip() and not text.strip():
        return "the relay needs this till's token"
    if text and (text != text.strip() or any(c.isspace() for c in text)):
        return "the token must not contain spaces"
    return None


def validate_checkout_timeout(seconds: int) -> str | None:
    low, high = CHECKOUT_TIMEOUT_RANGE
    if not low <= seconds <= high:
        return Problem(
            "the checkout timeout must be from {low} to {high} seconds",
            low=str(low),
            high=str(high),
        )
    return None


def validate_poll_interval(seconds: float) -> str | None:
    low, high = POLL_INTERVAL_RANGE
    if not low <= seconds <= high:
        return Problem(
            "the poll interval must be from {low} to {high} seconds",
            low=f"{low:g}",
            high=f"{high:g}",
        )
    return None


def validate_password_wait(seconds: int) -> str | None:
    low, high = PASSWORD_WAIT_RANGE
    if not low <= seconds <= high:
        return Problem(
            "the password wait must be from {low} to {high} seconds", low=str(low), high=str(high)
        )
    return None


def validate_password_poll(seconds: float) -> str | None:
    low, high = PASSWORD_POLL_RANGE
    if not low <= seconds <= high:
        return Problem(
            "the password poll interval must be from {low} to {high} seconds",
            low=f"{low:g}",
            high=f"{high:g}",
        )
    return None


def certificate_problem(merchant: Merchant) -> str | None:
    """What Test connection says of the API certificate (refunds and payment codes need it,
    §3.5, §3.10): none configured, or one that cannot be opened; None when it loads."""
    certificate = merchant.certificate
    if certificate is None:
        return NO_CERTIFICATE
    # Imported here: the protocol client is only needed for this check.
    from pos.wechatpay.client import client_ssl_context

    try:
        client_ssl_context(certificate)
    except ConfigError:
        return CERTIFICATE_UNREADABLE
    return None


def validate_sound(text: str) -> str | None:
    """Empty = the default chime; otherwise an existing WAV file."""
    if not text.strip():
        return None
    problem = _file_problem(text, "sound file")
    if problem:
        return problem
    if Path(text.strip()).suffix.lower() not in SOUND_SUFFIXES:
        return "the sound must be a .wav file"
    return None


def validate_printer(text: str) -> str | None:
    """Empty = no printer; otherwise tcp://HOST:PORT, usb://VENDOR:PRODUCT or serial://…"""
    try:
        parse_printer_address(text)
    except ConfigError as exc:
        return str(exc)
    return None


# --- test connection ------------------------------------------------------------------------


class Verdict(enum.StrEnum):
    """What a test ``orderquery`` says about the credentials."""

    OK = "ok"  # ORDERNOTEXIST (or any verified answer): appid, mch_id and key are right
    WRONG_KEY = "wrong_key"  # 签名错误 / SIGNERROR, or a reply our key cannot verify
    WRONG_MERCHANT = "wrong_merchant"  # MCHID_NOT_EXIST, APPID_NOT_EXIST, APPID_MCHID_NOT_MATCH
    UNREACHABLE = "unreachable"  # no answer: network, DNS, proxy, timeout, HTTP 5xx
    OTHER = "other"  # an answer that is none of these (wrong URL, no permission...)


@dataclass(frozen=True)
class ConnectionResult:
    verdict: Verdict
    #: A short English description (for the log and as the detail under the verdict).
    detail: str

    @property
    def is_ok(self) -> bool:
        return self.verdict is Verdict.OK


_KEY_CODES = frozenset({"SIGNERROR"})
_MERCHANT_CODES = frozenset({"MCHID_NOT_EXIST", "APPID_NOT_EXIST", "APPID_MCHID_NOT_MATCH"})


def _classify_message(code: str, message: str) -> Verdict | None:
    if code in _KEY_CODES or "签名" in message or "sign" in message.lower():
        return Verdict.WRONG_KEY
    if code in _MERCHANT_CODES or any(
        word in message.lower() for word in ("mch_id", "appid", "商户号")
    ):
        return Verdict.WRONG_MERCHANT
    return None


def classify_connection_error(exc: BaseException) -> ConnectionResult:
    """The verdict for an exception raised by ``order_query`` (§1.3 layering, §4.4 codes)."""
    if isinstance(exc, BusinessError | RetryableBusinessError):
        if exc.err_code == "ORDERNOTEXIST":
            # The reply was signed with our key and verified, and the merchant is known.
            return ConnectionResult(Verdict.OK, "ORDERNOTEXIST: the credentials are right")
        verdict = _classify_message(exc.err_code, exc.err_code_des)
        return ConnectionResult(verdict or Verdict.OTHER, f"{exc.err_code} {exc.err_code_des}")
    if isinstance(exc, RequestRejected):
        # §1.3: return_code=FAIL; 签名错误 is the wrong key, 商户号mch_id不存在 a wrong merchant.
        code = exc.error_code or ""
        message = exc.return_msg
        if message.startswith("HTTP "):
            return ConnectionResult(Verdict.OTHER, f"{message}: the address is not WeChat Pay")
        verdict = _classify_message(code, message)
        return ConnectionResult(verdict or Verdict.OTHER, f"{code} {message}".strip())
    if isinstance(exc, BadResponseSignature):
        return ConnectionResult(
            Verdict.WRONG_KEY, "the reply's signature does not verify with this key"
        )
    if isinstance(exc, TransportError):
        return ConnectionResult(Verdict.UNREACHABLE, str(exc))
    if isinstance(exc, GarbledResponse):
        return ConnectionResult(Verdict.OTHER, f"the server did not answer as WeChat Pay: {exc}")
    if isinstance(exc, PosError):
        return ConnectionResult(Verdict.OTHER, str(exc))
    return ConnectionResult(Verdict.OTHER, f"unexpected {type(exc).__name__}")


def impossible_out_trade_no() -> str:
    """An order number the till never mints (its numbers start with the till id), random so two
    tests never meet; within the §1.5 alphabet and 32 characters."""
    return "CONNTEST-" + secrets.token_hex(8)


def check_connection(
    merchant: Merchant, base_url: str, *, timeout: float = 5.0
) -> ConnectionResult:
    """Ask WeChat Pay (or the sandbox) for an order that cannot exist; blocking: run on a worker.

    One attempt, no retries: the clerk is waiting for a yes or no, and an ``orderquery`` has
    no effect to repeat (§3.2).
    """
    from pos.wechatpay.client import WeChatPayClient

    try:
        with WeChatPayClient(
            merchant, base_url=base_url, timeout=timeout, max_attempts=1
        ) as client:
            client.order_query(out_trade_no=impossible_out_trade_no())
    except Exception as exc:
        result = classify_connection_error(exc)
        return ConnectionResult(result.verdict, redact(result.detail, merchant_secrets(merchant)))
    return ConnectionResult(Verdict.OK, "the order query was answered and verified")


def merchant_secrets(merchant: Merchant) -> tuple[str, ...]:
    found = [merchant.api_key]
    if merchant.certificate is not None and merchant.certificate.password:
        found.append(merchant.certificate.password)
    return tuple(found)
