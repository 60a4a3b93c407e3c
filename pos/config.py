"""Settings: one TOML file, environment variables over it, secrets in the OS keyring.

Where things come from, last one wins:

1. the defaults of :class:`Settings` (the sandbox: no merchant);
2. ``settings.toml`` in the platform's config folder, or the file named by ``POS_CONFIG``;
3. the environment variables of :data:`ENVIRONMENT`.

Secrets (the merchant's API key, the certificate password, the till's relay token) are kept
in the OS keyring when it has a usable backend, and written to the settings file (mode 0600)
only when it has none; :func:`save_settings` logs a warning when that happens. They never
appear in a repr, an error message or a log (§5.3); :func:`masked` is the one way to show them.

File layout::

    till_id = "POS-01"                     # any Settings field, top level
    [merchant]
    appid = "wx..."; mch_id = "..."; sign_type = "MD5"   # api_key only without a keyring
    [merchant.certificate]
    p12_path = "..."                       # or cert_pem_path + key_pem_path; password as api_key
    [relay]                                # for ``pos relay`` (docs/relay.md)
    database_url = "postgresql://..."; till_tokens = { "POS-01" = "<secret>" }  # NAME = SECRET
    till_merchants = { "POS-09" = "1900000110" }   # a till's merchant; default: [merchant]'s
    replay_events = 1000                   # at most this many events replayed on reconnect
    [[relay.merchants]]                    # more merchants on the same relay, each with its key
    appid = "wx..."; mch_id = "..."; api_key = "..."; sign_type = "MD5"
"""

from __future__ import annotations

import logging
import os
import re
import stat
import tomllib
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

import platformdirs
import tomli_w

from pos import platform
from pos.clock import DEFAULT_TIME_ZONE, BusinessDay, time_zone
from pos.errors import ConfigError
from pos.wechatpay.types import ClientCertificate, Merchant, SignType

log = logging.getLogger(__name__)

APP_NAME = "wechatpay-pos"
KEYRING_SERVICE = "wechatpay-pos"
SETTINGS_FILE_NAME = "settings.toml"
DATABASE_FILE_NAME = "pos.sqlite3"
LANGUAGES = ("zh_CN", "en")

#: Environment variable -> setting ("merchant.appid" is ``appid`` in ``[merchant]``).
ENVIRONMENT: dict[str, str] = {
    "WECHATPAY_APPID": "merchant.appid",
    "WECHATPAY_MCH_ID": "merchant.mch_id",
    "WECHATPAY_API_KEY": "merchant.api_key",
    "WECHATPAY_SIGN_TYPE": "merchant.sign_type",
    "WECHATPAY_CERT_P12": "merchant.certificate.p12_path",
    "WECHATPAY_CERT_PASSWORD": "merchant.certificate.password",
    "WECHATPAY_CERT_PEM": "merchant.certificate.cert_pem_path",
    "WECHATPAY_CERT_KEY_PEM": "merchant.certificate.key_pem_path",
    "WECHATPAY_API_BASE_URL": "api_base_url",
    "POS_RELAY_URL": "relay_url",
    "POS_TILL_TOKEN": "till_token",
    "POS_NOTIFY_URL": "notify_url",
    "POS_TILL_ID": "till_id",
    "POS_SHOP_NAME": "shop_name",
    "POS_CHECKOUT_TIMEOUT": "checkout_timeout_seconds",
    "POS_POLL_INTERVAL": "poll_interval_seconds",
    "POS_MAX_AMOUNT_FEN": "max_amount_fen",
    "POS_LANG": "language",
    "POS_TIME_ZONE": "time_zone",
    "POS_SOUND": "sound",
    "POS_SPEAK_AMOUNT": "speak_amount",
    "POS_PRINTER": "printer",
    "POS_PAPER_MM": "paper_mm",
    "POS_PRINT_ON_PAID": "print_on_paid",
    "POS_COMPACT_CUSTOMER_VIEW": "compact_customer_view",
    "POS_DATA_DIR": "data_dir",
    "POS_DATABASE": "database_path",
    "POS_RELAY_DATABASE_URL": "relay.database_url",
    "POS_RELAY_TILL_TOKENS": "relay.till_tokens",  # "POS-01=secret1,POS-02=secret2"
    "POS_RELAY_TILL_MERCHANTS": "relay.till_merchants",  # "POS-09=1900000110"
    "POS_RELAY_REPLAY_EVENTS": "relay.replay_events",
    "POS_MANAGER_PIN_HASH": "manager_pin_hash",
}

