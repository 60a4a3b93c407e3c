"""Benchmark: the relay's notify intake with webhooks configured against without, in one run.

Each server runs in its own process, the relay exactly as `pos relay` does (its worker in a
process of its own), and a receiver (uvicorn, an ASGI app that counts distinct
``X-POS-Delivery`` ids and answers 204) stands for the shop's system. Per round, on a fresh
database each time: the relay without webhooks, then the relay with one webhook to the
receiver, loaded with the same distinct signed §3.4 notifications (bench/relay.py's client,
and wrk where it is installed). It prints the intake (req/s, p99, the relay's CPU per
request, its worker and the dispatcher included), the ratio with/without, and for the run
with webhooks how many were delivered by the end of the load and how long the rest took.
Goal: deliveries never slow the notify answer, so the ratio stays near 1.

    python bench/webhooks.py [--requests 3000] [--concurrency 64] [--rounds 2]
                             [--wrk-seconds 5] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/relay.py's helpers
import relay as relay_bench

from pos.config.settings import RelayWebhook
from pos.logs import setup_logging
from pos.relay import RelaySettings
from pos.relay.server import serve as serve_relay
from pos.wechatpay.types import Merchant

SECRET = "bench-webhook-secret-0123456789abcdef"
Result = relay_bench.Result


class Counter:
    """The receiver: counts requests and distinct deliveries; GET answers the counts."""

    def __init__(self) -> None:
        self.requests = 0
        self.seen: set[bytes] = set()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                kind = message["type"].rsplit(".", 1)[1]
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        if scope["method"] == "GET":
            body = json.dumps({"requests": self.requests, "distinct": len(self.seen)}).encode()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": body})
            return
        self.requests += 1
        self.seen.add(dict(scope["headers"]).get(b"x-pos-delivery", b""))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def serve(kind: str, port: int, database_url: str, log_path: str, receiver: str) -> None:
    """The server side (run in a child process)."""
    if kind == "receiver":
        config = uvicorn.Config(
            Counter(), host="127.0.0.1", port=port, log_level="warning", access_log=False
        )
        uvicorn.Server(config).run()
        return
    setup_logging(Path(log_path), level="INFO", secrets=[relay_bench.API_KEY, SECRET])
    merchant = Merchant(relay_bench.APPID, relay_bench.MCH_ID, relay_bench.API_KEY)
    webhooks = [RelayWebhook(relay_bench.MCH_ID, receiver, SECRET)] if kind == "hooked" else []
    settings = RelaySettings(
        database_url=database_url, merchants={merchant.mch_id: merchant}, webhooks=webhooks
    )
    serve_relay("127.0.0.1", port, settings)  # exactly as `pos relay` serves it


class Child(relay_bench.Child):
    """One server in a process of its own (this file's --serve)."""

    def __init__(self, kind: str, database_url: str, log_path: str, receiver: str = "") -> None:
        self.port = relay_bench.free_port()
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
                "--receiver",
                receiver,
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

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def delivered(receiver: Child) -> int:
    return int(httpx.get(receiver.url, timeout=10).json()["distinct"])


def measure(
    kind: str,
    pg_url: str,
    workdir: Path,
    receiver: Child,
    run: Callable[[str], Result],
) -> tuple[Result, int, str]:
    """One relay of ``kind`` on a fresh database under ``run``; its result, the rows stored,
    and (with webhooks) what the receiver had at the end of the load and how long the rest
    took."""
    label = f"{kind}-{time.monotonic_ns()}"
    with relay_bench.fresh_database(pg_url, workdir, label) as database_url:
        before = delivered(receiver)
        relay = Child(kind, database_url, str(workdir / f"log-{label}"), receiver.url + "/hook")
        try:
            cpu_before = relay.cpu_seconds()
            result = run(relay.url)
            result.cpu_seconds = relay.cpu_seconds() - cpu_before
            stored = relay_bench.count_stored(database_url)
            note = ""
            if kind == "hooked":
                at_end = delivered(receiver) - before
                drained = time.perf_counter()
                while delivered(receiver) - before < stored:
                    if time.perf_counter() - drained > 300:
                        break
                    time.sleep(0.05)
                rest = time.perf_counter() - drained
                total = delivered(receiver) - before
                note = (
                    f"delivered {at_end} of {stored} by the end of the load, "
                    f"the other {total - at_end} in {rest:.1f} s "
                    f"({(total - at_end) / rest if rest else 0:.0f}/s)"
                    if total >= stored
                    else f"ONLY {total} of {stored} delivered after {rest:.0f} s"
                )
        finally:
            relay.stop()
    return result, stored, note


def report(label: str, bare: Result, hooked: Result, notes: list[str]) -> float:
    ratio = hooked.rate / bare.rate if bare.rate else 0.0
    print(f"[{label}]")
    for name, result in (("without webhooks", bare), ("with a webhook", hooked)):
        print(
            f"  {name:17} SUCCESS {result.ok:6}  {result.rate:7.0f} req/s  "
            f"p99 {result.p99_ms:7.1f} ms  CPU {result.cpu_us:5.0f} µs/request"
        )
    print(f"  intake ratio with/without {ratio:.2f}; {'; '.join(notes)}")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per load")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--wrk-seconds", type=float, default=5.0, help="0: no wrk")
    parser.add_argument("--wrk-bodies", type=int, default=40000)
    parser.add_argument("--pg", default=os.environ.get("POS_TEST_PG_URL", ""))
    parser.add_argument("--serve", choices=["receiver", "plain", "hooked"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--log", help=argparse.SUPPRESS)
    parser.add_argument("--receiver", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.database, args.log, args.receiver)
        return 0
    bodies = [relay_bench.notification(n) for n in range(args.requests)]
    ratios: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        receiver = Child("receiver", "unused", str(workdir / "log-receiver"))
        wrk = args.wrk_seconds > 0 and shutil.which("wrk") is not None
        if wrk:
            wrk_bodies = workdir / "bodies.txt"
            wrk_bodies.write_bytes(
                b"\n".join(relay_bench.notification(n) for n in range(args.wrk_bodies))
            )
            script = workdir / "bench.lua"
            script.write_text(relay_bench._WRK_SCRIPT)
        loads: list[tuple[str, Callable[[str], Result]]] = [
            (
                f"httpx client, {len(bodies)} notifications, concurrency {args.concurrency}",
                lambda url: asyncio.run(
                    relay_bench.load("relay", url, bodies, args.concurrency, args.seconds)
                ),
            )
        ]
        if wrk:
            loads.append(
                (
                    f"wrk, {args.wrk_seconds:.0f} s, concurrency {args.concurrency}",
                    lambda url: relay_bench.wrk_load(
                        "relay", url, wrk_bodies, script, args.concurrency, args.wrk_seconds
                    ),
                )
            )
        try:
            backends = [("sqlite", ""), *([("postgresql", args.pg)] if args.pg else [])]
            for backend, pg_url in backends:
                for name, run in loads:
                    for round_number in range(1, args.rounds + 1):
                        # Without, then with, back to back: the machine's load drifts.
                        bare, _, _ = measure("plain", pg_url, workdir, receiver, run)
                        hooked, _, note = measure("hooked", pg_url, workdir, receiver, run)
                        label = f"{backend}, {name}, round {round_number}/{args.rounds}"
                        ratios.append((label, report(label, bare, hooked, [note])))
        finally:
            receiver.stop()
    print("intake ratios with/without webhooks:")
    for label, ratio in ratios:
        print(f"  {ratio:.2f}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
