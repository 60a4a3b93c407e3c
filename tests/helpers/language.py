"""The window's language in tests: the real translation files, installed and taken away again.

``chinese`` is a fixture (tests/ui/conftest.py): the application as ``pos`` starts it by default,
English again after the test. :func:`zh` reads what the compiled Chinese says for one text, so
a test can compare a window's words with the translation file (the only source of them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from pos.ui.app import install_translations
from pos.ui.resources import resources_dir


@contextmanager
def language(code: str) -> Iterator[QApplication]:
    """The application in ``code`` (``zh_CN``, ``en``) for the block; as it was afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    display_name = app.applicationDisplayName()
    translators = install_translations(app, code)
    try:
        yield app
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        app.setApplicationDisplayName(display_name)


@cache
def _chinese_file() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "pos_zh_CN.qm"))
    return translator


def zh(context: str, source: str, n: int = -1) -> str:
    """The Chinese of ``source`` in ``context`` (a class name), as the compiled file has it."""
    text = _chinese_file().translate(context, source, None, n)
    assert text, f"no Chinese for {context}: {source!r}"
    return text
