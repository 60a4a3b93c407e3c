"""The day's figures on cards: paid deals, takings, refunded, net."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.reports.day import Totals
from pos.ui.manager.common import yuan


class TotalCards(QWidget):
    """One card per figure, its caption above its value; ``net`` in WeChat's green.

    The captions come from the window that shows the cards (its translation context).
    """

    KEYS = ("count", "gross", "refunded", "net")

    def __init__(self, captions: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        #: The value label of each figure, by key (``total_<key>`` as its object name).
        self.labels: dict[str, QLabel] = {}
        for key in self.KEYS:
            card = QFrame()
            card.setObjectName("totalCard")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setStyleSheet(
                "#totalCard { background: white; border: 1px solid #d0d7de; border-radius: 8px; }"
            )
            box = QVBoxLayout(card)
            caption = QLabel(captions[key])
            caption.setStyleSheet("color: #57606a; font-size: 14px; border: none;")
            value = QLabel("—")
            value.setObjectName(f"total_{key}")
            value.setStyleSheet(
                "font-size: 26px; font-weight: bold; border: none;"
                + (" color: #07c160;" if key == "net" else "")
            )
            box.addWidget(caption)
            box.addWidget(value)
            self.labels[key] = value
            row.addWidget(card)

    def show_totals(self, totals: Totals) -> None:
        self.labels["count"].setText(str(totals.count))
        self.labels["gross"].setText(yuan(totals.gross_fen))
        self.labels["refunded"].setText(yuan(totals.refunded_fen))
        self.labels["net"].setText(yuan(totals.net_fen))
