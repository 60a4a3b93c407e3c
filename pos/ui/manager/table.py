"""The day's deals as a table: the model (a deal's state in the manager's words) and its view."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pos.reports.day import DealRow
from pos.store import DealState
from pos.ui.manager.common import yuan
from pos.ui.texts import method_text


class DealTableModel(QAbstractTableModel):
    """The day's deals (after the search) as a table. Rows are :class:`DealRow`."""

    # QT_TRANSLATE_NOOP marks these for lupdate; they are translated when shown.
    HEADERS: ClassVar[tuple[str, ...]] = tuple(
        str(text)
        for text in (
            QT_TRANSLATE_NOOP("DealTableModel", "Time"),
            QT_TRANSLATE_NOOP("DealTableModel", "Product"),
            QT_TRANSLATE_NOOP("DealTableModel", "Amount"),
            QT_TRANSLATE_NOOP("DealTableModel", "Method"),
            QT_TRANSLATE_NOOP("DealTableModel", "State"),
            QT_TRANSLATE_NOOP("DealTableModel", "Refunded"),
            QT_TRANSLATE_NOOP("DealTableModel", "Order number"),
            QT_TRANSLATE_NOOP("DealTableModel", "WeChat transaction"),
        )
    )
    _STATE_TEXT: ClassVar[dict[DealState, str]] = {
        state: str(text)
        for state, text in (
            (DealState.CREATED, QT_TRANSLATE_NOOP("DealTableModel", "creating")),
            (DealState.ORDERED, QT_TRANSLATE_NOOP("DealTableModel", "waiting")),
            (DealState.PAID, QT_TRANSLATE_NOOP("DealTableModel", "paid")),
            (DealState.CLOSING, QT_TRANSLATE_NOOP("DealTableModel", "closing")),
            (DealState.CLOSED, QT_TRANSLATE_NOOP("DealTableModel", "closed")),
            (DealState.FAILED, QT_TRANSLATE_NOOP("DealTableModel", "failed")),
            (DealState.PARTIALLY_REFUNDED, QT_TRANSLATE_NOOP("DealTableModel", "part refunded")),
            (DealState.REFUNDED, QT_TRANSLATE_NOOP("DealTableModel", "refunded")),
            (DealState.REVERSING, QT_TRANSLATE_NOOP("DealTableModel", "reversing")),
            (DealState.REVERSED, QT_TRANSLATE_NOOP("DealTableModel", "reversed")),
        )
    }
    _MONEY_COLUMNS = frozenset({2, 5})
    _STATE_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DealRow] = []

    def set_rows(self, rows: list[DealRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: int) -> DealRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    @property
    def rows(self) -> list[DealRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def state_text(self, state: DealState) -> str:
        return self.tr(self._STATE_TEXT[state])

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.time.strftime("%H:%M:%S"),
                row.product,
                yuan(row.amount_fen),
                method_text(row.method),
                self.state_text(row.state),
                yuan(row.refunded_fen) if row.refunded_fen else "",
                row.out_trade_no,
                row.transaction_id,
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._MONEY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self._STATE_COLUMN:
            if row.state in (DealState.PARTIALLY_REFUNDED, DealState.REFUNDED):
                return QColor("#b45309")
            if not row.is_paid:
                return QColor("#6b7280")
            return QColor("#166534")
        return None


class DealTable(QTableView):
    """The deals, one selectable row each, read-only; the product's column takes the room."""

    def __init__(self, model: DealTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
