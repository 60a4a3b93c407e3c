"""The day's alarms above the deals: paid at WeChat Pay with another amount, never counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from pos.store import Deal
from pos.ui.manager.common import yuan


class AlarmBanner(QLabel):
    """One line per alarmed deal (§5.2 step 6: WeChat Pay reported it paid with an amount
    other than ours, so it is not counted as paid); hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerAlarms")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the alarm quotes what WeChat sent
        self.setStyleSheet("background: #fee2e2; color: #991b1b; font-weight: bold; padding: 6px;")
        self.setVisible(False)

    def show_deals(self, deals: list[Deal]) -> None:
        lines = [
            self.tr("ALARM %1 %2: %3")
            .replace("%1", deal.out_trade_no)
            .replace("%2", yuan(deal.amount_fen))
            .replace("%3", deal.alarm or "")
            for deal in deals
        ]
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
