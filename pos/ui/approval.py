"""A manager's one-off approval at a clerk's till: a plain refusal, and the manager's PIN.

:class:`ApprovalDialog` says, plainly, that the clerk's role may not do this (a refund, the
settings…) and lets a manager type their own PIN to approve it once; the clerk stays logged
in. The PIN is checked on the database worker by :meth:`pos.shop.Desk.approve` (the till's one
wrong-PIN gate); the dialog only emits it and clears the field.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.ui.login import PIN_MAX_DIGITS

#: What each action is called in the refusal, by pos.shop.Action value.
ACTION_WORDS = {
    "refund": QT_TRANSLATE_NOOP("ApprovalDialog", "A refund"),
    "settings": QT_TRANSLATE_NOOP("ApprovalDialog", "The settings"),
    "products": QT_TRANSLATE_NOOP("ApprovalDialog", "Editing the products"),
    "export": QT_TRANSLATE_NOOP("ApprovalDialog", "An export"),
    "reconcile": QT_TRANSLATE_NOOP("ApprovalDialog", "Reconciliation"),
    "manager_view": QT_TRANSLATE_NOOP("ApprovalDialog", "The manager's view"),
    "accounts": QT_TRANSLATE_NOOP("ApprovalDialog", "Clerks' accounts"),
    "close_other_shift": QT_TRANSLATE_NOOP("ApprovalDialog", "Closing another clerk's shift"),
    "close_day": QT_TRANSLATE_NOOP("ApprovalDialog", "The day's close"),
}


def refusal_text(action: str) -> str:
    """ "A refund needs a manager." in the clerk's words."""
    words = ACTION_WORDS.get(action)
    what = QCoreApplication.translate("ApprovalDialog", str(words)) if words else action
    return QCoreApplication.translate("ApprovalDialog", "%1 needs a manager.").replace("%1", what)


class ApprovalDialog(QDialog):
    """The refusal, and a manager's PIN to approve the action once."""

    #: A manager typed a PIN (checked by the caller, on the database worker).
    pin_submitted = Signal(str)

    def __init__(self, parent: QWidget | None, action: str) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.action = action
        self.setWindowTitle(self.tr("Manager's approval"))
        layout = QVBoxLayout(self)
        self.refusal = QLabel(refusal_text(action))
        self.refusal.setObjectName("refusal")
        self.refusal.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(self.refusal)
        hint = QLabel(self.tr("A manager may approve it once with their own PIN."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("approvalPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("Manager's PIN"))
        self.pin_edit.setMaxLength(PIN_MAX_DIGITS)
        self.pin_edit.returnPressed.connect(self.submit)
        layout.addWidget(self.pin_edit)
        self.message = QLabel()
        self.message.setObjectName("approvalMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Approve (Enter)"))
        self.ok_button.clicked.connect(self.submit)
        for button in (cancel, self.ok_button):
            button.setAutoDefault(False)  # Enter is the PIN field's
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(380)
        self.pin_edit.setFocus()

    def submit(self) -> None:
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        if not pin or not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self.pin_submitted.emit(pin)

    def show_refused(self, text: str) -> None:
        self.message.setText(text)
        self.ok_button.setEnabled(True)
        self.pin_edit.setFocus()