_MERCHANT_KEYS = ("appid", "mch_id", "api_key", "sign_type")
_CERTIFICATE_KEYS = ("p12_path", "password", "cert_pem_path", "key_pem_path")
_RELAY_KEYS = ("database_url", "till_tokens", "till_merchants", "replay_events", "merchants")
_SECRET_KEYS = frozenset(
    {
        "merchant.api_key",
        "merchant.certificate.password",
        "till_token",
        "relay.till_tokens",
        "relay.merchants",
        "manager_pin_hash",
    }
)

_APPID = re.compile(r"wx[0-9A-Za-z]{16}")
_MCH_ID = re.compile(r"[0-9]{6,32}")
_API_KEY = re.compile(r"[0-9A-Za-z]{32}")
# The till id goes into out_trade_no, whose alphabet is letters, digits and _ - | * (§1.5).
_TILL_ID = re.compile(r"[0-9A-Za-z_-]{1,16}")


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The settings file: ``POS_CONFIG`` if set, else ``settings.toml`` in the config folder."""
    env = os.environ if environ is None else environ
    override = env.get("POS_CONFIG")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / SETTINGS_FILE_NAME


def data_dir() -> Path:
    """The platform's folder for the database and other data of the cashier."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    """The platform's folder for the log files."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


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
        return tuple(found)


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
    elif not _APPID.fullmatch(appid):
        problems["appid"] = 'AppID must be "wx" followed by 16 letters or digits'
    if not mch_id:
        problems["mch_id"] = "merchant number (mch_id) is required"
    elif not _MCH_ID.fullmatch(mch_id):
        problems["mch_id"] = "merchant number (mch_id) must be 6 to 32 digits"
    if not api_key:
        problems["api_key"] = "API key is required"
    elif not _API_KEY.fullmatch(api_key):
        problems["api_key"] = "API key must be exactly 32 letters or digits"
    if sign_type not in {member.value for member in SignType}:
        problems["sign_type"] = "sign type must be MD5 or HMAC-SHA256"
    return problems


# --- where secrets live ---------------------------------------------------------------------


class SecretStore(Protocol):
    """Where secrets are kept outside the settings file."""

    def is_usable(self) -> bool: ...

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> bool:
        """Store it; False when it could not be stored (the caller falls back to the file)."""
        ...

    def delete(self, name: str) -> None: ...


