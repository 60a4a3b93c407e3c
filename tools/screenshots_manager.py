"""Render the manager's view to PNGs (docs/screenshots/manager_*.png): PIN, day with chart,
refund confirmation, reconciliation with planted differences.

A realistic day (deals from 07:00 to 21:00 Beijing, some refunded) is written to a fresh
store; refunds and the bill go to the real sandbox over loopback. Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshots_manager.py
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.config import Settings
from pos.sandbox import DEFAULT_MERCHANT, Sandbox, SandboxOptions
from pos.store import DealState, RefundState, Store
from pos.ui.app import apply_style, install_translations
from pos.ui.manager import ManagerServices, ManagerWindow, open_manager
from pos.ui.workers import Workers
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import BEIJING

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PRODUCTS = (
    ("拿铁咖啡", 2800),
    ("美式咖啡", 2200),
    ("芝士蛋糕", 3200),
    ("三明治", 2550),
    ("抹茶拿铁", 3000),
    ("可颂", 1500),
)
#: Customers per hour of a café day (Beijing time).
BUSY = {
    7: 6,
    8: 14,
    9: 11,
    10: 7,
    11: 9,
    12: 16,
    13: 12,
    14: 6,
    15: 8,
    16: 7,
    17: 10,
    18: 9,
    19: 5,
    20: 3,
}


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out at line {sys._getframe(1).f_lineno}")
        pause(20)


def shot(widget: QWidget, name: str) -> None:
    pause(150)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def fill_day(store: Store, day: date) -> None:
    """A café's day written straight to the store (times chosen, not 'now')."""
    rng = random.Random(24)
    n = 0
    for hour, customers in BUSY.items():
        for _ in range(customers):
            n += 1
            at = datetime(
                day.year,
                day.month,
                day.day,
                hour,
                rng.randint(0, 59),
                rng.randint(0, 59),
                tzinfo=BEIJING,
            ).astimezone(UTC)
            product, price = rng.choice(PRODUCTS)
            number = f"POS01{at.astimezone(BEIJING):%Y%m%d%H%M%S}{n:06d}"
            store.create_deal(
                out_trade_no=number,
                amount_fen=price,
                product=product,
                till_id="POS-01",
                time_start=at,
                time_expire=at + timedelta(minutes=2),
                sign_type="MD5",
                now=at,
            )
            if n % 17 == 5:
                store.transition(number, DealState.CLOSED, reason="closed", now=at)
                continue
            store.transition(
                number,
                DealState.PAID,
                reason="paid",
                now=at,
                transaction_id=f"4200002{n:021d}",
                paid_at=at + timedelta(seconds=9),
            )
            if n % 23 == 3:
                refund = f"{number}R01"
                store.create_refund(number, refund, price // 2, "部分退货", at)
                store.update_refund(refund, state=RefundState.SUCCESS, now=at)


def paid_at_sandbox(
    store: Store, client: WeChatPayClient, sandbox: Sandbox, fen: int, product: str
) -> str:
    now = datetime.now(UTC)
    number = store.new_out_trade_no("POS-01", now)
    expire = now + timedelta(minutes=10)
    store.create_deal(
        out_trade_no=number,
        amount_fen=fen,
        product=product,
        till_id="POS-01",
        time_start=now,
        time_expire=expire,
        sign_type="MD5",
        now=now,
    )
    prepay = client.unified_order(
        out_trade_no=number,
        total_fee=fen,
        body=product,
        notify_url="http://127.0.0.1:9/notify",
        spbill_create_ip="127.0.0.1",
        time_start=now,
        time_expire=expire,
    )
    sandbox.customer_scan(prepay.code_url, "pay")
    status = client.order_query(out_trade_no=number)
    store.transition(
        number,
        DealState.PAID,
        reason="paid",
        now=now,
        transaction_id=status.transaction_id,
        paid_at=status.time_end,
    )
    return number


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else "_en"
    app = QApplication(sys.argv)
    apply_style(app)
    install_translations(app, args.lang)  # the .qm, as `pos` installs it
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="pos-manager-shots-"))
    sandbox = Sandbox(
        [DEFAULT_MERCHANT], options=SandboxOptions(refund_delay=0.3, bill_allow_today=True)
    )
    server = sandbox.serve()
    client = WeChatPayClient(DEFAULT_MERCHANT, base_url=server.url)
    store = Store.open(folder / "pos.sqlite3")
    workers = Workers()
    settings = Settings(data_dir=folder, language=args.lang)
    services = ManagerServices(
        store=store,
        client=client,
        workers=workers,
        settings=settings,
        save_settings=lambda _: None,
        follow_interval=0.1,
    )
    try:
        # The PIN, set at first use.
        dialog = open_manager(None, services)
        dialog.pin_edit.setText("2468")
        dialog.again_edit.setText("24")
        dialog.submit()
        shot(dialog, f"manager_pin{suffix}")
        dialog.close()

        # A full day (yesterday) with its chart.
        yesterday = datetime.now(BEIJING).date() - timedelta(days=1)
        fill_day(store, yesterday)
        window = ManagerWindow(services)
        window.resize(1280, 800)
        window.show()
        wait_until(lambda: window.report is not None)
        window.set_day(yesterday)
        wait_until(lambda: window.report is not None and window.report.day == yesterday)
        window.table.selectRow(3)
        shot(window, f"manager_day{suffix}")
        window.search_edit.setText("25.5")
        shot(window, f"manager_search{suffix}")
        window.search_edit.clear()

        # Today: refunds and the bill through the sandbox, over HTTP.
        latte = paid_at_sandbox(store, client, sandbox, 2800, "拿铁咖啡")
        cake = paid_at_sandbox(store, client, sandbox, 3200, "芝士蛋糕")
        paid_at_sandbox(store, client, sandbox, 2550, "三明治")
        window.set_day(datetime.now(BEIJING).date())
        wait_until(lambda: window.report is not None and len(window.report.rows) == 3)
        window.select_deal(latte)
        refund = window.open_refund()
        assert refund is not None
        refund.amount_edit.setText("14.00")
        refund.reason_edit.setText("顾客退回半杯")
        refund.ask_confirmation()
        shot(refund, f"manager_refund_confirm{suffix}")
        refund.confirm()
        wait_until(lambda: refund.progress is not None)
        shot(refund, f"manager_refund_done{suffix}")
        refund.close()
        wait_until(lambda: window.report is not None and window.report.totals.refunded_fen > 0)
        # Plant two differences: WeChat's amount differs, and a payment the till never saw.
        sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, cake).total_fee = 3300
        now = datetime.now(UTC)
        stranger = client.unified_order(
            out_trade_no="OTHERTILL0001",
            total_fee=990,
            body="另一台收银机",
            notify_url="http://127.0.0.1:9/n",
            spbill_create_ip="127.0.0.1",
            time_start=now,
            time_expire=now + timedelta(minutes=10),
        )
        sandbox.customer_scan(stranger.code_url, "pay")
        window.reconcile()
        wait_until(lambda: window.reconcile_dialog is not None)
        assert window.reconcile_dialog is not None
        shot(window.reconcile_dialog, f"manager_reconcile{suffix}")
        window.reconcile_dialog.close()
        shot(window, f"manager_today{suffix}")
        window.close()
    finally:
        workers.shutdown()
        client.close()
        store.close()
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
