"""Benchmark of ``pos export``: 10,000 and 100,000 deals of one day to CSV and to XLSX.

Each measurement runs in a fresh interpreter (a subprocess), twice: once timed, once under
tracemalloc for the peak of Python's own allocations. The RSS figure is the growth of the
process's resident memory during the export (VmHWM after it, reset to the RSS just before it
with /proc/self/clear_refs). Flat memory means both stay about the same when the number of
deals grows tenfold.

Also measured: reading the rows from the store without writing anything ("read"), to show
where the time goes.

Run: ``/work/venv/bin/python bench/export.py [--sizes 10000,100000]``.
Goals: CSV < 1 s and XLSX < 10 s for 100,000 deals.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos.reports.day import DealRow

DAY = date(2026, 11, 24)
#: 00:00 Beijing of DAY, in UTC.
DAY_START_UTC = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
_TIME = "%Y-%m-%dT%H:%M:%S.%fZ"
PRODUCTS = ("拿铁咖啡", "美式咖啡", "芝士蛋糕", "三明治", "抹茶拿铁", "可颂")
GOALS = {"csv": 1.0, "xlsx": 10.0}


def build(path: Path, count: int) -> None:
    """A store with ``count`` paid deals spread over the day; 1 in 20 partly refunded.

    Rows go in with one executemany (the store's own API writes one transaction per deal,
    which would make building 100,000 deals the slowest part of the benchmark).
    """
    from pos.store import Store

    Store.open(path).close()  # the real schema, created by the store
    rng = random.Random(count)
    deals = []
    refunds = []
    for n in range(count):
        moment = DAY_START_UTC + timedelta(seconds=86_399 * n / count)
        text = moment.strftime(_TIME)
        amount = rng.randint(100, 50_000)
        refunded = n % 20 == 7
        state = "PARTIALLY_REFUNDED" if refunded else "PAID"
        deals.append(
            (
                n + 1,
                f"POS01{n:020d}",
                amount,
                rng.choice(PRODUCTS),
                state,
                "POS-01",
                "MD5",
                text,
                text,
                text,
                text,
                f"42000{n:023d}",
                text,
                0,
                "native",
            )
        )
        if refunded:
            refunds.append(
                (n + 1, f"POS01{n:020d}R01", amount // 2, "部分退货", "SUCCESS", text, text, text)
            )
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO deal (id, out_trade_no, amount_fen, product, state, till_id, "
            "sign_type, created_at, updated_at, time_start, time_expire, transaction_id, "
            "paid_at, is_late, method) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            deals,
        )
        db.executemany(
            "INSERT INTO refund (deal_id, out_refund_no, refund_fee, reason, state, "
            "created_at, updated_at, success_time) VALUES (?,?,?,?,?,?,?,?)",
            refunds,
        )
    with sqlite3.connect(path) as db:
        # Fold the write-ahead log into the file, as a till's database is after a quiet night.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _status_mib(field: str) -> float:
    """VmRSS / VmHWM of this process in MiB, from /proc (Linux).

    Not ``ru_maxrss``: Linux carries it over from the parent across fork and exec, so a
    child would report the benchmark runner's own peak.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    # Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0).
    Path("/proc/self/clear_refs").write_text("5")


def raw_rows(database: Path) -> Iterator[DealRow]:
    """EXPERIMENT, not product code: the day's rows read with plain sqlite3 tuples and
    ``datetime.fromisoformat``, bypassing the store; used only by the ``*-rawread`` modes.

    The yardstick for the store's own tuple path (``Store.iter_deal_lines``, which the
    export uses): the ``csv``/``xlsx`` modes should come within a few percent of these."""
    from pos.reports.day import DealRow, day_bounds
    from pos.store import DealState
    from pos.wechatpay.types import BEIJING

    start, end = (moment.astimezone(UTC).strftime(_TIME) for moment in day_bounds(DAY))
    with sqlite3.connect(database) as db:
        refunded = dict(
            db.execute(
                "SELECT deal_id, SUM(refund_fee) FROM refund WHERE state = 'SUCCESS' "
                "GROUP BY deal_id"
            )
        )
        cursor = db.execute(
            "SELECT id, created_at, product, amount_fen, state, out_trade_no, transaction_id, "
            "paid_at FROM deal WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",
            (start, end),
        )
        for deal_id, created, product, amount, state, number, tid, paid in cursor:
            yield DealRow(
                time=datetime.fromisoformat(created).astimezone(BEIJING),
                product=product,
                amount_fen=amount,
                state=DealState(state),
                out_trade_no=number,
                transaction_id=tid or "",
                refunded_fen=refunded.get(deal_id, 0),
                paid_at=datetime.fromisoformat(paid).astimezone(BEIJING) if paid else None,
            )


def synthetic_rows(count: int) -> Iterator[DealRow]:
    """``count`` rows made on the fly (no store): what the writers alone cost."""
    from pos.reports.day import DealRow
    from pos.store import DealState
    from pos.wechatpay.types import BEIJING

    rng = random.Random(count)
    start = datetime.combine(DAY, datetime.min.time(), tzinfo=BEIJING)
    for n in range(count):
        amount = rng.randint(100, 50_000)
        refunded = amount // 2 if n % 20 == 7 else 0
        yield DealRow(
            time=start + timedelta(seconds=86_399 * n / count),
            product=PRODUCTS[n % len(PRODUCTS)],
            amount_fen=amount,
            state=DealState.PARTIALLY_REFUNDED if refunded else DealState.PAID,
            out_trade_no=f"POS01{n:020d}",
            transaction_id=f"42000{n:023d}",
            refunded_fen=refunded,
        )


