"""The shop's day in the manager's view: every till's deals per till, per clerk, per method.

The figures come from the shop server (:func:`pos.reports.shop.fetch_shop_day`), so they are
the same whichever till shows them. When the server cannot be reached (or there is none) the
view shows this till's own deals under the 仅本机数据 banner, never a part as the whole.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.reports.day import Totals
from pos.reports.shop import ShopDay, fetch_shop_day
from pos.store.records import PaymentMethod
from pos.ui.manager.common import alive, error_words, yuan
from pos.ui.manager.totals import TotalCards

if TYPE_CHECKING:
    from pos.ui.manager.services import ManagerServices

#: The three breakdowns, in the order shown.
BREAKDOWNS = ("till", "clerk", "method")


class ShopDayView(QWidget):
    """The shop's day: the banner when it is this till's only, the totals, three tables."""

    #: The day was loaded and shown (a :class:`pos.reports.shop.ShopDay`).
    day_loaded = Signal(object)

    def __init__(self, services: ManagerServices, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("shopDayView")
        self._services = services
        self.day = day
        self.shop_day: ShopDay | None = None
        self.setWindowTitle(self.tr("The whole shop — %1").replace("%1", day.isoformat()))
        self._build()
        self.load()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setObjectName("localOnlyBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # quotes the server's problem
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4e5; color: #8a4b00; border: 1px solid #f0b35a;"
            " border-radius: 6px; padding: 10px; font-size: 18px; font-weight: bold;"
        )
        self.banner.hide()
        outer.addWidget(self.banner)
        self.totals = TotalCards(
            {
                "count": self.tr("Paid deals"),
                "gross": self.tr("Takings"),
                "refunded": self.tr("Refunded"),
                "net": self.tr("Net"),
            }
        )
        outer.addWidget(self.totals)
        heads = {"till": self.tr("Till"), "clerk": self.tr("Clerk"), "method": self.tr("Method")}
        titles = {
            "till": self.tr("Per till"),
            "clerk": self.tr("Per clerk"),
            "method": self.tr("Per method"),
        }
        self.tables: dict[str, QTableWidget] = {}
        row = QHBoxLayout()
        for what in BREAKDOWNS:
            column = QVBoxLayout()
            caption = QLabel(titles[what])
            caption.setStyleSheet("font-size: 16px; font-weight: bold;")
            column.addWidget(caption)
            table = QTableWidget(0, 4)
            table.setObjectName(f"shopBy_{what}")
            table.setHorizontalHeaderLabels(
                [heads[what], self.tr("Paid"), self.tr("Takings"), self.tr("Net")]
            )
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            column.addWidget(table)
            self.tables[what] = table
            row.addLayout(column)
        outer.addLayout(row, 1)
        actions = QHBoxLayout()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        actions.addWidget(self.status, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.load)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.close_button)
        outer.addLayout(actions)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # a till is worked from the keyboard
            event.accept()
            self.close()
            return
        super().keyPressEvent(event)

    def load(self) -> None:
        """Ask the shop server (on a network worker); this till's data if it cannot answer."""
        services, day = self._services, self.day
        store, client = services.store, services.shop_client
        till, business_day = services.settings.till_id, services.settings.business_day
        self.status.setText(self.tr("Loading %1…").replace("%1", day.isoformat()))
        services.workers.network(
            lambda: fetch_shop_day(client, store, day, till=till, business_day=business_day),
            on_done=alive(self, self._on_loaded),
            on_error=alive(self, self._on_failed),
        )

    def _on_loaded(self, shop_day: ShopDay) -> None:
        self.shop_day = shop_day
        if shop_day.is_local_only:
            # The banner says what the figures are; why (in the core's words) on hover.
            self.banner.setText(
                self.tr(
                    "This till's data only: the shop server cannot be reached, so these are "
                    "not the whole shop's figures."
                )
            )
            self.banner.setToolTip(shop_day.problem or "")
            self.banner.show()
        else:
            self.banner.hide()
        self.totals.show_totals(shop_day.totals)
        for what in BREAKDOWNS:
            self._fill(self.tables[what], what, shop_day.totals_by(what))
        self.status.setText(
            self.tr("%1 deals of %2")
            .replace("%1", str(shop_day.totals.all_count))
            .replace("%2", shop_day.day.isoformat())
        )
        self.day_loaded.emit(shop_day)

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not load the day: %1").replace("%1", error_words(exc)))

    def _fill(self, table: QTableWidget, what: str, totals: dict[str, Totals]) -> None:
        table.setRowCount(len(totals))
        for row, (name, figures) in enumerate(totals.items()):
            cells = (
                self._name(what, name),
                str(figures.count),
                yuan(figures.gross_fen),
                yuan(figures.net_fen),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)

    def _name(self, what: str, name: str) -> str:
        if what == "method":
            words = {
                PaymentMethod.NATIVE.value: self.tr("QR code"),
                PaymentMethod.MICROPAY.value: self.tr("Payment code"),
                PaymentMethod.CASH.value: self.tr("Cash"),
            }
            return words.get(name, name)
        if what == "clerk" and not name:
            return self.tr("(nobody logged in)")
        return name
