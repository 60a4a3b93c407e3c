"""The core never loads Qt: the checkout and the store imported in a fresh interpreter (rule 1)."""

from __future__ import annotations

import ast

from helpers.processes import PRINT_QT_LOADED, run_python


def test_the_checkout_and_the_store_do_not_load_pyside6() -> None:
    assert run_python("import sys, pos.checkout, pos.store\n" + PRINT_QT_LOADED).strip() == "[]"


def test_the_check_would_see_pyside6_if_it_were_loaded() -> None:
    # Guards the test above against passing vacuously (a wrong module name, a broken -c).
    loaded = run_python("import sys, PySide6.QtCore, pos.ui.workers\n" + PRINT_QT_LOADED)
    assert {"PySide6.QtCore", "shiboken6", "pos.ui.workers"} <= set(ast.literal_eval(loaded))
