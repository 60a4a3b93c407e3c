"""The docs' example webhook receiver, served on loopback behind a switch that can break it."""

from __future__ import annotations

import collections
import importlib.util
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from pos.asgi_server import BackgroundServer
from pos.relay.outbox import TABLE
from pos.relay.storage import NotificationStore

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "webhook_receiver.py"

Scope = dict[str, Any]


def load_example() -> ModuleType:
    """``docs/examples/webhook_receiver.py``, imported as the shop's engineer would run it."""
    spec = importlib.util.spec_from_file_location("webhook_receiver", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Receiver:
    """The example receiver on 127.0.0.1 with a switch in front of it (``mode``):

    - ``"ok"``: the example answers;
    - ``"5xx"``: every request gets 503 and never reaches the example;
    - ``"lose"``: the example handles each delivery, but its first answer to it is replaced by
      a 500, as if lost on the way: the relay must send it again and the example dedupe it.

    Until :meth:`start` nothing listens on its port: connections are refused.
    """

    def __init__(self, secret: str, folder: Path, *, mode: str = "ok") -> None:
        self.example = load_example()
        self.deliveries = self.example.Deliveries(str(folder / f"seen-{time.monotonic_ns()}.db"))
        self.app = self.example.create_app(secret, self.deliveries, self._handle)
        self.mode = mode
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}{self.example.PATH}"
        self.lock = threading.Lock()
        self.handled: list[dict[str, Any]] = []  # what the example's handler ran for
        self.hits: collections.Counter[str] = collections.Counter()  # delivery id -> requests
        self.statuses: list[int] = []  # every answer, as sent
        self._lost: set[str] = set()
        self._server: BackgroundServer | None = None

    def _handle(self, connection: sqlite3.Connection, event: dict[str, Any]) -> None:
        with self.lock:
            self.handled.append(event)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        delivery = dict(scope["headers"]).get(b"x-pos-delivery", b"").decode()
        with self.lock:
            self.hits[delivery] += 1
            mode = self.mode
            lose = mode == "lose" and delivery not in self._lost
            if lose:
                self._lost.add(delivery)
        if mode == "5xx":
            await self._answer(send, 503)
            return

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                if lose:
                    message = {**message, "status": 500}
                with self.lock:
                    self.statuses.append(message["status"])
            await send(message)

        await self.app(scope, receive, sending)

    async def _answer(self, send: Any, status: int) -> None:
        with self.lock:
            self.statuses.append(status)
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    def start(self) -> Receiver:
        self._server = BackgroundServer(self, port=self.port).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
        self.deliveries.close()

    def handled_keys(self) -> list[tuple[str, str]]:
        with self.lock:
            return [(event["kind"], event["out_trade_no"]) for event in self.handled]


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll ``predicate`` until it holds; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def delivery_rows(database_url: str) -> list[dict[str, Any]]:
    """The outbox's rows of a relay's database (SQLite or PostgreSQL), in id order."""
    store = NotificationStore(database_url)
    try:
        cursor = store.db.execute_sql(
            "SELECT uid, notification_id, state, attempts, last_error, claim "
            f"FROM {TABLE} ORDER BY id"
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        store.close()
