"""The secrets test: run every feature with a distinctive key and password, then grep everything.

One run of the whole cashier against the sandbox and the relay over loopback, as a configured
merchant: settings saved through the dialog (with a test connection), a paid charge (the relay
notification), a cancelled charge, a refund with the merchant certificate, CSV and XLSX
exports, a reconciliation, and the command line, in process and as real processes (export,
reconcile, and `pos sandbox` + `pos relay` serving a payment and its notification), including
its error paths. Afterwards no log file, export, database, settings file or captured output
may contain the API key, the certificate password, the till token, or the key's MD5 (the
refund notification's AES key, §3.7), in any letter case (§5.3).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers.certificates import write_p12
from helpers.keyrings import MemoryKeyring, keyring_in_use
from helpers.ports import free_port
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos import cli, config, logs
from pos.asgi_server import BackgroundServer
from pos.config import Settings, load_settings, save_settings
from pos.config.validation import Verdict
from pos.refunds import Refunder
from pos.relay import RelaySettings, create_app
from pos.sandbox import Sandbox, SandboxOptions
from pos.services import merchant_client
from pos.store import DealState, RefundState, Store
from pos.ui.app import CashierApp
from pos.ui.settings import SettingsDialog, SettingsServices
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import BEIJING, Merchant

WAIT_MS = 15_000
API_KEY = "Qz7SECRETkeyXw4Lm9Pt2Rv6Bn8Ck3Hd"
CERT_PASSWORD = "Cert-Passw0rd-Zebra-8812"
TILL_TOKEN = "tilltoken-Wolverine-55AA77"
SHOP = Merchant(appid="wx2421b1c4370ec43b", mch_id="1900000109", api_key=API_KEY)
SECRETS = (API_KEY, CERT_PASSWORD, TILL_TOKEN)


def forbidden() -> list[str]:
    """Every form of every secret that must appear nowhere."""
    md5_of_key = hashlib.md5(API_KEY.encode()).hexdigest()  # §3.7: the refund AES key
    found: list[str] = []
    for secret in (*SECRETS, md5_of_key):
        found.extend({secret, secret.lower(), secret.upper()})
    return found


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


def make_p12(path: Path) -> Path:
    return write_p12(path, CERT_PASSWORD.encode(), SHOP.mch_id)


def readable(path: Path) -> str:
    """A file's text as a grep would see it; an XLSX is a zip of XML parts."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            data = b"".join(archive.read(name) for name in archive.namelist())
    return data.decode("utf-8", "replace")


def run_pos(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pos", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def wait_healthy(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{url}: the server exited"
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")


def servers_round_trip(tmp_path: Path, env: dict[str, str]) -> list[str]:
    """Run `pos relay` and `pos sandbox` as processes; pay one order; their outputs."""
    relay_port, sandbox_port = free_port(), free_port()
    relay_url, sandbox_url = f"http://127.0.0.1:{relay_port}", f"http://127.0.0.1:{sandbox_port}"
    relay_env = {**env, "POS_RELAY_TILL_TOKENS": f"T9={TILL_TOKEN}"}
    sandbox_env = {**env, "POS_SANDBOX_KEY": API_KEY}
    relay_args = [
        "relay",
        "--port",
        str(relay_port),
        "--database",
        f"sqlite:///{tmp_path / 'relay-cli.sqlite3'}",
    ]
    sandbox_args = [
        "sandbox",
        "--port",
        str(sandbox_port),
        "--appid",
        SHOP.appid,
        "--mch-id",
        SHOP.mch_id,
    ]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "pos", *args],
            env=penv,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for args, penv in ((relay_args, relay_env), (sandbox_args, sandbox_env))
    ]
    try:
        wait_healthy(f"{relay_url}/health", processes[0])
        wait_healthy(f"{sandbox_url}/sandbox/health", processes[1])
        with WeChatPayClient(SHOP, base_url=sandbox_url, timeout=5) as client:
            now = dt.datetime.now(BEIJING)
            order = client.unified_order(
                out_trade_no="CLI" + now.strftime("%Y%m%d%H%M%S"),
                total_fee=199,
                body="cli",
                notify_url=f"{relay_url}/wechatpay/notify",
                spbill_create_ip="127.0.0.1",
                time_start=now,
                time_expire=now + dt.timedelta(minutes=10),
            )
            scan = httpx.post(
                f"{sandbox_url}/sandbox/scan", data={"code_url": order.code_url}, timeout=5
            )
            assert scan.json()["result"] == "paid"
            assert client.order_query(out_trade_no=order.out_trade_no).trade_state == "SUCCESS"
        # The relay passes the verified notification on to a till that shows its token.
        headers = {"Authorization": f"Bearer {TILL_TOKEN}"}
        deadline = time.monotonic() + 15
        seen = ""
        with httpx.stream(
            "GET", f"{relay_url}/events?last_event_id=0", headers=headers, timeout=15
        ) as stream:
            for line in stream.iter_lines():
                seen += line
                if order.out_trade_no in line or time.monotonic() > deadline:
                    break
        assert order.out_trade_no in seen
    finally:
        for process in processes:
            process.terminate()
    texts: list[str] = []
    for process in processes:
        out, err = process.communicate(timeout=15)
        texts += [out, err]
    return texts


