"""Idle and slow clients against the relay: deadlines, the connection cap, the file limit."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pos.asgi_server import BackgroundServer
from pos.relay import RelaySettings, create_app
from pos.relay.connections import ConnectionLimits
from pos.wechatpay.notify import SUCCESS_REPLY

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
API_KEY = "192006250b4c09247ec02edce69f6a2d"
MERCHANT_ENV = {"WECHATPAY_APPID": APPID, "WECHATPAY_MCH_ID": MCH_ID, "WECHATPAY_API_KEY": API_KEY}
FILE_LIMIT = 256


def open_idle(port: int, count: int) -> list[socket.socket]:
    """``count`` connections that send nothing, as a port scanner or a slowloris leaves them."""
    sockets = []
    for _ in range(count):
        sockets.append(socket.create_connection(("127.0.0.1", port), timeout=30))
    return sockets


def test_a_notification_is_answered_while_more_idle_connections_are_held_than_its_file_limit(
    pos_relay: Callable[..., Any], notes: Any
) -> None:
    relay = pos_relay(MERCHANT_ENV, file_limit=FILE_LIMIT)
    idle = open_idle(relay.port, FILE_LIMIT + 150)
    try:
        body, _ = notes.make_payment()
        # WeChat Pay waits 5 s (§3.4); the relay must not make it wait behind idle clients.
        answer = httpx.post(relay.url + "/wechatpay/notify", content=body, timeout=1.0)
        assert answer.content == SUCCESS_REPLY
        health = httpx.get(relay.url + "/health", timeout=1.0)
        assert health.json()["status"] == "ok"
    finally:
        for sock in idle:
            sock.close()
    assert relay.stop() == 0
    logs = relay.logs()
    assert f"relay connections file_limit={FILE_LIMIT}" in logs
    assert "Too many open files" not in logs
    assert "cannot accept" not in logs


@pytest.fixture
def strict_relay(tmp_path: Path, notes: Any) -> Iterator[BackgroundServer]:
    """A relay whose header and body deadlines are short enough to watch them."""
    from pos.wechatpay.types import Merchant

    app = create_app(
        RelaySettings(
            database_url=str(tmp_path / "relay.db"),
            merchants={MCH_ID: Merchant(APPID, MCH_ID, API_KEY)},
            till_tokens={"till-01": notes.token},
        )
    )
    limits = ConnectionLimits(max_connections=64, backlog=16, header_seconds=0.3, body_seconds=0.3)
    server = BackgroundServer(app, **limits.uvicorn_options()).start()
    yield server
    app.state.close_streams()
    server.stop()


def closed_by_server(sock: socket.socket) -> bool:
    """True once the relay closes the connection (recv returns EOF); the timeout is a guard."""
    sock.settimeout(10)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


def test_a_header_sent_a_byte_at_a_time_is_cut_off(strict_relay: BackgroundServer) -> None:
    with socket.create_connection(("127.0.0.1", strict_relay.port), timeout=10) as sock:
        sock.sendall(b"POST /wechatpay/notify HTTP/1.1\r\nHost: relay\r\n")
        assert closed_by_server(sock)
    with socket.create_connection(("127.0.0.1", strict_relay.port), timeout=10) as sock:
        assert closed_by_server(sock)  # nothing at all: the same deadline


def test_a_body_that_never_ends_is_cut_off(strict_relay: BackgroundServer) -> None:
    with socket.create_connection(("127.0.0.1", strict_relay.port), timeout=10) as sock:
        sock.sendall(
            b"POST /wechatpay/notify HTTP/1.1\r\nHost: relay\r\nContent-Length: 500\r\n\r\n<xml>"
        )
        assert closed_by_server(sock)


def test_an_event_stream_is_not_cut_off_by_the_deadlines(
    strict_relay: BackgroundServer, notes: Any
) -> None:
    headers = {"Authorization": f"Bearer {notes.token}"}
    with httpx.stream("GET", strict_relay.url + "/events", headers=headers, timeout=10) as stream:
        lines = stream.iter_lines()
        assert next(lines) == ": connected"
        # Longer than both deadlines, then a notification: the till still gets it.
        body, fields = notes.make_payment()
        with socket.create_connection(("127.0.0.1", strict_relay.port), timeout=10) as idle:
            assert closed_by_server(idle)
        assert httpx.post(strict_relay.url + "/wechatpay/notify", content=body).content == (
            SUCCESS_REPLY
        )
        for line in lines:
            if line.startswith("data: "):
                assert fields["out_trade_no"] in line
                break
