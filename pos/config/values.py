"""Turning what the settings file and the environment say into the fields of Settings.

Every check reads its limits from :mod:`pos.config.settings`; every message names the file
or the variable at fault and never repeats a secret.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pos.clock import time_zone
from pos.config.printer import parse_printer_address
from pos.config.secrets import (
    WEBHOOK_SECRET_VARIABLE,
    SecretStore,
    api_key_name,
    cert_password_name,
    webhook_secret_name,
)
from pos.config.settings import (
    CHECKOUT_TIMEOUT_RANGE,
    IDLE_LOCK_MINUTES_RANGE,
    LANGUAGES,
    MAX_AMOUNT_FEN_RANGE,
    MAX_WEBHOOK_URL_LENGTH,
    MCH_ID_FORM,
    MIN_TILL_SECRET_LENGTH,
    MIN_WEBHOOK_SECRET_LENGTH,
    PAPER_WIDTHS_MM,
    PASSWORD_POLL_RANGE,
    PASSWORD_WAIT_RANGE,
    POLL_INTERVAL_RANGE,
    RELAY_REPLAY_EVENTS_RANGE,
    TILL_ID_FORM,
    RelayWebhook,
    Settings,
    validate_merchant_fields,
)
from pos.errors import ConfigError
from pos.wechatpay.merchant import ClientCertificate, Merchant, SignType

MERCHANT_KEYS = ("appid", "mch_id", "api_key", "sign_type")


@dataclass(frozen=True)
class Value:
    value: object
    source: str  # "settings.toml" path or environment variable name, for error messages


def _str(item: Value, name: str) -> str:
    if isinstance(item.value, str):
        return item.value
    raise ConfigError(f"{item.source}: {name} must be text")


def _int(item: Value, name: str, low: int, high: int, unit: str) -> int:
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


def _seconds(item: Value, name: str, low: float, high: float) -> float:
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


def _url(item: Value, name: str) -> str:
    text = _str(item, name).strip()
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{item.source}: {name} must be an http:// or https:// URL")
    return text


def _path(item: Value, name: str) -> Path:
    text = _str(item, name).strip()
    if not text:
        raise ConfigError(f"{item.source}: {name} must not be empty")
    return Path(text).expanduser()


def merchant_from(values: Mapping[str, Value], secrets: SecretStore) -> Merchant | None:
    got = {key: values.get(f"merchant.{key}") for key in MERCHANT_KEYS}
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
        api_key = secrets.get(api_key_name(mch_id)) or ""
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
    values: Mapping[str, Value], mch_id: str, secrets: SecretStore
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
        else secrets.get(cert_password_name(mch_id))
    )
    return ClientCertificate(
        p12_path=paths["p12_path"],
        password=password or None,
        cert_pem_path=paths["cert_pem_path"],
        key_pem_path=paths["key_pem_path"],
    )


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _bool(item: Value, name: str) -> bool:
    value = item.value
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise ConfigError(f"{item.source}: {name} must be true or false")


def _printer(item: Value) -> str:
    text = _str(item, "printer").strip()
    try:
        address = parse_printer_address(text)
    except ConfigError as exc:
        raise ConfigError(f"{item.source}: {exc}") from None
    return "" if address is None else str(address)


def _paper(item: Value) -> int:
    value = _int(item, "paper_mm", min(PAPER_WIDTHS_MM), max(PAPER_WIDTHS_MM), "millimetres")
    if value not in PAPER_WIDTHS_MM:
        raise ConfigError(f"{item.source}: paper_mm must be 58 or 80")
    return value


def _till_id(item: Value) -> str:
    text = _str(item, "till_id").strip()
    if not TILL_ID_FORM.fullmatch(text):
        raise ConfigError(f"{item.source}: till_id must be 1 to 16 letters, digits, _ or -")
    return text


def _non_empty(item: Value, name: str) -> str:
    text = _str(item, name).strip()
    if not text:
        raise ConfigError(f"{item.source}: {name} must not be empty")
    return text


def _time_zone(item: Value) -> str:
    text = _str(item, "time_zone").strip()
    try:
        time_zone(text)
    except ValueError as exc:
        raise ConfigError(f"{item.source}: {exc}") from None
    return text


def _language(item: Value) -> str:
    text = _str(item, "language").strip()
    if text not in LANGUAGES:
        raise ConfigError(f"{item.source}: language must be one of {', '.join(LANGUAGES)}")
    return text


_TOKENS_FORMAT = "NAME=SECRET,NAME=SECRET"


def _pairs(item: Value, name: str, form: str) -> dict[str, str]:
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


def _tokens(item: Value) -> dict[str, str]:
    """``relay.till_tokens``: till name -> its secret, the README's ``NAME=SECRET``."""
    table = _pairs(item, "relay.till_tokens", _TOKENS_FORMAT)
    for name, secret in table.items():
        if not TILL_ID_FORM.fullmatch(name):
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


