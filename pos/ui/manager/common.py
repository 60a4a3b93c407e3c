"""What the manager's widgets share: money in yuan, errors in the manager's words, late results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from pos.errors import PosError
from pos.money import format_fen
from pos.ui.wechat_words import error_text


def yuan(fen: int) -> str:
    """``¥25.50``: how the manager's view writes an amount."""
    return format_fen(fen, symbol="¥")


def alive(widget: QObject, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn``, dropped when ``widget`` was deleted before a worker's result came back (the
    manager closed the window while a task ran)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            fn(*args)

    return call


def error_words(exc: BaseException) -> str:
    """What to show of an error: WeChat Pay's refusal in words; our own messages carry no
    secret; others only their type."""
    return error_text(exc, str(exc) if isinstance(exc, PosError | OSError) else type(exc).__name__)
