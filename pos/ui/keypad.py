"""The till's on-screen keypad: digits, the point and backspace, for a mouse or a touch screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy

BACKSPACE = "⌫"
#: The keys, row by row, as on a calculator.
LABELS = ("7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", BACKSPACE)


def keypad(type_key: Callable[[str], None], backspace: Callable[[], None]) -> QGridLayout:
    """Three columns of buttons that never take the keyboard's focus from the till."""
    keys = QGridLayout()
    keys.setSpacing(6)
    for index, label in enumerate(LABELS):
        button = QPushButton(label)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(36)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if label == BACKSPACE:
            button.clicked.connect(backspace)
        else:
            button.clicked.connect(lambda _=False, text=label: type_key(text))
        keys.addWidget(button, index // 3, index % 3)
    return keys
