"""Run the real cashier headless in its own process and report on stdout, for crash tests.

Usage: python app_harness.py --data-dir D --api URL [--amount 12.34 [--code CODE]]
    [--p12 FILE --p12-password PASSWORD]

The till is configured with the sandbox's default merchant as if it were a real one
(merchant set, ``api_base_url`` = the test's sandbox), so it talks to a sandbox that the
test process owns and keeps running while this process is killed and restarted. Lines:
``READY <n>`` after start-up recovery (n unfinished deals reconciled), ``QR <out_trade_no>
<code_url>`` when the QR is up, ``PAID <out_trade_no>``, ``LATE <out_trade_no>``; with
``--code`` the amount is charged with that payment code, as a scanner gun would (payment codes
need the merchant's API certificate: ``--p12``), and ``WAITING <out_trade_no>`` says the
customer is asked for the password.
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

from dataclasses import replace  # noqa: E402

from pos.config import Settings  # noqa: E402  (after the platform is chosen)
from pos.sandbox import DEFAULT_MERCHANT  # noqa: E402
from pos.ui.app import CashierApp, make_application, run_until_quit  # noqa: E402
from pos.wechatpay.merchant import ClientCertificate  # noqa: E402


def say(*words: object) -> None:
    print(*words, flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--api", required=True, help="the sandbox's base URL")
    parser.add_argument("--amount", default=None, help="charge this once the till is ready")
    parser.add_argument("--code", default=None, help="with this payment code (a scan)")
    parser.add_argument("--p12", default=None, help="the merchant's API certificate")
    parser.add_argument("--p12-password", default=None)
    args = parser.parse_args(argv)
    merchant = DEFAULT_MERCHANT
    if args.p12:
        certificate = ClientCertificate(p12_path=args.p12, password=args.p12_password)
        merchant = replace(merchant, certificate=certificate)
    settings = Settings(
        merchant=merchant,
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
            if args.code is not None:
                cashier.window.codes.charge(args.code)
            else:
                cashier.window.charge()

    session.recovery_finished.connect(on_ready)
    session.order_ready.connect(lambda deal, _image: say("QR", deal.out_trade_no, deal.code_url))
    session.payment_succeeded.connect(lambda deal: say("PAID", deal.out_trade_no))
    session.late_payment_arrived.connect(lambda deal: say("LATE", deal.out_trade_no))
    session.password_wait_started.connect(lambda deal: say("WAITING", deal.out_trade_no))
    # As `pos` runs: SIGTERM quits at once, whatever the network does.
    return run_until_quit(app, cashier)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
