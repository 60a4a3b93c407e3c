"""Render the till, the QR screen, the paid screen, a late payment and a start-up recovery that
ran out of time to PNGs (docs/screenshots/).

Runs the real window on the embedded sandbox, as `pos` does, and plays a clerk and a
customer. Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshots.py [--lang zh_CN|en]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.config import Settings
from pos.sandbox import DEFAULT_MERCHANT, Fault, Sandbox
from pos.ui.app import CashierApp, make_application

ROOT = Path(__file__).resolve().parents[1]


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out at line {sys._getframe(1).f_lineno}")
        pause(20)


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def key(widget: QWidget, key: Qt.Key, text: str = "") -> None:
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        code = Qt.Key.Key_Period if char == "." else Qt.Key(Qt.Key.Key_0 + int(char))
        key(widget, code, char)


def save(widget: QWidget, name: str, out: Path) -> None:
    pause(300)  # let the last layout and paint settle
    path = out / name
    widget.grab().save(str(path))
    print(path)


@dataclass
class Shots:
    """One screenshot script's run: where the pictures go and the application."""

    out: Path
    lang: str
    #: "" for Chinese (the default language), "_en" for English: the files' suffix
    suffix: str
    app: QApplication


def begin() -> Shots:
    """Parse ``--lang`` and ``--out`` and make the application, as `pos` does."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application([sys.argv[0]], args.lang)
    app.setQuitOnLastWindowClosed(False)
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    return Shots(args.out, args.lang, suffix, app)


def open_till(sandbox: Sandbox) -> tuple[CashierApp, Settings]:
    """The till on ``sandbox`` with a fresh data folder, started and ready."""
    data = Path(tempfile.mkdtemp(prefix="pos-screens-"))
    settings = Settings(data_dir=data, checkout_timeout_seconds=90, poll_interval_seconds=0.5)
    cashier = CashierApp(settings, sandbox=sandbox, with_sound=False)
    cashier.start()
    window = cashier.window
    wait_until(lambda: cashier.session.is_ready and len(window.products.buttons) >= 4)
    return cashier, settings


def main() -> int:
    shots = begin()
    args, suffix = shots, shots.suffix
    sandbox = Sandbox([DEFAULT_MERCHANT])
    cashier, settings = open_till(sandbox)
    window = cashier.window
    session = cashier.session
    screen = window.customer_screen
    save(window, f"till_empty{suffix}.png", args.out)

    def charge(amount: str, quick_key: Qt.Key | None) -> str:
        if quick_key is not None:
            key(window, quick_key)
        type_text(window, amount)
        key(window, Qt.Key.Key_Return)
        wait_until(lambda: screen.page == "qr" and screen.isVisible())
        deal = session.current_deal
        assert deal is not None and deal.code_url
        return deal.code_url

    # A few deals of the day first, so the till's list is not empty.
    sandbox.customer_scan(charge("18", Qt.Key.Key_F1), "pay")
    wait_until(lambda: screen.page == "paid")
    key(window, Qt.Key.Key_Return)
    charge("9.5", Qt.Key.Key_F3)
    key(screen, Qt.Key.Key_Escape)
    wait_until(lambda: not screen.isVisible())

    # The QR and the paid screen.
    code_url = charge("25.50", Qt.Key.Key_F2)
    wait_until(lambda: ":" in " ".join(screen.texts()))
    save(screen, f"qr{suffix}.png", args.out)
    sandbox.customer_scan(code_url, "pay")
    wait_until(lambda: screen.page == "paid")
    save(screen, f"paid{suffix}.png", args.out)
    key(window, Qt.Key.Key_Return)

    # A late payment: the clerk cancels, the customer pays before closeorder gets through.
    sandbox.faults.add(Fault(endpoint="closeorder", kind="system_error", times=3))
    late_url = charge("12.80", Qt.Key.Key_F4)
    key(screen, Qt.Key.Key_Escape)
    wait_until(lambda: not screen.isVisible())
    sandbox.customer_scan(late_url, "pay")
    wait_until(lambda: window.late_banner.isVisible())
    wait_until(lambda: window.recent_list.count() == 4)
    key(window, Qt.Key.Key_F1)
    type_text(window, "36.8")
    save(window, f"till{suffix}.png", args.out)

    # WeChat Pay holds the order call: Esc frees the till, the deal is "result pending".
    window.acknowledge_late_payment()
    key(window, Qt.Key.Key_Escape)  # clears the amount typed for till.png
    held = sandbox.faults.add(Fault(endpoint="unifiedorder", kind="hang", times=1))
    key(window, Qt.Key.Key_F2)
    type_text(window, "25.5")
    key(window, Qt.Key.Key_Return)
    wait_until(lambda: held.used == 1)
    key(screen, Qt.Key.Key_Escape)
    wait_until(lambda: not session.is_busy and window.recent_list.count() == 5)
    save(window, f"till_result_pending{suffix}.png", args.out)

    # The till goes away with a QR up; at the next start WeChat Pay answers no orderquery:
    # after the recovery budget the till opens anyway, the deal listed as pending.
    wait_until(lambda: session.watched_count == 0, timeout=40.0)
    charge("42", Qt.Key.Key_F1)
    cashier.shutdown()
    query_held = sandbox.faults.add(Fault(endpoint="orderquery", kind="hang"))
    cashier = CashierApp(settings, sandbox=sandbox, with_sound=False)
    cashier.start()
    window, session = cashier.window, cashier.session
    wait_until(lambda: query_held.used >= 1 and "Esc" in window.status_text())
    save(window, f"till_recovery_checking{suffix}.png", args.out)
    wait_until(lambda: session.is_ready and window.recent_list.count() == 6)
    save(window, f"till_recovery_pending{suffix}.png", args.out)
    sandbox.faults.clear()

    cashier.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
