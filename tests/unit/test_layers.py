"""The core never loads Qt: checkout, store and shop imported in a fresh interpreter (rule 1)."""

from __future__ import annotations

import subprocess
import sys


def test_the_checkout_the_store_and_the_shop_do_not_load_pyside6() -> None:
    code = (
        "import sys, pos.checkout, pos.store, pos.shop, pos.shop.slip\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')"
        " or m.startswith('pos.ui'))\n"
        "print(repr(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_the_check_would_see_pyside6_if_it_were_loaded() -> None:
    # Guards the test above against passing vacuously (a wrong module name, a broken -c).
    code = "import sys, PySide6.QtCore\nprint('PySide6' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "True"
