"""Fixtures for the relay over real HTTP: backends, signed notifications, relays, followers."""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from helpers.ports import free_port
from helpers.processes import with_file_limit

from pos.asgi_server import BackgroundServer
from pos.relay import EventFollower, RelayEvent, RelaySettings, create_app
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import encrypt_req_info
from pos.wechatpay.signing import make_nonce, make_sign
from pos.wechatpay.types import Merchant, SignType

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
API_KEY = "192006250b4c09247ec02edce69f6a2d"
TOKEN = "till-token-0123456789abcdef"
PG_URL = os.environ.get("POS_TEST_PG_URL", "")

# The two-relays test exists only where a PostgreSQL server is given: not collected otherwise.
collect_ignore = [] if PG_URL else ["test_relay_postgres.py", "test_relay_webhooks_postgres.py"]

BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]

_counter = itertools.count(1)


def payment_fields(**overrides: Any) -> dict[str, Any]:
    """A §3.4-shaped successful payment, unique per call unless told otherwise."""
    n = next(_counter)
    fields: dict[str, Any] = {
        "appid": APPID,
        "attach": "till=01",
        "bank_type": "OTHERS",
        "cash_fee": 2550,
        "device_info": "POS-01",
        "fee_type": "CNY",
        "is_subscribe": "N",
        "mch_id": MCH_ID,
        "nonce_str": make_nonce(16),
        "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
        "out_trade_no": f"POS{uuid.uuid4().hex[:20]}{n}",
        "result_code": "SUCCESS",
        "return_code": "SUCCESS",
        "time_end": "20240601123105",
        "total_fee": 2550,
        "trade_type": "NATIVE",
        "transaction_id": f"42{uuid.uuid4().int % 10**26:026d}",
    }
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def sign_payment(
    fields: dict[str, Any], key: str = API_KEY, sign_type: SignType = SignType.MD5
) -> bytes:
    signed = dict(fields)
    signed["sign"] = make_sign(fields, key, sign_type)
    return xmlcodec.encode(signed)


def make_payment(
    key: str = API_KEY, sign_type: SignType = SignType.MD5, **overrides: Any
) -> tuple[bytes, dict[str, Any]]:
    fields = payment_fields(**overrides)
    return sign_payment(fields, key, sign_type), fields


def make_refund(
    status: str = "SUCCESS", key: str = API_KEY, **overrides: Any
) -> tuple[bytes, dict[str, Any]]:
    """A §3.7 refund notification: the envelope and its encrypted ``req_info``."""
    inner: dict[str, Any] = {
        "out_refund_no": f"RF{uuid.uuid4().hex[:20]}",
        "out_trade_no": f"POS{uuid.uuid4().hex[:20]}",
        "refund_account": "REFUND_SOURCE_UNSETTLED_FUNDS",
        "refund_fee": 550,
        "refund_id": f"503{uuid.uuid4().int % 10**26:026d}",
        "refund_recv_accout": "支付用户零钱",
        "refund_request_source": "API",
        "refund_status": status,
        "settlement_refund_fee": 550,
        "settlement_total_fee": 2550,
        "success_time": "2024-06-01 13:00:12",
        "total_fee": 2550,
        "transaction_id": f"42{uuid.uuid4().int % 10**26:026d}",
    }
    inner.update(overrides)
    plaintext = xmlcodec.encode(inner, root="root")
    envelope = {
        "return_code": "SUCCESS",
        "appid": APPID,
        "mch_id": MCH_ID,
        "nonce_str": make_nonce(16),
        "req_info": encrypt_req_info(plaintext, key),
    }
    return xmlcodec.encode(envelope), inner


@pytest.fixture
def merchant() -> Merchant:
    return Merchant(APPID, MCH_ID, API_KEY)


