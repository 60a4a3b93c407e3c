"""The handover (交班) and the day's close (日结) on screen: the figures, the drawer, the slip.

:class:`HandoverDialog` shows the open shift's figures per method (扫码, 付款码, 现金: count,
takings, refunds, net) and the drawer (the cash expected against the cash counted, the
difference, a note); on Enter it emits :attr:`HandoverDialog.handover_requested` and the
caller closes the shift on the database worker (:meth:`pos.shop.Desk.handover`). Then the
slip (:func:`pos.shop.slip.handover_layout`) is shown as the printer draws it, with where
its PDF was saved. :class:`DayCloseDialog` shows a day's close the same way. Both only show:
the sums are :mod:`pos.shop`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos.errors import AmountError
from pos.money import format_fen
from pos.ui.login import fen_or_zero

if TYPE_CHECKING:
    from pos.shop import MethodTotals

#: How the screens name the methods, by PaymentMethod value (the slips' own words in Chinese).
METHOD_WORDS = {
    "native": QT_TRANSLATE_NOOP("HandoverDialog", "QR code"),
    "micropay": QT_TRANSLATE_NOOP("HandoverDialog", "Payment code"),
    "cash": QT_TRANSLATE_NOOP("HandoverDialog", "Cash"),
}
#: The largest drawer the till takes, in fen (a typo, not a drawer, beyond it).
MAX_DRAWER_FEN = 10**10


def method_text(method: str) -> str:
    words = METHOD_WORDS.get(method)
    return QCoreApplication.translate("HandoverDialog", str(words)) if words else method


def yuan(fen: int) -> str:
    return format_fen(fen, symbol="¥ ")


def signed_yuan(fen: int) -> str:
    return ("+" if fen > 0 else "") + yuan(fen)


def totals_grid(parent: QWidget, totals: Sequence[MethodTotals]) -> QGridLayout:
    """Count, takings, refunds and net of each method, with a line of their sums."""
    grid = QGridLayout()
    heads = (
        QCoreApplication.translate("HandoverDialog", "Method"),
        QCoreApplication.translate("HandoverDialog", "Count"),
        QCoreApplication.translate("HandoverDialog", "Takings"),
        QCoreApplication.translate("HandoverDialog", "Refunds"),
        QCoreApplication.translate("HandoverDialog", "Net"),
    )
    for column, head in enumerate(heads):
        label = QLabel(f"<b>{head}</b>", parent)
        grid.addWidget(label, 0, column)
    rows = [
        (method_text(t.method.value), t.count, t.takings_fen, t.refunds_fen, t.net_fen)
        for t in totals
    ]
    rows.append(
        (
            QCoreApplication.translate("HandoverDialog", "Total"),
            sum(t.count for t in totals),
            sum(t.takings_fen for t in totals),
            sum(t.refunds_fen for t in totals),
            sum(t.net_fen for t in totals),
        )
    )
    for row, (name, count, takings, refunds, net) in enumerate(rows, 1):
        for column, text in enumerate((name, str(count), yuan(takings), yuan(refunds), yuan(net))):
            label = QLabel(text, parent)
            label.setObjectName(f"cell_{row}_{column}")
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, column)
    return grid


class SlipView(QScrollArea):
    """A slip as the printer draws it (pos.counter.preview), and where its PDF went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slipView")
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.image_label)
        self.setWidgetResizable(True)
        self.setMinimumHeight(360)

    def show_image(self, image: QImage) -> None:
        self.image_label.setPixmap(QPixmap.fromImage(image))


