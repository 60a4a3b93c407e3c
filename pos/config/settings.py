"""The settings of the cashier and its commands, and the limits of every field, stated once.

Loading (:mod:`pos.config.files`) and the settings dialog's checks (:mod:`pos.config.validation`)
both read the limits from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from pos.clock import DEFAULT_TIME_ZONE, BusinessDay
from pos.wechatpay.merchant import Merchant, SignType

APP_NAME = "wechatpay-pos"
KEYRING_SERVICE = "wechatpay-pos"
SETTINGS_FILE_NAME = "settings.toml"
DATABASE_FILE_NAME = "pos.sqlite3"
LANGUAGES = ("zh_CN", "en")

# --- the limits of the fields ---------------------------------------------------------------

#: Seconds a QR stays up before the order is closed.
CHECKOUT_TIMEOUT_RANGE = (10, 7200)
#: Seconds between two orderquery calls.
POLL_INTERVAL_RANGE = (0.2, 60.0)
#: Seconds the clerk waits for the customer's payment password before the order is reversed
#: (§3.9: 30 s on the older and cross-border pages, 45 s on the current one; WeChat itself
#: revokes an unpaid payment-code order 45 s after it was made, §4.5).
PASSWORD_WAIT_RANGE = (10, 45)
#: Seconds between two orderquery calls while the password is awaited (§3.9: every 5–10 s;
#: 3–5 s on the cross-border page). Never more than the shortest wait.
PASSWORD_POLL_RANGE = (2.0, 10.0)
#: The largest amount the till takes, in fen.
MAX_AMOUNT_FEN_RANGE = (1, 10**12)
#: Receipt paper widths, in millimetres (pos.counter.receipt lays out each).
PAPER_WIDTHS_MM = (58, 80)
#: Events a reconnecting till may get back from the relay.
RELAY_REPLAY_EVENTS_RANGE = (0, 100_000)
#: Minutes without a key press before a till with clerks locks itself (0: never; a day at most).
IDLE_LOCK_MINUTES_RANGE = (0, 1440)
#: The lengths a URL may have on the wire (§3.1: notify_url is String(256)).
MAX_URL_LENGTH = 256
#: A till's secret: long enough not to be guessed (``openssl rand -hex 16`` gives 32).
MIN_TILL_SECRET_LENGTH = 16
#: A webhook's secret (HMAC-SHA256 key): as long as a till's.
MIN_WEBHOOK_SECRET_LENGTH = MIN_TILL_SECRET_LENGTH
#: The longest URL a webhook may have.
MAX_WEBHOOK_URL_LENGTH = 2048


APPID_FORM = re.compile(r"wx[0-9A-Za-z]{16}")
MCH_ID_FORM = re.compile(r"[0-9]{6,32}")
API_KEY_FORM = re.compile(r"[0-9A-Za-z]{32}")
# The till id goes into out_trade_no, whose alphabet is letters, digits and _ - | * (§1.5).
TILL_ID_FORM = re.compile(r"[0-9A-Za-z_-]{1,16}")


def data_dir() -> Path:
    """The platform's folder for the database and other data of the cashier."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    """The platform's folder for the log files."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class RelayWebhook:
    """Where ``pos relay`` forwards one merchant's verified notifications (``[[relay.webhooks]]``).

    ``secret`` signs each delivery (HMAC-SHA256); it is never shown in a repr or a log.
    """

    mch_id: str
    url: str
    secret: str = field(repr=False)
    #: False when the secret came from the environment or the keyring: saving leaves it there.
    secret_in_file: bool = field(default=True, compare=False)


# A marker default: a Settings built without database_path puts it in its own data_dir.
_DERIVED_DATABASE_PATH = Path(DATABASE_FILE_NAME)


