"""Play the README's newcomer path on the real app and save each step (docs/screenshots/).

Launch on the embedded sandbox (as `pos` does, state in a fresh data folder), charge, pay it
with the 模拟顾客 window (F9), quit and relaunch, refund the payment from the manager's view,
then reconcile today. Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots_newcomer.py [--lang en]
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
from pos.ui.app import CashierApp, make_application
from pos.ui.customer_sim import CustomerSimWindow
from pos.ui.manager import ManagerWindow, PinDialog

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import key, save, type_text, wait_until

ROOT = Path(__file__).resolve().parents[1]


def launch(settings: Settings) -> CashierApp:
    cashier = CashierApp(settings, with_sound=False)
    cashier.start()
    wait_until(lambda: cashier.session.is_ready and len(cashier.window.products.buttons) >= 4)
    return cashier


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    data = Path(tempfile.mkdtemp(prefix="pos-newcomer-"))
    os.environ["POS_CONFIG"] = str(data / "settings.toml")  # the PIN goes here, not to ~
    app = make_application([sys.argv[0]], args.lang)
    app.setQuitOnLastWindowClosed(False)
    settings = Settings(data_dir=data, language=args.lang, checkout_timeout_seconds=120)

    # 1. Launch and charge: the amount typed, a product picked, the 模拟顾客 button on the till.
    cashier = launch(settings)
    window = cashier.window
    window.resize(1100, 700)
    key(window, Qt.Key.Key_F2)
    type_text(window, "25.50")
    save(window, f"newcomer_1_charge{suffix}.png", args.out)

    # 2. The customer window (F9) follows the order the till shows.
    key(window, Qt.Key.Key_F9)
    wait_until(lambda: isinstance(cashier.customer_sim, CustomerSimWindow))
    sim = cashier.customer_sim
    assert isinstance(sim, CustomerSimWindow)
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: sim.deal is not None)
    sim.raise_()
    save(sim, f"newcomer_2_customer{suffix}.png", args.out)

    # 3. Pay: the till's customer screen says paid.
    screen = window.customer_screen
    sim.pay_button.click()
    wait_until(lambda: screen.page == "paid")
    save(screen, f"newcomer_3_paid{suffix}.png", args.out)
    key(window, Qt.Key.Key_Return)
    cashier.shutdown()

    # 4. Relaunch (the sandbox remembers the payment) and refund it from the manager's view.
    cashier = launch(settings)
    cashier.open_manager()
    wait_until(lambda: isinstance(cashier._manager_dialog, PinDialog))
    pin = cashier._manager_dialog
    assert isinstance(pin, PinDialog)
    pin.pin_edit.setText("2468")
    pin.again_edit.setText("2468")
    pin.submit()
    wait_until(lambda: pin.manager_window is not None)
    manager = pin.manager_window
    assert isinstance(manager, ManagerWindow)
    manager.resize(1200, 760)
    wait_until(lambda: manager.report is not None and len(manager.report.rows) == 1)
    manager.table.selectRow(0)
    refund = manager.open_refund()
    assert refund is not None
    refund.ask_confirmation()
    refund.confirm()
    wait_until(lambda: refund.progress is not None, timeout=40)
    save(refund, f"newcomer_4_refund{suffix}.png", args.out)
    refund.close()

    # 5. Reconcile today: the sandbox serves today's bill up to now.
    wait_until(lambda: manager.report is not None and manager.report.totals.refunded_fen > 0)
    manager.reconcile()
    wait_until(lambda: manager.reconcile_dialog is not None)
    dialog = manager.reconcile_dialog
    assert dialog is not None
    save(dialog, f"newcomer_5_reconcile{suffix}.png", args.out)
    dialog.close()
    manager.close()
    cashier.shutdown()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