class KeyringStore:
    """The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def _backend(self) -> Any | None:
        # Imported here: keyring scans its backends on import, which only these calls need.
        try:
            import keyring
            from keyring.backends import chainer, fail, null

            backend = keyring.get_keyring()
        except Exception as exc:
            log.warning("keyring unavailable: %s", type(exc).__name__)
            return None
        if isinstance(backend, fail.Keyring | null.Keyring):
            return None
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return None
        return backend

    def is_usable(self) -> bool:
        return self._backend() is not None

    def get(self, name: str) -> str | None:
        backend = self._backend()
        if backend is None:
            return None
        try:
            value = backend.get_password(self.service, name)
        except Exception as exc:
            raise ConfigError(
                f"cannot read {name} from the keyring ({type(exc).__name__})"
            ) from None
        return value if isinstance(value, str) else None

    def set(self, name: str, value: str) -> bool:
        backend = self._backend()
        if backend is None:
            return False
        try:
            backend.set_password(self.service, name, value)
        except Exception as exc:
            log.warning("cannot store %s in the keyring (%s)", name, type(exc).__name__)
            return False
        return True

    def delete(self, name: str) -> None:
        backend = self._backend()
        if backend is None:
            return
        try:
            backend.delete_password(self.service, name)
        except Exception:  # absent already, or locked: nothing more to do
            log.debug("no %s to delete from the keyring", name)


class MemorySecretStore:
    """A keyring in a dict, for tests and for callers that keep secrets themselves."""

    def __init__(self, *, usable: bool = True) -> None:
        self.usable = usable
        self.values: dict[str, str] = {}

    def is_usable(self) -> bool:
        return self.usable

    def get(self, name: str) -> str | None:
        return self.values.get(name) if self.usable else None

    def set(self, name: str, value: str) -> bool:
        if not self.usable:
            return False
        self.values[name] = value
        return True

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def keyring_is_usable(secrets: SecretStore | None = None) -> bool:
    """True when secrets can be kept out of the settings file (the dialog says so if not)."""
    return (secrets or KeyringStore()).is_usable()


def _api_key_name(mch_id: str) -> str:
    return f"api_key/{mch_id}"


def _cert_password_name(mch_id: str) -> str:
    return f"cert_password/{mch_id}"


_TILL_TOKEN_NAME = "till_token"  # noqa: S105 - the name of a keyring entry, not a secret


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    value: object
    source: str  # "settings.toml" path or environment variable name, for error messages


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise ConfigError(f"cannot read {path}: it is a folder") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's messages give the position, never the content: safe with a key in the file.
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def _flatten(document: Mapping[str, Any], path: Path) -> dict[str, _Value]:
    """The file's values under dotted names; unknown names are warned about and skipped."""
    source = str(path)
    flat: dict[str, _Value] = {}
    top_level = {f.name for f in fields(Settings)} - {
        "merchant",
        "relay_database_url",
        "relay_till_tokens",
        "relay_till_merchants",
        "relay_merchants",
        "relay_replay_events",
    }
    tables: dict[str, tuple[str, ...]] = {
        "merchant": _MERCHANT_KEYS,
        "merchant.certificate": _CERTIFICATE_KEYS,
        "relay": _RELAY_KEYS,
    }

    def walk(table: Mapping[str, Any], prefix: str) -> None:
        for key, value in table.items():
            name = f"{prefix}{key}"
            if name in tables:
                if not isinstance(value, dict):
                    raise ConfigError(f"{source}: [{name}] must be a table")
                walk(value, f"{name}.")
            elif (prefix == "" and key in top_level) or (
                prefix and key in tables.get(prefix[:-1], ())
            ):
                flat[name] = _Value(value, source)
            else:
                log.warning("%s: unknown setting %r ignored", source, name)

    walk(document, "")
    return flat


def _str(item: _Value, name: str) -> str:
    if isinstance(item.value, str):
        return item.value
    raise ConfigError(f"{item.source}: {name} must be text")


def _int(item: _Value, name: str, low: int, high: int, unit: str) -> int:
    value = item.value
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ConfigError(
            f"{item.source}: {name} must be a whole number of {unit} from {low} to {high}"
        )
    return value


def _seconds(item: _Value, name: str, low: float, high: float) -> float:
    # Seconds of waiting, not money: a float is the natural type here.
    value = item.value
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            value = None
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(
            f"{item.source}: {name} must be a number of seconds from {low:g} to {high:g}"
        )
    return float(value)


def _url(item: _Value, name: str) -> str:
    text = _str(item, name).strip()
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{item.source}: {name} must be an http:// or https:// URL")
    return text


def _path(item: _Value, name: str) -> Path:
    text = _str(item, name).strip()
    if not text:
        raise ConfigError(f"{item.source}: {name} must not be empty")
    return Path(text).expanduser()


def _collect(path: Path, environ: Mapping[str, str]) -> dict[str, _Value]:
    values = _flatten(_read_file(path), path)
    file_mch_id = values.get("merchant.mch_id")
    env_mch_id = environ.get("WECHATPAY_MCH_ID")
    if env_mch_id and file_mch_id is not None and file_mch_id.value != env_mch_id:
        # Another merchant named by the environment: nothing of the file's merchant applies.
        for key in [key for key in values if key.startswith("merchant.")]:
            del values[key]
    for variable, name in ENVIRONMENT.items():
        text = environ.get(variable)
        if text:
            values[name] = _Value(text, variable)
    return values


