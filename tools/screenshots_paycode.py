"""Render the customer's payment code at the till to PNGs (docs/screenshots/): the password
wait, a refusal, and the till once paid (its list says 付款码).

Runs the real window on the embedded sandbox, as `pos` does, and plays a clerk with a
scanner gun (the sandbox's scripted codes, pos.sandbox.codes). Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots_paycode.py [--lang zh_CN|en]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.sandbox import DEFAULT_MERCHANT, Ending, Sandbox, SandboxOptions, example_code

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import begin, key, open_till, pause, save, type_text, wait_until


def main() -> int:
    shots = begin()
    out, suffix = shots.out, shots.suffix
    # The customer "types the password" after 6 s: time enough to show the countdown.
    sandbox = Sandbox([DEFAULT_MERCHANT], options=SandboxOptions(micropay_password_seconds=6.0))
    cashier, _settings = open_till(sandbox)
    window = cashier.window
    session = cashier.session
    screen = window.customer_screen

    def scan(amount: str, ending: Ending, quick_key: Qt.Key | None = None) -> None:
        """The clerk types the amount, then the gun scans (a key every few ms, Enter)."""
        if quick_key is not None:
            key(window, quick_key)
        type_text(window, amount)
        pause(150)
        for digit in example_code(ending):
            key(window, Qt.Key(Qt.Key.Key_0 + int(digit)), digit)
        key(window, Qt.Key.Key_Return)

    # A QR sale and a payment code paid at once, so the list shows both methods.
    key(window, Qt.Key.Key_F1)
    type_text(window, "18")
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: screen.page == "qr" and screen.isVisible())
    deal = session.current_deal
    assert deal is not None and deal.code_url
    sandbox.customer_scan(deal.code_url, "pay")
    wait_until(lambda: screen.page == "paid")
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: not session.is_busy)

    # The password wait: the customer's screen over the till (one screen), the countdown.
    scan("128", Ending.PASSWORD_THEN_PAID, Qt.Key.Key_F3)
    wait_until(lambda: screen.page == "password" and screen.isVisible())
    pause(1500)  # a second or two into the countdown
    save(screen, f"till_code_password{suffix}.png", out)
    wait_until(lambda: screen.page == "paid", timeout=30)
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: not session.is_busy)

    # Paid at once: the till, its list saying how each deal was paid.
    scan("25.50", Ending.PAID, Qt.Key.Key_F2)
    wait_until(lambda: screen.page == "paid")
    wait_until(lambda: window.recent_list.count() == 3)
    save(window, f"till_code_paid{suffix}.png", out)
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: not session.is_busy)

    # A refusal in the clerk's words; the amount stays for the next scan.
    scan("66", Ending.NOT_ENOUGH_MONEY, Qt.Key.Key_F4)
    wait_until(lambda: window.recent_list.count() == 4 and window.amount_text == "66.00")
    save(window, f"till_code_refused{suffix}.png", out)

    cashier.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