@dataclass
class Settings:
    """Everything the cashier and its commands are configured with. No merchant = sandbox."""

    merchant: Merchant | None = None
    api_base_url: str = "https://api.mch.weixin.qq.com"
    relay_url: str | None = None
    till_token: str | None = field(default=None, repr=False)
    #: What we give WeChat as notify_url: the relay's public URL + /wechatpay/notify.
    notify_url: str | None = None
    till_id: str = "POS-01"
    shop_name: str = "示例商店"
    checkout_timeout_seconds: int = 120
    #: Seconds between two orderquery calls (the one float here: time, never money).
    poll_interval_seconds: float = 2.0
    #: Payment codes: how long the customer may take to type the password, and how often
    #: WeChat Pay is asked meanwhile (seconds).
    password_wait_seconds: int = 30
    password_poll_seconds: float = 5.0
    max_amount_fen: int = 5_000_000
    language: str = "zh_CN"
    #: The shop's time zone (IANA name): when its business day begins, for the till's list,
    #: the manager's view and exports. WeChat Pay's bills stay Beijing days.
    time_zone: str = DEFAULT_TIME_ZONE
    #: A sound file played on payment; None = the default chime.
    sound: str | None = None
    #: Say "微信收款 25.50 元" when a payment arrives (instead of the chime).
    speak_amount: bool = True
    #: The receipt printer (pos.counter.printing): tcp://HOST:9100, usb://VENDOR:PRODUCT,
    #: serial:///dev/ttyUSB0?baudrate=9600; empty = no printer.
    printer: str = ""
    #: Receipt paper width in millimetres: 58 or 80.
    paper_mm: int = 80
    #: Print the customer's slip by itself when a payment arrives.
    print_on_paid: bool = False
    #: One screen only: the customer's view as a small window on top in a corner, all the
    #: time (amount typed, QR, paid), instead of a full-screen QR over the till during a payment.
    compact_customer_view: bool = False
    #: A till with clerks locks itself after this many minutes without a key (0: never).
    idle_lock_minutes: int = 5
    data_dir: Path = field(default_factory=data_dir)
    database_path: Path = _DERIVED_DATABASE_PATH
    #: For ``pos relay``: its database, till name -> that till's secret (its bearer token),
    #: till name -> the mch_id whose events it gets (default: ``merchant``'s), the merchants
    #: it serves besides ``merchant``, and how many events a reconnecting till gets back.
    relay_database_url: str | None = None
    relay_till_tokens: dict[str, str] = field(default_factory=dict, repr=False)
    relay_till_merchants: dict[str, str] = field(default_factory=dict)
    relay_merchants: list[Merchant] = field(default_factory=list)
    relay_replay_events: int = 1000
    #: For ``pos relay``: where it forwards each merchant's verified notifications.
    relay_webhooks: list[RelayWebhook] = field(default_factory=list)
    manager_pin_hash: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.database_path is _DERIVED_DATABASE_PATH:
            self.database_path = self.data_dir / DATABASE_FILE_NAME

    @property
    def business_day(self) -> BusinessDay:
        """The shop's day: when today begins and ends (validated when the settings load)."""
        return BusinessDay.named(self.time_zone)

    @property
    def is_sandbox(self) -> bool:
        """True when no merchant is configured: the embedded simulator is the backend."""
        return self.merchant is None

    def secrets(self) -> tuple[str, ...]:
        """Every secret these settings hold, for the log redactor."""
        found: list[str] = []
        if self.merchant is not None:
            found.append(self.merchant.api_key)
            if self.merchant.certificate is not None and self.merchant.certificate.password:
                found.append(self.merchant.certificate.password)
        if self.till_token:
            found.append(self.till_token)
        found.extend(token for token in self.relay_till_tokens.values() if token)
        found.extend(merchant.api_key for merchant in self.relay_merchants)
        found.extend(webhook.secret for webhook in self.relay_webhooks)
        return tuple(found)


@dataclass(frozen=True)
class PaymentCodes:
    """Whether the till takes the customers' payment codes, and why not (English, for the
    log and as the key of the clerk's words; empty when it does)."""

    is_available: bool
    reason: str = ""


#: Why a real merchant without an API certificate takes no payment codes.
NO_CERTIFICATE = (
    "payment codes need the merchant's API certificate (apiclient_cert.p12, or the PEM "
    "pair): a payment the customer does not finish is undone with a reverse "
    "(secapi/pay/reverse), which WeChat Pay accepts only with the certificate"
)


def payment_codes(settings: Settings) -> PaymentCodes:
    """Payment codes are on in the sandbox, and for a merchant with an API certificate.

    §3.10: ``secapi/pay/reverse`` needs the merchant's TLS client certificate; a till that
    cannot reverse could leave a customer charged for a sale the clerk cancelled, so without
    one the payment code is switched off (the shop's QR still works).
    """
    if settings.merchant is None:
        return PaymentCodes(True)
    if settings.merchant.certificate is None:
        return PaymentCodes(False, NO_CERTIFICATE)
    return PaymentCodes(True)


def masked(secret: str | None) -> str:
    """A secret as it may be shown again: ``••••••2d`` (its last two characters at most)."""
    if not secret:
        return ""
    if len(secret) < 8:
        return "••••••"
    return "••••••" + secret[-2:]


def validate_merchant_fields(
    appid: str, mch_id: str, api_key: str, sign_type: str
) -> dict[str, str]:
    """Field name -> what is wrong with it; empty when all four are valid.

    The messages never repeat the key, so they may be shown and logged.
    """
    problems: dict[str, str] = {}
    if not appid:
        problems["appid"] = "AppID is required"
    elif not APPID_FORM.fullmatch(appid):
        problems["appid"] = 'AppID must be "wx" followed by 16 letters or digits'
    if not mch_id:
        problems["mch_id"] = "merchant number (mch_id) is required"
    elif not MCH_ID_FORM.fullmatch(mch_id):
        problems["mch_id"] = "merchant number (mch_id) must be 6 to 32 digits"
    if not api_key:
        problems["api_key"] = "API key is required"
    elif not API_KEY_FORM.fullmatch(api_key):
        problems["api_key"] = "API key must be exactly 32 letters or digits"
    if sign_type not in {member.value for member in SignType}:
        problems["sign_type"] = "sign type must be MD5 or HMAC-SHA256"
    return problems
