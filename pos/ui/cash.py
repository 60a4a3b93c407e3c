"""The cash sale: the amount, the cash received, the change due shown big; no call to WeChat Pay.

:class:`CashSaleDialog` reads the two sums (yuan, parsed to fen by :mod:`pos.money`), shows
the change as it is typed (:func:`pos.checkout.cash.change_due`, pure), and emits
:attr:`CashSaleDialog.sale_requested`; the caller stores the sale on the database worker
(:func:`pos.checkout.cash.sell_for_cash`, stamped with the clerk) and tells the dialog how
it went. Then the change due stays on screen, big, until the clerk presses Enter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.checkout.cash import change_due
from pos.errors import AmountError
from pos.money import format_fen, parse_amount
from pos.ui import texts

if TYPE_CHECKING:
    from pos.checkout.cash import CashSale


class CashSaleDialog(QDialog):
    """Amount, cash received, change due; Enter moves on, then sells, then closes."""

    #: The clerk confirmed: (amount_fen, received_fen).
    sale_requested = Signal(int, int)

    def __init__(
        self, parent: QWidget | None, *, max_amount_fen: int, amount_text: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cashSaleDialog")
        self.setWindowTitle(self.tr("Cash sale"))
        self._max_amount_fen = max_amount_fen
        self.sale: CashSale | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.amount_edit = QLineEdit(amount_text)
        self.amount_edit.setObjectName("cashAmount")
        self.amount_edit.returnPressed.connect(self._on_amount_entered)
        self.amount_edit.textChanged.connect(self._refresh_change)
        form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        self.received_edit = QLineEdit()
        self.received_edit.setObjectName("cashReceived")
        self.received_edit.returnPressed.connect(self.confirm)
        self.received_edit.textChanged.connect(self._refresh_change)
        form.addRow(self.tr("Cash received (yuan)"), self.received_edit)
        layout.addLayout(form)
        self.change_caption = QLabel(self.tr("Change due"))
        self.change_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.change_caption)
        self.change_label = QLabel("—")
        self.change_label.setObjectName("changeDue")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_label.setStyleSheet("font-size: 56px; font-weight: bold;")
        layout.addWidget(self.change_label)
        self.message = QLabel()
        self.message.setObjectName("cashMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self.tr("Take the cash (Enter)"))
        self.confirm_button.setObjectName("cashConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button, 1)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):
            # Enter belongs to the fields (returnPressed), not to a default button as well.
            button.setAutoDefault(False)
        self.setMinimumWidth(420)
        if amount_text:
            self.received_edit.setFocus()
        else:
            self.amount_edit.setFocus()

    def _sums(self) -> tuple[int, int]:
        """(amount, received) in fen. AmountError when either is not a sum."""
        amount = parse_amount(self.amount_edit.text(), max_fen=self._max_amount_fen)
        received_text = self.received_edit.text().strip()
        # Nothing typed: the customer gave the exact amount.
        received = amount if not received_text else parse_amount(received_text, max_fen=10**12)
        return amount, received

    def _refresh_change(self) -> None:
        if self.sale is not None:
            return
        try:
            amount, received = self._sums()
            self.change_label.setText(format_fen(change_due(amount, received), symbol="¥ "))
            self.message.clear()
        except AmountError:
            self.change_label.setText("—")

    def _on_amount_entered(self) -> None:
        self.received_edit.setFocus()
        self.received_edit.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A field's Enter is its own (returnPressed); Enter elsewhere (the button, once the
        # fields are done) confirms, as on the till.
        is_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if is_enter and not isinstance(self.focusWidget(), QLineEdit):
            event.accept()
            self.confirm()
            return
        super().keyPressEvent(event)

    def confirm(self) -> None:
        """First Enter: sell (when the sums make sense); after the sale: close."""
        if self.sale is not None:
            self.accept()
            return
        if not self.confirm_button.isEnabled():
            return
        try:
            amount, received = self._sums()
            change_due(amount, received)
        except AmountError as exc:
            self.message.setText(self._words(exc))
            return
        self.confirm_button.setEnabled(False)
        self.message.setText(self.tr("Storing the sale…"))
        self.sale_requested.emit(amount, received)

    def _words(self, exc: AmountError) -> str:
        if exc.code == "not_enough":
            return self.tr("Less cash received than the amount.")
        return texts.amount_error_text(exc, self._max_amount_fen)

    def show_sold(self, sale: CashSale) -> None:
        """The sale is stored: the change due, big; Enter closes."""
        self.sale = sale
        self.amount_edit.setEnabled(False)
        self.received_edit.setEnabled(False)
        self.change_label.setText(format_fen(sale.change_fen, symbol="¥ "))
        self.message.setText(
            self.tr("Cash sale %1 stored. Give %2 back.")
            .replace("%1", sale.deal.out_trade_no)
            .replace("%2", format_fen(sale.change_fen, symbol="¥ "))
        )
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self.confirm_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.confirm_button.setFocus()

    def show_refused(self, text: str) -> None:
        """The sale was not stored (no shift, a full disk): keep the cash out of the drawer."""
        self.message.setText(text)
        self.confirm_button.setEnabled(True)