@contextlib.contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    """A fresh, empty relay database: a SQLite file, or a new PostgreSQL database."""
    if backend == "sqlite":
        yield str(folder / f"relay-{secrets.token_hex(4)}.db")
        return
    name = f"relay_test_{secrets.token_hex(6)}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def shared_relay(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningRelay]:
    """One relay for a module's many refusal cases (they must leave its table unchanged)."""
    merchant = Merchant(APPID, MCH_ID, API_KEY)
    with fresh_database(request.param, tmp_path_factory.mktemp("shared")) as url:
        relay = RunningRelay(
            RelaySettings(
                database_url=url, merchants={MCH_ID: merchant}, till_tokens={"till-01": TOKEN}
            )
        ).start()
        yield relay
        relay.stop()


@pytest.fixture
def make_settings(database_url: str, merchant: Merchant) -> Callable[..., RelaySettings]:
    def make(**overrides: Any) -> RelaySettings:
        values: dict[str, Any] = {
            "database_url": database_url,
            "merchants": {merchant.mch_id: merchant},
            "till_tokens": {"till-01": TOKEN},
        }
        values.update(overrides)
        return RelaySettings(**values)

    return make


class RunningRelay:
    """A relay served by BackgroundServer on 127.0.0.1."""

    def __init__(self, settings: RelaySettings, port: int = 0) -> None:
        self.settings = settings
        self.app = create_app(settings)
        self.server = BackgroundServer(self.app, port=port)
        self.is_running = False

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> RunningRelay:
        self.server.start()
        self.is_running = True
        return self

    def stop(self) -> None:
        if self.is_running:
            self.app.state.close_streams()
            self.server.stop()
            self.is_running = False

    def post(self, body: bytes, path: str = "/wechatpay/notify") -> httpx.Response:
        return httpx.post(self.url + path, content=body, timeout=10)


@pytest.fixture
def start_relay(
    make_settings: Callable[..., RelaySettings],
) -> Iterator[Callable[..., RunningRelay]]:
    relays: list[RunningRelay] = []

    def start(port: int = 0, **overrides: Any) -> RunningRelay:
        relay = RunningRelay(make_settings(**overrides), port).start()
        relays.append(relay)
        return relay

    yield start
    for relay in relays:
        relay.stop()


@pytest.fixture
def relay(start_relay: Callable[..., RunningRelay]) -> RunningRelay:
    return start_relay()


@dataclass
class Collector:
    """A till: an EventFollower on a thread, collecting what it is handed."""

    follower: EventFollower
    thread: threading.Thread
    events: list[RelayEvent] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    condition: threading.Condition = field(default_factory=threading.Condition)

    def on_event(self, event: RelayEvent) -> None:
        with self.condition:
            self.events.append(event)
            self.condition.notify_all()

    def on_state(self, state: str) -> None:
        with self.condition:
            self.states.append(state)
            self.condition.notify_all()

    def wait_for(self, predicate: Callable[[Collector], bool], timeout: float = 10.0) -> None:
        with self.condition:
            assert self.condition.wait_for(lambda: predicate(self), timeout), (
                f"timed out; events={[e.out_trade_no for e in self.events]} states={self.states}"
            )

    def has(self, out_trade_no: str) -> bool:
        return any(e.out_trade_no == out_trade_no for e in self.events)

    def stop(self) -> None:
        self.follower.stop_event.set()
        self.thread.join(10)
        assert not self.thread.is_alive()


@pytest.fixture
def follow() -> Iterator[Callable[..., Collector]]:
    collectors: list[Collector] = []

    def start(base_url: str, token: str = TOKEN, last_event_id: int | None = None) -> Collector:
        holder: dict[str, Collector] = {}
        follower = EventFollower(
            base_url,
            token,
            lambda e: holder["c"].on_event(e),
            last_event_id=last_event_id,
            stop=threading.Event(),
            on_state=lambda s: holder["c"].on_state(s),
            read_timeout=10,
        )
        thread = threading.Thread(target=follower.run, daemon=True)
        collector = Collector(follower, thread)
        holder["c"] = collector
        thread.start()
        collector.wait_for(lambda c: "connected" in c.states)
        collectors.append(collector)
        return collector

    yield start
    for collector in collectors:
        collector.stop()


