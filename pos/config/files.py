"""The settings file (TOML) and the environment over it: reading, and saving atomically.

See :mod:`pos.config` for the file's layout and where each value comes from.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

import platformdirs

from pos import platform
from pos.config.secrets import (
    TILL_TOKEN_NAME,
    WEBHOOK_SECRET_VARIABLE,
    KeyringStore,
    SecretStore,
    api_key_name,
    cert_password_name,
)
from pos.config.settings import (
    APP_NAME,
    DATABASE_FILE_NAME,
    SETTINGS_FILE_NAME,
    Settings,
    data_dir,
)
from pos.config.values import MERCHANT_KEYS, Value, apply_fields, apply_relay, merchant_from
from pos.errors import ConfigError
from pos.wechatpay.merchant import Merchant

log = logging.getLogger(__name__)

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
    "POS_PASSWORD_WAIT": "password_wait_seconds",
    "POS_PASSWORD_POLL": "password_poll_seconds",
    "POS_MAX_AMOUNT_FEN": "max_amount_fen",
    "POS_LANG": "language",
    "POS_TIME_ZONE": "time_zone",
    "POS_SOUND": "sound",
    "POS_SPEAK_AMOUNT": "speak_amount",
    "POS_PRINTER": "printer",
    "POS_PAPER_MM": "paper_mm",
    "POS_PRINT_ON_PAID": "print_on_paid",
    "POS_COMPACT_CUSTOMER_VIEW": "compact_customer_view",
    "POS_IDLE_LOCK_MINUTES": "idle_lock_minutes",
    "POS_DATA_DIR": "data_dir",
    "POS_DATABASE": "database_path",
    "POS_RELAY_DATABASE_URL": "relay.database_url",
    "POS_RELAY_TILL_TOKENS": "relay.till_tokens",  # "POS-01=secret1,POS-02=secret2"
    "POS_RELAY_TILL_MERCHANTS": "relay.till_merchants",  # "POS-09=1900000110"
    "POS_RELAY_REPLAY_EVENTS": "relay.replay_events",
    "POS_MANAGER_PIN_HASH": "manager_pin_hash",
}

_CERTIFICATE_KEYS = ("p12_path", "password", "cert_pem_path", "key_pem_path")
_RELAY_KEYS = (
    "database_url",
    "till_tokens",
    "till_merchants",
    "replay_events",
    "merchants",
    "webhooks",
)
_SECRET_KEYS = frozenset(
    {
        "merchant.api_key",
        "merchant.certificate.password",
        "till_token",
        "relay.till_tokens",
        "relay.merchants",
        "relay.webhooks",
        "manager_pin_hash",
    }
)


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The settings file: ``POS_CONFIG`` if set, else ``settings.toml`` in the config folder."""
    env = os.environ if environ is None else environ
    override = env.get("POS_CONFIG")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / SETTINGS_FILE_NAME


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise ConfigError(f"cannot read {path}: it is a folder") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None
    import tomllib  # with a file to read: a new till has none, and its window comes first

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's messages give the position, never the content: safe with a key in the file.
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def _flatten(document: Mapping[str, Any], path: Path) -> dict[str, Value]:
    """The file's values under dotted names; unknown names are warned about and skipped."""
    source = str(path)
    flat: dict[str, Value] = {}
    top_level = {f.name for f in fields(Settings)} - {
        "merchant",
        "relay_database_url",
        "relay_till_tokens",
        "relay_till_merchants",
        "relay_merchants",
        "relay_replay_events",
        "relay_webhooks",
    }
    tables: dict[str, tuple[str, ...]] = {
        "merchant": MERCHANT_KEYS,
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
                flat[name] = Value(value, source)
            else:
                log.warning("%s: unknown setting %r ignored", source, name)

    walk(document, "")
    return flat


def _collect(path: Path, environ: Mapping[str, str]) -> dict[str, Value]:
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
            values[name] = Value(text, variable)
    for variable, text in environ.items():
        # POS_RELAY_WEBHOOK_SECRET_<mch_id>: the secret of that merchant's webhooks.
        if variable.startswith(WEBHOOK_SECRET_VARIABLE) and text:
            mch_id = variable[len(WEBHOOK_SECRET_VARIABLE) :]
            values[f"relay.webhook_secret.{mch_id}"] = Value(text, variable)
    return values


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
    settings = Settings(merchant=merchant_from(values, store))
    apply_fields(settings, values)
    if values.get("database_path") is None:
        settings.database_path = settings.data_dir / DATABASE_FILE_NAME
    if settings.till_token is None and settings.relay_url is not None:
        # Only a till that talks to a relay has a token; sandbox start-up skips the keyring.
        settings.till_token = store.get(TILL_TOKEN_NAME)
    apply_relay(settings, values, store)
    return settings


def _warn_if_exposed(path: Path, values: Mapping[str, Value]) -> None:
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

    _plain_fields(settings, default, document)
    if settings.till_token:
        keep_secret(TILL_TOKEN_NAME, settings.till_token, document, "till_token")
    elif use_keyring:
        store.delete(TILL_TOKEN_NAME)

    previous_mch_id = _previous_mch_id(path)
    merchant = settings.merchant
    if merchant is not None:
        document["merchant"] = _merchant_table(merchant, keep_secret)
    if use_keyring and previous_mch_id and (merchant is None or merchant.mch_id != previous_mch_id):
        # The merchant was changed or removed: its secrets must not linger in the keyring.
        store.delete(api_key_name(previous_mch_id))
        store.delete(cert_password_name(previous_mch_id))

    relay = _relay_table(settings, default)
    if relay:
        document["relay"] = relay

    if kept_in_file:
        log.warning(
            "no usable keyring: %s kept in %s (readable only by this user)",
            ", ".join(kept_in_file),
            path,
        )
    import tomli_w  # saving is rare: not loaded with the till

    _write_atomically(path, tomli_w.dumps(document).encode("utf-8"))


#: The fields written as they are, at the top level of the file, when not their default.
_PLAIN_FIELDS = (
    "api_base_url",
    "relay_url",
    "notify_url",
    "till_id",
    "shop_name",
    "checkout_timeout_seconds",
    "poll_interval_seconds",
    "password_wait_seconds",
    "password_poll_seconds",
    "max_amount_fen",
    "language",
    "time_zone",
    "sound",
    "speak_amount",
    "printer",
    "paper_mm",
    "print_on_paid",
    "compact_customer_view",
    "idle_lock_minutes",
    "manager_pin_hash",
)


def _plain_fields(settings: Settings, default: Settings, document: dict[str, Any]) -> None:
    for name in _PLAIN_FIELDS:
        value = getattr(settings, name)
        if value is not None and value != getattr(default, name):
            document[name] = value
    if settings.data_dir != default.data_dir:
        document["data_dir"] = str(settings.data_dir)
    if settings.database_path != settings.data_dir / DATABASE_FILE_NAME:
        document["database_path"] = str(settings.database_path)


def _merchant_table(
    merchant: Merchant, keep_secret: Callable[[str, str, dict[str, Any], str], None]
) -> dict[str, Any]:
    """``[merchant]``; ``keep_secret`` puts the key and the password in the keyring, or here."""
    table: dict[str, Any] = {
        "appid": merchant.appid,
        "mch_id": merchant.mch_id,
        "sign_type": merchant.sign_type.value,
    }
    keep_secret(api_key_name(merchant.mch_id), merchant.api_key, table, "api_key")
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
                cert_password_name(merchant.mch_id),
                certificate.password,
                cert_table,
                "password",
            )
        table["certificate"] = cert_table
    return table


def _relay_table(settings: Settings, default: Settings) -> dict[str, Any]:
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
    if settings.relay_webhooks:
        # A secret from the environment or the keyring stays there: it is read again from it.
        relay["webhooks"] = [
            {"mch_id": w.mch_id, "url": w.url, **({"secret": w.secret} if w.secret_in_file else {})}
            for w in settings.relay_webhooks
        ]
    return relay


def _previous_mch_id(path: Path) -> str | None:
    import tomllib

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


def save_pin_hash(settings: Settings, path: Path | None = None) -> None:
    """Write ``settings.manager_pin_hash`` into the settings file, and nothing else new.

    The file is read again on its own (no environment), the hash set, and the file saved: a
    merchant key or a token that came from an environment variable is never written back.
    """
    path = config_path() if path is None else path
    on_disk = load_settings(path, environ={})
    on_disk.manager_pin_hash = settings.manager_pin_hash
    save_settings(on_disk, path)
