"""The manager's core (reports, refunds) never loads Qt: imported in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys


def test_reports_and_refunds_do_not_load_pyside6() -> None:
    code = (
        "import sys, pos.refunds, pos.reports, pos.reports.export, pos.reports.reconcile\n"
        "import pos.reports.day\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')"
        " or m.startswith('pos.ui'))\n"
        "print(repr(loaded), 'pos.reports.reconcile' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[] True"
