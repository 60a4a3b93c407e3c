"""The compact customer view of a one-screen till, on the real app (docs/screenshots/
customer_compact_*.png): the whole screen with the till and the view in its corner, and the
view alone as the customer sees it: the amount typed, the QR, paid, failed. Under a virtual
X server:

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots_compact.py
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import key, pause, save, type_text, wait_until

ROOT = Path(__file__).resolve().parents[1]


def save_screen(name: str, out: Path) -> None:
    """The whole screen, as the clerk and the customer see it (the view is its own window)."""
    pause(300)
    path = out / name
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    data = Path(tempfile.mkdtemp(prefix="pos-compact-"))
    os.environ["POS_CONFIG"] = str(data / "settings.toml")
    app = make_application([sys.argv[0]], args.lang)
    app.setQuitOnLastWindowClosed(False)
    settings = Settings(
        data_dir=data,
        language=args.lang,
        checkout_timeout_seconds=120,
        compact_customer_view=True,
    )
    cashier = CashierApp(settings, with_sound=False)
    cashier.start()
    wait_until(lambda: cashier.session.is_ready and len(cashier.window.products.buttons) >= 4)
    window, view = cashier.window, cashier.window.customer_screen
    window.move(0, 0)
    window.resize(1280, 800)

    key(window, Qt.Key.Key_F2)
    type_text(window, "25.50")
    save_screen(f"customer_compact_till{suffix}.png", args.out)
    save(view, f"customer_compact_typing{suffix}.png", args.out)

    key(window, Qt.Key.Key_Return)
    wait_until(lambda: view.page == "qr")
    save_screen(f"customer_compact_till_qr{suffix}.png", args.out)
    save(view, f"customer_compact_qr{suffix}.png", args.out)

    deal = cashier.session.current_deal
    services = cashier.services
    assert deal is not None and deal.code_url and services is not None and services.sandbox
    services.sandbox.customer_scan(deal.code_url, "pay")
    wait_until(lambda: view.page == "paid")
    save(view, f"customer_compact_paid{suffix}.png", args.out)
    key(window, Qt.Key.Key_Return)
    # Failed, as the payment-code checkout will show it (the QR path ends in the amount again).
    view.show_failed(2550, "余额不足，未扣款。")
    save(view, f"customer_compact_failed{suffix}.png", args.out)
    cashier.shutdown()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