def _merchant(values: Mapping[str, _Value], secrets: SecretStore) -> Merchant | None:
    got = {key: values.get(f"merchant.{key}") for key in _MERCHANT_KEYS}
    if got["appid"] is None and got["mch_id"] is None:
        stray = got["api_key"] or got["sign_type"]
        if stray is not None:
            raise ConfigError(
                f"{stray.source}: a merchant setting is given but no merchant "
                "(set WECHATPAY_APPID and WECHATPAY_MCH_ID)"
            )
        return None
    for key, variable in (("appid", "WECHATPAY_APPID"), ("mch_id", "WECHATPAY_MCH_ID")):
        if got[key] is None:
            raise ConfigError(
                f"merchant {key} is missing (set {variable} or merchant.{key} in the settings file)"
            )
    appid_item, mch_id_item = got["appid"], got["mch_id"]
    assert appid_item is not None and mch_id_item is not None
    appid = _str(appid_item, "merchant.appid").strip()
    mch_id = _str(mch_id_item, "merchant.mch_id").strip()
    sign_type = (
        _str(got["sign_type"], "merchant.sign_type").strip()
        if got["sign_type"] is not None
        else SignType.MD5.value
    )
    key_item = got["api_key"]
    if key_item is not None:
        api_key = _str(key_item, "merchant.api_key").strip()
        key_source = key_item.source
    else:
        api_key = secrets.get(_api_key_name(mch_id)) or ""
        key_source = "keyring"
        if not api_key:
            raise ConfigError(
                f"merchant {mch_id} has no API key: set WECHATPAY_API_KEY "
                "or enter it in the settings"
            )
    problems = validate_merchant_fields(appid, mch_id, api_key, sign_type)
    sources = {
        "appid": appid_item.source,
        "mch_id": mch_id_item.source,
        "api_key": key_source,
        "sign_type": got["sign_type"].source if got["sign_type"] else "",
    }
    if problems:
        key, problem = next(iter(problems.items()))
        raise ConfigError(f"{sources[key]}: {problem}")
    return Merchant(
        appid=appid,
        mch_id=mch_id,
        api_key=api_key,
        sign_type=SignType(sign_type),
        certificate=_certificate(values, mch_id, secrets),
    )


def _certificate(
    values: Mapping[str, _Value], mch_id: str, secrets: SecretStore
) -> ClientCertificate | None:
    paths: dict[str, str | None] = {}
    for key in ("p12_path", "cert_pem_path", "key_pem_path"):
        item = values.get(f"merchant.certificate.{key}")
        paths[key] = str(_path(item, f"merchant.certificate.{key}")) if item else None
    if not any(paths.values()):
        return None
    if bool(paths["cert_pem_path"]) != bool(paths["key_pem_path"]):
        given = values.get("merchant.certificate.cert_pem_path") or values.get(
            "merchant.certificate.key_pem_path"
        )
        source = given.source if given is not None else "merchant.certificate"
        raise ConfigError(
            f"{source}: give both cert_pem_path and key_pem_path "
            "(WECHATPAY_CERT_PEM and WECHATPAY_CERT_KEY_PEM), or p12_path"
        )
    item = values.get("merchant.certificate.password")
    password = (
        _str(item, "merchant.certificate.password")
        if item is not None
        else secrets.get(_cert_password_name(mch_id))
    )
    return ClientCertificate(
        p12_path=paths["p12_path"],
        password=password or None,
        cert_pem_path=paths["cert_pem_path"],
        key_pem_path=paths["key_pem_path"],
    )


