"""Run the real cashier headless in its own process and report on stdout, for crash tests.

Usage: python app_harness.py --data-dir D --api URL [--amount 12.34]

The till is configured with the sandbox's default merchant as if it were a real one
(merchant set, ``api_base_url`` = the test's sandbox), so it talks to a sandbox that the
test process owns and keeps running while this process is killed and restarted. Lines:
``READY <n>`` after start-up recovery (n unfinished deals reconciled), ``QR <out_trade_no>
<code_url>`` when the QR is up, ``PAID <out_trade_no>``, ``LATE <out_trade_no>``.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The test sends SIGUSR1 to a child that hangs, to see where every thread stands.
faulthandler.register(signal.SIGUSR1, all_threads=True)

from pos.config import Settings  # noqa: E402  (after the platform is chosen)
from pos.sandbox import DEFAULT_MERCHANT  # noqa: E402
from pos.ui.app import CashierApp, make_application, run_until_quit  # noqa: E402


def say(*words: object) -> None:
    print(*words, flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--api", required=True, help="the sandbox's base URL")
    parser.add_argument("--amount", default=None, help="charge this once the till is ready")
    args = parser.parse_args(argv)
    settings = Settings(
        merchant=DEFAULT_MERCHANT,
        api_base_url=args.api,
        # No relay here: payments are found by orderquery; notifications go nowhere.
        notify_url="http://127.0.0.1:9/wechatpay/notify",
        data_dir=args.data_dir,
        till_id="K1",
        poll_interval_seconds=0.3,
    )
    app = make_application([sys.argv[0]], "en")
    cashier = CashierApp(settings, with_sound=False, client_timeout=2.0)
    session = cashier.session

    def on_ready(count: int) -> None:
        say("READY", count)
        if args.amount is not None:
            cashier.window.set_amount_text(args.amount)
            cashier.window.charge()

    session.recovery_finished.connect(on_ready)
    session.order_ready.connect(lambda deal, _image: say("QR", deal.out_trade_no, deal.code_url))
    session.payment_succeeded.connect(lambda deal: say("PAID", deal.out_trade_no))
    session.late_payment_arrived.connect(lambda deal: say("LATE", deal.out_trade_no))
    # As `pos` runs: SIGTERM quits at once, whatever the network does.
    return run_until_quit(app, cashier)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
