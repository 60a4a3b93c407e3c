"""The manager's view behind a PIN: the day's deals and totals, export, refund, reconcile.

Everything slow runs on :class:`pos.ui.workers.Workers` (reading the day, exporting, refunds
and their follow-up queries, downloading the bill); the widgets only show results. Texts go
through ``self.tr()``; the translation contexts are the class names ``PinDialog``,
``ManagerWindow``, ``DealTableModel``, ``RefundDialog`` and ``ReconcileDialog``; their Chinese
is in ``resources/i18n/pos_zh_CN.ts`` with the rest of the window's.

Entry point for the cashier: ``open_manager(parent, manager_services(cashier_app))``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import shiboken6
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
)
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.config import save_pin_hash
from pos.errors import AmountError, Cancelled, PosError, RefundLimitError
from pos.money import format_fen, parse_amount
from pos.pin import (
    PIN_MAX_DIGITS,
    PinGate,
    hash_pin,
    is_valid_new_pin,
)
from pos.refunds import Refunder, RefundProgress
from pos.reports.day import DayReport, DealRow, day_report, search_rows
from pos.reports.export import export
from pos.reports.progress import WHOLE, Watch
from pos.reports.reconcile import BillNotReady, Kind, ReconcileReport, reconcile_day
from pos.store import Deal, DealState, Store
from pos.ui.counter import RefundSlipRow
from pos.ui.wechat_words import error_text, refusal_text
from pos.ui.workers import TaskProgress
from pos.wechatpay.types import Bill, RefundQueryResult, RefundResult

if TYPE_CHECKING:
    from pos.config import Settings
    from pos.ui.app import CashierApp
    from pos.ui.counter import Counter
    from pos.ui.workers import Workers

log = logging.getLogger(__name__)

# --- what the manager view works with ------------------------------------------------------------


class ManagerClient(Protocol):
    """What the view needs of :class:`pos.wechatpay.client.WeChatPayClient`."""

    def refund(
        self,
        *,
        out_refund_no: str,
        total_fee: int,
        refund_fee: int,
        out_trade_no: str | None = None,
        transaction_id: str | None = None,
        refund_desc: str | None = None,
        notify_url: str | None = None,
    ) -> RefundResult: ...

    def refund_query(
        self,
        *,
        out_refund_no: str | None = None,
        refund_id: str | None = None,
        out_trade_no: str | None = None,
        transaction_id: str | None = None,
        offset: int | None = None,
    ) -> RefundQueryResult: ...

    def download_bill(
        self, bill_date: date, bill_type: str = "ALL", *, gzip: bool = False
    ) -> Bill: ...


@dataclass
class ManagerServices:
    """The store, the merchant's client, the app's workers and settings.

    ``save_settings`` persists the new PIN hash (it runs on a worker); ``follow_seconds`` is
    how long a refund is followed with refundquery before the view stops waiting for it.
    """

    store: Store
    client: ManagerClient
    workers: Workers
    settings: Settings
    save_settings: Callable[[Settings], None] = save_pin_hash
    refund_notify_url: str | None = None
    follow_seconds: float = 30.0
    follow_interval: float = 2.0
    pin_clock: Callable[[], float] = time.monotonic
    #: The app's one gate for the PIN: shared by every PIN dialog, so closing and reopening
    #: the dialog does not reset the count of wrong PINs or end a lock-out.
    pin_gate: PinGate | None = None
    #: An export or a reconciliation still running after this long shows its progress and a
    #: Cancel button (QProgressDialog's minimum duration).
    progress_after_ms: int = 1000
    #: Prints the slip of a refund that succeeded (when a printer is set).
    counter: Counter | None = None

    def today(self) -> date:
        """Today, the shop's business day (the settings' time zone)."""
        return self.settings.business_day.today()


def manager_services(app: CashierApp) -> ManagerServices:
    """Build the manager's services from a started cashier (its store, workers, settings).

    The client is a second WeChatPayClient of the same merchant and base URL as the till's:
    refunds (``secapi``) need the merchant certificate from the settings, the till's
    checkout client does not.
    """
    from pos.wechatpay.client import WeChatPayClient

    services = app.services
    if services is None:
        raise PosError("the till is not ready yet")
    base_url = (
        services.servers[0].url if services.sandbox is not None else app.settings.api_base_url
    )
    client = WeChatPayClient(services.backend.merchant, base_url=base_url)
    notify = f"{services.relay_url}/wechatpay/refund-notify" if services.relay_url else None
    return ManagerServices(
        store=services.backend.store,
        client=client,
        workers=app.workers,
        settings=app.settings,
        refund_notify_url=notify,
        pin_gate=app.pin_gate(),
        counter=app.counter,
    )


def open_manager(parent: QWidget | None, services: ManagerServices) -> PinDialog:
    """Ask for the PIN (set it the first time), then open the manager window.

    Returns the PIN dialog (shown, window-modal); ``dialog.window_opened`` carries the
    manager window once the right PIN was entered.
    """
    dialog = PinDialog(services, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


# --- the PIN dialog -------------------------------------------------------------------------------


class PinDialog(QDialog):
    """Set the PIN the first time; then ask for it, with a lock-out after 5 wrong ones."""

    #: The right PIN was entered (or a new one saved) and the manager window is open.
    window_opened = Signal(object)

    #: The right PIN was entered when the dialog only guards something else (the settings).
    unlocked = Signal()

    def __init__(
        self,
        services: ManagerServices,
        parent: QWidget | None = None,
        *,
        opens_manager: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self._services = services
        self._opens_manager = opens_manager
        stored = services.settings.manager_pin_hash or ""
        self._is_setting = not stored
        shared = services.pin_gate
        self._gate = (
            None
            if self._is_setting
            else shared
            if shared is not None and shared.stored_hash == stored
            else PinGate(stored, clock=services.pin_clock)
        )
        self.manager_window: ManagerWindow | None = None
        self.setWindowTitle(self.tr("Manager"))
        layout = QVBoxLayout(self)
        self.prompt = QLabel(
            self.tr("Set a manager PIN (4 to 12 digits). It guards refunds and the day's figures.")
            if self._is_setting
            else self.tr("Enter the manager PIN.")
        )
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        self.pin_edit.setMaxLength(PIN_MAX_DIGITS)
        self.pin_edit.returnPressed.connect(self.submit)
        layout.addWidget(self.pin_edit)
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit.setPlaceholderText(self.tr("PIN again"))
        self.again_edit.setMaxLength(PIN_MAX_DIGITS)
        self.again_edit.returnPressed.connect(self.submit)
        self.again_edit.setVisible(self._is_setting)
        layout.addWidget(self.again_edit)
        self.message = QLabel()
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        # Re-enables the input when the lock-out is over (checked once a second).
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.refresh_lock)
        self.setMinimumWidth(360)
        self.refresh_lock()

    @property
    def is_setting(self) -> bool:
        return self._is_setting

    @property
    def gate(self) -> PinGate | None:
        return self._gate

    def submit(self) -> None:
        if self._is_setting:
            self._set_pin()
        else:
            self._check_pin()

    def _set_pin(self) -> None:
        pin, again = self.pin_edit.text(), self.again_edit.text()
        if not is_valid_new_pin(pin):
            self.message.setText(self.tr("The PIN must be 4 to 12 digits."))
            return
        if pin != again:
            self.message.setText(self.tr("The two PINs differ."))
            return
        self.message.setText(self.tr("Saving the PIN…"))
        self.ok_button.setEnabled(False)
        save = self._services.save_settings
        current = self._services.settings

        def hash_and_save() -> Settings:
            # scrypt takes ~50 ms: on the worker, with the save, not on the main thread.
            settings = replace(current, manager_pin_hash=hash_pin(pin))
            save(settings)
            return settings

        self._services.workers.db(
            hash_and_save,
            on_done=_alive(self, self._on_pin_saved),
            on_error=_alive(self, self._on_pin_save_failed),
        )

    def _on_pin_saved(self, settings: Settings) -> None:
        self._services.settings.manager_pin_hash = settings.manager_pin_hash
        self._open_window()

    def _on_pin_save_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(
            self.tr("The PIN could not be saved: %1").replace(
                "%1", str(exc) if isinstance(exc, PosError) else type(exc).__name__
            )
        )

    def _check_pin(self) -> None:
        gate = self._gate
        assert gate is not None
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        if gate.check(pin):
            self._open_window()
            return
        if not self.refresh_lock():
            self.message.setText(
                self.tr("Wrong PIN. %1 tries left.").replace("%1", str(gate.tries_left))
            )

    def refresh_lock(self) -> bool:
        """Show the lock-out (and disable input) while it lasts; True when locked."""
        gate = self._gate
        seconds = gate.seconds_locked() if gate is not None else 0.0
        locked = seconds > 0
        self.pin_edit.setEnabled(not locked)
        self.ok_button.setEnabled(not locked)
        if locked:
            whole = int(seconds + 0.999)
            self.message.setText(
                self.tr("Too many wrong PINs. Locked for %1 min %2 s.")
                .replace("%1", str(whole // 60))
                .replace("%2", str(whole % 60))
            )
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        else:
            if self._lock_timer.isActive():
                self._lock_timer.stop()
                self.message.clear()
                self.pin_edit.setFocus()
        return locked

    def _open_window(self) -> None:
        if not self._opens_manager:
            self.unlocked.emit()
            self.accept()
            return
        window = ManagerWindow(self._services, self.parentWidget())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowFlag(Qt.WindowType.Window)
        window.resize(1200, 760)
        window.show()
        self.manager_window = window
        self.window_opened.emit(window)
        self.accept()


# --- the table ------------------------------------------------------------------------------------


def _yuan(fen: int) -> str:
    return format_fen(fen, symbol="¥")


class DealTableModel(QAbstractTableModel):
    """The day's deals (after the search) as a table. Rows are :class:`DealRow`."""

    # QT_TRANSLATE_NOOP marks these for lupdate; they are translated when shown.
    HEADERS: ClassVar[tuple[str, ...]] = tuple(
        str(text)
        for text in (
            QT_TRANSLATE_NOOP("DealTableModel", "Time"),
            QT_TRANSLATE_NOOP("DealTableModel", "Product"),
            QT_TRANSLATE_NOOP("DealTableModel", "Amount"),
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
        )
    }
    _MONEY_COLUMNS = frozenset({2, 4})

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
                _yuan(row.amount_fen),
                self.state_text(row.state),
                _yuan(row.refunded_fen) if row.refunded_fen else "",
                row.out_trade_no,
                row.transaction_id,
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._MONEY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            if row.state in (DealState.PARTIALLY_REFUNDED, DealState.REFUNDED):
                return QColor("#b45309")
            if not row.is_paid:
                return QColor("#6b7280")
            return QColor("#166534")
        return None


