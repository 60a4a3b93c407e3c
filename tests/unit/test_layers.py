"""The core never loads Qt: the checkout, the store, the shop and the composition root imported
in a fresh interpreter (rule 1)."""

from __future__ import annotations

import ast

from helpers.processes import PRINT_QT_LOADED, run_python


def test_the_checkout_the_store_the_shop_and_the_services_do_not_load_pyside6() -> None:
    code = (
        "import sys, pos.checkout, pos.store, pos.shop, pos.shop.slip, pos.services\n"
        + PRINT_QT_LOADED
    )
    assert run_python(code).strip() == "[]"


def test_the_check_would_see_pyside6_if_it_were_loaded() -> None:
    # Guards the test above against passing vacuously (a wrong module name, a broken -c).
    loaded = run_python("import sys, PySide6.QtCore, pos.ui.workers\n" + PRINT_QT_LOADED)
    assert {"PySide6.QtCore", "shiboken6", "pos.ui.workers"} <= set(ast.literal_eval(loaded))