class HandoverDialog(QDialog):
    """The shift's figures and drawer; Enter hands over; then the slip; Enter again closes."""

    #: The clerk confirmed the count: (counted_fen, note).
    handover_requested = Signal(int, str)
    #: The clerk asked to print the slip again.
    print_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        *,
        clerk_name: str,
        float_fen: int,
        totals: Sequence[MethodTotals],
        expected_fen: int,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Handover"))
        self._expected_fen = expected_fen
        self.is_done = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Handover of %1").replace("%1", clerk_name))
        self.heading.setObjectName("sectionTitle")
        layout.addWidget(self.heading)
        layout.addLayout(totals_grid(self, totals))
        drawer = QFormLayout()
        drawer.addRow(self.tr("Float"), QLabel(yuan(float_fen)))
        self.expected_label = QLabel(yuan(expected_fen))
        self.expected_label.setObjectName("expectedCash")
        drawer.addRow(self.tr("Cash expected"), self.expected_label)
        self.counted_edit = QLineEdit()
        self.counted_edit.setObjectName("countedCash")
        self.counted_edit.setPlaceholderText(self.tr("the cash counted in the drawer, yuan"))
        self.counted_edit.textChanged.connect(self._refresh_difference)
        self.counted_edit.returnPressed.connect(self._on_counted_entered)
        drawer.addRow(self.tr("Cash counted"), self.counted_edit)
        self.difference_label = QLabel("—")
        self.difference_label.setObjectName("cashDifference")
        drawer.addRow(self.tr("Difference"), self.difference_label)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("handoverNote")
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText(self.tr("why the drawer differs, who takes over…"))
        self.note_edit.returnPressed.connect(self.confirm)
        drawer.addRow(self.tr("Note"), self.note_edit)
        layout.addLayout(drawer)
        self.slip = SlipView()
        self.slip.hide()
        layout.addWidget(self.slip, 1)
        self.message = QLabel()
        self.message.setObjectName("handoverMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Not now (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        self.print_button = QPushButton(self.tr("Print the slip"))
        self.print_button.clicked.connect(self.print_requested)
        self.print_button.hide()
        self.confirm_button = QPushButton(self.tr("Hand over (Enter)"))
        self.confirm_button.setObjectName("handoverConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.confirm_button, 1)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):
            # Enter belongs to the fields (returnPressed), not to a default button as well.
            button.setAutoDefault(False)
        self.setMinimumWidth(520)
        self.counted_edit.setFocus()

    def counted_fen(self) -> int:
        """AmountError when what was typed is not a sum."""
        return fen_or_zero(self.counted_edit.text(), max_fen=MAX_DRAWER_FEN)

    def _refresh_difference(self) -> None:
        try:
            difference = self.counted_fen() - self._expected_fen
        except AmountError:
            self.difference_label.setText("—")
            return
        if difference == 0:
            self.difference_label.setText(self.tr("none"))
        else:
            words = self.tr("short") if difference < 0 else self.tr("over")
            self.difference_label.setText(f"{signed_yuan(difference)} ({words})")

    def _on_counted_entered(self) -> None:
        self.note_edit.setFocus()

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
        """Enter: hand over (once the count is a sum); after the handover: close."""
        if self.is_done:
            self.accept()
            return
        if not self.confirm_button.isEnabled():
            return
        try:
            counted = self.counted_fen()
        except AmountError:
            self.message.setText(self.tr("Type the cash counted in yuan, for example 512.50."))
            self.counted_edit.setFocus()
            return
        self.confirm_button.setEnabled(False)
        self.message.setText(self.tr("Closing the shift…"))
        self.handover_requested.emit(counted, self.note_edit.text().strip())

    def show_done(self, image: QImage, pdf: Path | None, *, can_print: bool) -> None:
        """The shift is closed: its slip, where the PDF is; Enter closes (the next clerk)."""
        self.is_done = True
        self.counted_edit.setEnabled(False)
        self.note_edit.setEnabled(False)
        self.slip.show_image(image)
        self.slip.show()
        self.message.setText(
            self.tr("Handed over. The slip is saved as %1.").replace("%1", str(pdf))
            if pdf is not None
            else self.tr("Handed over. The slip could not be saved as a PDF.")
        )
        self.print_button.setVisible(can_print)
        self.cancel_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Next clerk (Enter)"))
        self.confirm_button.setEnabled(True)
        self.confirm_button.setFocus()

    def show_refused(self, text: str) -> None:
        self.message.setText(text)
        self.confirm_button.setEnabled(True)


class DayCloseDialog(QDialog):
    """The day's close (日结) as kept: the shop's figures by method and the slip."""

    #: The manager asked to print the slip.
    print_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        *,
        day: str,
        totals: Sequence[MethodTotals],
        image: QImage,
        pdf: Path | None,
        can_print: bool,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayCloseDialog")
        self.setWindowTitle(self.tr("Day close %1").replace("%1", day))
        layout = QVBoxLayout(self)
        layout.addLayout(totals_grid(self, totals))
        self.slip = SlipView()
        self.slip.show_image(image)
        layout.addWidget(self.slip, 1)
        self.message = QLabel(
            self.tr("The day is closed. The slip is saved as %1.").replace("%1", str(pdf))
            if pdf is not None
            else self.tr("The day is closed. The slip could not be saved as a PDF.")
        )
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the slip"))
        self.print_button.clicked.connect(self.print_requested)
        self.print_button.setVisible(can_print)
        close = QPushButton(self.tr("Close (Enter)"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