# --- the chart ------------------------------------------------------------------------------------


def _nice_step(max_fen: int) -> int:
    """A round tick step in fen (1, 2, 5 × 10^k yuan), about four ticks up to ``max_fen``."""
    step = 100
    while True:
        for factor in (1, 2, 5):
            if max_fen <= step * factor * 4:
                return step * factor
        step *= 10


class HourlyChart(QChartView):
    """Gross takings per hour of the day as bars; the axis labelled in yuan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.values: tuple[int, ...] = (0,) * 24
        chart = QChart()
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(6)
        self.setChart(chart)

    def set_takings(self, hourly_fen: tuple[int, ...], title: str) -> None:
        self.values = hourly_fen
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        bars = QBarSet("")
        bars.setColor(QColor("#07c160"))
        bars.setBorderColor(QColor("#059a4c"))
        for fen in hourly_fen:
            # Qt draws bars from qreal; integer fen converts exactly (no float arithmetic).
            bars.append(fen)
        series = QBarSeries()
        series.setBarWidth(0.8)
        series.append(bars)
        chart.addSeries(series)
        hours = QBarCategoryAxis()
        hours.append([str(h) for h in range(24)])
        chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(hours)
        top = max(hourly_fen) if any(hourly_fen) else 0
        step = _nice_step(top)
        money = QCategoryAxis()
        money.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        ticks = max(1, -(-top // step))
        money.setRange(0, step * ticks)
        for n in range(ticks + 1):
            money.append(format_fen(step * n, symbol="¥").removesuffix(".00"), step * n)
        money.setStartValue(0)
        chart.addAxis(money, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(money)


# --- the window -----------------------------------------------------------------------------------


class ManagerWindow(QWidget):
    """The day's transactions, totals and chart; export, refund and reconcile buttons."""

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
        #: The progress of the long task running now (export or reconcile), if any.
        self.progress_dialog: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Manager — transactions of the day"))
        self._build()
        self.load_day()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
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
        outer.addLayout(top)

        cards = QHBoxLayout()
        self.total_labels: dict[str, QLabel] = {}
        for key, title in (
            ("count", self.tr("Paid deals")),
            ("gross", self.tr("Takings")),
            ("refunded", self.tr("Refunded")),
            ("net", self.tr("Net")),
        ):
            card = QFrame()
            card.setObjectName("totalCard")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setStyleSheet(
                "#totalCard { background: white; border: 1px solid #d0d7de; border-radius: 8px; }"
            )
            box = QVBoxLayout(card)
            caption = QLabel(title)
            caption.setStyleSheet("color: #57606a; font-size: 14px; border: none;")
            value = QLabel("—")
            value.setObjectName(f"total_{key}")
            value.setStyleSheet(
                "font-size: 26px; font-weight: bold; border: none;"
                + (" color: #07c160;" if key == "net" else "")
            )
            box.addWidget(caption)
            box.addWidget(value)
            self.total_labels[key] = value
            cards.addWidget(card)
        outer.addLayout(cards)

        # §5.2 step 6: deals WeChat Pay reported paid with another amount, never counted.
        self.alarm_label = QLabel()
        self.alarm_label.setObjectName("managerAlarms")
        self.alarm_label.setWordWrap(True)
        self.alarm_label.setTextFormat(Qt.TextFormat.PlainText)
        self.alarm_label.setStyleSheet(
            "background: #fee2e2; color: #991b1b; font-weight: bold; padding: 6px;"
        )
        self.alarm_label.setVisible(False)
        outer.addWidget(self.alarm_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = DealTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("dealTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        splitter.addWidget(self.table)
        self.chart = HourlyChart()
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 260])
        outer.addWidget(splitter, 1)

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
        for button in (
            self.csv_button,
            self.xlsx_button,
            self.refund_button,
            self.reconcile_button,
        ):
            actions.addWidget(button)
        outer.addLayout(actions)
        self._update_buttons()

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
            on_done=_alive(self, self._on_day_loaded),
            on_error=_alive(self, self._on_day_failed),
        )
        start, _ = business_day.bounds(day)
        self._services.workers.network(
            lambda: (day, store.alarmed_deals(start, start + timedelta(days=1))),
            on_done=_alive(self, self._on_alarms_loaded),
            on_error=_alive(self, self._on_day_failed),
        )

    def _on_alarms_loaded(self, loaded: tuple[date, list[Deal]]) -> None:
        day, deals = loaded
        if day != self.day:
            return
        lines = [
            self.tr("ALARM %1 %2: %3")
            .replace("%1", deal.out_trade_no)
            .replace("%2", _yuan(deal.amount_fen))
            .replace("%3", deal.alarm or "")
            for deal in deals
        ]
        self.alarm_label.setText("\n".join(lines))
        self.alarm_label.setVisible(bool(lines))

    def _on_day_loaded(self, report: DayReport) -> None:
        if report.day != self.day:
            return  # an older request; the newer one is on its way
        self.report = report
        totals = report.totals
        self.total_labels["count"].setText(str(totals.count))
        self.total_labels["gross"].setText(_yuan(totals.gross_fen))
        self.total_labels["refunded"].setText(_yuan(totals.refunded_fen))
        self.total_labels["net"].setText(_yuan(totals.net_fen))
        self.chart.set_takings(report.hourly_fen, self.tr("Takings by hour"))
        self._apply_search()
        self.day_loaded.emit(report)

    def _on_day_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not load the day: %1").replace("%1", _text(exc)))

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
        """Run ``work`` on a long-running worker with a progress dialog that appears when it
        lasts and whose Cancel really stops it (the task raises Cancelled at its next step)."""
        progress = TaskProgress(self)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, WHOLE, self)
        dialog.setObjectName("longWorkProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(self._services.progress_after_ms)
        dialog.setValue(0)
        progress.changed.connect(dialog.setValue)
        dialog.canceled.connect(progress.cancel)
        dialog.canceled.connect(lambda: self._on_cancel_clicked(kind))
        self.progress_dialog = dialog

        def finish() -> None:
            progress.changed.disconnect(dialog.setValue)
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
            progress.deleteLater()
            if self.progress_dialog is dialog:
                self.progress_dialog = None

        def done(result: Any) -> None:
            finish()
            if progress.is_cancelled:
                self.work_cancelled.emit(kind)  # finished before it saw the cancel
                return
            on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled) or progress.is_cancelled:
                self.work_cancelled.emit(kind)
                return
            on_error(exc)

        self._services.workers.long_running(
            lambda: work(progress.watch),
            on_done=_alive(self, done),
            on_error=_alive(self, failed),
        )

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
        self.status.setText(self.tr("Export failed: %1").replace("%1", _text(exc)))
        self.export_failed.emit(path, _text(exc))

    # -- refund ----------------------------------------------------------------------------

    def open_refund(self) -> RefundDialog | None:
        row = self.selected_row()
        if row is None or row.state not in (DealState.PAID, DealState.PARTIALLY_REFUNDED):
            return None
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

    # -- reconcile -------------------------------------------------------------------------

    def reconcile(self) -> None:
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
        self.status.setText(self.tr("Reconciliation failed: %1").replace("%1", _text(exc)))


