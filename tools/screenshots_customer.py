"""Render the customer's screen in each state to PNGs (docs/screenshots/customer_*.png).

The real CustomerScreen at 1280×800, in Chinese, driven through its own methods: the amount
as the clerk types it, the QR, the payment-code wait, the password wait, paid and failed.
Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots_customer.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.ui.app import make_application
from pos.ui.customer_screen import CustomerScreen

ROOT = Path(__file__).resolve().parents[1]
CODE_URL = "weixin://wxpay/bizpayurl?pr=Ab12Cd3"


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    app = make_application([sys.argv[0]], args.lang)
    screen = CustomerScreen()
    screen.set_clerk_controls(False)  # as on a second screen: no clerk's Cancel
    screen.setGeometry(0, 0, 1280, 800)
    screen.show()
    states = {
        "typing": lambda: screen.show_typing("25.5"),
        "qr": lambda: (
            screen.show_qr(CODE_URL, 2550, "拿铁 大杯"),
            screen.set_countdown(117),
        ),
        "code": lambda: screen.show_waiting_for_code(2550),
        "password": lambda: screen.show_waiting_for_password(2550),
        "paid": lambda: screen.show_paid(2550),
        "failed": lambda: screen.show_failed(2550, "余额不足，未扣款。请换一张卡或改用零钱。"),
    }
    for name, show in states.items():
        screen.hide()  # between payments (what the till does after each one)
        screen.show()
        show()
        pause(300)
        path = args.out / f"customer_{name}{suffix}.png"
        screen.grab().save(str(path))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
