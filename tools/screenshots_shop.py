"""Render the whole shop's day in the manager's view to PNGs (docs/screenshots/shop-day*.png):
three tills' deals on the shop server, and one till alone under the 仅本机数据 banner.

Three tills' stores are filled with a café's day (clerks on shift, QR and cash sales, a few
refunds), sent by their syncers to a shop server on loopback (the relay's app, SQLite), and
the manager's shop-day view is opened on one of them. Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshots_shop.py
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.asgi_server import BackgroundServer
from pos.checkout import refund_cash, sell_for_cash
from pos.config import Settings
from pos.relay import RelaySettings, create_app
from pos.sandbox import DEFAULT_MERCHANT
from pos.shop import Desk
from pos.store import DealState, Role, Store
from pos.sync import Outbox, ShopServerClient, Syncer
from pos.ui.app import apply_style, install_translations
from pos.ui.manager import ManagerServices
from pos.ui.manager.shop_day import ShopDayView
from pos.ui.workers import Workers
from pos.wechatpay.client import WeChatPayClient

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
TILLS = {"POS-01": ("王芳", 40), "POS-02": ("李雷", 28), "POS-03": ("张伟", 17)}
TOKENS = {name: f"{name.lower()}-screenshot-secret-0123456789" for name in TILLS}
PRICES = (2800, 2200, 3200, 2550, 3000, 1500)


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget: QWidget, name: str) -> None:
    pause(200)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def fill_till(store: Store, till: str, clerk_name: str, deals: int, rng: random.Random) -> None:
    """A clerk on shift selling ``deals`` times today (every fourth for cash), a few refunds."""
    desk = Desk(store, till_id=till)
    desk.accounts.add("店长", "135790", Role.MANAGER)
    clerk = desk.accounts.add(clerk_name, "2468", Role.CLERK)
    desk.login(clerk.number, "2468")
    desk.open_shift(20_000)
    now = datetime.now(UTC) - timedelta(minutes=deals)
    for n in range(deals):
        at = now + timedelta(minutes=n)
        price = rng.choice(PRICES)
        if n % 4 == 3:
            sale = sell_for_cash(
                store,
                amount_fen=price,
                received_fen=price + 500,
                till_id=till,
                clock=lambda at=at: at,
                stamp=desk.stamp(),
            )
            if n % 12 == 7:  # the customer brought half of it back
                refund_cash(
                    store,
                    sale.deal.out_trade_no,
                    price // 2,
                    "退货",
                    clock=lambda at=at: at,
                    stamp=desk.stamp(),
                )
            continue
        number = store.new_out_trade_no(till, at)
        store.create_deal(
            out_trade_no=number,
            amount_fen=price,
            product="拿铁咖啡",
            till_id=till,
            time_start=at,
            time_expire=at + timedelta(minutes=2),
            sign_type="MD5",
            now=at,
            stamp=desk.stamp(),
        )
        store.transition(number, DealState.ORDERED, reason="ordered", now=at)
        store.transition(
            number,
            DealState.PAID,
            reason="paid",
            now=at,
            transaction_id=f"42{rng.randrange(10**20):026d}",
            paid_at=at,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else "_en"
    app = QApplication(sys.argv)
    apply_style(app)
    install_translations(app, args.lang)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="pos-shop-shots-"))
    server = BackgroundServer(
        create_app(
            RelaySettings(
                database_url=f"sqlite:///{folder / 'shop.sqlite3'}",
                merchants={DEFAULT_MERCHANT.mch_id: DEFAULT_MERCHANT},
                till_tokens=TOKENS,
            )
        )
    ).start()
    rng = random.Random(13)
    stores = {}
    for till, (clerk, deals) in TILLS.items():
        store = stores[till] = Store.open(folder / f"{till}.sqlite3")
        fill_till(store, till, clerk, deals, rng)
        with ShopServerClient(server.url, TOKENS[till]) as client:
            Syncer(Outbox(store, till=till, mch_id=DEFAULT_MERCHANT.mch_id), client).push_all()
    workers = Workers()
    wechat = WeChatPayClient(DEFAULT_MERCHANT, base_url="http://127.0.0.1:9")
    shop = ShopServerClient(server.url, TOKENS["POS-01"])
    # The same till when the server is down: a client of a port nothing listens on.
    down = ShopServerClient("http://127.0.0.1:9", TOKENS["POS-01"])
    settings = Settings(data_dir=folder, language=args.lang, till_id="POS-01")
    services = ManagerServices(
        store=stores["POS-01"], client=wechat, workers=workers, settings=settings, shop_client=shop
    )
    try:
        for name, client in (("shop-day", shop), ("shop-day-local", down)):
            services.shop_client = client
            view = ShopDayView(services, settings.business_day.today())
            view.resize(1100, 560)
            view.show()
            deadline = time.monotonic() + 20
            while view.shop_day is None and time.monotonic() < deadline:
                pause(20)
            shot(view, f"{name}{suffix}")
            view.close()
    finally:
        workers.shutdown()
        shop.close()
        down.close()
        wechat.close()
        for store in stores.values():
            store.close()
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