def load_settings(
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    secrets: SecretStore | None = None,
) -> Settings:
    """The settings file (missing = defaults) with the environment over it.

    Raises ConfigError, with one line naming the file or variable at fault, on any invalid
    value; the message never contains a secret.
    """
    env = os.environ if environ is None else environ
    path = config_path(env) if path is None else path
    store: SecretStore = secrets if secrets is not None else KeyringStore()
    values = _collect(path, env)
    _warn_if_exposed(path, values)

    def get(name: str) -> _Value | None:
        return values.get(name)

    settings = Settings(merchant=_merchant(values, store))
    converters: dict[str, Callable[[_Value], object]] = {
        "api_base_url": lambda item: _url(item, "api_base_url").rstrip("/"),
        "relay_url": lambda item: _url(item, "relay_url").rstrip("/"),
        "notify_url": lambda item: _url(item, "notify_url"),
        "till_token": lambda item: _str(item, "till_token").strip() or None,
        "till_id": lambda item: _till_id(item),
        "shop_name": lambda item: _non_empty(item, "shop_name"),
        "checkout_timeout_seconds": lambda item: _int(
            item, "checkout_timeout_seconds", 10, 7200, "seconds"
        ),
        "poll_interval_seconds": lambda item: _seconds(item, "poll_interval_seconds", 0.2, 60),
        "max_amount_fen": lambda item: _int(item, "max_amount_fen", 1, 10**12, "fen"),
        "language": lambda item: _language(item),
        "time_zone": lambda item: _time_zone(item),
        "sound": lambda item: _str(item, "sound").strip() or None,
        "speak_amount": lambda item: _bool(item, "speak_amount"),
        "printer": lambda item: _printer(item),
        "paper_mm": lambda item: _paper(item),
        "print_on_paid": lambda item: _bool(item, "print_on_paid"),
        "compact_customer_view": lambda item: _bool(item, "compact_customer_view"),
        "data_dir": lambda item: _path(item, "data_dir"),
        "database_path": lambda item: _path(item, "database_path"),
        "manager_pin_hash": lambda item: _str(item, "manager_pin_hash") or None,
    }
    for name, convert in converters.items():
        item = get(name)
        if item is not None:
            setattr(settings, name, convert(item))
    if get("database_path") is None:
        settings.database_path = settings.data_dir / DATABASE_FILE_NAME
    if settings.till_token is None and settings.relay_url is not None:
        # Only a till that talks to a relay has a token; sandbox start-up skips the keyring.
        settings.till_token = store.get(_TILL_TOKEN_NAME)
    item = get("relay.database_url")
    if item is not None:
        settings.relay_database_url = _non_empty(item, "relay.database_url")
    item = get("relay.till_tokens")
    if item is not None:
        settings.relay_till_tokens = _tokens(item)
    item = get("relay.till_merchants")
    if item is not None:
        settings.relay_till_merchants = _till_merchants(item)
    item = get("relay.replay_events")
    if item is not None:
        settings.relay_replay_events = _int(item, "relay.replay_events", 0, 100_000, "events")
    item = get("relay.merchants")
    if item is not None:
        settings.relay_merchants = _relay_merchants(item)
    return settings


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _bool(item: _Value, name: str) -> bool:
    value = item.value
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise ConfigError(f"{item.source}: {name} must be true or false")


def _printer(item: _Value) -> str:
    from pos.counter.printing import PrinterError, parse_printer

    text = _str(item, "printer").strip()
    try:
        address = parse_printer(text)
    except PrinterError as exc:
        raise ConfigError(f"{item.source}: {exc}") from None
    return "" if address is None else str(address)


def _paper(item: _Value) -> int:
    from pos.counter.receipt import COLUMNS

    value = _int(item, "paper_mm", 58, 80, "millimetres")
    if value not in COLUMNS:
        raise ConfigError(f"{item.source}: paper_mm must be 58 or 80")
    return value


def _till_id(item: _Value) -> str:
    text = _str(item, "till_id").strip()
    if not _TILL_ID.fullmatch(text):
        raise ConfigError(f"{item.source}: till_id must be 1 to 16 letters, digits, _ or -")
    return text


def _non_empty(item: _Value, name: str) -> str:
    text = _str(item, name).strip()
    if not text:
        raise ConfigError(f"{item.source}: {name} must not be empty")
    return text


def _time_zone(item: _Value) -> str:
    text = _str(item, "time_zone").strip()
    try:
        time_zone(text)
    except ValueError as exc:
        raise ConfigError(f"{item.source}: {exc}") from None
    return text


def _language(item: _Value) -> str:
    text = _str(item, "language").strip()
    if text not in LANGUAGES:
        raise ConfigError(f"{item.source}: language must be one of {', '.join(LANGUAGES)}")
    return text


_TOKENS_FORMAT = "NAME=SECRET,NAME=SECRET"
#: A till's secret: long enough not to be guessed (``openssl rand -hex 16`` gives 32).
MIN_TILL_SECRET_LENGTH = 16


