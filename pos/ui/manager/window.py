"""The manager's day: the deals, totals and chart; export, refund and reconcile buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos.refunds import RefundProgress
from pos.reports.day import DayReport, DealRow, day_report, search_rows
from pos.reports.export import export
from pos.reports.progress import Watch
from pos.reports.reconcile import BillNotReady, ReconcileReport, reconcile_day
from pos.store import Deal, DealState
from pos.ui.manager.alarms import AlarmBanner
from pos.ui.manager.chart import HourlyChart
from pos.ui.manager.common import alive, error_words
from pos.ui.manager.long_work import LongWork
from pos.ui.manager.reconcile import ReconcileDialog
from pos.ui.manager.refund import RefundDialog
from pos.ui.manager.services import ManagerServices
from pos.ui.manager.shop_day import ShopDayView
from pos.ui.manager.table import DealTable, DealTableModel
from pos.ui.manager.totals import TotalCards


class ManagerWindow(QWidget):
    """The day's transactions, totals and chart; export, refund, reconcile and close buttons."""

    #: The day's report was loaded and shown.
    day_loaded = Signal(object)
    #: An export finished: (path, Totals) or failed: (path, message).
    export_finished = Signal(object, object)
    export_failed = Signal(object, str)
    #: A reconciliation report is shown.
    reconcile_finished = Signal(object)
    #: A long task (``"export"`` or ``"reconcile"``) stopped after the manager cancelled it;
    #: emitted when the worker has really stopped (and removed any partial file).
    work_cancelled = Signal(str)

    def __init__(self, services: ManagerServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerWindow")
        self._services = services
        self.report: DayReport | None = None
        self.reconcile_dialog: ReconcileDialog | None = None
        self.refund_dialog: RefundDialog | None = None
        self.shop_day_view: ShopDayView | None = None
        #: The progress of the long task running now (export or reconcile), if any.
        self.progress_dialog: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Manager — transactions of the day"))
        self._build()
        self.load_day()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.addLayout(self._day_row())
        self.totals = TotalCards(
            {
                "count": self.tr("Paid deals"),
                "gross": self.tr("Takings"),
                "refunded": self.tr("Refunded"),
                "net": self.tr("Net"),
            }
        )
        #: The value label of each figure: ``count``, ``gross``, ``refunded``, ``net``.
        self.total_labels = self.totals.labels
        outer.addWidget(self.totals)
        # §5.2 step 6: deals WeChat Pay reported paid with another amount, never counted.
        self.alarm_label = AlarmBanner()
        outer.addWidget(self.alarm_label)
        outer.addWidget(self._deals_and_chart(), 1)
        outer.addLayout(self._action_row())
        self._update_buttons()

    def _day_row(self) -> QHBoxLayout:
        """The day picker, the search and Refresh."""
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("dayPicker")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = self._services.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(lambda _: self.load_day())
        top.addWidget(self.date_edit)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("dealSearch")
        self.search_edit.setPlaceholderText(self.tr("Search amount or order number"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._apply_search)
        top.addWidget(self.search_edit, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.load_day)
        top.addWidget(self.refresh_button)
        return top

    def _deals_and_chart(self) -> QSplitter:
        """The deals' table above the chart of takings by hour."""
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = DealTableModel(self)
        self.table = DealTable(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        splitter.addWidget(self.table)
        self.chart = HourlyChart()
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 260])
        return splitter

    def _action_row(self) -> QHBoxLayout:
        """The status line, then export, refund and reconcile."""
        actions = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("managerStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file name or WeChat
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        actions.addWidget(self.status, 1)
        # What the export buttons write: the picked day, or its month up to that day.
        self.export_span = QComboBox()
        self.export_span.setObjectName("exportSpan")
        self.export_span.addItem(self.tr("This day"), "day")
        self.export_span.addItem(self.tr("Its month"), "month")
        actions.addWidget(self.export_span)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button = QPushButton(self.tr("Export Excel…"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setObjectName("refundButton")
        self.refund_button.clicked.connect(self.open_refund)
        self.reconcile_button = QPushButton(self.tr("Reconcile with WeChat…"))
        self.reconcile_button.clicked.connect(self.reconcile)
        # The whole shop's day (every till, from the shop server): pos.ui.manager.shop_day.
        self.shop_button = QPushButton(self.tr("Whole shop…"))
        self.shop_button.setObjectName("shopDayButton")
        self.shop_button.clicked.connect(self.open_shop_day)
        # A till with clerks: the manager adds and deactivates them here.
        self.accounts_button = QPushButton(self.tr("Clerks…"))
        self.accounts_button.setObjectName("accountsButton")
        self.accounts_button.clicked.connect(self.open_accounts)
        self.accounts_button.setVisible(self._services.accounts is not None)
        self.accounts_dialog: QWidget | None = None
        # Esc closes the view too (keyPressEvent): a till is worked from the keyboard.
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeManager")
        self.close_button.clicked.connect(self.close)
        for button in (
            self.csv_button,
            self.xlsx_button,
            self.refund_button,
            self.reconcile_button,
            self.shop_button,
            self.accounts_button,
            self.close_button,
        ):
            actions.addWidget(button)
        return actions

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc that no child took (the table, the search, the buttons leave it) closes the
        # view, as it closes a dialog; a dialog of the view's own takes its Esc first.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.close()
            return
        super().keyPressEvent(event)

    # -- the day ---------------------------------------------------------------------------

    @property
    def day(self) -> date:
        picked = self.date_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_day(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def load_day(self) -> None:
        day, store = self.day, self._services.store
        business_day = self._services.settings.business_day
        self.status.setText(self.tr("Loading %1…").replace("%1", day.isoformat()))
        # Reads, not writes: not on the single DB writer, where they would hold up the
        # till's own writes (SQLite in WAL mode reads alongside a writer).
        self._services.workers.network(
            lambda: day_report(store, day, business_day),
            on_done=alive(self, self._on_day_loaded),
            on_error=alive(self, self._on_day_failed),
        )
        start, _ = business_day.bounds(day)
        self._services.workers.network(
            lambda: (day, store.alarmed_deals(start, start + timedelta(days=1))),
            on_done=alive(self, self._on_alarms_loaded),
            on_error=alive(self, self._on_day_failed),
        )

    def _on_alarms_loaded(self, loaded: tuple[date, list[Deal]]) -> None:
        day, deals = loaded
        if day != self.day:
            return
        self.alarm_label.show_deals(deals)

    def _on_day_loaded(self, report: DayReport) -> None:
        if report.day != self.day:
            return  # an older request; the newer one is on its way
        self.report = report
        self.totals.show_totals(report.totals)
        self.chart.set_takings(report.hourly_fen, self.tr("Takings by hour"))
        self._apply_search()
        self.day_loaded.emit(report)

    def _on_day_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not load the day: %1").replace("%1", error_words(exc)))

    def _apply_search(self) -> None:
        rows = list(self.report.rows) if self.report is not None else []
        shown = search_rows(rows, self.search_edit.text())
        self.model.set_rows(shown)
        self.status.setText(
            self.tr("%1 deals, %2 shown.")
            .replace("%1", str(len(rows)))
            .replace("%2", str(len(shown)))
        )
        self._update_buttons()

    def selected_row(self) -> DealRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def select_deal(self, out_trade_no: str) -> bool:
        for index, row in enumerate(self.model.rows):
            if row.out_trade_no == out_trade_no:
                self.table.selectRow(index)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.refund_button.setEnabled(
            row is not None and row.state in (DealState.PAID, DealState.PARTIALLY_REFUNDED)
        )

    # -- export ----------------------------------------------------------------------------

    def export_range(self) -> tuple[date, date]:
        """The days the export buttons write: the picked day, or its month up to that day."""
        day = self.day
        if self.export_span.currentData() == "month":
            return day.replace(day=1), day
        return day, day

    def _ask_export(self, fmt: str) -> None:
        # A till with clerks: an export needs a manager (or one's approval at the till).
        self._services.guarded("export", lambda: self._ask_export_path(fmt))

    def _ask_export_path(self, fmt: str) -> None:
        first, last = self.export_range()
        name = first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"
        suggested = str(Path.home() / f"deals-{name}.{fmt}")
        filters = "CSV (*.csv)" if fmt == "csv" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), suggested, filters)
        if path:
            self.export_to(Path(path), fmt, *self.export_range())

    def export_to(
        self, path: Path, fmt: str, date_from: date | None = None, date_to: date | None = None
    ) -> None:
        """Export the picked day (or ``date_from``..``date_to``) to ``path`` on a worker of its
        own (long: never on the DB writer, which the till's payments need, nor on the network
        pool). Past :attr:`ManagerServices.progress_after_ms` it shows progress and Cancel."""
        store = self._services.store
        day = date_from or self.day
        last = date_to or day
        language = self._services.settings.language
        business_day = self._services.settings.business_day
        self.status.setText(self.tr("Exporting…"))
        self._run_long(
            "export",
            self.tr("Exporting…"),
            lambda watch: export(
                store,
                day,
                last,
                fmt,
                path,
                language=language,
                watch=watch,
                business_day=business_day,
            ),
            on_done=lambda totals: self._on_exported(path, totals),
            on_error=lambda exc: self._on_export_failed(path, exc),
        )

    def _run_long(
        self,
        kind: str,
        label: str,
        work: Callable[[Watch], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``work`` as a :class:`LongWork`: progress when it lasts, a Cancel that stops it."""
        long_work = LongWork(
            self,
            self._services.workers,
            label,
            self.tr("Cancel"),
            show_after_ms=self._services.progress_after_ms,
        )
        dialog = long_work.dialog
        dialog.canceled.connect(lambda: self._on_cancel_clicked(kind))
        long_work.cancelled.connect(lambda: self.work_cancelled.emit(kind))
        long_work.ended.connect(lambda: self._forget_progress(dialog))
        self.progress_dialog = dialog
        long_work.start(work, on_done=on_done, on_error=on_error)

    def _forget_progress(self, dialog: QProgressDialog) -> None:
        if self.progress_dialog is dialog:
            self.progress_dialog = None

    def _on_cancel_clicked(self, kind: str) -> None:
        # Said at once: the window does not wait for the worker to reach its next step.
        if kind == "export":
            self.status.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.reconcile_button.setEnabled(True)
            self.status.setText(self.tr("Reconciliation cancelled."))

    def _on_exported(self, path: Path, totals: Any) -> None:
        self.status.setText(
            self.tr("Exported %1 deals to %2.")
            .replace("%1", str(totals.all_count))
            .replace("%2", str(path))
        )
        self.export_finished.emit(path, totals)

    def _on_export_failed(self, path: Path, exc: BaseException) -> None:
        self.status.setText(self.tr("Export failed: %1").replace("%1", error_words(exc)))
        self.export_failed.emit(path, error_words(exc))

    # -- refund ----------------------------------------------------------------------------

    def open_shop_day(self) -> ShopDayView:
        """The whole shop's day of the picked day, in a window of its own (Esc closes it)."""
        view = ShopDayView(self._services, self.day, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.resize(960, 560)
        view.show()
        self.shop_day_view = view
        return view

    def open_refund(self) -> RefundDialog | None:
        """The refund dialog for the selected deal; a clerk is refused it in plain words and
        a manager may approve it with their PIN (then it opens)."""
        row = self.selected_row()
        if row is None or row.state not in (DealState.PAID, DealState.PARTIALLY_REFUNDED):
            return None
        self._services.guarded("refund", lambda: self._show_refund(row))
        return self.refund_dialog

    def _show_refund(self, row: DealRow) -> RefundDialog:
        dialog = RefundDialog(self._services, row, self)
        dialog.refund_finished.connect(self._on_refund_finished)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self.refund_dialog = dialog
        return dialog

    def _on_refund_finished(self, progress: RefundProgress) -> None:
        self.status.setText(
            self.tr("Refund of %1: %2")
            .replace("%1", progress.deal.out_trade_no)
            .replace("%2", progress.refund.state.value)
        )
        self.load_day()

    # -- accounts --------------------------------------------------------------------------

    def open_accounts(self) -> None:
        """The clerks and managers (a manager's, or with a manager's approval)."""
        accounts = self._services.accounts
        if accounts is None:
            return

        def show() -> None:
            from pos.ui.manager.accounts import AccountsDialog

            dialog = AccountsDialog(accounts, self._services.workers, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.show()
            self.accounts_dialog = dialog

        self._services.guarded("accounts", show)

    # -- reconcile -------------------------------------------------------------------------

    def reconcile(self) -> None:
        self._services.guarded("reconcile", self._reconcile)

    def _reconcile(self) -> None:
        day, store, client = self.day, self._services.store, self._services.client
        label = self.tr("Downloading WeChat's bill of %1…").replace("%1", day.isoformat())
        self.status.setText(label)
        self.reconcile_button.setEnabled(False)
        # Long-running pool: a big bill must not hold up the till's polls on the network pool.
        self._run_long(
            "reconcile",
            label,
            lambda watch: reconcile_day(store, client, day, watch=watch),
            on_done=self._on_reconciled,
            on_error=self._on_reconcile_failed,
        )

    def _on_reconciled(self, report: ReconcileReport) -> None:
        self.reconcile_button.setEnabled(True)
        dialog = ReconcileDialog(report, self._services, self)
        self.status.setText(dialog.summary_text())
        dialog.show()
        self.reconcile_dialog = dialog
        self.reconcile_finished.emit(report)

    def _on_reconcile_failed(self, exc: BaseException) -> None:
        self.reconcile_button.setEnabled(True)
        if isinstance(exc, BillNotReady):
            # §3.8: not a failure, a bill that does not exist yet; say when it will.
            self.status.setText(
                self.tr(
                    "WeChat makes the bill of %1 the next morning. You can reconcile it after %2."
                )
                .replace("%1", exc.day.isoformat())
                .replace("%2", f"{exc.ready_at:%Y-%m-%d %H:%M}")
            )
            return
        self.status.setText(self.tr("Reconciliation failed: %1").replace("%1", error_words(exc)))
