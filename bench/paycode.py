"""What a payment code costs in the core, beyond the sandbox's round trip.

Against the embedded sandbox on loopback: a scan's ``begin_code`` (check, fingerprint, store
CREATED) + ``micropay`` + the PAID write, next to an ``orderquery`` of the same order (the
network part); the median difference is the core's own share of "last key of the scan →
paid". And ``read_keys`` (the scanner-gun detector) per 19-key scan. The till's window adds
its paint on top (bench/cashier.py, the UI's side).

Run: ``.venv/bin/python bench/paycode.py [--scans N]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import timeit
from pathlib import Path

from pos.checkout import CheckoutClient, CheckoutConfig, CheckoutSession, Micropay
from pos.checkout.paycode import Keystroke, read_keys
from pos.clock import utc_now
from pos.sandbox import DEFAULT_MERCHANT, Ending, Sandbox, example_code
from pos.store import DealState, Store
from pos.wechatpay.client import WeChatPayClient


def _scan(store: Store, client: CheckoutClient) -> tuple[float, str]:
    started = time.perf_counter()
    session = CheckoutSession.begin_code(
        store=store,
        client=client,
        amount_fen=1880,
        product="咖啡",
        till_id="BENCH",
        sign_type="MD5",
        config=CheckoutConfig(),
        clock=utc_now,
        auth_code=example_code(Ending.PAID),
    )
    commands = session.start()
    session.perform(next(c for c in commands if isinstance(c, Micropay)))
    elapsed = time.perf_counter() - started
    assert session.deal.state is DealState.PAID
    return elapsed, session.out_trade_no


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=60)
    args = parser.parse_args()
    sandbox = Sandbox([DEFAULT_MERCHANT])
    server = sandbox.serve()
    wechat = WeChatPayClient(DEFAULT_MERCHANT, base_url=server.url)
    client = CheckoutClient(wechat, notify_url=server.url)
    try:
        with tempfile.TemporaryDirectory() as folder:
            store = Store.open(Path(folder) / "bench.sqlite3")
            _scan(store, client)  # warm up: connections, the salt
            scans, trips = [], []
            for _ in range(args.scans):
                elapsed, number = _scan(store, client)
                scans.append(elapsed)
                started = time.perf_counter()
                wechat.order_query(out_trade_no=number)
                trips.append(time.perf_counter() - started)
            store.close()
    finally:
        wechat.close()
        server.stop()

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:6.2f} ms"

    print(f"scans: {args.scans} on the sandbox over loopback")
    print(f"  scan stored -> micropay -> PAID written (median): {ms(scans)}")
    print(f"  an orderquery round trip (median):              {ms(trips)}")
    beyond = [s - t for s, t in zip(scans, trips, strict=True)]
    print(f"  the core's share beyond the round trip (median):  {ms(beyond)}")
    keys = [Keystroke(ch, 1.0 + i * 0.004) for i, ch in enumerate("134567890123456789\r")]
    number = 20_000
    per = min(timeit.repeat(lambda: read_keys(keys), number=number, repeat=5)) / number
    print(f"  read_keys, one 18-digit scan + Enter:           {per * 1e6:6.2f} µs")


if __name__ == "__main__":
    main()