def _pairs(item: _Value, name: str, form: str) -> dict[str, str]:
    """``A=B,C=D`` (the environment's form) or a TOML table of strings, as a dict.

    The messages never repeat a value: in ``till_tokens`` either side may be a secret (a list
    written the old way round, SECRET=NAME, must not end up in a log).
    """
    value = item.value
    if isinstance(value, str):
        table: dict[str, str] = {}
        for pair in value.split(","):
            key, sep, text = pair.partition("=")
            if not sep or not key.strip() or not text.strip():
                raise ConfigError(f"{item.source}: {name} must read {form}")
            table[key.strip()] = text.strip()
        return table
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        raise ConfigError(f"{item.source}: {name} must map till names to text ({form})")
    return {k.strip(): v.strip() for k, v in value.items()}


def _tokens(item: _Value) -> dict[str, str]:
    """``relay.till_tokens``: till name -> its secret, the README's ``NAME=SECRET``."""
    table = _pairs(item, "relay.till_tokens", _TOKENS_FORMAT)
    for name, secret in table.items():
        if not _TILL_ID.fullmatch(name):
            raise ConfigError(
                f"{item.source}: relay.till_tokens must read {_TOKENS_FORMAT}; a till name is "
                "1 to 16 letters, digits, _ or -"
            )
        if len(secret) < MIN_TILL_SECRET_LENGTH or any(ch.isspace() for ch in secret):
            raise ConfigError(
                f"{item.source}: relay.till_tokens: the secret of till {name} must be at least "
                f"{MIN_TILL_SECRET_LENGTH} characters without spaces (openssl rand -hex 16)"
            )
    if len(set(table.values())) != len(table):
        raise ConfigError(f"{item.source}: relay.till_tokens: two tills have the same secret")
    return table


def _till_merchants(item: _Value) -> dict[str, str]:
    """``relay.till_merchants``: till name -> the mch_id whose events it gets."""
    table = _pairs(item, "relay.till_merchants", "NAME=MCH_ID,NAME=MCH_ID")
    for name, mch_id in table.items():
        if not _TILL_ID.fullmatch(name) or not _MCH_ID.fullmatch(mch_id):
            raise ConfigError(
                f"{item.source}: relay.till_merchants must map till names to merchant "
                "numbers (NAME=MCH_ID, 6 to 32 digits)"
            )
    return table