def test_no_secret_anywhere_after_a_full_run(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    ring: MemoryKeyring,
) -> None:
    assert len(API_KEY) == 32
    settings_file = tmp_path / "config" / "settings.toml"
    data = tmp_path / "data"
    monkeypatch.setenv("POS_CONFIG", str(settings_file))
    p12 = make_p12(tmp_path / "apiclient_cert.p12")
    outputs: list[str] = []

    # Today's bill is served (WeChat makes it the next day, §3.8), so today can be reconciled.
    sandbox = Sandbox([SHOP], options=SandboxOptions(bill_allow_today=True))
    sandbox_server = sandbox.serve()
    relay_server = BackgroundServer(
        create_app(
            RelaySettings(
                database_url=f"sqlite:///{tmp_path / 'relay.sqlite3'}",
                merchants={SHOP.mch_id: SHOP},
                till_tokens={"T1": TILL_TOKEN},
            )
        )
    ).start()
    # Everything logs at DEBUG, and the logging is told no secret: whatever stays out of the
    # files below stays out because no one wrote it, not because a filter caught it.
    logs.setup_logging(config.log_dir(), level="DEBUG", secrets=())
    try:
        # 1. The shop owner configures the merchant in the dialog, tests it, saves it.
        save_settings(
            Settings(
                api_base_url=sandbox_server.url,
                data_dir=data,
                till_id="T1",
                poll_interval_seconds=0.3,
                checkout_timeout_seconds=60,
            ),
            settings_file,
        )
        dialog = SettingsDialog(
            load_settings(),
            SettingsServices(confirm=lambda *_: True, connection_timeout=5.0),
        )
        qtbot.addWidget(dialog)
        dialog.merchant_radio.click()
        dialog.appid_edit.setText(SHOP.appid)
        dialog.mch_id_edit.setText(SHOP.mch_id)
        dialog.api_key_edit.setText(API_KEY)
        dialog.cert_kind_combo.setCurrentIndex(dialog.cert_kind_combo.findData("p12"))
        dialog.p12_edit.setText(str(p12))
        dialog.cert_password_edit.setText(CERT_PASSWORD)
        dialog.relay_url_edit.setText(relay_server.url)
        dialog.till_token_edit.setText(TILL_TOKEN)
        with qtbot.waitSignal(dialog.connection_tested, timeout=WAIT_MS) as tested:
            assert dialog.test_connection()
        assert tested.args[0].verdict is Verdict.OK
        assert dialog.save(), dialog.save_error.text()
        settings = dialog.saved_settings
        assert settings is not None and settings.merchant is not None
        assert settings.merchant.api_key == API_KEY and settings.till_token == TILL_TOKEN
        assert {API_KEY, CERT_PASSWORD, TILL_TOKEN} <= set(ring.values.values())

        # 2. The till: one charge paid (the notification comes through the relay), one
        # cancelled by the clerk.
        app = CashierApp(settings, with_sound=False, client_timeout=5.0)
        app.start()
        try:
            qtbot.waitUntil(lambda: app.session.is_ready, timeout=WAIT_MS)
            assert not app.window.sandbox_banner.isVisibleTo(app.window)
            screen = app.window.customer_screen

            qtbot.keyClicks(app.window, "25.5")
            qtbot.keyClick(app.window, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: screen.page == "qr" and screen.isVisible(), timeout=WAIT_MS)
            paid_deal = app.session.current_deal
            assert paid_deal is not None and paid_deal.code_url
            assert sandbox.customer_scan(paid_deal.code_url, "pay")["result"] == "paid"
            assert app.services is not None
            store = app.services.backend.store
            qtbot.waitUntil(
                lambda: store.get_deal(paid_deal.out_trade_no).state == DealState.PAID,  # type: ignore[union-attr]
                timeout=WAIT_MS,
            )
            qtbot.waitUntil(
                lambda: any(
                    a.kind == "payment" and a.succeeded and a.url.startswith(relay_server.url)
                    for a in sandbox.deliveries
                ),
                timeout=WAIT_MS,
            )
            qtbot.keyClick(app.window, Qt.Key.Key_Return)

            qtbot.waitUntil(lambda: not screen.isVisible(), timeout=WAIT_MS)
            qtbot.keyClicks(app.window, "3")
            qtbot.keyClick(app.window, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: screen.page == "qr" and screen.isVisible(), timeout=WAIT_MS)
            cancelled_deal = app.session.current_deal
            assert cancelled_deal is not None and cancelled_deal.code_url
            assert sandbox.customer_scan(cancelled_deal.code_url, "cancel")["result"] == "cancelled"
            qtbot.keyClick(app.window, Qt.Key.Key_Escape)
            qtbot.waitUntil(
                lambda: (
                    store.get_deal(cancelled_deal.out_trade_no).state  # type: ignore[union-attr]
                    == DealState.CLOSED
                ),
                timeout=WAIT_MS,
            )
        finally:
            app.shutdown()

        # 3. A refund, over secapi with the merchant certificate (§3.5), followed to the end.
        store = Store.open(settings.database_path)
        client = merchant_client(settings, timeout=5.0)
        try:
            refunder = Refunder(
                store, client, notify_url=f"{relay_server.url}/wechatpay/refund-notify"
            )
            progress = refunder.refund(paid_deal.out_trade_no, 550, "damaged")
            progress = refunder.follow(progress.refund.out_refund_no, timeout=10, interval=0.2)
            assert progress.refund.state is RefundState.SUCCESS
        finally:
            client.close()
            store.close()

        # 4. The command line, in this process: export, reconcile, help, version, bad input.
        today = dt.datetime.now(BEIJING).date().isoformat()
        csv_file, xlsx_file = tmp_path / "day.csv", tmp_path / "day.xlsx"
        report_file = tmp_path / "reconcile.csv"
        assert cli.main(["export", "--date", today, "--output", str(csv_file)]) == 0
        assert cli.main(["export", "--date", today, "--output", str(xlsx_file)]) == 0
        assert "25.50" in readable(csv_file)
        # The refund's notification went to the relay, not to this store: a clean day either
        # way, or differences (3) if the sandbox settled something the store did not see.
        assert cli.main(["reconcile", "--date", today, "--output", str(report_file)]) in (0, 3)
        assert cli.main(["reconcile", "--date", today]) in (0, 3)
        for args in (["--version"], ["--help"], ["sandbox", "--help"], ["relay", "--help"]):
            with pytest.raises(SystemExit) as exited:
                cli.main(args)
            assert exited.value.code == 0
        assert cli.main(["export", "--date", "2024-13-01", "--output", str(csv_file)]) == 2
        assert cli.main(["sandbox", "--appid", "wx1", "--mch-id", "1", "--key", API_KEY]) == 2
        captured = capfd.readouterr()
        outputs += [captured.out, captured.err]

        # 5. The command line as real processes, secrets from the environment as a relay
        # host would give them, including a key that is wrong (one character short).
        env = {
            **os.environ,
            "POS_CONFIG": str(tmp_path / "env-settings.toml"),
            "WECHATPAY_APPID": SHOP.appid,
            "WECHATPAY_MCH_ID": SHOP.mch_id,
            "WECHATPAY_API_KEY": API_KEY,
            "WECHATPAY_CERT_P12": str(p12),
            "WECHATPAY_CERT_PASSWORD": CERT_PASSWORD,
            "WECHATPAY_API_BASE_URL": sandbox_server.url,
            "POS_TILL_TOKEN": TILL_TOKEN,
            "POS_DATABASE": str(settings.database_path),
            "POS_LOG_LEVEL": "DEBUG",
        }
        runs = [
            run_pos(["reconcile", "--date", today], env),
            run_pos(["export", "--date", today, "--output", str(tmp_path / "env.csv")], env),
            run_pos(["relay", "--port", "0"], env),  # bad input: one line, exit 2
            run_pos(["export", "--date", today], {**env, "WECHATPAY_API_KEY": API_KEY[:-1]}),
            run_pos(["reconcile", "--date", today], {**env, "WECHATPAY_API_KEY": API_KEY[:-1]}),
        ]
        assert [r.returncode for r in runs] == [0, 0, 2, 2, 2], [r.stderr for r in runs]
        for result in runs:
            outputs += [result.stdout, result.stderr]

        # 6. `pos sandbox` and `pos relay` as real servers, keys from the environment: an order,
        # a payment, its notification through the relay to a till's event stream.
        outputs += servers_round_trip(tmp_path, env)
    finally:
        logs.shutdown_logging()
        relay_server.stop()
        sandbox_server.stop()

    # Everything the run left behind, and everything it printed.
    captured = capfd.readouterr()
    outputs += [captured.out, captured.err]
    log_files = sorted(config.log_dir().glob("pos.log*"))
    assert log_files and "wechatpay pay/orderquery" in readable(log_files[0])
    files = [
        *log_files,
        settings_file,
        csv_file,
        xlsx_file,
        report_file,
        tmp_path / "env.csv",
        *sorted(data.glob("*.sqlite3*")),
        *sorted(tmp_path.glob("relay*.sqlite3*")),
    ]
    leaks = [
        f"{path.name} holds {secret[:4]}…"
        for path in files
        for secret in forbidden()
        if secret in readable(path)
    ]
    leaks += [
        f"output {number} holds {secret[:4]}…"
        for number, text in enumerate(outputs)
        for secret in forbidden()
        if secret in text
    ]
    assert leaks == []
    # The keyring is in use, so the settings file names the merchant but holds no secret.
    assert SHOP.mch_id in settings_file.read_text(encoding="utf-8")