def measure(database: Path, mode: str, output: Path, *, traced: bool) -> dict[str, float]:
    """One run, in this (fresh) process: time, or Python's peak allocation (tracemalloc)."""
    from pos.reports.day import iter_rows
    from pos.reports.export import export, write_csv, write_xlsx
    from pos.store import Store

    size = int(database.stem.split("-")[-1])
    store = Store.open(database)
    _reset_peak()
    baseline = _status_mib("VmRSS")
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    cpu_started = time.process_time()
    if mode == "read":
        count = sum(1 for _ in iter_rows(store, DAY, DAY))
    elif mode == "csv-writer":
        count = write_csv(synthetic_rows(size), output).all_count
    elif mode == "xlsx-writer":
        count = write_xlsx(synthetic_rows(size), output).all_count
    elif mode == "csv-rawread":
        count = write_csv(raw_rows(database), output).all_count
    elif mode == "xlsx-rawread":
        count = write_xlsx(raw_rows(database), output).all_count
    else:
        count = export(store, DAY, DAY, mode, output).all_count
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else 0.0
    store.close()
    return {
        "rows": count,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "baseline_mib": baseline,
        "peak_mib": _status_mib("VmHWM"),
        "traced_peak_mib": peak,
        "bytes": output.stat().st_size if output.exists() else 0,
    }


MODES = ("read", "csv", "xlsx", "csv-writer", "xlsx-writer", "csv-rawread", "xlsx-rawread")
_WHAT = {
    "read": "store -> rows, nothing written",
    "csv": "pos export --format csv (store -> file)",
    "xlsx": "pos export --format xlsx (store -> file)",
    "csv-writer": "CSV writer alone (rows made on the fly)",
    "xlsx-writer": "XLSX writer alone (rows made on the fly)",
    "csv-rawread": "EXPERIMENT: CSV writer fed by a tuple-based sqlite3 read",
    "xlsx-rawread": "EXPERIMENT: XLSX writer fed by a tuple-based sqlite3 read",
}


def _run(database: Path, mode: str, output: Path, traced: bool) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(database), mode, str(output)]
        + (["--traced"] if traced else []),
        check=True,
        capture_output=True,
        text=True,
    )
    output.unlink(missing_ok=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--measure", nargs=3, metavar=("DB", "MODE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        database, mode, output = args.measure
        print(json.dumps(measure(Path(database), mode, Path(output), traced=args.traced)))
        return 0
    sizes = [int(size) for size in args.sizes.split(",")]
    modes = args.modes.split(",")
    results: dict[tuple[int, str], dict[str, float]] = {}
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; load average "
        f"{os.getloadavg()[0]:.1f} (other work on the machine slows every figure)"
    )
    with tempfile.TemporaryDirectory(prefix="pos-bench-export-") as folder:
        for size in sizes:
            database = Path(folder) / f"deals-{size}.sqlite3"
            started = time.perf_counter()
            build(database, size)
            print(f"\nbuilt {size:,} deals in {time.perf_counter() - started:.1f} s")
            for mode in modes:
                suffix = mode.split("-")[0]
                output = Path(folder) / f"out-{size}.{suffix}"
                timed = _run(database, mode, output, traced=False)
                traced = _run(database, mode, output, traced=True)
                assert timed["rows"] == size == traced["rows"], (timed, traced)
                result = {**timed, "traced_peak_mib": traced["traced_peak_mib"]}
                results[(size, mode)] = result
                # The goals are stated for 100,000 deals.
                goal = GOALS.get(mode) if size >= 100_000 else None
                verdict = ""
                if goal is not None:
                    verdict = (
                        f"  goal < {goal:g} s: {'met' if result['seconds'] < goal else 'MISSED'}"
                    )
                growth = max(0.0, result["peak_mib"] - result["baseline_mib"])
                print(
                    f"  {mode:<12} {result['seconds']:6.2f} s (CPU {result['cpu_seconds']:5.2f} s, "
                    f"{size / result['seconds']:>7,.0f} rows/s)  python peak "
                    f"{result['traced_peak_mib']:4.1f} MiB  "
                    f"RSS growth {growth:5.1f} MiB{verdict}   [{_WHAT[mode]}]",
                    flush=True,
                )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(f"\n{large // small}x the deals ({small:,} -> {large:,}):")
        for mode in modes:
            a, b = results[(small, mode)], results[(large, mode)]
            grow_a = max(0.0, a["peak_mib"] - a["baseline_mib"])
            grow_b = max(0.0, b["peak_mib"] - b["baseline_mib"])
            print(
                f"  {mode:<12} time x{b['seconds'] / a['seconds']:4.1f}   python peak "
                f"{a['traced_peak_mib']:5.1f} -> {b['traced_peak_mib']:5.1f} MiB   RSS growth "
                f"{grow_a:5.1f} -> {grow_b:5.1f} MiB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
