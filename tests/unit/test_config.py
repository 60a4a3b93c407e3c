"""Settings: file + environment, secrets in the keyring or (without one) a 0600 file."""

from __future__ import annotations

import dataclasses
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest
from helpers.keyrings import MemoryKeyring, keyring_in_use
from keyring.backends import chainer, fail

from pos import config
from pos.config import (
    KeyringStore,
    MemorySecretStore,
    Settings,
    load_settings,
    masked,
    save_settings,
    validate_merchant_fields,
)
from pos.errors import ConfigError
from pos.wechatpay.types import ClientCertificate, Merchant, SignType

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
KEY = "192006250b4c09247ec02edce69f6a2d"  # §2.3's documented test key
OTHER_KEY = "0123456789abcdefABCDEF0123456789"
MERCHANT_ENV = {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": MCH_ID, "WECHATPAY_API_KEY": KEY}


class LockedKeyring(MemoryKeyring):
    """A keyring that is there but refuses every write (a locked collection)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """Never touch the keyring of the machine running the tests."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "conf" / "settings.toml"


def merchant(**changes: Any) -> Merchant:
    return dataclasses.replace(Merchant(appid=APPID, mch_id=MCH_ID, api_key=KEY), **changes)


def test_no_file_no_environment_is_the_sandbox_with_defaults(path: Path) -> None:
    settings = load_settings(path, {})
    assert settings.is_sandbox and settings.merchant is None
    assert settings.api_base_url == "https://api.mch.weixin.qq.com"
    assert settings.checkout_timeout_seconds == 120 and settings.max_amount_fen == 5_000_000
    assert settings.language == "zh_CN" and settings.till_id == "POS-01"
    # Data under the platform's data folder (the test's XDG_DATA_HOME), database inside it.
    assert settings.data_dir == Path(os.environ["XDG_DATA_HOME"]) / "wechatpay-pos"
    assert settings.database_path == settings.data_dir / "pos.sqlite3"
    assert settings == Settings()


def test_paths_follow_the_platform_folders_and_pos_config() -> None:
    assert config.config_path({}) == (
        Path(os.environ["XDG_CONFIG_HOME"]) / "wechatpay-pos" / "settings.toml"
    )
    assert config.config_path({"POS_CONFIG": "/etc/pos.toml"}) == Path("/etc/pos.toml")
    assert config.log_dir().is_relative_to(Path(os.environ["XDG_STATE_HOME"]))
    assert config.data_dir().is_relative_to(Path(os.environ["XDG_DATA_HOME"]))


def test_pos_config_in_the_environment_names_the_file(tmp_path: Path) -> None:
    custom = tmp_path / "elsewhere.toml"
    custom.write_text('till_id = "POS-07"\n', encoding="utf-8")
    assert load_settings(None, {"POS_CONFIG": str(custom)}).till_id == "POS-07"


def test_settings_built_with_a_data_dir_keep_their_database_in_it(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.database_path == tmp_path / "pos.sqlite3"
    assert Settings(data_dir=tmp_path, database_path=tmp_path / "x.db").database_path == (
        tmp_path / "x.db"
    )


def test_round_trip_with_a_keyring_keeps_the_key_out_of_the_file(path: Path) -> None:
    store = MemorySecretStore()
    certificate = ClientCertificate(p12_path="/certs/apiclient_cert.p12", password="p12-secret-pw")
    settings = Settings(
        merchant=merchant(sign_type=SignType.HMAC_SHA256, certificate=certificate),
        relay_url="https://relay.example.com",
        till_token="till-token-0001",
        notify_url="https://relay.example.com/wechatpay/notify",
        till_id="POS-02",
        shop_name="小卖部",
        checkout_timeout_seconds=300,
        poll_interval_seconds=1.5,
        password_wait_seconds=45,
        password_poll_seconds=3.0,
        max_amount_fen=100_000,
        language="en",
        sound="/sounds/ding.wav",
        relay_database_url="postgresql://relay@db/relay",
        relay_till_tokens={"POS-01": "relay-token-aaaa-0001", "POS-02": "relay-token-bbbb-0002"},
        relay_till_merchants={"POS-02": "1900000110"},
        relay_merchants=[Merchant("wx0123456789abcdef", "1900000110", "b" * 32)],
        relay_replay_events=200,
        idle_lock_minutes=0,
        manager_pin_hash="scrypt$abc",
    )
    save_settings(settings, path, secrets=store)

    text = path.read_text(encoding="utf-8")
    for secret in (KEY, "p12-secret-pw", "till-token-0001"):
        assert secret not in text
    assert store.values == {
        f"api_key/{MCH_ID}": KEY,
        f"cert_password/{MCH_ID}": "p12-secret-pw",
        "till_token": "till-token-0001",
    }
    assert load_settings(path, {}, secrets=store) == settings


def test_without_a_keyring_secrets_go_to_a_0600_file_and_a_warning_says_so(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = MemorySecretStore(usable=False)
    settings = Settings(merchant=merchant(), relay_url="http://relay.lan", till_token="tok-12345")
    with caplog.at_level(logging.WARNING, logger="pos.config"):
        save_settings(settings, path, secrets=store)
    assert KEY in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "no usable keyring" in caplog.text and "api_key" in caplog.text
    assert KEY not in caplog.text
    assert load_settings(path, {}, secrets=store) == settings


def test_the_real_keyring_library_is_used_when_it_has_a_backend(
    path: Path, memory_keyring: MemoryKeyring
) -> None:
    assert config.keyring_is_usable()
    save_settings(Settings(merchant=merchant()), path)
    assert memory_keyring.values == {("wechatpay-pos", f"api_key/{MCH_ID}"): KEY}
    assert KEY not in path.read_text(encoding="utf-8")
    assert load_settings(path, {}).merchant == merchant()


@pytest.mark.parametrize(
    "backend", [fail.Keyring(), chainer.ChainerBackend()], ids=["fail", "empty-chainer"]
)
def test_no_usable_backend_falls_back_to_the_file(
    path: Path, backend: keyring.backend.KeyringBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    if isinstance(backend, chainer.ChainerBackend):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(backend)
    assert not config.keyring_is_usable()
    save_settings(Settings(merchant=merchant()), path)
    assert KEY in path.read_text(encoding="utf-8")
    assert load_settings(path, {}).merchant == merchant()


def test_a_keyring_that_refuses_the_write_falls_back_to_the_file(path: Path) -> None:
    keyring.set_keyring(LockedKeyring())
    save_settings(Settings(merchant=merchant()), path)
    assert KEY in path.read_text(encoding="utf-8")
    assert load_settings(path, {}).merchant == merchant()


def test_moving_to_a_keyring_takes_the_key_out_of_the_file(path: Path) -> None:
    save_settings(Settings(merchant=merchant()), path, secrets=MemorySecretStore(usable=False))
    store = MemorySecretStore()
    save_settings(load_settings(path, {}, secrets=store), path, secrets=store)
    assert KEY not in path.read_text(encoding="utf-8")
    assert load_settings(path, {}, secrets=store).merchant == merchant()


def test_changing_or_removing_the_merchant_forgets_its_secrets(path: Path) -> None:
    store = MemorySecretStore()
    certificate = ClientCertificate(p12_path="/c.p12", password="pw-1234")
    save_settings(Settings(merchant=merchant(certificate=certificate)), path, secrets=store)
    other = Merchant(appid=APPID, mch_id="1230000109", api_key=OTHER_KEY)
    save_settings(Settings(merchant=other), path, secrets=store)
    assert store.values == {"api_key/1230000109": OTHER_KEY}
    save_settings(Settings(), path, secrets=store)
    assert store.values == {}
    assert load_settings(path, {}, secrets=store).is_sandbox


def test_defaults_are_not_written(path: Path) -> None:
    save_settings(Settings(till_id="POS-09"), path, secrets=MemorySecretStore())
    assert path.read_text(encoding="utf-8").strip() == 'till_id = "POS-09"'


def test_the_write_is_atomic_and_leaves_no_temporary_file(path: Path) -> None:
    store = MemorySecretStore()
    save_settings(Settings(till_id="POS-01"), path, secrets=store)
    save_settings(Settings(till_id="POS-02"), path, secrets=store)
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.toml"]
    assert load_settings(path, {}).till_id == "POS-02"


def test_a_write_that_cannot_happen_is_one_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot write"):
        save_settings(
            Settings(merchant=merchant()),
            blocker / "settings.toml",
            secrets=MemorySecretStore(usable=False),
        )


def test_the_environment_overrides_the_file(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(
        'till_id = "POS-02"\nlanguage = "en"\npoll_interval_seconds = 3\n', encoding="utf-8"
    )
    settings = load_settings(
        path,
        {
            "POS_TILL_ID": "POS-03",
            "POS_LANG": "zh_CN",
            "POS_RELAY_URL": "https://relay.example.com/",
            "POS_TILL_TOKEN": "token-from-env",
            "POS_NOTIFY_URL": "https://relay.example.com/wechatpay/notify",
            "POS_CHECKOUT_TIMEOUT": "90",
            "POS_MAX_AMOUNT_FEN": "20000",
            "POS_RELAY_DATABASE_URL": "sqlite:////tmp/relay.db",
            "POS_DATA_DIR": "/srv/pos",
            **MERCHANT_ENV,
            "WECHATPAY_SIGN_TYPE": "HMAC-SHA256",
        },
        secrets=MemorySecretStore(),
    )
    assert settings.till_id == "POS-03" and settings.language == "zh_CN"
    assert settings.poll_interval_seconds == 3.0
    assert settings.relay_url == "https://relay.example.com"
    assert settings.till_token == "token-from-env"
    assert settings.checkout_timeout_seconds == 90 and settings.max_amount_fen == 20000
    assert settings.relay_database_url == "sqlite:////tmp/relay.db"
    assert settings.database_path == Path("/srv/pos/pos.sqlite3")
    assert settings.merchant == merchant(sign_type=SignType.HMAC_SHA256)
    assert not settings.is_sandbox


def test_an_empty_variable_counts_as_unset(path: Path) -> None:
    assert load_settings(path, {"WECHATPAY_APPID": "", "POS_LANG": ""}).is_sandbox


def test_the_environment_key_completes_a_merchant_of_the_file(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\n', encoding="utf-8")
    settings = load_settings(path, {"WECHATPAY_API_KEY": KEY}, secrets=MemorySecretStore())
    assert settings.merchant == merchant()


def test_another_merchant_in_the_environment_ignores_the_files_merchant(path: Path) -> None:
    store = MemorySecretStore()
    certificate = ClientCertificate(p12_path="/c.p12", password="pw-1234")
    save_settings(Settings(merchant=merchant(certificate=certificate)), path, secrets=store)
    env = {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": "1230000109"}
    with pytest.raises(ConfigError, match="merchant 1230000109 has no API key"):
        load_settings(path, env, secrets=store)
    settings = load_settings(path, {**env, "WECHATPAY_API_KEY": OTHER_KEY}, secrets=store)
    assert settings.merchant == Merchant(appid=APPID, mch_id="1230000109", api_key=OTHER_KEY)


def test_certificate_from_the_environment(path: Path) -> None:
    settings = load_settings(
        path,
        {
            **MERCHANT_ENV,
            "WECHATPAY_CERT_PEM": "/c/apiclient_cert.pem",
            "WECHATPAY_CERT_KEY_PEM": "/c/apiclient_key.pem",
            "WECHATPAY_CERT_PASSWORD": "pem-pass",
        },
        secrets=MemorySecretStore(),
    )
    assert settings.merchant is not None
    assert settings.merchant.certificate == ClientCertificate(
        cert_pem_path="/c/apiclient_cert.pem",
        key_pem_path="/c/apiclient_key.pem",
        password="pem-pass",
    )
    assert set(settings.secrets()) == {KEY, "pem-pass"}


def test_the_relay_tokens_are_read_name_first_and_the_secrets_count_as_secrets(
    path: Path,
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(
        '[relay]\ntill_tokens = { "POS-01" = "0123456789abcdef0123" }\n', encoding="utf-8"
    )
    settings = load_settings(path, {})
    assert settings.relay_till_tokens == {"POS-01": "0123456789abcdef0123"}
    assert settings.secrets() == ("0123456789abcdef0123",)


def test_relay_tokens_from_the_environment_read_name_equals_secret(path: Path) -> None:
    # The README's form: POS_RELAY_TILL_TOKENS="POS-01=$(openssl rand -hex 16),POS-02=..."
    first, second = "9f86d081884c7d659a2feaa0c55ad015", "a3b1c2d3e4f5061728394a5b6c7d8e9f"
    env = {"POS_RELAY_TILL_TOKENS": f"POS-01={first}, POS-02={second}"}
    assert load_settings(path, env).relay_till_tokens == {"POS-01": first, "POS-02": second}
    for bad in ("POS-01", f"POS-01={first},,", f"={first}", "POS-01="):
        with pytest.raises(ConfigError, match=r"POS_RELAY_TILL_TOKENS: relay\.till_tokens must"):
            load_settings(path, {"POS_RELAY_TILL_TOKENS": bad})


def test_relay_tokens_written_the_old_way_round_are_refused_without_echoing_them(
    path: Path,
) -> None:
    secret = "9f86d081884c7d659a2feaa0c55ad015"
    for bad, message in (
        (f"{secret}=POS-01", "a till name is 1 to 16"),  # SECRET=NAME, as `pos relay` read it
        ("POS-01=short", "the secret of till POS-01 must be at least 16"),
        (f"POS-01={secret},POS-02={secret}", "two tills have the same secret"),
    ):
        with pytest.raises(ConfigError, match=message) as raised:
            load_settings(path, {"POS_RELAY_TILL_TOKENS": bad})
        assert secret not in str(raised.value) and "short" not in str(raised.value)


def test_relay_merchants_and_till_bindings(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(
        '[relay]\ntill_merchants = { "POS-09" = "1900000110" }\nreplay_events = 50\n'
        "[[relay.merchants]]\n"
        f'appid = "wx0123456789abcdef"\nmch_id = "1900000110"\napi_key = "{"b" * 32}"\n',
        encoding="utf-8",
    )
    path.chmod(0o600)
    settings = load_settings(path, {"POS_RELAY_TILL_MERCHANTS": "POS-10=1900000111"})
    assert settings.relay_merchants == [
        Merchant("wx0123456789abcdef", "1900000110", "b" * 32, SignType.MD5)
    ]
    assert settings.relay_till_merchants == {"POS-10": "1900000111"}  # the environment wins
    assert settings.relay_replay_events == 50
    assert "b" * 32 in settings.secrets()
    path.write_text(
        f'[[relay.merchants]]\nappid = "wx0123456789abcdef"\nmch_id = "19"\napi_key = "{KEY}"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"relay.merchants #1: merchant number") as raised:
        load_settings(path, {})
    assert KEY not in str(raised.value)
    with pytest.raises(ConfigError, match=r"relay\.till_merchants must map"):
        load_settings(path, {"POS_RELAY_TILL_MERCHANTS": "POS-10=abc"})


def test_the_till_token_is_only_looked_up_for_a_till_with_a_relay(path: Path) -> None:
    store = MemorySecretStore()
    store.set("till_token", "tok-from-keyring")
    assert load_settings(path, {}, secrets=store).till_token is None
    relayed = load_settings(path, {"POS_RELAY_URL": "http://relay.lan:8901"}, secrets=store)
    assert relayed.till_token == "tok-from-keyring"


def test_unknown_settings_are_warned_about_not_fatal(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('tillid = "x"\n[merchant]\ncolour = "red"\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="pos.config"):
        assert load_settings(path, {}).is_sandbox
    assert "'tillid'" in caplog.text and "'merchant.colour'" in caplog.text


def test_a_key_in_a_file_readable_by_others_is_warned_about(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    save_settings(Settings(merchant=merchant()), path, secrets=MemorySecretStore(usable=False))
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="pos.config"):
        load_settings(path, {}, secrets=MemorySecretStore(usable=False))
    assert "chmod 600" in caplog.text


BAD_FILES = [
    ('till_id = "POS-01\n', "is not valid TOML"),
    ("checkout_timeout_seconds = 5\n", "checkout_timeout_seconds must be a whole number"),
    ('checkout_timeout_seconds = "soon"\n', "checkout_timeout_seconds must be a whole number"),
    ("checkout_timeout_seconds = 120.5\n", "checkout_timeout_seconds must be a whole number"),
    ("max_amount_fen = true\n", "max_amount_fen must be a whole number of fen"),
    ("max_amount_fen = 0\n", "max_amount_fen must be a whole number of fen"),
    ("poll_interval_seconds = 0\n", "poll_interval_seconds must be a number of seconds"),
    ("password_wait_seconds = 60\n", "password_wait_seconds must be a whole number of seconds"),
    ("password_poll_seconds = 0.5\n", "password_poll_seconds must be a number of seconds"),
    ("idle_lock_minutes = 1441\n", "idle_lock_minutes must be a whole number of minutes"),
    ("idle_lock_minutes = -1\n", "idle_lock_minutes must be a whole number of minutes"),
    ('language = "fr"\n', "language must be one of zh_CN, en"),
    ('api_base_url = "ftp://x"\n', "api_base_url must be an http:// or https:// URL"),
    ('relay_url = "relay.lan"\n', "relay_url must be an http:// or https:// URL"),
    ('till_id = "POS 01"\n', "till_id must be 1 to 16 letters"),
    ("till_id = 7\n", "till_id must be text"),
    ('shop_name = "  "\n', "shop_name must not be empty"),
    ("merchant = 3\n", "[merchant] must be a table"),
    ('[merchant]\nappid = "wx1"\nmch_id = "10000100"\napi_key = "k"\n', "AppID must be"),
    (f'[merchant]\nappid = "{APPID}"\nmch_id = "10a"\napi_key = "{KEY}"\n', "mch_id) must be"),
    (
        f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\napi_key = "{KEY}x"\n',
        "API key must be exactly 32",
    ),
    (
        f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\napi_key = "{KEY}"\n'
        'sign_type = "SHA1"\n',
        "sign type must be MD5 or HMAC-SHA256",
    ),
    (f'[merchant]\nappid = "{APPID}"\n', "merchant mch_id is missing"),
    (f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\n', "merchant 10000100 has no API key"),
    (
        f'[merchant]\nappid = "{APPID}"\nmch_id = "{MCH_ID}"\napi_key = "{KEY}"\n'
        '[merchant.certificate]\ncert_pem_path = "/c.pem"\n',
        "give both cert_pem_path",
    ),
    ('[relay]\ntill_tokens = { "POS-01" = 5 }\n', "relay.till_tokens must map till names"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_an_invalid_file_is_one_line_naming_the_file(
    path: Path, content: str, message: str
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, {}, secrets=MemorySecretStore())
    text = str(caught.value)
    assert message in text
    assert "\n" not in text and KEY not in text
    if "has no API key" not in message and "is missing" not in message:
        assert text.startswith(str(path))


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"POS_CHECKOUT_TIMEOUT": "2m"}, "POS_CHECKOUT_TIMEOUT: checkout_timeout_seconds must"),
        ({"POS_POLL_INTERVAL": "fast"}, "POS_POLL_INTERVAL: poll_interval_seconds must"),
        ({"POS_PASSWORD_WAIT": "9"}, "POS_PASSWORD_WAIT: password_wait_seconds must"),
        ({"POS_PASSWORD_POLL": "11"}, "POS_PASSWORD_POLL: password_poll_seconds must"),
        ({"POS_LANG": "de"}, "POS_LANG: language must"),
        ({"POS_TIME_ZONE": "Mars/Olympus"}, "POS_TIME_ZONE: unknown time zone 'Mars/Olympus'"),
        ({"WECHATPAY_API_KEY": KEY}, "WECHATPAY_API_KEY: a merchant setting is given but no"),
        ({**MERCHANT_ENV, "WECHATPAY_API_KEY": KEY[:-1]}, "WECHATPAY_API_KEY: API key must"),
        ({**MERCHANT_ENV, "WECHATPAY_SIGN_TYPE": "md5"}, "WECHATPAY_SIGN_TYPE: sign type"),
        ({"WECHATPAY_MCH_ID": MCH_ID}, "merchant appid is missing (set WECHATPAY_APPID"),
    ],
)
def test_an_invalid_variable_is_one_line_naming_it(
    path: Path, environ: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(path, environ, secrets=MemorySecretStore())
    assert message in str(caught.value)
    assert KEY[:-1] not in str(caught.value)


def test_an_unreadable_file_is_one_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read .*: it is a folder"):
        load_settings(tmp_path, {})
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"till_id = '\xff'\n")
    with pytest.raises(ConfigError, match="is not UTF-8 text"):
        load_settings(binary, {})


def test_a_keyring_that_fails_to_read_is_one_config_error(path: Path) -> None:
    class Broken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringLocked("locked")

    keyring.set_keyring(Broken())
    with pytest.raises(ConfigError, match=r"cannot read api_key/10000100 from the keyring"):
        load_settings(
            path, {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": MCH_ID}, secrets=KeyringStore()
        )


def test_reprs_never_show_a_secret() -> None:
    settings = Settings(
        merchant=merchant(certificate=ClientCertificate(p12_path="/c.p12", password="pw-1234")),
        till_token="till-token-0001",
        relay_till_tokens={"POS-01": "relay-token-aaaa-0001"},
        relay_merchants=[Merchant("wx0123456789abcdef", "1900000110", "b" * 32)],
        manager_pin_hash="scrypt$hash",
    )
    text = repr(settings)
    for secret in (KEY, "pw-1234", "till-token-0001", "relay-token-aaaa", "scrypt$hash", "b" * 32):
        assert secret not in text
    assert MCH_ID in text


def test_masked_shows_two_characters_at_most() -> None:
    assert masked(KEY) == "••••••2d"
    assert masked("short") == "••••••"
    assert masked("") == "" and masked(None) == ""


def test_validate_merchant_fields() -> None:
    assert validate_merchant_fields(APPID, MCH_ID, KEY, "MD5") == {}
    assert validate_merchant_fields(APPID, MCH_ID, KEY, "HMAC-SHA256") == {}
    problems = validate_merchant_fields("wx12", "abc", KEY + "0", "SHA1")
    assert set(problems) == {"appid", "mch_id", "api_key", "sign_type"}
    assert all(KEY not in message for message in problems.values())
    assert validate_merchant_fields("", "", "", "MD5") == {
        "appid": "AppID is required",
        "mch_id": "merchant number (mch_id) is required",
        "api_key": "API key is required",
    }
    # A key with a space or a symbol is a copy-paste accident, not a WeChat key.
    assert "api_key" in validate_merchant_fields(APPID, MCH_ID, KEY[:-1] + " ", "MD5")


def test_the_shops_time_zone_comes_from_the_file_or_the_environment(path: Path) -> None:
    assert load_settings(path, {}).time_zone == "Asia/Shanghai"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('time_zone = "Asia/Hong_Kong"\n', encoding="utf-8")
    assert load_settings(path, {}).business_day.zone.key == "Asia/Hong_Kong"  # type: ignore[attr-defined]
    assert load_settings(path, {"POS_TIME_ZONE": "Europe/Paris"}).time_zone == "Europe/Paris"
