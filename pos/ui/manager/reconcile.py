"""The reconciliation's report in a dialog: a summary line and the differences, as CSV too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.reports.reconcile import Kind, ReconcileReport
from pos.ui.manager.common import yuan
from pos.ui.manager.services import ManagerServices

#: The reconciliation's differences in the manager's words (the values are the core's stable
#: English labels of the CSV and the logs; these are what the dialog shows, translated).
KIND_WORDS: dict[Kind, object] = {
    Kind.PAID_THERE_UNKNOWN_HERE: QT_TRANSLATE_NOOP(
        "ReconcileDialog", "paid at WeChat, unknown here"
    ),
    Kind.PAID_THERE_UNPAID_HERE: QT_TRANSLATE_NOOP(
        "ReconcileDialog", "paid at WeChat, not paid here"
    ),
    Kind.PAID_HERE_MISSING_THERE: QT_TRANSLATE_NOOP(
        "ReconcileDialog", "paid here, missing at WeChat"
    ),
    Kind.AMOUNT_MISMATCH: QT_TRANSLATE_NOOP("ReconcileDialog", "amount differs"),
    Kind.STATE_MISMATCH: QT_TRANSLATE_NOOP("ReconcileDialog", "state differs"),
    Kind.REFUND_UNKNOWN_HERE: QT_TRANSLATE_NOOP(
        "ReconcileDialog", "refund at WeChat, unknown here"
    ),
    Kind.REFUND_MISSING_THERE: QT_TRANSLATE_NOOP(
        "ReconcileDialog", "refund here, missing at WeChat"
    ),
    Kind.REFUND_MISMATCH: QT_TRANSLATE_NOOP("ReconcileDialog", "refund differs"),
}


class ReconcileDialog(QDialog):
    """The reconciliation report: a summary line and the differences, exportable as CSV."""

    def __init__(
        self, report: ReconcileReport, services: ManagerServices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reconcileDialog")
        self.report = report
        self._services = services
        self.setWindowTitle(self.tr("Reconciliation of %1").replace("%1", report.day.isoformat()))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        self.headline = QLabel(
            self.tr("Everything matches.")
            if report.is_clean
            else self.tr("%n difference(s) found.", "", len(report.differences))
        )
        self.headline.setStyleSheet(
            "font-size: 18px; font-weight: bold; color: "
            + ("#166534;" if report.is_clean else "#b91c1c;")
        )
        layout.addWidget(self.headline)
        summary = QLabel(self.summary_text())
        summary.setObjectName("reconcileSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.table = QTableWidget(len(report.differences), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Order number"), self.tr("Here"), self.tr("WeChat")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for n, d in enumerate(report.differences):
            number = d.out_trade_no + (f" / {d.out_refund_no}" if d.out_refund_no else "")
            here = self._side(d.local_fen, self.state_text(d.local_state))
            there = self._side(d.wechat_fen, self.state_text(d.wechat_state))
            for column, text in enumerate((self.tr(str(KIND_WORDS[d.kind])), number, here, there)):
                item = QTableWidgetItem(text)
                # The core's detail line (English, with times and ids) for whoever wants it.
                item.setToolTip(d.detail)
                self.table.setItem(n, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export differences…"))
        self.export_button.setEnabled(not report.is_clean)
        self.export_button.clicked.connect(self._ask_export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    _STATES: ClassVar[dict[str, str]] = {
        state: str(text)
        for state, text in (
            ("PAID", QT_TRANSLATE_NOOP("ReconcileDialog", "paid")),
            ("PARTIALLY_REFUNDED", QT_TRANSLATE_NOOP("ReconcileDialog", "part refunded")),
            ("REFUNDED", QT_TRANSLATE_NOOP("ReconcileDialog", "refunded")),
            ("CREATED", QT_TRANSLATE_NOOP("ReconcileDialog", "creating")),
            ("ORDERED", QT_TRANSLATE_NOOP("ReconcileDialog", "waiting")),
            ("CLOSING", QT_TRANSLATE_NOOP("ReconcileDialog", "closing")),
            ("CLOSED", QT_TRANSLATE_NOOP("ReconcileDialog", "closed")),
            ("FAILED", QT_TRANSLATE_NOOP("ReconcileDialog", "failed")),
            ("SUCCESS", QT_TRANSLATE_NOOP("ReconcileDialog", "succeeded")),
            ("REVOKED", QT_TRANSLATE_NOOP("ReconcileDialog", "reversed")),
            ("PROCESSING", QT_TRANSLATE_NOOP("ReconcileDialog", "processing")),
            ("PENDING", QT_TRANSLATE_NOOP("ReconcileDialog", "unconfirmed")),
            ("REFUNDCLOSE", QT_TRANSLATE_NOOP("ReconcileDialog", "refund closed")),
            ("CHANGE", QT_TRANSLATE_NOOP("ReconcileDialog", "refund abnormal")),
        )
    }

    def state_text(self, state: str) -> str:
        """A local or WeChat state in the manager's language (unknown ones as they are)."""
        text = self._STATES.get(state)
        return self.tr(text) if text is not None else state

    @staticmethod
    def _side(fen: int | None, state: str) -> str:
        # "—": that side has no record of it at all.
        return (
            " ".join(part for part in (yuan(fen) if fen is not None else "", state) if part) or "—"
        )

    def summary_text(self) -> str:
        r = self.report
        text = (
            self.tr("%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.")
            .replace("%1", r.day.isoformat())
            .replace("%2", yuan(r.wechat_paid_fen))
            .replace("%3", yuan(r.wechat_refunded_fen))
            .replace("%4", yuan(r.local_paid_fen))
            .replace("%5", yuan(r.local_refunded_fen))
        )
        if not r.has_bill:
            text += " " + self.tr("WeChat has no bill for this day.")
        if self._services.settings.is_sandbox and r.day == self._services.today():
            text += " " + self.tr(
                "Sandbox: the bill of today up to now (a real merchant gets it tomorrow after "
                "10:00)."
            )
        if r.notes:
            text += " " + self.tr("%n refund(s) still unconfirmed here.", "", len(r.notes))
        return text

    def _ask_export(self) -> None:
        suggested = str(Path.home() / f"reconcile-{self.report.day.isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export differences…"), suggested, "CSV (*.csv)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path, on_done: Callable[[Path], None] | None = None) -> None:
        report = self.report

        def write() -> Path:
            report.write_csv(path)
            return path

        self._services.workers.long_running(write, on_done=on_done)
