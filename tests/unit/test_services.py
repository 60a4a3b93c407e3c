"""The one composition root: what a till is built from, without Qt (pos.services)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pos.config import Settings
from pos.errors import ConfigError
from pos.relay.paths import PAYMENT_NOTIFY, REFUND_NOTIFY
from pos.sandbox import DEFAULT_MERCHANT
from pos.services import (
    SANDBOX_STATE_FILE,
    STARTER_PRODUCTS,
    merchant_client,
    open_existing_store,
    open_services,
)
from pos.wechatpay.types import BEIJING, ClientCertificate, TradeState


def test_a_sandbox_till_has_one_client_its_servers_and_starter_products(tmp_path: Path) -> None:
    services = open_services(Settings(data_dir=tmp_path, till_id="T1"), client_timeout=2.0)
    try:
        sandbox_server, relay_server = services.servers
        backend = services.backend
        # One WeChatPayClient: the checkout's, the background checkout's and the refunds'.
        assert backend.refunds is services.wechat
        assert services.wechat.base_url == sandbox_server.url
        assert services.relay_url == relay_server.url and services.till_token
        assert backend.refund_notify_url == relay_server.url + REFUND_NOTIFY
        assert backend.till_id == "T1" and backend.merchant == DEFAULT_MERCHANT
        assert [p.name for p in backend.store.products()] == list(STARTER_PRODUCTS)
        assert services.sandbox is not None
    finally:
        services.stop()
    assert services.servers == []


def test_a_merchant_till_starts_no_server_and_needs_a_notify_url(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, merchant=DEFAULT_MERCHANT, api_base_url="http://x.test")
    with pytest.raises(ConfigError, match="notify_url"):
        open_services(settings)
    relayed = replace(settings, relay_url="https://relay.example.com")
    services = open_services(relayed)
    try:
        assert services.servers == [] and services.sandbox is None
        assert services.wechat.base_url == "http://x.test"
        assert services.backend.refund_notify_url == "https://relay.example.com" + REFUND_NOTIFY
        # The products are the till's own: a second start keeps what the shop made of them.
        services.backend.store.replace_products(["Tea"])
    finally:
        services.stop()
    again = open_services(relayed)
    try:
        assert [p.name for p in again.backend.store.products()] == ["Tea"]
    finally:
        again.stop()
    assert PAYMENT_NOTIFY == "/wechatpay/notify"  # what the relay URL is completed with


def test_the_embedded_sandbox_remembers_a_payment_across_restarts(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, till_id="T1")
    services = open_services(settings)
    try:
        now = datetime.now(BEIJING)
        prepay = services.wechat.unified_order(
            out_trade_no="POS-RESTART-01",
            total_fee=990,
            body="咖啡",
            notify_url="http://127.0.0.1:9/notify",
            spbill_create_ip="127.0.0.1",
            time_start=now,
            time_expire=now + timedelta(minutes=10),
        )
        assert services.sandbox is not None and prepay.code_url
        assert services.sandbox.customer_scan(prepay.code_url, "pay")["result"] == "paid"
    finally:
        services.stop()
    assert (tmp_path / SANDBOX_STATE_FILE).exists()

    services = open_services(settings)
    try:
        status = services.wechat.order_query(out_trade_no="POS-RESTART-01")
        assert status.trade_state is TradeState.SUCCESS
        # In sandbox mode today's bill is served up to now (a real one comes tomorrow).
        bill = services.wechat.download_bill(datetime.now(BEIJING).date())
        assert [row.out_trade_no for row in bill.rows] == ["POS-RESTART-01"]
    finally:
        services.stop()


def test_a_command_opens_only_a_database_that_exists(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    with pytest.raises(ConfigError, match="nothing to export"):
        open_existing_store(settings, purpose="export")
    assert not settings.database_path.exists()  # not made on the way


def test_the_merchant_client_comes_from_the_settings_with_its_certificate(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no merchant"):
        merchant_client(Settings(data_dir=tmp_path))
    certificate = ClientCertificate(p12_path=str(tmp_path / "apiclient_cert.p12"), password="pw")
    merchant = replace(DEFAULT_MERCHANT, certificate=certificate)
    settings = Settings(data_dir=tmp_path, merchant=merchant, api_base_url="https://example.test")
    client = merchant_client(settings)
    try:
        assert client.merchant.certificate == certificate  # secapi/pay/refund presents it
        assert client.base_url == "https://example.test"
        assert "pw" not in repr(client) and DEFAULT_MERCHANT.api_key not in repr(client)
    finally:
        client.close()
