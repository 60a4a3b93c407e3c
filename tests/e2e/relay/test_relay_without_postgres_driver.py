"""A till installs no PostgreSQL driver: its embedded relay (SQLite) works without one, and a
PostgreSQL URL then says what to install."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pos.errors import ConfigError
from pos.relay import database

# In a fresh interpreter where `import psycopg` fails, as on a till installed without the
# [postgres] extra: the relay starts on SQLite and commits a signed notification.
WITHOUT_DRIVER = """
import sys
sys.modules["psycopg"] = None
sys.modules["psycopg2"] = None
import httpx
from pos.asgi_server import BackgroundServer
from pos.relay import RelaySettings, create_app
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import SUCCESS_REPLY
from pos.wechatpay.signing import make_sign
from pos.wechatpay.types import Merchant

merchant = Merchant("wxd930ea5d5a258f4f", "10000100", "192006250b4c09247ec02edce69f6a2d")
fields = {
    "appid": merchant.appid, "mch_id": merchant.mch_id, "nonce_str": "n1",
    "out_trade_no": "POS1", "result_code": "SUCCESS", "return_code": "SUCCESS",
    "time_end": "20240601123105", "total_fee": 2550, "cash_fee": 2550,
    "trade_type": "NATIVE", "openid": "o1", "bank_type": "OTHERS",
    "transaction_id": "4200001234202406011234567890",
}
fields["sign"] = make_sign(fields, merchant.api_key)
app = create_app(RelaySettings(sys.argv[1], {merchant.mch_id: merchant}, {}))
server = BackgroundServer(app)
server.start()
try:
    answer = httpx.post(server.url + "/wechatpay/notify", content=xmlcodec.encode(fields))
finally:
    server.stop()
assert answer.content == SUCCESS_REPLY, answer.content
assert "psycopg" not in {name for name, module in sys.modules.items() if module is not None}
print("committed without psycopg")
"""


def test_the_embedded_relay_needs_no_postgres_driver(tmp_path: object) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_DRIVER, f"{tmp_path}/relay.db"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "committed without psycopg" in result.stdout


def test_a_postgres_url_without_the_driver_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "psycopg", None)
    with pytest.raises(ConfigError, match=r"pip install 'wechatpay-pos\[postgres\]'"):
        database.open_database("postgresql://pos@127.0.0.1/pos")
    database.require_driver("/var/lib/pos/relay.db")  # SQLite: nothing needed
