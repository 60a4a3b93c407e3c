"""The banner of payments that came after the clerk gave up, shown until each is acknowledged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from pos.money import format_fen

if TYPE_CHECKING:
    from pos.store import Deal


class LateBanner(QFrame):
    """Says the oldest late payment not yet acknowledged, and how many more wait."""

    #: The clerk acknowledged this late payment (a :class:`pos.store.Deal`).
    acknowledged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lateBanner")
        self._late: list[Deal] = []
        self.text = QLabel()
        self.text.setWordWrap(True)
        # The product's name is shown as typed, never as markup.
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.ack_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ack_button.clicked.connect(self.acknowledge)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.ack_button)
        self.setVisible(False)

    @property
    def payments(self) -> list[Deal]:
        """The late payments not acknowledged yet, oldest first."""
        return list(self._late)

    def add(self, deal: Deal) -> None:
        self._late.append(deal)
        self._show()

    def acknowledge(self) -> None:
        """The clerk saw the oldest one: the next one is shown, or the banner goes."""
        if self._late:
            self.acknowledged.emit(self._late.pop(0))
        self._show()

    def _show(self) -> None:
        if not self._late:
            self.setVisible(False)
            return
        deal = self._late[0]
        text = self.tr(
            'LATE PAYMENT: %1 for "%2" was paid after the code was taken away. '
            "It is recorded as paid.",
        )
        text = text.replace("%1", format_fen(deal.amount_fen, symbol="¥ ")).replace(
            "%2", deal.product
        )
        if len(self._late) > 1:
            more = self.tr("(%n more)", "", len(self._late) - 1)
            text += " " + more
        self.text.setText(text)
        self.setVisible(True)
