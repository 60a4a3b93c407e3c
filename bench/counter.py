"""Measure the counter's work and print the figures (all of it runs on workers in the till).

    python bench/counter.py [--runs 200]

1. A receipt's ESC/POS bytes (58 and 80 mm): time to build, and size.
2. The same receipt's PNG preview: time to draw.
3. An announcement joined from the clips: time to compose, and how long it speaks.
4. A slip sent to a fake network printer on loopback: time per slip, and the time to give up
   on a printer that is off (refused) and on one that never answers (the timeout).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from helpers.printers import FakeNetworkPrinter, HangingPrinter  # noqa: E402

from pos.counter.preview import render_png  # noqa: E402
from pos.counter.printing import PrinterError, escpos_bytes, parse_printer, send  # noqa: E402
from pos.counter.reading import announcement  # noqa: E402
from pos.counter.receipt import PaymentSlip, payment_receipt  # noqa: E402
from pos.counter.voice import compose  # noqa: E402

SLIP = PaymentSlip(
    shop="示例商店",
    till_id="POS-01",
    time=datetime(2026, 11, 24, 4, 52, 15, tzinfo=UTC),
    product="拿铁 大杯",
    amount_fen=2550,
    out_trade_no="POS0120261124125215000042",
    transaction_id="4200001234202611241234567890",
)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 of ``fn`` in milliseconds."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    for paper in (58, 80):
        layout = payment_receipt(SLIP, paper)
        median, p95 = timed(lambda layout=layout: escpos_bytes(layout), runs)
        size = len(escpos_bytes(layout))
        print(f"escpos bytes {paper} mm: {size} bytes, median {median:.2f} ms, p95 {p95:.2f} ms")
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "r.png"
        median, p95 = timed(lambda: render_png(payment_receipt(SLIP, 80), target), 20)
        print(f"png preview 80 mm: median {median:.1f} ms, p95 {p95:.1f} ms")
    voice = ROOT / "resources" / "voice"
    for fen in (1, 2550, 100520, 5_000_000):
        clips = announcement(fen)
        median, p95 = timed(lambda clips=clips: compose(clips, voice), runs // 4 or 1)
        with wave.open(io.BytesIO(compose(clips, voice))) as sound:
            seconds = sound.getnframes() / sound.getframerate()
        print(
            f"announcement {''.join(clips)}: speaks {seconds:.2f} s, "
            f"composed in median {median:.2f} ms, p95 {p95:.2f} ms"
        )
    printer = FakeNetworkPrinter().start()
    address = parse_printer(printer.address)
    assert address is not None
    data = escpos_bytes(payment_receipt(SLIP, 80))
    median, p95 = timed(lambda: send(address, data), runs // 4 or 1)
    print(f"slip to a loopback network printer: median {median:.2f} ms, p95 {p95:.2f} ms")
    printer.stop()
    started = time.perf_counter()
    try:
        send(address, data, timeout=5.0)
    except PrinterError as exc:
        spent_ms = (time.perf_counter() - started) * 1000
        print(f"printer off ({exc.code}): gave up after {spent_ms:.1f} ms")
    hanging = HangingPrinter()
    hanging_address = parse_printer(hanging.address)
    assert hanging_address is not None
    started = time.perf_counter()
    try:
        send(hanging_address, data, timeout=5.0)
    except PrinterError as exc:
        print(f"printer silent ({exc.code}): gave up after {time.perf_counter() - started:.2f} s")
    hanging.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
