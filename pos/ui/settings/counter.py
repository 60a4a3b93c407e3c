"""Receipts and voice: the spoken amount, the printer and its paper, print on paid, one screen."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
)

from pos.config import PAPER_WIDTHS_MM, Settings
from pos.ui.settings.fields import FieldRows, translate
from pos.ui.workers import Workers


class CounterBox(QGroupBox):
    """What happens around a payment at the counter; "Print test page" tries the printer."""

    #: "Print test page" finished: True when the printer took it.
    test_page_printed = Signal(bool)

    def __init__(self, fields: FieldRows) -> None:
        super().__init__(translate("SettingsDialog", "Receipts and voice"))
        self.setObjectName("counterBox")
        form = QFormLayout(self)
        self.speak_check = QCheckBox(
            translate("SettingsDialog", "Say the amount when a payment arrives (微信收款 25.50 元)")
        )
        self.printer_edit = QLineEdit()
        self.printer_edit.setPlaceholderText(
            translate(
                "SettingsDialog",
                "none, or tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0",
            )
        )
        self.test_page_button = QPushButton(translate("SettingsDialog", "Print test page"))
        self.paper_combo = QComboBox()
        for paper_mm in PAPER_WIDTHS_MM:
            self.paper_combo.addItem(f"{paper_mm} mm", paper_mm)
        self.print_on_paid_check = QCheckBox(
            translate("SettingsDialog", "Print the slip when paid")
        )
        self.compact_view_check = QCheckBox(
            translate(
                "SettingsDialog",
                "One screen: a small customer window in a corner (amount, QR, paid)",
            )
        )
        self.test_page_label = QLabel()
        self.test_page_label.setObjectName("testPageResult")
        self.test_page_label.setWordWrap(True)
        self.test_page_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(
            translate("SettingsDialog", "Spoken amount"),
            fields.add("speak_amount", self.speak_check),
        )
        form.addRow(
            translate("SettingsDialog", "Receipt printer"),
            fields.add("printer", self.printer_edit, self.test_page_button),
        )
        form.addRow(translate("SettingsDialog", "Paper"), fields.add("paper_mm", self.paper_combo))
        form.addRow("", fields.add("print_on_paid", self.print_on_paid_check))
        form.addRow("", self.test_page_label)
        form.addRow(
            translate("SettingsDialog", "Customer view"),
            fields.add("compact_customer_view", self.compact_view_check),
        )

    def load(self, settings: Settings) -> None:
        self.speak_check.setChecked(settings.speak_amount)
        self.printer_edit.setText(settings.printer)
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(settings.paper_mm), 0))
        self.print_on_paid_check.setChecked(settings.print_on_paid)
        self.compact_view_check.setChecked(settings.compact_customer_view)

    def paper_mm(self) -> int:
        return int(self.paper_combo.currentData())

    def values(self) -> dict[str, object]:
        """The group's ``Settings`` fields as the form says them."""
        return {
            "speak_amount": self.speak_check.isChecked(),
            "printer": self.printer_edit.text().strip(),
            "paper_mm": self.paper_mm(),
            "print_on_paid": self.print_on_paid_check.isChecked(),
            "compact_customer_view": self.compact_view_check.isChecked(),
        }

    def print_test_page(self, workers: Workers, shop_name: str) -> bool:
        """Print the test page on the printer typed here on the device worker (the field is
        checked first: see the dialog); False when there is no printer to print on."""
        # The printer's libraries (python-escpos) load here, not before the till's first paint.
        from pos.counter.printing import parse_printer, print_layout
        from pos.counter.receipt import printer_test_page

        address = parse_printer(self.printer_edit.text())
        if address is None:
            self.test_page_label.setText(translate("SettingsDialog", "Set a printer first."))
            return False
        layout = printer_test_page(shop_name, str(address), self.paper_mm(), datetime.now(UTC))
        self.test_page_label.setText(translate("SettingsDialog", "Printing the test page…"))
        self.test_page_button.setEnabled(False)
        workers.device(
            lambda: print_layout(address, layout),
            on_done=lambda _sent: self._on_test_page_done(None),
            on_error=self._on_test_page_done,
        )
        return True

    def _on_test_page_done(self, exc: BaseException | None) -> None:
        self.test_page_button.setEnabled(True)
        if exc is None:
            self.test_page_label.setText(
                translate("SettingsDialog", "Test page sent to the printer.")
            )
        else:
            self.test_page_label.setText(
                translate("SettingsDialog", "Not printed: {reason}").format(reason=str(exc))
            )
        self.test_page_printed.emit(exc is None)