def _till_merchants(item: Value) -> dict[str, str]:
    """``relay.till_merchants``: till name -> the mch_id whose events it gets."""
    table = _pairs(item, "relay.till_merchants", "NAME=MCH_ID,NAME=MCH_ID")
    for name, mch_id in table.items():
        if not TILL_ID_FORM.fullmatch(name) or not MCH_ID_FORM.fullmatch(mch_id):
            raise ConfigError(
                f"{item.source}: relay.till_merchants must map till names to merchant "
                "numbers (NAME=MCH_ID, 6 to 32 digits)"
            )
    return table


def _relay_merchants(item: Value) -> list[Merchant]:
    """``[[relay.merchants]]``: more merchants for ``pos relay``, each with its own key."""
    if not isinstance(item.value, list) or not all(isinstance(t, dict) for t in item.value):
        raise ConfigError(f"{item.source}: relay.merchants must be [[relay.merchants]] tables")
    merchants: list[Merchant] = []
    for number, table in enumerate(item.value, 1):
        where = f"{item.source}: relay.merchants #{number}"
        unknown = set(table) - set(MERCHANT_KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown setting {sorted(unknown)[0]!r}")
        values = {key: table.get(key, "") for key in MERCHANT_KEYS}
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


WEBHOOK_KEYS = ("mch_id", "url", "secret")


def _relay_webhooks(
    item: Value, values: Mapping[str, Value], secrets: SecretStore
) -> list[RelayWebhook]:
    """``[[relay.webhooks]]``: per merchant, the URLs its verified notifications go to.

    A table without ``secret`` takes the merchant's from ``POS_RELAY_WEBHOOK_SECRET_<mch_id>``
    or the keyring entry ``webhook_secret/<mch_id>``; the environment wins over the file.
    """
    if not isinstance(item.value, list) or not all(isinstance(t, dict) for t in item.value):
        raise ConfigError(f"{item.source}: relay.webhooks must be [[relay.webhooks]] tables")
    webhooks: list[RelayWebhook] = []
    for number, table in enumerate(item.value, 1):
        where = f"{item.source}: relay.webhooks #{number}"
        unknown = set(table) - set(WEBHOOK_KEYS)
        if unknown:
            raise ConfigError(f"{where}: unknown setting {sorted(unknown)[0]!r}")
        mch_id = table.get("mch_id", "")
        if not isinstance(mch_id, str) or not MCH_ID_FORM.fullmatch(mch_id.strip()):
            raise ConfigError(f"{where}: mch_id must be a merchant number (6 to 32 digits)")
        mch_id = mch_id.strip()
        url = _url(Value(table.get("url", ""), where), "url")
        if len(url) > MAX_WEBHOOK_URL_LENGTH:
            raise ConfigError(f"{where}: url must be at most {MAX_WEBHOOK_URL_LENGTH} characters")
        secret, in_file = _webhook_secret(table, where, mch_id, values, secrets)
        if any(w.mch_id == mch_id and w.url == url for w in webhooks):
            raise ConfigError(f"{where}: merchant {mch_id} has this url twice")
        webhooks.append(RelayWebhook(mch_id, url, secret, secret_in_file=in_file))
    return webhooks


def _webhook_secret(
    table: Mapping[str, object],
    where: str,
    mch_id: str,
    values: Mapping[str, Value],
    secrets: SecretStore,
) -> tuple[str, bool]:
    """The secret of one webhook and whether it came from the file; never repeated in a message."""
    variable = f"{WEBHOOK_SECRET_VARIABLE}{mch_id}"
    from_environment = values.get(f"relay.webhook_secret.{mch_id}")
    given = table.get("secret")
    if from_environment is not None:
        secret, source, in_file = _str(from_environment, variable).strip(), variable, False
    elif given is not None:
        if not isinstance(given, str):
            raise ConfigError(f"{where}: secret must be text")
        secret, source, in_file = given.strip(), where, True
    else:
        secret = (secrets.get(webhook_secret_name(mch_id)) or "").strip()
        source, in_file = f"keyring {webhook_secret_name(mch_id)}", False
        if not secret:
            raise ConfigError(
                f"{where}: merchant {mch_id}'s webhook has no secret: set secret, {variable} "
                f"or the keyring entry {webhook_secret_name(mch_id)}"
            )
    if len(secret) < MIN_WEBHOOK_SECRET_LENGTH or any(ch.isspace() for ch in secret):
        raise ConfigError(
            f"{source}: a webhook secret must be at least {MIN_WEBHOOK_SECRET_LENGTH} "
            "characters without spaces (openssl rand -hex 32)"
        )
    return secret, in_file


def apply_fields(settings: Settings, values: Mapping[str, Value]) -> None:
    """Set the plain fields (all but the merchant and the relay's) that ``values`` give."""
    converters: dict[str, Callable[[Value], object]] = {
        "api_base_url": lambda item: _url(item, "api_base_url").rstrip("/"),
        "relay_url": lambda item: _url(item, "relay_url").rstrip("/"),
        "notify_url": lambda item: _url(item, "notify_url"),
        "till_token": lambda item: _str(item, "till_token").strip() or None,
        "till_id": lambda item: _till_id(item),
        "shop_name": lambda item: _non_empty(item, "shop_name"),
        "checkout_timeout_seconds": lambda item: _int(
            item, "checkout_timeout_seconds", *CHECKOUT_TIMEOUT_RANGE, "seconds"
        ),
        "poll_interval_seconds": lambda item: _seconds(
            item, "poll_interval_seconds", *POLL_INTERVAL_RANGE
        ),
        "password_wait_seconds": lambda item: _int(
            item, "password_wait_seconds", *PASSWORD_WAIT_RANGE, "seconds"
        ),
        "password_poll_seconds": lambda item: _seconds(
            item, "password_poll_seconds", *PASSWORD_POLL_RANGE
        ),
        "max_amount_fen": lambda item: _int(item, "max_amount_fen", *MAX_AMOUNT_FEN_RANGE, "fen"),
        "language": lambda item: _language(item),
        "time_zone": lambda item: _time_zone(item),
        "sound": lambda item: _str(item, "sound").strip() or None,
        "speak_amount": lambda item: _bool(item, "speak_amount"),
        "printer": lambda item: _printer(item),
        "paper_mm": lambda item: _paper(item),
        "print_on_paid": lambda item: _bool(item, "print_on_paid"),
        "compact_customer_view": lambda item: _bool(item, "compact_customer_view"),
        "idle_lock_minutes": lambda item: _int(
            item, "idle_lock_minutes", *IDLE_LOCK_MINUTES_RANGE, "minutes"
        ),
        "data_dir": lambda item: _path(item, "data_dir"),
        "database_path": lambda item: _path(item, "database_path"),
        "manager_pin_hash": lambda item: _str(item, "manager_pin_hash") or None,
    }
    for name, convert in converters.items():
        item = values.get(name)
        if item is not None:
            setattr(settings, name, convert(item))


def apply_relay(settings: Settings, values: Mapping[str, Value], secrets: SecretStore) -> None:
    """Set the fields of ``pos relay`` (the ``[relay]`` table) that ``values`` give."""
    item = values.get("relay.database_url")
    if item is not None:
        settings.relay_database_url = _non_empty(item, "relay.database_url")
    item = values.get("relay.till_tokens")
    if item is not None:
        settings.relay_till_tokens = _tokens(item)
    item = values.get("relay.till_merchants")
    if item is not None:
        settings.relay_till_merchants = _till_merchants(item)
    item = values.get("relay.replay_events")
    if item is not None:
        settings.relay_replay_events = _int(
            item, "relay.replay_events", *RELAY_REPLAY_EVENTS_RANGE, "events"
        )
    item = values.get("relay.merchants")
    if item is not None:
        settings.relay_merchants = _relay_merchants(item)
    item = values.get("relay.webhooks")
    if item is not None:
        settings.relay_webhooks = _relay_webhooks(item, values, secrets)
