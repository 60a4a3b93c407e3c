"""The till with clerks on the real app, saved to docs/screenshots/: the login, a cash sale, the
handover with a cash difference and its slip.

A fresh data folder with two accounts (1 王店长, a manager; 2 小李, a clerk), the embedded
sandbox; 小李 logs in with a float of 200, sells by QR and for cash, then hands over. Under a
virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots_shop.py [--lang en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.config import Settings
from pos.shop import Accounts
from pos.store import Role, Store
from pos.ui.app import CashierApp, make_application
from pos.ui.cash import CashSaleDialog
from pos.ui.shift import HandoverDialog

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import key, save, type_text, wait_until

ROOT = Path(__file__).resolve().parents[1]


def make_accounts(settings: Settings) -> None:
    store = Store.open(settings.database_path)
    try:
        accounts = Accounts(store)
        accounts.add("王店长", "1357")
        accounts.add("小李", "2468", Role.CLERK)
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    data = Path(tempfile.mkdtemp(prefix="pos-shop-"))
    os.environ["POS_CONFIG"] = str(data / "settings.toml")
    app = make_application([sys.argv[0]], args.lang)
    app.setQuitOnLastWindowClosed(False)
    settings = Settings(data_dir=data, language=args.lang, checkout_timeout_seconds=120)
    make_accounts(settings)

    cashier = CashierApp(settings, with_sound=False)
    cashier.start()
    window = cashier.window
    window.resize(1100, 700)
    login = cashier.desk.login
    wait_until(lambda: cashier.session.is_ready and login.isVisible())

    # 1. The login: the clerks by number, the number typed, then the PIN.
    type_text(login.number_edit, "2")
    save(window, f"shop_1_login{suffix}.png", args.out)
    key(login.number_edit, Qt.Key.Key_Return)
    type_text(login.pin_edit, "2468")
    key(login.pin_edit, Qt.Key.Key_Return)
    wait_until(lambda: login.page == "float")
    login.float_edit.setText("200")
    save(window, f"shop_2_float{suffix}.png", args.out)
    key(login.float_edit, Qt.Key.Key_Return)
    wait_until(lambda: not login.isVisible())

    # 2. A QR sale paid by the sandbox's customer, then a cash sale with its change.
    type_text(window, "18")
    key(window, Qt.Key.Key_Return)
    screen = window.customer_screen
    wait_until(lambda: cashier.session.current_deal is not None and screen.page == "qr")
    deal = cashier.session.current_deal
    assert deal is not None and deal.code_url and cashier.services is not None
    sandbox = cashier.services.sandbox
    assert sandbox is not None
    sandbox.customer_scan(deal.code_url, "pay")
    wait_until(lambda: window.customer_screen.page == "paid")
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: not cashier.session.is_busy)
    type_text(window, "25.50")
    dialog = cashier.desk.cash_sale()
    assert isinstance(dialog, CashSaleDialog)
    dialog.received_edit.setText("50")
    dialog.confirm()
    wait_until(lambda: dialog.sale is not None)
    save(dialog, f"shop_3_cash{suffix}.png", args.out)
    dialog.accept()

    # 3. The handover: 5.50 short, with a note; then its slip.
    cashier.desk.handover()
    wait_until(lambda: isinstance(cashier.desk.dialog, HandoverDialog))
    handover = cashier.desk.dialog
    assert isinstance(handover, HandoverDialog)
    handover.counted_edit.setText("220")
    handover.note_edit.setText("找零时少收了 5.50" if args.lang == "zh_CN" else "5.50 short")
    save(handover, f"shop_4_handover{suffix}.png", args.out)
    handover.confirm()
    wait_until(lambda: handover.is_done)
    handover.resize(640, 900)
    save(handover, f"shop_5_handover_slip{suffix}.png", args.out)
    handover.accept()
    wait_until(lambda: login.isVisible() and login.page == "login")
    cashier.shutdown()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
