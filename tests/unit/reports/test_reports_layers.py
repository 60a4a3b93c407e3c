"""The manager's core (reports, refunds) never loads Qt: imported in a fresh interpreter."""

from __future__ import annotations

from helpers.processes import PRINT_QT_LOADED, run_python


def test_reports_and_refunds_do_not_load_pyside6() -> None:
    code = (
        "import sys, pos.refunds, pos.reports, pos.reports.export, pos.reports.reconcile\n"
        "import pos.reports.day\n"
        "print('pos.reports.reconcile' in sys.modules)\n"
    )
    assert run_python(code + PRINT_QT_LOADED).split() == ["True", "[]"]