class RelayProcess:
    """``python -m pos.relay`` in a subprocess (SIGKILL and multi-process tests)."""

    def __init__(self, database_url: str, log_path: Path) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = log_path.open("ab")
        env = {
            **os.environ,
            "WECHATPAY_APPID": APPID,
            "WECHATPAY_MCH_ID": MCH_ID,
            "WECHATPAY_API_KEY": API_KEY,
            "POS_RELAY_TILL_TOKENS": f"till-01={TOKEN}",
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pos.relay",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--database",
                database_url,
                "--heartbeat",
                "1",
            ],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while True:
            assert self.process.poll() is None, log_path.read_text()
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "relay process did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        self._log.close()


@pytest.fixture
def relay_process(tmp_path: Path) -> Iterator[Callable[[str], RelayProcess]]:
    processes: list[RelayProcess] = []

    def start(database_url: str) -> RelayProcess:
        process = RelayProcess(database_url, tmp_path / f"relay-{len(processes)}.log")
        processes.append(process)
        return process

    yield start
    for process in processes:
        process.stop()


class Notifications:
    """Builders of signed test notifications, handed to tests as a fixture."""

    make_payment = staticmethod(make_payment)
    make_refund = staticmethod(make_refund)
    payment_fields = staticmethod(payment_fields)
    sign_payment = staticmethod(sign_payment)
    token = TOKEN
    api_key = API_KEY


@pytest.fixture
def notes() -> type[Notifications]:
    return Notifications


class PosRelay:
    """``pos relay`` in a subprocess with its own config, data and log folders.

    ``env`` is added to a clean merchant-less environment; ``file_limit`` starts it with that
    RLIMIT_NOFILE (soft and hard), so a test can exhaust it with a few hundred sockets;
    ``prefix`` runs it through another command (setpriv).
    """

    def __init__(
        self,
        folder: Path,
        env: dict[str, str],
        *,
        database_url: str | None = None,
        settings_toml: str = "",
        file_limit: int | None = None,
        wait: bool = True,
        port: int | None = None,
        prefix: tuple[str, ...] = (),
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = folder / "settings.toml"
        if settings_toml:
            config.write_text(settings_toml, encoding="utf-8")
            config.chmod(0o600)
        self.log_dir = folder / "state" / "wechatpay-pos" / "log"
        base = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("WECHATPAY_", "POS_"))
        }
        full_env = {
            **base,
            "POS_CONFIG": str(config),
            "XDG_STATE_HOME": str(folder / "state"),
            "XDG_DATA_HOME": str(folder / "data"),
            "XDG_CONFIG_HOME": str(folder / "config"),
            **env,
        }
        command = [
            *prefix,
            sys.executable,
            "-m",
            "pos",
            "relay",
            "--port",
            str(self.port),
            "--database",
            database_url or str(folder / "relay.sqlite3"),
        ]
        if file_limit is not None:
            command = with_file_limit(file_limit, command)
        self.output = folder / "output.txt"
        self._output = self.output.open("ab")
        self.process = subprocess.Popen(
            command, env=full_env, stdout=self._output, stderr=subprocess.STDOUT
        )
        if wait:
            self.wait_healthy()

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            assert self.process.poll() is None, self.output.read_text()
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "pos relay did not start"
            time.sleep(0.05)

    def logs(self) -> str:
        """Everything it wrote: its output and its log files."""
        texts = [self.output.read_text(encoding="utf-8", errors="replace")]
        if self.log_dir.exists():
            texts += [
                path.read_text(encoding="utf-8", errors="replace")
                for path in sorted(self.log_dir.iterdir())
            ]
        return "\n".join(texts)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        status = self.process.wait(10)
        self._output.close()
        return status


@pytest.fixture
def pos_relay(tmp_path: Path) -> Iterator[Callable[..., PosRelay]]:
    started: list[PosRelay] = []

    def start(env: dict[str, str], **options: Any) -> PosRelay:
        relay = PosRelay(tmp_path / f"pos-relay-{len(started)}", env, **options)
        started.append(relay)
        return relay

    yield start
    for relay in started:
        relay.stop()
