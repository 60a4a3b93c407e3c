"""Settings: one TOML file, environment variables over it, secrets in the OS keyring.

Where things come from, last one wins:

1. the defaults of :class:`Settings` (the sandbox: no merchant);
2. ``settings.toml`` in the platform's config folder, or the file named by ``POS_CONFIG``;
3. the environment variables of :data:`ENVIRONMENT`.

Secrets (the merchant's API key, the certificate password, the till's relay token) are kept
in the OS keyring when it has a usable backend, and written to the settings file (mode 0600)
only when it has none; :func:`save_settings` logs a warning when that happens. They never
appear in a repr, an error message or a log (§5.3); :func:`masked` is the one way to show them.

The package by concern: :mod:`~pos.config.settings` (the Settings and every field's limits),
:mod:`~pos.config.files` (the file, the environment, saving), :mod:`~pos.config.values` (the
checks of what they say), :mod:`~pos.config.secrets` (the keyring),
:mod:`~pos.config.printer` (the printer's address) and :mod:`~pos.config.validation` (what
the settings dialog checks, without Qt).

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
    [[relay.webhooks]]                     # a merchant's notifications forwarded (docs/webhooks.md)
    mch_id = "..."; url = "https://..."; secret = "..."   # or POS_RELAY_WEBHOOK_SECRET_<mch_id>
"""

from pos.config.files import (
    ENVIRONMENT,
    config_path,
    load_settings,
    save_pin_hash,
    save_settings,
)
from pos.config.printer import PrinterAddress, parse_printer_address
from pos.config.secrets import (
    KEYRING_SERVICE,
    KeyringStore,
    MemorySecretStore,
    SecretStore,
    keyring_is_usable,
)
from pos.config.settings import (
    APP_NAME,
    CHECKOUT_TIMEOUT_RANGE,
    DATABASE_FILE_NAME,
    IDLE_LOCK_MINUTES_RANGE,
    LANGUAGES,
    MAX_AMOUNT_FEN_RANGE,
    MAX_URL_LENGTH,
    MIN_TILL_SECRET_LENGTH,
    PAPER_WIDTHS_MM,
    PASSWORD_POLL_RANGE,
    PASSWORD_WAIT_RANGE,
    POLL_INTERVAL_RANGE,
    RELAY_REPLAY_EVENTS_RANGE,
    SETTINGS_FILE_NAME,
    PaymentCodes,
    RelayWebhook,
    Settings,
    data_dir,
    log_dir,
    masked,
    payment_codes,
    validate_merchant_fields,
)

__all__ = [
    "APP_NAME",
    "CHECKOUT_TIMEOUT_RANGE",
    "DATABASE_FILE_NAME",
    "ENVIRONMENT",
    "IDLE_LOCK_MINUTES_RANGE",
    "KEYRING_SERVICE",
    "LANGUAGES",
    "MAX_AMOUNT_FEN_RANGE",
    "MAX_URL_LENGTH",
    "MIN_TILL_SECRET_LENGTH",
    "PAPER_WIDTHS_MM",
    "PASSWORD_POLL_RANGE",
    "PASSWORD_WAIT_RANGE",
    "POLL_INTERVAL_RANGE",
    "RELAY_REPLAY_EVENTS_RANGE",
    "SETTINGS_FILE_NAME",
    "KeyringStore",
    "MemorySecretStore",
    "PaymentCodes",
    "PrinterAddress",
    "RelayWebhook",
    "SecretStore",
    "Settings",
    "config_path",
    "data_dir",
    "keyring_is_usable",
    "load_settings",
    "log_dir",
    "masked",
    "parse_printer_address",
    "payment_codes",
    "save_pin_hash",
    "save_settings",
    "validate_merchant_fields",
]
