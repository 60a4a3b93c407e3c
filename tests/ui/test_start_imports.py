"""The till paints its window before it loads the services' libraries (issue 11, cold start).

Each case runs in a fresh interpreter: what an import loads shows only in a new process.
"""

from __future__ import annotations

import os
from pathlib import Path

from helpers.processes import run_python
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos.ui.app import AfterFirstPaint

#: What the window does not need before it is painted: the store's database layer, the
#: network client, the embedded servers, the exports, the printer, the QR code, the keyring.
_LATE_LIBRARIES = (
    "peewee",
    "psycopg",
    "httpx",
    "starlette",
    "uvicorn",
    "openpyxl",
    "escpos",
    "qrcode",
    "PIL",
    "keyring",
)
#: Our own modules that come with the services, a sale or a manager's action.
_LATE_MODULES = (
    "pos.store.store",
    "pos.checkout",
    "pos.counter",
    "pos.wechatpay.client",
    "pos.sandbox",
    "pos.relay.app",
    "pos.ui.manager",
    "pos.ui.settings",
    "pos.reports.export",
    # The protocol's result types (the settings need only pos.wechatpay.merchant), the
    # manager's day and the store's records (a long task's Watch loads them).
    "pos.wechatpay.types",
    "pos.reports",
    "pos.store",
)

#: The first paint of any widget ends the child, after printing what is loaded by then.
_CHILD = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
import pos.ui
from pos.config import Settings
from pos.ui.app import CashierApp, make_application

app = make_application(sys.argv, "zh_CN")
cashier = CashierApp(Settings(data_dir=Path(sys.argv[1])), with_sound=False)

def loaded():
    names = {m.split(".")[0] for m in sys.modules} & set(LATE)
    return " ".join(sorted(names | (set(sys.modules) & set(LATE_MODULES))))

print("BUILT", loaded(), flush=True)

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", loaded(), flush=True)
            os._exit(0)
        return False

painted = Painted()
app.installEventFilter(painted)
cashier.start()
app.exec()
"""


def _run_child(tmp_path: Path) -> dict[str, list[str]]:
    code = f"LATE = {_LATE_LIBRARIES!r}\nLATE_MODULES = {_LATE_MODULES!r}\n{_CHILD}"
    output = run_python(code, str(tmp_path), env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    lines = {}
    for line in output.splitlines():
        word, *names = line.split()
        lines[word] = names
    assert "PAINTED" in lines, output
    return lines


def test_the_window_is_built_and_painted_before_the_services_libraries_load(
    tmp_path: Path,
) -> None:
    lines = _run_child(tmp_path)
    assert lines["BUILT"] == []
    assert lines["PAINTED"] == []


def test_the_store_loads_peewee_when_asked_for() -> None:
    # Guards the test above against passing vacuously, and shows the lazy name resolves.
    code = "import sys\nfrom pos.store import Store, SCHEMA_VERSION\nprint('peewee' in sys.modules)"
    assert run_python(code).split() == ["True"]


def test_work_after_the_first_paint_waits_for_it(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    AfterFirstPaint(widget, lambda: calls.append("after paint"), fallback_ms=60_000)
    qtbot.wait(50)
    assert calls == []  # not shown, so not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == ["after paint"])
    widget.update()
    qtbot.wait(50)
    assert calls == ["after paint"]  # once


def test_a_window_never_painted_still_gets_its_work_done(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    AfterFirstPaint(widget, lambda: calls.append("fallback"), fallback_ms=20)
    qtbot.waitUntil(lambda: calls == ["fallback"])


def test_cancelled_work_is_not_done(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    waiting = AfterFirstPaint(widget, lambda: calls.append("done"), fallback_ms=20)
    waiting.cancel()
    widget.show()
    qtbot.wait(100)
    assert calls == []
