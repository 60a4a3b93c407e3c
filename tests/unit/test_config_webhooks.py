"""``[[relay.webhooks]]``: endpoints per merchant, http(s) only, secrets kept out of sight."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pos.config import MemorySecretStore, RelayWebhook, Settings, load_settings, save_settings
from pos.errors import ConfigError
from pos.relay import create_app, settings_from
from pos.wechatpay.types import Merchant

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
KEY = "192006250b4c09247ec02edce69f6a2d"
SECRET = "whsec-0123456789abcdef0123456789ab"
OTHER_SECRET = "whsec-fedcba9876543210fedcba987654"
MERCHANT_ENV = {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": MCH_ID, "WECHATPAY_API_KEY": KEY}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "settings.toml"


def write(path: Path, *tables: str) -> None:
    path.write_text("".join(f"[[relay.webhooks]]\n{table}\n" for table in tables), "utf-8")
    path.chmod(0o600)


def test_webhooks_are_read_per_merchant_and_their_secrets_count_as_secrets(path: Path) -> None:
    write(
        path,
        f'mch_id = "{MCH_ID}"\nurl = "https://erp.example.com/hooks/pay"\nsecret = "{SECRET}"',
        f'mch_id = "{MCH_ID}"\nurl = "http://10.0.0.7:8080/pos"\nsecret = "{OTHER_SECRET}"',
    )
    settings = load_settings(path, {}, secrets=MemorySecretStore())
    assert settings.relay_webhooks == [
        RelayWebhook(MCH_ID, "https://erp.example.com/hooks/pay", SECRET),
        RelayWebhook(MCH_ID, "http://10.0.0.7:8080/pos", OTHER_SECRET),
    ]
    assert {SECRET, OTHER_SECRET} <= set(settings.secrets())
    assert SECRET not in repr(settings) and SECRET not in repr(settings.relay_webhooks)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://erp.example.com/in", "must be an http:// or https:// URL"),
        ("file:///etc/passwd", "must be an http:// or https:// URL"),
        ("https://", "must be an http:// or https:// URL"),
        ("erp.example.com/hooks", "must be an http:// or https:// URL"),
        ("https://erp.example.com/" + "a" * 2048, "at most 2048 characters"),
    ],
)
def test_only_http_and_https_urls_are_taken(path: Path, url: str, message: str) -> None:
    write(path, f'mch_id = "{MCH_ID}"\nurl = "{url}"\nsecret = "{SECRET}"')
    with pytest.raises(ConfigError, match=message) as raised:
        load_settings(path, {}, secrets=MemorySecretStore())
    assert "relay.webhooks #1" in str(raised.value)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (f'mch_id = "12"\nurl = "https://a.example/h"\nsecret = "{SECRET}"', "mch_id must be"),
        (f'url = "https://a.example/h"\nsecret = "{SECRET}"', "mch_id must be"),
        (
            f'mch_id = "{MCH_ID}"\nurl = "https://a.example/h"\nsecret = "{SECRET}"\nkey = "x"',
            "unknown setting 'key'",
        ),
        (f'mch_id = "{MCH_ID}"\nurl = "https://a.example/h"\nsecret = 12', "secret must be text"),
    ],
)
def test_a_bad_table_is_one_line_naming_it(path: Path, table: str, message: str) -> None:
    write(path, table)
    with pytest.raises(ConfigError, match=message) as raised:
        load_settings(path, {}, secrets=MemorySecretStore())
    assert "relay.webhooks #1" in str(raised.value) and SECRET not in str(raised.value)


def test_the_same_url_twice_for_a_merchant_is_refused(path: Path) -> None:
    table = f'mch_id = "{MCH_ID}"\nurl = "https://a.example/h"\nsecret = "{SECRET}"'
    write(path, table, table)
    with pytest.raises(ConfigError, match=r"#2: merchant 10000100 has this url twice"):
        load_settings(path, {}, secrets=MemorySecretStore())


def test_a_short_secret_is_refused_without_being_repeated(path: Path) -> None:
    write(path, f'mch_id = "{MCH_ID}"\nurl = "https://a.example/h"\nsecret = "tooshort-9876"')
    with pytest.raises(ConfigError, match="at least 16 characters") as raised:
        load_settings(path, {}, secrets=MemorySecretStore())
    assert "tooshort" not in str(raised.value)


def test_the_secret_may_come_from_the_environment_which_wins(path: Path) -> None:
    write(
        path,
        f'mch_id = "{MCH_ID}"\nurl = "https://a.example/h"',
        f'mch_id = "{MCH_ID}"\nurl = "https://b.example/h"\nsecret = "{OTHER_SECRET}"',
    )
    env = {f"POS_RELAY_WEBHOOK_SECRET_{MCH_ID}": SECRET}
    settings = load_settings(path, env, secrets=MemorySecretStore())
    assert [w.secret for w in settings.relay_webhooks] == [SECRET, SECRET]
    assert SECRET in settings.secrets()
    with pytest.raises(ConfigError, match=f"POS_RELAY_WEBHOOK_SECRET_{MCH_ID}: a webhook secret"):
        load_settings(
            path, {f"POS_RELAY_WEBHOOK_SECRET_{MCH_ID}": "short"}, secrets=MemorySecretStore()
        )


def test_the_secret_may_come_from_the_keyring(path: Path) -> None:
    write(path, f'mch_id = "{MCH_ID}"\nurl = "https://a.example/h"')
    store = MemorySecretStore()
    with pytest.raises(ConfigError) as raised:
        load_settings(path, {}, secrets=store)
    message = str(raised.value)
    assert f"POS_RELAY_WEBHOOK_SECRET_{MCH_ID}" in message
    assert f"webhook_secret/{MCH_ID}" in message
    store.set(f"webhook_secret/{MCH_ID}", SECRET)
    assert load_settings(path, {}, secrets=store).relay_webhooks[0].secret == SECRET


def test_saving_writes_a_secret_of_the_file_and_leaves_the_others_where_they_came_from(
    path: Path,
) -> None:
    write(
        path,
        f'mch_id = "{MCH_ID}"\nurl = "https://a.example/h"\nsecret = "{SECRET}"',
        'mch_id = "10000200"\nurl = "https://b.example/h"',
    )
    store = MemorySecretStore()
    env = {"POS_RELAY_WEBHOOK_SECRET_10000200": OTHER_SECRET}
    save_settings(load_settings(path, env, secrets=store), path, secrets=store)
    written = tomllib.loads(path.read_text("utf-8"))["relay"]["webhooks"]
    assert written == [
        {"mch_id": MCH_ID, "url": "https://a.example/h", "secret": SECRET},
        {"mch_id": "10000200", "url": "https://b.example/h"},
    ]
    assert OTHER_SECRET not in path.read_text("utf-8")
    assert load_settings(path, env, secrets=store).relay_webhooks[1].secret == OTHER_SECRET


def test_the_relay_takes_the_webhooks_of_the_settings_and_only_for_its_merchants(
    tmp_path: Path,
) -> None:
    merchant = Merchant(APPID, MCH_ID, KEY)
    hook = RelayWebhook(MCH_ID, "https://a.example/h", SECRET)
    relay = settings_from(Settings(merchant=merchant, relay_webhooks=[hook]), "relay.db")
    assert relay.webhooks == [hook]
    assert SECRET not in repr(relay)
    stray = RelayWebhook("10000200", "https://a.example/h", SECRET)
    unserved = settings_from(Settings(merchant=merchant, relay_webhooks=[stray]), "relay.db")
    with pytest.raises(ConfigError, match="merchant 10000200 is not served by this relay"):
        create_app(unserved)
