"""Benchmark: a till's backlog synced to the shop server, and the server's intake against a
bare ASGI app, in one run, over loopback.

1. Backlog: a till's store with N deals (10,000 by default: a day offline), each created,
   ordered and paid (three history rows), is emptied by ``Syncer.push_all`` into a shop
   server run exactly as ``pos relay`` runs (``pos.relay.server.serve``, in a process of its
   own). Goal: under 30 s. Printed: seconds, deals/s, batches.
2. Intake: the same batch bodies (500 deals and their 1,500 history rows each, new deals
   every time) posted one after another by one till, and by four tills at once, to the shop
   server and to a bare ASGI app (uvicorn) that reads the body and answers a fixed
   acknowledgement. Printed: deals/s of each, and the ratio server/bare.

3. Latency: a deal paid on one till, visible in the shop's day as another till reads it.
   The till's syncer waits as the window's does (pos.ui.shop_sync: poked when a deal is
   paid, else every IDLE_DELAY); the other till asks the server's day every 5 ms until the
   deal is there, PAID. Goal: median under 1 s. Printed: median and 95th percentile.

SQLite always; PostgreSQL too with --pg URL or POS_TEST_PG_URL (a scratch database is made).

    python bench/sync.py [--deals 10000] [--intake-batches 12] [--latency-deals 40] [--pg URL]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from pos.clock import BEIJING_DAY
from pos.relay import RelaySettings
from pos.relay.server import serve as serve_relay
from pos.store import DealState, Store
from pos.sync import Outbox, ShopServerClient, Syncer
from pos.sync.wire import Ack, Batch, DealSnapshot, HistoryRow
from pos.wechatpay.types import Merchant

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
API_KEY = "192006250b4c09247ec02edce69f6a2d"
TILLS = {f"POS-{n:02d}": f"bench-till-secret-{n:02d}-0123456789" for n in range(1, 6)}
NOON = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)
ACK = Ack(history_seq=1).to_json()


async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Reads the body and answers a fixed acknowledgement: what any intake must at least do."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(ACK))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": ACK})


def serve(kind: str, port: int, database_url: str) -> None:
    """The server side (in a child process)."""
    if kind == "bare":
        config = uvicorn.Config(
            bare_app, host="127.0.0.1", port=port, log_level="warning", access_log=False
        )
        uvicorn.Server(config).run()
        return
    settings = RelaySettings(
        database_url=database_url,
        merchants={MCH_ID: Merchant(APPID, MCH_ID, API_KEY)},
        till_tokens=dict(TILLS),
    )
    serve_relay("127.0.0.1", port, settings)  # exactly as `pos relay` serves it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Child:
    """A server in a process of its own, stopped with SIGTERM as `pos relay` is."""

    def __init__(self, kind: str, database_url: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, __file__, "--serve", kind, "--port", str(self.port)]
        self.process = subprocess.Popen([*command, "--database", database_url])
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"{kind} server exited with {self.process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"{kind} server did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextlib.contextmanager
def fresh_database(pg_url: str, folder: Path, label: str) -> Iterator[str]:
    if not pg_url:
        yield str(folder / f"shop-{label}.sqlite3")
        return
    import psycopg

    name = f"bench_sync_{secrets.token_hex(4)}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{pg_url.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(store: Store, count: int) -> None:
    """``count`` paid deals, as a till that was offline a whole day made them."""
    # Only the set-up, in one transaction: a disk flush per deal would take minutes.
    with store._db.atomic():
        _fill(store, count)


def _fill(store: Store, count: int) -> None:
    for n in range(count):
        at = NOON + timedelta(seconds=n)
        number = store.new_out_trade_no("POS-01", at)
        store.create_deal(
            out_trade_no=number,
            amount_fen=100 + n % 5000,
            product="咖啡",
            till_id="POS-01",
            time_start=at,
            time_expire=at + timedelta(minutes=2),
            sign_type="MD5",
            now=at,
        )
        store.transition(number, DealState.ORDERED, reason="ordered", now=at)
        store.transition(
            number,
            DealState.PAID,
            reason="paid",
            now=at,
            transaction_id=f"42{n:026d}",
            paid_at=at,
        )


def backlog(database_url: str, folder: Path, deals: int) -> None:
    store = Store.open(folder / f"till-{secrets.token_hex(3)}.sqlite3")
    started = time.perf_counter()
    fill(store, deals)
    print(f"  set-up: {deals} deals in the till's store in {time.perf_counter() - started:.1f} s")
    server = Child("relay", database_url)
    client = ShopServerClient(server.url, TILLS["POS-01"])
    try:
        syncer = Syncer(Outbox(store, till="POS-01", mch_id=MCH_ID), client)
        started = time.perf_counter()
        batches = 0
        while True:
            result = syncer.push_once()
            batches += 1
            if not result.has_more:
                break
        seconds = time.perf_counter() - started
        day = client.day(NOON.date())
    finally:
        client.close()
        server.stop()
        store.close()
    met = "met" if seconds < 30 and len(day) == deals else "NOT met"
    print(
        f"  backlog: {deals} deals ({3 * deals} history rows) synced in {seconds:.2f} s "
        f"({deals / seconds:,.0f} deals/s, {batches} batches); the server's day has "
        f"{len(day)} deals (goal < 30 s, all there: {met})"
    )


def latency(database_url: str, folder: Path, deals: int) -> None:
    """Seconds from a deal's payment written at one till to the shop's day showing it."""
    from pos.sync.syncer import IDLE_DELAY

    store = Store.open(folder / f"till-{secrets.token_hex(3)}.sqlite3")
    server = Child("relay", database_url)
    till = ShopServerClient(server.url, TILLS["POS-01"])
    other = ShopServerClient(server.url, TILLS["POS-02"])
    syncer = Syncer(Outbox(store, till="POS-01", mch_id=MCH_ID), till)
    poked, done = threading.Event(), threading.Event()

    def sync_loop() -> None:  # the window's ShopSync, without Qt
        while not done.is_set():
            poked.wait(IDLE_DELAY)
            poked.clear()
            syncer.push_all()

    loop = threading.Thread(target=sync_loop, daemon=True)
    loop.start()
    seen: list[float] = []
    try:
        for _ in range(deals):
            now = datetime.now(UTC)
            number = store.new_out_trade_no("POS-01", now)
            store.create_deal(
                out_trade_no=number, amount_fen=2550, product="咖啡", till_id="POS-01",
                time_start=now, time_expire=now + timedelta(minutes=2), sign_type="MD5", now=now,
            )  # fmt: skip
            store.transition(number, DealState.ORDERED, reason="ordered", now=now)
            poked.set()  # the QR is shown; the customer takes a moment to pay
            time.sleep(0.2)
            started = time.perf_counter()
            paid_at = datetime.now(UTC)
            store.transition(
                number, DealState.PAID, reason="paid", now=paid_at,
                transaction_id=f"42{secrets.randbelow(10**20):026d}", paid_at=paid_at,
            )  # fmt: skip
            poked.set()  # what payment_succeeded does in the window
            day = BEIJING_DAY.of(paid_at)
            while not any(
                d.out_trade_no == number and d.state is DealState.PAID for d in other.day(day)
            ):
                time.sleep(0.005)
            seen.append(time.perf_counter() - started)
    finally:
        done.set()
        poked.set()
        loop.join(10)
        till.close()
        other.close()
        server.stop()
        store.close()
    median = statistics.median(seen)
    p95 = sorted(seen)[int(0.95 * (len(seen) - 1))]
    print(
        f"  latency: a deal paid on one till seen in the shop's day by another: median "
        f"{1000 * median:.0f} ms, 95th percentile {1000 * p95:.0f} ms over {len(seen)} deals "
        f"(goal: median < 1 s: {'met' if median < 1 else 'NOT met'})"
    )


def batch_bodies(till: str, batches: int, size: int = 500) -> list[bytes]:
    """Batches of ``size`` new deals each, with their three history rows."""
    bodies = []
    seq = 0
    for b in range(batches):
        deals, history = [], []
        for n in range(size):
            number = f"{till.replace('-', '')}{b:04d}{n:05d}"
            deals.append(
                DealSnapshot(
                    number, MCH_ID, 2550, "咖啡", DealState.PAID, NOON, seq + 3,
                    paid_at=NOON, transaction_id=f"42{till[-2:]}{b:06d}{n:06d}",
                )
            )  # fmt: skip
            for before, after in (
                (None, DealState.CREATED),
                (DealState.CREATED, DealState.ORDERED),
                (DealState.ORDERED, DealState.PAID),
            ):
                seq += 1
                history.append(HistoryRow(seq, number, NOON, before, after, "bench"))
        batch = Batch(till, MCH_ID, "be" * 16, deals=tuple(deals), history=tuple(history))
        bodies.append(batch.to_json())
    return bodies


def post_all(url: str, till: str, bodies: list[bytes]) -> None:
    headers = {"Authorization": f"Bearer {TILLS[till]}", "Content-Type": "application/json"}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
        for body in bodies:
            response = client.post("/till/v1/sync", content=body)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}: {response.text[:200]}")


def intake_rate(kind: str, database_url: str, per_till: dict[str, list[bytes]]) -> float:
    """Deals per second the server took, its tills posting at once."""
    server = Child(kind, database_url)
    try:
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(len(per_till)) as pool:
            futures = [pool.submit(post_all, server.url, t, b) for t, b in per_till.items()]
            for future in futures:
                future.result()
        seconds = time.perf_counter() - started
    finally:
        server.stop()
    return sum(len(b) for b in per_till.values()) * 500 / seconds


def intake(database_url_of: Any, batches: int) -> None:
    for tills in (1, 4):
        names = list(TILLS)[1 : 1 + tills]
        per_till = {name: batch_bodies(name, max(1, batches // tills)) for name in names}
        with database_url_of(f"intake-{tills}") as url:
            server = intake_rate("relay", url, per_till)
        bare = intake_rate("bare", "", per_till)
        print(
            f"  intake, {tills} till(s) posting batches of 500 deals: shop server "
            f"{server:,.0f} deals/s, bare ASGI app {bare:,.0f} deals/s, "
            f"ratio server/bare {server / bare:.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deals", type=int, default=10_000)
    parser.add_argument("--intake-batches", type=int, default=12)
    parser.add_argument("--latency-deals", type=int, default=40)
    parser.add_argument("--pg", default=os.environ.get("POS_TEST_PG_URL", ""))
    parser.add_argument("--serve", choices=["bare", "relay"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.database)
        return 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for label, pg_url in (("SQLite", ""), *((("PostgreSQL", args.pg),) if args.pg else ())):
            print(f"shop server on {label}:")

            def database_url_of(tag: str, pg_url: str = pg_url) -> Any:
                return fresh_database(pg_url, folder, tag)

            with database_url_of("latency") as url:
                latency(url, folder, args.latency_deals)
            with database_url_of("backlog") as url:
                backlog(url, folder, args.deals)
            intake(database_url_of, args.intake_batches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
