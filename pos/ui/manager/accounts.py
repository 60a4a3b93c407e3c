"""The shop's clerks and managers, in the manager's view: add one, deactivate or reactivate one.

Every change runs :class:`pos.shop.Accounts` on the database worker (a PIN is hashed there,
~50 ms of scrypt); the dialog shows the list again from what comes back. An account is never
deleted (its deals name it): it is deactivated, and a manager comes back with a new PIN
(only salted hashes are kept, so the old one cannot be checked against the other managers').
The core refuses what would leave the shop without an active manager, a name in use, or a
PIN two managers would share; its refusal is shown as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.ui.manager.common import alive, error_words

if TYPE_CHECKING:
    from pos.shop import Accounts
    from pos.store import Account
    from pos.ui.workers import Workers


class AccountsDialog(QDialog):
    """The list of accounts; a form to add one; a button to (de)activate the selected one."""

    #: The list was read again after a change (the accounts, active and not).
    accounts_changed = Signal(list)

    def __init__(self, accounts: Accounts, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Clerks and managers"))
        self._accounts = accounts
        self._workers = workers
        self.listed: list[Account] = []
        layout = QVBoxLayout(self)
        self.account_list = QListWidget()
        self.account_list.setObjectName("accountsList")
        self.account_list.currentRowChanged.connect(lambda _row: self._refresh_buttons())
        layout.addWidget(self.account_list, 1)
        self.toggle_button = QPushButton(self.tr("Deactivate"))
        self.toggle_button.setObjectName("toggleAccount")
        self.toggle_button.clicked.connect(self.toggle_selected)
        layout.addWidget(self.toggle_button)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newName")
        self.name_edit.setMaxLength(32)
        form.addRow(self.tr("Name"), self.name_edit)
        self.role_box = QComboBox()
        self.role_box.addItem(self.tr("clerk"), "clerk")
        self.role_box.addItem(self.tr("manager"), "manager")
        form.addRow(self.tr("Role"), self.role_box)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("newPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(6)
        self.pin_edit.setPlaceholderText(self.tr("4 to 6 digits"))
        form.addRow(self.tr("PIN (new, or a manager's return)"), self.pin_edit)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        for button in (self.toggle_button, self.add_button, close):
            button.setAutoDefault(False)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.reload()

    def _run(self, work: Any, done_text: str = "") -> None:
        accounts = self._accounts

        def then() -> list[Account]:
            work()
            return accounts.listed(include_inactive=True)

        def shown(listed: list[Account]) -> None:
            self._show(listed)
            self.message.setText(done_text)

        self._workers.db(
            then,
            on_done=alive(self, shown),
            on_error=alive(self, lambda exc: self.message.setText(error_words(exc))),
        )

    def reload(self) -> None:
        self._run(lambda: None)

    def _show(self, listed: list[Account]) -> None:
        row = self.account_list.currentRow()
        self.listed = listed
        self.account_list.clear()
        for account in listed:
            role = self.tr("manager") if account.is_manager else self.tr("clerk")
            text = f"{account.number}   {account.name}   · {role}"
            if not account.is_active:
                text += "   · " + self.tr("inactive")
            self.account_list.addItem(QListWidgetItem(text))
        if 0 <= row < len(listed):
            self.account_list.setCurrentRow(row)
        self._refresh_buttons()
        self.accounts_changed.emit(listed)

    def _selected(self) -> Account | None:
        row = self.account_list.currentRow()
        return self.listed[row] if 0 <= row < len(self.listed) else None

    def _refresh_buttons(self) -> None:
        account = self._selected()
        self.toggle_button.setEnabled(account is not None)
        self.toggle_button.setText(
            self.tr("Reactivate")
            if account is not None and not account.is_active
            else self.tr("Deactivate")
        )

    def add(self) -> None:
        from pos.store import Role

        name, pin = self.name_edit.text().strip(), self.pin_edit.text()
        role = Role(self.role_box.currentData())
        if not name:
            self.message.setText(self.tr("Type the name first."))
            return
        self.pin_edit.clear()
        accounts = self._accounts
        self._run(
            lambda: accounts.add(name, pin, role),
            self.tr("%1 added.").replace("%1", name),
        )
        self.name_edit.clear()

    def toggle_selected(self) -> None:
        account = self._selected()
        if account is None:
            return
        pin = self.pin_edit.text() or None
        self.pin_edit.clear()
        accounts, number = self._accounts, account.id
        is_active = not account.is_active
        self._run(
            lambda: accounts.set_active(number, is_active, pin=pin),
            (
                self.tr("%1 is active again.") if is_active else self.tr("%1 is deactivated.")
            ).replace("%1", account.name),
        )
