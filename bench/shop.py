"""Benchmark of the shop's core: a cash sale, a login, a handover and the day's close.

On a till's SQLite file (WAL, synchronous=FULL: every sale is on disk when it returns):

* a cash sale stored (``sell_for_cash``): median and 95th percentile of N sales;
* a login (one scrypt PIN check, ~50 ms by design: guessing a stolen hash stays slow);
* the handover of one shift of S deals (half cash, half QR, 1 in 10 refunded);
* the day's close over T tills' shifts (this till's from the store, the others' as payloads).

Run: ``.venv/bin/python bench/shop.py [--sales 300] [--shift 5000] [--tills 3]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pos.checkout import refund_cash, sell_for_cash
from pos.shop import Accounts, Desk, ShiftSummary
from pos.store import DealState, Store

DAY = date(2026, 11, 24)
START = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00 in Beijing


class Clock:
    """Moves one second a call: every deal has its own time."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _fill_shift(store: Store, desk: Desk, clock: Clock, count: int) -> None:
    """``count`` deals in the open shift: cash and QR in turn, 1 in 10 refunded."""
    stamp = desk.stamp()
    for n in range(count):
        amount = 100 + (n * 37) % 5000
        if n % 2:
            deal = sell_for_cash(
                store,
                amount_fen=amount,
                received_fen=amount,
                till_id=desk.till_id,
                clock=clock,
                stamp=stamp,
            ).deal
            if n % 10 == 1:
                refund_cash(store, deal.out_trade_no, amount // 2, "", clock=clock, stamp=stamp)
            continue
        now = clock()
        number = store.new_out_trade_no(desk.till_id, now)
        store.create_deal(
            out_trade_no=number,
            amount_fen=amount,
            product="咖啡",
            till_id=desk.till_id,
            time_start=now,
            time_expire=now + timedelta(minutes=6),
            sign_type="MD5",
            now=now,
            stamp=stamp,
        )
        store.transition(
            number,
            DealState.PAID,
            reason="paid",
            now=now,
            transaction_id=f"42{n:026d}",
            paid_at=now,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sales", type=int, default=300)
    parser.add_argument("--shift", type=int, default=5000)
    parser.add_argument("--tills", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; load average {load:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "till.sqlite3")
        clock = Clock()
        accounts = Accounts(store, clock=clock)
        accounts.add("店长", "9135")
        accounts.add("小李", "2468")
        desk = Desk(store, till_id="T1", clock=clock, accounts=accounts)

        logins = []
        for _ in range(5):
            started = time.perf_counter()
            desk.login(2, "2468")
            logins.append(time.perf_counter() - started)
        print(f"login (scrypt)          median {_ms(statistics.median(logins))}")
        desk.open_shift(20_000)

        sales = []
        stamp = desk.stamp()
        for n in range(args.sales):
            started = time.perf_counter()
            sell_for_cash(
                store,
                amount_fen=100 + n,
                received_fen=10_000,
                till_id="T1",
                clock=clock,
                stamp=stamp,
            )
            sales.append(time.perf_counter() - started)
        sales.sort()
        print(
            f"cash sale stored        median {_ms(statistics.median(sales))}"
            f"   p95 {_ms(sales[int(len(sales) * 0.95)])}   ({args.sales} sales)"
        )

        _fill_shift(store, desk, clock, args.shift)
        started = time.perf_counter()
        summary = desk.handover(20_000)
        took = time.perf_counter() - started
        deals = args.sales + args.shift
        print(f"handover of {deals:,} deals {_ms(took)}   net {summary.net_fen / 100:,.2f}")

        others = [
            ShiftSummary.from_payload(
                {**summary.to_payload(), "shift_no": f"S{t}-{s}", "till_id": f"T{t}"}
            )
            for t in range(2, args.tills + 1)
            for s in range(3)
        ]
        desk.login(1, "9135")
        started = time.perf_counter()
        closed = desk.close_day(DAY, others)
        took = time.perf_counter() - started
        print(
            f"day close, {len(closed.shifts)} shifts of {len(closed.tills)} tills {_ms(took)}"
            f"   net {closed.net_fen / 100:,.2f}"
        )
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
