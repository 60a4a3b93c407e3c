"""Today's payments at the till: one line per deal, its columns lined up in a fixed-pitch font."""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from pos.clock import BEIJING_DAY, BusinessDay
from pos.money import format_fen
from pos.ui.texts import deal_state_text, method_text

if TYPE_CHECKING:
    from pos.store import Deal, DealState


@functools.cache
def state_colours() -> dict[DealState, str]:
    """Colours of the deals by state: paid green, given up grey, failed red, under way amber.
    Made at the first deal shown: the store's records load after the window's first paint."""
    from pos.store.records import DealState

    return {
        DealState.PAID: "#15803d",
        DealState.CLOSED: "#6b7280",
        DealState.FAILED: "#b91c1c",
        DealState.CLOSING: "#b45309",
        DealState.ORDERED: "#b45309",
        DealState.CREATED: "#b45309",
        DealState.REVERSING: "#b45309",
        DealState.REVERSED: "#6b7280",
    }


#: The list is set in a fixed-pitch font, so that its columns line up; the CJK one first,
#: whose Chinese characters are exactly two Latin ones wide.
LIST_FONTS = ["Noto Sans Mono CJK SC", "Sarasa Mono SC", "NSimSun", "DejaVu Sans Mono"]


def text_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-pitch font: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns (see :func:`text_width`)."""
    return text + " " * max(0, width - text_width(text))


class DealList(QStackedWidget):
    """The list of today's deals, or a line saying there is none yet."""

    def __init__(
        self, business_day: BusinessDay = BEIJING_DAY, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._business_day = business_day
        self.list = QListWidget()
        self.list.setObjectName("recentDeals")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setFamilies([*LIST_FONTS, fixed.family()])
        fixed.setStyleHint(QFont.StyleHint.Monospace)
        self.list.setFont(fixed)
        self.empty = QLabel(self.tr("No payments yet today."))
        self.empty.setObjectName("recentEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.empty)
        self.addWidget(self.list)

    def show_deals(self, deals: list[Deal], current_number: str | None) -> None:
        """Show ``deals``, newest first; ``current_number`` is the deal on screen, whose
        state is its own (the others still unfinished are being settled in the background)."""
        self.list.clear()
        states: list[str] = []
        for deal in deals:
            if deal.state.is_unfinished and deal.out_trade_no != current_number:
                # Left by the clerk, still being settled with WeChat Pay in the background.
                state = self.tr("result pending")
            else:
                state = deal_state_text(deal.state)
            if deal.is_late:
                late = self.tr("%1 (late)")
                state = late.replace("%1", state)
            states.append(state)
        width = max((text_width(state) for state in states), default=0)
        methods = [method_text(deal.method) for deal in deals]
        method_width = max((text_width(method) for method in methods), default=0)
        for deal, state, method in zip(deals, states, methods, strict=True):
            line = (
                f"{self._business_day.local(deal.created_at):%H:%M:%S}   "
                f"{format_fen(deal.amount_fen, symbol='¥'):>10}   {pad(method, method_width)}   "
                f"{pad(state, width)}   {deal.product}"
            )
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, deal.out_trade_no)
            item.setForeground(QColor(state_colours().get(deal.state, "#1f2328")))
            self.list.addItem(item)
        self.setCurrentWidget(self.list if deals else self.empty)
