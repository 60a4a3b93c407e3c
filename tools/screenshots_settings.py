"""Render the settings dialog to PNGs (docs/screenshots/settings_*.png): the first-run welcome,
a merchant whose connection test passed against the sandbox, and fields that need fixing.

The dialog writes nothing here (a throwaway settings file, secrets in memory); the connection
test asks the real sandbox over loopback. Under a virtual X server:

    xvfb-run -a -s "-screen 0 1280x800x24" /work/venv/bin/python tools/screenshots_settings.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

from pos.config import MemorySecretStore, Settings
from pos.sandbox import DEFAULT_MERCHANT, Sandbox
from pos.ui.app import make_application
from pos.ui.settings import SettingsDialog, SettingsServices
from pos.ui.workers import Workers

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out at line {sys._getframe(1).f_lineno}")
        pause(20)


def shot(widget: QWidget, name: str) -> None:
    pause(300)  # let the last layout and paint settle
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else "_en"
    app = make_application([sys.argv[0]], args.lang)  # the .qm and the style, as `pos` does
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="pos-settings-shots-"))
    sandbox = Sandbox([DEFAULT_MERCHANT])
    server = sandbox.serve()
    workers = Workers()
    services = SettingsServices(
        workers=workers,
        path=folder / "settings.toml",
        secrets=MemorySecretStore(),
        environ={},
        confirm=lambda *_: True,
        choose_file=lambda *_: "",
        play_sound=lambda _: None,
    )
    try:
        welcome = SettingsDialog(Settings(data_dir=folder), services, is_first_run=True)
        welcome.show()
        shot(welcome, f"settings_first_run{suffix}")
        welcome.close()

        merchant = Settings(
            data_dir=folder, merchant=DEFAULT_MERCHANT, api_base_url=server.url, till_id="POS-01"
        )
        dialog = SettingsDialog(merchant, services)
        dialog.show()
        assert dialog.test_connection()
        wait_until(lambda: dialog.last_connection_result is not None)
        shot(dialog, f"settings_merchant{suffix}")
        dialog.close()

        wrong = SettingsDialog(merchant, services)
        wrong.show()
        wrong.mch_id_edit.setText("19000x")
        wrong.api_key_edit.setText("short")
        wrong.relay_url_edit.setText("relay.example.com")
        wrong.save()
        shot(wrong, f"settings_errors{suffix}")
        wrong.close()
        app.processEvents()
    finally:
        workers.shutdown()
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