def _relay_merchants(item: _Value) -> list[Merchant]:
    """``[[relay.merchants]]``: more merchants for ``pos relay``, each with its own key."""
    if not isinstance(item.value, list) or not all(isinstance(t, dict) for t in item.value):
        raise ConfigError(f"{item.source}: relay.merchants must be [[relay.merchants]] tables")
    merchants: list[Merchant] = []
    for number, table in enumerate(item.value, 1):
        where = f"{item.source}: relay.merchants #{number}"
        unknown = set(table) - set(_MERCHANT_KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown setting {sorted(unknown)[0]!r}")
        values = {key: table.get(key, "") for key in _MERCHANT_KEYS}
        values["sign_type"] = values["sign_type"] or SignType.MD5.value
        if not all(isinstance(v, str) for v in values.values()):
            raise ConfigError(f"{where}: appid, mch_id, api_key and sign_type must be text")
        problems = validate_merchant_fields(
            values["appid"], values["mch_id"], values["api_key"], values["sign_type"]
        )
        if problems:
            raise ConfigError(f"{where}: {next(iter(problems.values()))}")
        merchants.append(
            Merchant(
                appid=values["appid"],
                mch_id=values["mch_id"],
                api_key=values["api_key"],
                sign_type=SignType(values["sign_type"]),
            )
        )
    return merchants


def _warn_if_exposed(path: Path, values: Mapping[str, _Value]) -> None:
    in_file = [name for name in _SECRET_KEYS if name in values and values[name].source == str(path)]
    if not in_file or os.name != "posix":
        return
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s holds secrets and is readable by others: run chmod 600 on it", path)


# --- writing --------------------------------------------------------------------------------


def save_settings(
    settings: Settings, path: Path | None = None, *, secrets: SecretStore | None = None
) -> None:
    """Write the settings file atomically (temp file + rename, mode 0600).

    Secrets go to the keyring when it is usable, else into the file with a logged warning.
    Values equal to their defaults are left out, so new defaults reach old installations.
    """
    path = config_path() if path is None else path
    store: SecretStore = secrets if secrets is not None else KeyringStore()
    use_keyring = store.is_usable()
    default = Settings(data_dir=data_dir())
    document: dict[str, Any] = {}
    kept_in_file: list[str] = []

    def keep_secret(name: str, value: str, table: dict[str, Any], key: str) -> None:
        if not (use_keyring and store.set(name, value)):
            table[key] = value
            kept_in_file.append(key)

    for name in (
        "api_base_url",
        "relay_url",
        "notify_url",
        "till_id",
        "shop_name",
        "checkout_timeout_seconds",
        "poll_interval_seconds",
        "max_amount_fen",
        "language",
        "time_zone",
        "sound",
        "speak_amount",
        "printer",
        "paper_mm",
        "print_on_paid",
        "compact_customer_view",
        "manager_pin_hash",
    ):
        value = getattr(settings, name)
        if value is not None and value != getattr(default, name):
            document[name] = value
    if settings.data_dir != default.data_dir:
        document["data_dir"] = str(settings.data_dir)
    if settings.database_path != settings.data_dir / DATABASE_FILE_NAME:
        document["database_path"] = str(settings.database_path)
    if settings.till_token:
        keep_secret(_TILL_TOKEN_NAME, settings.till_token, document, "till_token")
    elif use_keyring:
        store.delete(_TILL_TOKEN_NAME)

    previous_mch_id = _previous_mch_id(path)
    merchant = settings.merchant
    if merchant is not None:
        table: dict[str, Any] = {
            "appid": merchant.appid,
            "mch_id": merchant.mch_id,
            "sign_type": merchant.sign_type.value,
        }
        keep_secret(_api_key_name(merchant.mch_id), merchant.api_key, table, "api_key")
        certificate = merchant.certificate
        if certificate is not None:
            cert_table: dict[str, Any] = {
                key: value
                for key, value in (
                    ("p12_path", certificate.p12_path),
                    ("cert_pem_path", certificate.cert_pem_path),
                    ("key_pem_path", certificate.key_pem_path),
                )
                if value
            }
            if certificate.password:
                keep_secret(
                    _cert_password_name(merchant.mch_id),
                    certificate.password,
                    cert_table,
                    "password",
                )
            table["certificate"] = cert_table
        document["merchant"] = table
    if use_keyring and previous_mch_id and (merchant is None or merchant.mch_id != previous_mch_id):
        # The merchant was changed or removed: its secrets must not linger in the keyring.
        store.delete(_api_key_name(previous_mch_id))
        store.delete(_cert_password_name(previous_mch_id))

    relay: dict[str, Any] = {}
    if settings.relay_database_url:
        relay["database_url"] = settings.relay_database_url
    if settings.relay_till_tokens:
        relay["till_tokens"] = dict(settings.relay_till_tokens)
    if settings.relay_till_merchants:
        relay["till_merchants"] = dict(settings.relay_till_merchants)
    if settings.relay_replay_events != default.relay_replay_events:
        relay["replay_events"] = settings.relay_replay_events
    if settings.relay_merchants:
        relay["merchants"] = [
            {
                "appid": m.appid,
                "mch_id": m.mch_id,
                "api_key": m.api_key,
                "sign_type": m.sign_type.value,
            }
            for m in settings.relay_merchants
        ]
    if relay:
        document["relay"] = relay

    if kept_in_file:
        log.warning(
            "no usable keyring: %s kept in %s (readable only by this user)",
            ", ".join(kept_in_file),
            path,
        )
    _write_atomically(path, tomli_w.dumps(document).encode("utf-8"))


def _previous_mch_id(path: Path) -> str | None:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    merchant = document.get("merchant")
    mch_id = merchant.get("mch_id") if isinstance(merchant, dict) else None
    return mch_id if isinstance(mch_id, str) else None


def _write_atomically(path: Path, data: bytes) -> None:
    # The file is 0600 from its creation and its folder 0700 if made here, so the secrets
    # are never readable by others, not even between the write and the rename.
    try:
        platform.private_dir(path.parent)
        with platform.replace_atomically(path, suffix=".tmp") as temporary:
            temporary.write_bytes(data)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or type(exc).__name__}") from None
