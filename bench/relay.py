"""Benchmark: the notify relay against a bare ASGI app on uvicorn, over loopback.

Each server runs in its own process (uvicorn, one worker). The relay runs exactly as `pos relay`
does (``pos.relay.server.serve``): its verify-and-commit worker in a process of its own, and its
connection limits (header/body deadlines, the connection cap, the accept backlog); the bare app
runs on uvicorn's defaults, so the ratio includes what those limits cost. This process
sends distinct signed §3.4 notifications at bounded concurrency, a bounded count and a time
limit, then prints requests/s, p99 latency, the ratio relay/bare, and how many notifications
the relay stored against how many it answered SUCCESS. Goal: ratio >= 0.6 with nothing lost.
SQLite always; PostgreSQL with --pg URL or POS_TEST_PG_URL.

    python bench/relay.py [--requests 3000] [--concurrency 16,64] [--seconds 60] [--pg URL]
                          [--wrk-seconds 5] [--rounds 1] [--httpx 0|1]

Concurrency: the relay answers only after a durable commit, so each connection waits a
commit's latency per notification and, by Little's law, few connections cap the rate below
what the CPU could do; WeChat Pay's notifications come from many servers at once. By default
one run measures 16 and then 64 connections (a comma-separated list).

Per server it prints req/s, p99, and the CPU per request of the server's processes (user+system
from /proc, all threads, the relay's worker process included): on a shared machine the CPU per
request is the steadier figure. The relay logs through pos.logs, set up as `pos relay` does.

The Python client tops out near 1000 requests/s on a small machine, so where ``wrk`` is
installed the same servers are also loaded with it (distinct notifications from a Lua list):
that is the servers' capacity rather than the client's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
import uvicorn

from pos.logs import setup_logging
from pos.relay import RelaySettings
from pos.relay.paths import PAYMENT_NOTIFY, relay_url
from pos.relay.server import serve as serve_relay
from pos.relay.storage import NotificationStore
from pos.wechatpay import xmlcodec
from pos.wechatpay.notify import SUCCESS_REPLY
from pos.wechatpay.signing import make_nonce, make_sign
from pos.wechatpay.types import Merchant

APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"
API_KEY = "192006250b4c09247ec02edce69f6a2d"


def uvicorn_config(app: Any, port: int) -> uvicorn.Config:
    # The bare app's config: uvicorn's defaults, as `pos relay` had before its limits.
    return uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        lifespan="on",
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=10,
    )


async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Reads the body and answers the SUCCESS reply: what any notify endpoint must at least do."""
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
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"text/xml"),
                (b"content-length", str(len(SUCCESS_REPLY)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": SUCCESS_REPLY})


def serve(kind: str, port: int, database_url: str, log_path: str) -> None:
    """The server side (run in a child process)."""
    if kind == "bare":
        uvicorn.Server(uvicorn_config(bare_app, port)).run()
        return
    # The relay logs what it commits (a line per batch) through pos.logs (rotating file, stderr
    # for warnings, the API key redacted), exactly as `pos relay` sets it up.
    setup_logging(Path(log_path), level="INFO", secrets=[API_KEY])
    settings = RelaySettings(
        database_url=database_url, merchants={MCH_ID: Merchant(APPID, MCH_ID, API_KEY)}
    )
    serve_relay("127.0.0.1", port, settings)  # exactly as `pos relay` serves it


def notification(n: int) -> bytes:
    fields: dict[str, Any] = {
        "appid": APPID,
        "bank_type": "OTHERS",
        "cash_fee": 2550,
        "fee_type": "CNY",
        "is_subscribe": "N",
        "mch_id": MCH_ID,
        "nonce_str": make_nonce(16),
        "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
        "out_trade_no": f"BENCH{uuid.uuid4().hex[:16]}{n}",
        "result_code": "SUCCESS",
        "return_code": "SUCCESS",
        "time_end": "20240601123105",
        "total_fee": 2550,
        "trade_type": "NATIVE",
        "transaction_id": f"42{uuid.uuid4().int % 10**26:026d}",
    }
    fields["sign"] = make_sign(fields, API_KEY)
    return xmlcodec.encode(fields)


@dataclass
class Result:
    name: str
    sent: int
    ok: int
    seconds: float
    latencies: list[float]
    cpu_seconds: float = 0.0  # the server process's user+system CPU during the load

    @property
    def cpu_us(self) -> float:
        """Server CPU per answered request, in µs: steadier than req/s on a busy machine."""
        return self.cpu_seconds / self.ok * 1e6 if self.ok else float("nan")

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    @property
    def p99_ms(self) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stat_fields(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def _cpu_of(pid: int) -> float:
    fields = _stat_fields(pid)
    if not fields:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    return [
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and (_stat_fields(int(entry.name)) or ["", ""])[1] == str(pid)
    ]


class Child:
    def __init__(self, kind: str, database_url: str, log_path: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--serve",
                kind,
                "--port",
                str(self.port),
                "--database",
                database_url,
                "--log",
                log_path,
            ]
        )
        deadline = time.monotonic() + 20
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

    def cpu_seconds(self) -> float:
        """User+system CPU the server and its child processes (the relay's worker) have used
        so far (Linux /proc)."""
        return sum(_cpu_of(pid) for pid in [self.process.pid, *_children(self.process.pid)])

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


async def load(
    name: str, url: str, bodies: list[bytes], concurrency: int, seconds: float
) -> Result:
    latencies: list[float] = []
    ok = 0
    sent = 0
    deadline = time.monotonic() + seconds
    pending = iter(bodies)

    # One AsyncClient (one connection) per worker: a single shared pool makes httpx itself the
    # bottleneck as concurrency grows.
    async def worker() -> None:
        nonlocal ok, sent
        async with httpx.AsyncClient(timeout=30) as client:
            for body in pending:
                if time.monotonic() > deadline:
                    return
                sent += 1
                started = time.perf_counter()
                try:
                    response = await client.post(
                        relay_url(url, PAYMENT_NOTIFY),
                        content=body,
                        headers={"content-type": "text/xml"},
                    )
                except httpx.HTTPError:
                    continue
                latencies.append(time.perf_counter() - started)
                if response.content == SUCCESS_REPLY:
                    ok += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Result(name, sent, ok, time.perf_counter() - started, latencies)


_WRK_SCRIPT = """
local bodies = {}
for line in io.lines(os.getenv("RELAY_BENCH_BODIES")) do bodies[#bodies + 1] = line end
local i = 0
request = function()
  i = i + 1
  if i > #bodies then i = 1 end
  return wrk.format("POST", "NOTIFY_PATH", {["Content-Type"] = "text/xml"}, bodies[i])
end
""".replace("NOTIFY_PATH", PAYMENT_NOTIFY)


def wrk_load(
    name: str, url: str, bodies_path: Path, script: Path, concurrency: int, seconds: float
) -> Result:
    """The same traffic from wrk (C, one thread): the servers' capacity, not the client's."""
    output = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{max(1, int(seconds))}s",
            "--latency",
            "-s",
            str(script),
            relay_url(url, PAYMENT_NOTIFY),
        ],
        env={**os.environ, "RELAY_BENCH_BODIES": str(bodies_path)},
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    requests = int(output.split(" requests in ")[0].split()[-1])
    elapsed = float(output.split(" requests in ")[1].split("s,")[0])
    bad = 0
    if "Non-2xx" in output:
        bad = int(output.split("Non-2xx or 3xx responses:")[1].split()[0])
    p99_text = output.split("\n     99%")[1].split()[0] if "\n     99%" in output else ""
    if not p99_text:
        raise SystemExit(f"unexpected wrk output:\n{output}")
    scale = {"us": 1e-6, "ms": 1e-3, "s": 1.0}
    unit = "".join(ch for ch in p99_text if ch.isalpha())
    p99 = float(p99_text[: -len(unit)]) * scale[unit]
    return Result(name, requests, requests - bad, elapsed, [p99])


@contextlib.contextmanager
def fresh_database(pg_url: str, workdir: Path, label: str) -> Iterator[str]:
    """An empty relay database: a new SQLite file, or a scratch PostgreSQL database."""
    if not pg_url:
        yield str(workdir / f"relay-{label}-{secrets.token_hex(4)}.db")
        return
    name = f"relay_bench_{secrets.token_hex(4)}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{pg_url.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def count_stored(database_url: str) -> int:
    store = NotificationStore(database_url)
    try:
        return store.count()
    finally:
        store.close()


def measured(child: Child, run: Callable[[Child], Result]) -> Result:
    """``run(child)``'s result with the server's CPU time over it."""
    before = child.cpu_seconds()
    result = run(child)
    result.cpu_seconds = child.cpu_seconds() - before
    return result


#: (label, ratio) of every comparison, printed together at the end.
SUMMARY: list[tuple[str, float]] = []


def report(label: str, bare: Result, relay: Result, stored: int, distinct: int) -> None:
    ratio = relay.rate / bare.rate if bare.rate else 0.0
    SUMMARY.append((label, ratio))
    print(f"[{label}]")
    for result in (bare, relay):
        print(
            f"  {result.name:5}  sent {result.sent:6}  SUCCESS {result.ok:6}  "
            f"{result.rate:8.0f} req/s  p99 {result.p99_ms:7.1f} ms  "
            f"CPU {result.cpu_us:5.0f} µs/request"
        )
    # Answered SUCCESS for distinct notifications must all be stored (extra rows are requests
    # cut off by the time limit after the commit, before the client read the answer).
    answered = min(relay.ok, distinct)
    lost = max(0, answered - stored)
    verdict = "nothing lost" if lost == 0 else f"LOST {lost}"
    met = "met" if ratio >= 0.6 and lost == 0 else "NOT met"
    print(
        f"  ratio relay/bare {ratio:.2f} (goal >= 0.60: {met}); stored {stored} for {answered} "
        f"distinct answered SUCCESS; {verdict}"
    )
    if bare.cpu_seconds and relay.cpu_seconds:
        print(f"  CPU per request bare/relay {bare.cpu_us / relay.cpu_us:.2f}")


def run_backend(
    label: str, pg_url: str, bodies: list[bytes], args: argparse.Namespace, workdir: Path
) -> None:
    if args.httpx:
        with fresh_database(pg_url, workdir, label) as database_url:
            bare = Child("bare", database_url, str(workdir / "logs-bare"))
            try:
                bare_result = measured(
                    bare,
                    lambda server: asyncio.run(
                        load("bare", server.url, bodies, args.concurrency, args.seconds)
                    ),
                )
            finally:
                bare.stop()
            relay = Child("relay", database_url, str(workdir / f"logs-relay-{label}"))
            try:
                relay_result = measured(
                    relay,
                    lambda server: asyncio.run(
                        load("relay", server.url, bodies, args.concurrency, args.seconds)
                    ),
                )
            finally:
                relay.stop()
            report(
                f"{label}, httpx client, {len(bodies)} notifications, "
                f"concurrency {args.concurrency}",
                bare_result,
                relay_result,
                count_stored(database_url),
                len(bodies),
            )
    if not args.wrk_seconds or shutil.which("wrk") is None:
        return
    wrk_bodies = workdir / "bodies.txt"
    script = workdir / "bench.lua"
    if not wrk_bodies.exists():
        wrk_bodies.write_bytes(b"\n".join(notification(n) for n in range(args.wrk_bodies)))
        script.write_text(_WRK_SCRIPT)
    for round_number in range(1, args.rounds + 1):
        # Bare and relay back to back, a fresh database each round: on a shared machine the
        # load of others drifts, so several short rounds say more than one long one.
        with fresh_database(pg_url, workdir, f"{label}-wrk{round_number}") as database_url:
            bare = Child("bare", database_url, str(workdir / "logs-bare"))
            try:
                bare_result = measured(
                    bare,
                    lambda server: wrk_load(
                        "bare", server.url, wrk_bodies, script, args.concurrency, args.wrk_seconds
                    ),
                )
            finally:
                bare.stop()
            relay = Child("relay", database_url, str(workdir / f"logs-relay-{label}-wrk"))
            try:
                relay_result = measured(
                    relay,
                    lambda server: wrk_load(
                        "relay", server.url, wrk_bodies, script, args.concurrency, args.wrk_seconds
                    ),
                )
            finally:
                relay.stop()
            report(
                f"{label}, wrk, {args.wrk_seconds:.0f} s, concurrency {args.concurrency}, "
                f"round {round_number}/{args.rounds}",
                bare_result,
                relay_result,
                count_stored(database_url),
                args.wrk_bodies,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument(
        "--concurrency",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[16, 64],
        help="connections, or a comma-separated list measured one after the other",
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per server")
    parser.add_argument(
        "--wrk-seconds",
        type=float,
        default=5.0,
        help="also load with wrk for this long, when wrk is installed (0: no)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="wrk rounds (bare then relay) per database"
    )
    parser.add_argument(
        "--httpx",
        type=int,
        default=1,
        help="also load with the Python client first (1, default) or not (0)",
    )
    parser.add_argument(
        "--wrk-bodies", type=int, default=80000, help="distinct notifications prepared for wrk"
    )
    parser.add_argument(
        "--pg",
        default=os.environ.get("POS_TEST_PG_URL", ""),
        help="a PostgreSQL URL to bench on too (a scratch database is made)",
    )
    parser.add_argument("--serve", choices=["bare", "relay"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--log", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.database, args.log)
        return 0
    bodies = [notification(n) for n in range(args.requests)]
    concurrencies: list[int] = args.concurrency
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        for concurrency in concurrencies:
            args.concurrency = concurrency
            run_backend("sqlite", "", bodies, args, workdir)
            if args.pg:
                run_backend("postgresql", args.pg, bodies, args, workdir)
    print("ratios relay/bare:")
    for label, ratio in SUMMARY:
        print(f"  {ratio:.2f}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