def _alive(widget: QObject, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn``, dropped when ``widget`` was deleted before a worker's result came back (the
    manager closed the window while a task ran)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            fn(*args)

    return call


def _text(exc: BaseException) -> str:
    """What to show of an error: WeChat Pay's refusal in words; our own messages carry no
    secret; others only their type."""
    return error_text(exc, str(exc) if isinstance(exc, PosError | OSError) else type(exc).__name__)


# --- refund ---------------------------------------------------------------------------------------


class RefundDialog(QDialog):
    """Amount and reason, then a confirmation page, then the refund on a worker."""

    #: The refund reached a final state, or stopped being followed: RefundProgress.
    refund_finished = Signal(object)

    def __init__(
        self, services: ManagerServices, row: DealRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self._services = services
        self.row = row
        self.refundable_fen = row.amount_fen - row.refunded_fen
        self.amount_fen: int | None = None
        self.progress: RefundProgress | None = None
        self.setWindowTitle(self.tr("Refund"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        self.about = QLabel()
        self.about.setWordWrap(True)
        ask_layout.addWidget(self.about)
        ask_layout.addWidget(QLabel(self.tr("Amount to refund")))
        self.amount_edit = QLineEdit(format_fen(self.refundable_fen))
        self.amount_edit.setObjectName("refundAmount")
        ask_layout.addWidget(self.amount_edit)
        ask_layout.addWidget(QLabel(self.tr("Reason (shown to the customer)")))
        self.reason_edit = QLineEdit(self.tr("Customer returned the goods"))
        self.reason_edit.setObjectName("refundReason")
        self.reason_edit.setMaxLength(80)  # §3.5 refund_desc String(80)
        ask_layout.addWidget(self.reason_edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        ask_layout.addWidget(self.error)
        ask_layout.addStretch(1)
        row_buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.next_button = QPushButton(self.tr("Next…"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.ask_confirmation)
        row_buttons.addStretch(1)
        row_buttons.addWidget(cancel)
        row_buttons.addWidget(self.next_button)
        ask_layout.addLayout(row_buttons)
        self.pages.addWidget(ask)

        confirm = QWidget()
        confirm_layout = QVBoxLayout(confirm)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 18px; font-weight: bold;")
        confirm_layout.addWidget(self.question)
        self.confirm_details = QLabel()
        self.confirm_details.setWordWrap(True)
        self.confirm_details.setStyleSheet("color: #57606a;")
        confirm_layout.addWidget(self.confirm_details)
        confirm_layout.addStretch(1)
        confirm_buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.confirm_button = QPushButton(self.tr("Confirm refund"))
        self.confirm_button.setObjectName("confirmRefund")
        self.confirm_button.clicked.connect(self.confirm)
        confirm_buttons.addStretch(1)
        confirm_buttons.addWidget(back)
        confirm_buttons.addWidget(self.confirm_button)
        confirm_layout.addLayout(confirm_buttons)
        self.pages.addWidget(confirm)

        result = QWidget()
        result_layout = QVBoxLayout(result)
        self.result_label = QLabel()
        self.result_label.setObjectName("refundResult")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        result_layout.addWidget(self.result_label)
        self.result_details = QLabel()
        self.result_details.setWordWrap(True)
        self.result_details.setStyleSheet("color: #57606a;")
        result_layout.addWidget(self.result_details)
        self.slip_row = RefundSlipRow(services.counter)
        result_layout.addWidget(self.slip_row)
        # Product names, reasons and WeChat's texts are shown as typed, never as markup.
        for label in (
            self.about,
            self.error,
            self.question,
            self.confirm_details,
            self.result_label,
            self.result_details,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)
        result_layout.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        result_layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(result)

        self.about.setText(
            self.tr("%1 — %2, paid %3, %4 may still be refunded.")
            .replace("%1", row.out_trade_no)
            .replace("%2", row.product)
            .replace("%3", _yuan(row.amount_fen))
            .replace("%4", _yuan(self.refundable_fen))
        )

    def ask_confirmation(self) -> bool:
        """Check the amount and reason, then show the confirmation page."""
        try:
            fen = parse_amount(self.amount_edit.text(), max_fen=10**12)
        except AmountError:
            self.error.setText(
                self.tr("At most %1 may be refunded.").replace("%1", _yuan(self.refundable_fen))
            )
            return False
        if fen > self.refundable_fen:
            # Refused here and again by the store: nothing is sent (§3.5).
            self.error.setText(
                self.tr("At most %1 may be refunded.").replace("%1", _yuan(self.refundable_fen))
            )
            return False
        if not self.reason_edit.text().strip():
            self.error.setText(self.tr("Enter a reason."))
            return False
        self.error.clear()
        self.amount_fen = fen
        self.question.setText(
            self.tr("Refund %1 to the customer for %2?")
            .replace("%1", _yuan(fen))
            .replace("%2", self.row.product)
        )
        self.confirm_details.setText(self._details(self.reason_edit.text().strip()))
        self.pages.setCurrentIndex(1)
        return True

    def confirm(self) -> None:
        """Send the refund (worker): stored first, then refund, then followed until final."""
        assert self.amount_fen is not None
        services, number = self._services, self.row.out_trade_no
        fen, reason = self.amount_fen, self.reason_edit.text().strip()
        self.confirm_button.setEnabled(False)
        self.result_label.setText(self.tr("Refunding %1…").replace("%1", _yuan(fen)))
        self.pages.setCurrentIndex(2)

        def run() -> RefundProgress:
            refunder = Refunder(
                services.store, services.client, notify_url=services.refund_notify_url
            )
            progress = refunder.refund(number, fen, reason)
            if progress.refund.state.value in ("PROCESSING", "PENDING"):
                progress = refunder.follow(
                    progress.refund.out_refund_no,
                    timeout=services.follow_seconds,
                    interval=services.follow_interval,
                )
            return progress

        # Followed for up to follow_seconds: kept off the network pool the till polls with.
        services.workers.long_running(
            run, on_done=_alive(self, self._on_done), on_error=_alive(self, self._on_error)
        )

    def _on_done(self, progress: RefundProgress) -> None:
        self.progress = progress
        state = progress.refund.state.value
        amount = _yuan(progress.refund.refund_fee)
        if state == "SUCCESS":
            text = self.tr("Refunded %1 ✓").replace("%1", amount)
        elif state in ("PROCESSING", "PENDING"):
            text = self.tr(
                "WeChat Pay is still processing the refund of %1; it is followed up."
            ).replace("%1", amount)
        elif state == "CHANGE":
            text = self.tr("The refund needs the merchant platform: %1").replace(
                "%1", refusal_text(progress.error) if progress.error else state
            )
        else:
            reason = progress.error or progress.refund.last_error
            text = self.tr("The refund failed: %1").replace(
                "%1", refusal_text(reason) if reason else state
            )
        tone = {"SUCCESS": "#166534", "PROCESSING": "#92400e", "PENDING": "#92400e"}
        self.result_label.setStyleSheet(
            f"font-size: 20px; font-weight: bold; color: {tone.get(state, '#b91c1c')};"
        )
        self.result_label.setText(text)
        self.result_details.setText(
            self._details(progress.refund.reason)
            + "\n"
            + self.tr("Refund number: %1").replace("%1", progress.refund.out_refund_no)
        )
        if state == "SUCCESS":
            self.slip_row.print_refund(progress.deal, progress.refund)
        self.refund_finished.emit(progress)

    def _details(self, reason: str) -> str:
        return (
            self.tr("Deal %1, paid %2 at %3. Reason: %4")
            .replace("%1", self.row.out_trade_no)
            .replace("%2", _yuan(self.row.amount_fen))
            .replace("%3", (self.row.paid_at or self.row.time).strftime("%H:%M:%S"))
            .replace("%4", reason)
        )

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, RefundLimitError):
            self.pages.setCurrentIndex(0)
            self.error.setText(_text(exc))
            self.confirm_button.setEnabled(True)
            return
        self.result_label.setText(self.tr("The refund failed: %1").replace("%1", _text(exc)))


# --- reconciliation -------------------------------------------------------------------------------


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
            " ".join(part for part in (_yuan(fen) if fen is not None else "", state) if part) or "—"
        )

    def summary_text(self) -> str:
        r = self.report
        text = (
            self.tr("%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.")
            .replace("%1", r.day.isoformat())
            .replace("%2", _yuan(r.wechat_paid_fen))
            .replace("%3", _yuan(r.wechat_refunded_fen))
            .replace("%4", _yuan(r.local_paid_fen))
            .replace("%5", _yuan(r.local_refunded_fen))
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
