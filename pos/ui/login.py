"""The login over the till: choose a clerk by number, type the PIN; the lock; the float counted in.

:class:`LoginScreen` covers the whole till window while nobody may sell: nobody logged in
(the login page), the till locked (the unlock page: the same clerk's PIN), or a clerk
logged in without an open shift (the float page: the cash counted into the drawer). It is a
child of the window, not a dialog, so the till cannot be reached around it, and it takes
every key: the till's own keys (F11, Enter) do nothing behind it.

Keyboard first: the number of the clerk, Enter, the PIN, Enter. It says what it was told
and emits what was typed; the PINs are checked by :class:`pos.shop.Desk` on the database
worker (:mod:`pos.ui.till_desk`), never here, and a PIN is never kept: the field is cleared
as soon as it is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.errors import AmountError
from pos.money import format_fen, parse_amount

if TYPE_CHECKING:
    from pos.store import Account

#: The longest PIN an account has (pos.shop.accounts: 4 to 6 digits).
PIN_MAX_DIGITS = 6


def fen_or_zero(text: str, *, max_fen: int) -> int:
    """What the clerk typed as a drawer's sum: like an amount, but zero is a sum too.

    AmountError as :func:`pos.money.parse_amount` (empty, not a number, negative…)."""
    try:
        return parse_amount(text, max_fen=max_fen)
    except AmountError as exc:
        if exc.code == "zero":
            return 0
        raise


class LoginScreen(QFrame):
    """The login, unlock and float pages over the till (hidden while the clerk sells)."""

    #: The clerk typed a number and a PIN: (number, pin).
    login_submitted = Signal(int, str)
    #: The locked till's clerk typed their PIN.
    unlock_submitted = Signal(str)
    #: Someone else wants the locked till (the clerk stays logged out; their shift stays open).
    switch_requested = Signal()
    #: The float was counted into the drawer, in fen.
    float_submitted = Signal(int)
    #: A manager closes the day instead of opening a shift (after the last handover).
    day_close_requested = Signal()

    def __init__(self, parent: QWidget, *, max_amount_fen: int) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._max_amount_fen = max_amount_fen
        self._numbers: list[int] = []
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.pages = QStackedWidget()
        self.pages.setMaximumWidth(520)
        self.pages.addWidget(self._login_page())
        self.pages.addWidget(self._unlock_page())
        self.pages.addWidget(self._float_page())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pages, 2)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        layout.addStretch(2)
        parent.installEventFilter(self)
        self.hide()

    # -- the pages ----------------------------------------------------------------------------

    def _login_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("Type your number and press Enter, then your PIN."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.account_list = QListWidget()
        self.account_list.setObjectName("accountList")
        self.account_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.account_list.itemClicked.connect(self._on_account_clicked)
        layout.addWidget(self.account_list, 1)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("numberEdit")
        self.number_edit.setPlaceholderText(self.tr("Number"))
        self.number_edit.setMaxLength(4)
        self.number_edit.returnPressed.connect(self._on_number_entered)
        layout.addWidget(self.number_edit)
        self.pin_edit = self._pin_field("pinEdit", self.submit_login)
        layout.addWidget(self.pin_edit)
        self.login_button = QPushButton(self.tr("Log in (Enter)"))
        self.login_button.setObjectName("loginButton")
        self.login_button.clicked.connect(self.submit_login)
        layout.addWidget(self.login_button)
        return page

    def _unlock_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.unlock_label = QLabel()
        self.unlock_label.setWordWrap(True)
        layout.addWidget(self.unlock_label)
        self.unlock_edit = self._pin_field("unlockEdit", self.submit_unlock)
        layout.addWidget(self.unlock_edit)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self.tr("Another clerk (F2)"))
        self.switch_button.clicked.connect(self.switch_requested)
        self.unlock_button = QPushButton(self.tr("Unlock (Enter)"))
        self.unlock_button.clicked.connect(self.submit_unlock)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.unlock_button, 1)
        layout.addLayout(buttons)
        return page

    def _float_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.float_label = QLabel(
            self.tr("Count the cash float into the drawer and type the sum (yuan).")
        )
        self.float_label.setWordWrap(True)
        layout.addWidget(self.float_label)
        self.float_edit = QLineEdit()
        self.float_edit.setObjectName("floatEdit")
        self.float_edit.returnPressed.connect(self.submit_float)
        layout.addWidget(self.float_edit)
        self.float_button = QPushButton(self.tr("Open the shift (Enter)"))
        self.float_button.clicked.connect(self.submit_float)
        layout.addWidget(self.float_button)
        self.day_close_button = QPushButton(self.tr("Close the day instead (F4)"))
        self.day_close_button.setObjectName("floatDayClose")
        self.day_close_button.clicked.connect(self.day_close_requested)
        layout.addWidget(self.day_close_button)
        self.float_switch_button = QPushButton(self.tr("Another clerk (F2)"))
        self.float_switch_button.clicked.connect(self.switch_requested)
        layout.addWidget(self.float_switch_button)
        return page

    def _pin_field(self, name: str, on_enter: object) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(self.tr("PIN"))
        edit.setMaxLength(PIN_MAX_DIGITS)
        edit.returnPressed.connect(on_enter)
        return edit

    # -- what to show ---------------------------------------------------------------------------

    @property
    def page(self) -> str:
        """``login``, ``unlock`` or ``float`` (while shown)."""
        return ("login", "unlock", "float")[self.pages.currentIndex()]

    def show_login(self, accounts: Sequence[Account], message: str = "") -> None:
        """Who may log in, by number; the number field has the keyboard."""
        self.title.setText(self.tr("Log in"))
        self.account_list.clear()
        self._numbers = [account.number for account in accounts]
        for account in accounts:
            role = self.tr("manager") if account.is_manager else self.tr("clerk")
            item = QListWidgetItem(f"{account.number}   {account.name}   · {role}")
            item.setData(Qt.ItemDataRole.UserRole, account.number)
            self.account_list.addItem(item)
        self.number_edit.clear()
        self.pin_edit.clear()
        self._show(0, message)
        self.number_edit.setFocus()

    def show_unlock(self, clerk: Account, message: str = "") -> None:
        self.title.setText(self.tr("The till is locked"))
        self.unlock_label.setText(
            self.tr("%1, type your PIN to go on.").replace("%1", f"{clerk.number} {clerk.name}")
        )
        self.unlock_edit.clear()
        self._show(1, message)
        self.unlock_edit.setFocus()

    def show_float(self, clerk: Account, message: str = "", *, may_close_day: bool = False) -> None:
        self.title.setText(self.tr("New shift of %1").replace("%1", f"{clerk.number} {clerk.name}"))
        self.float_edit.setText("0.00")
        self.day_close_button.setVisible(may_close_day)
        self._show(2, message)
        self.float_edit.selectAll()
        self.float_edit.setFocus()

    def show_message(self, text: str) -> None:
        """Why the last try did not go through (a wrong PIN, a shift still open…)."""
        self.message.setText(text)
        self.set_busy(False)
        edit = (self.pin_edit, self.unlock_edit, self.float_edit)[self.pages.currentIndex()]
        edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While a PIN is being checked (an scrypt hash on the database worker)."""
        self.pages.setEnabled(not busy)

    def _show(self, index: int, message: str) -> None:
        self.pages.setCurrentIndex(index)
        self.message.setText(message)
        self.set_busy(False)
        self._fit()
        self.show()
        self.raise_()
        self.window().activateWindow()  # after a dialog (the handover), the keys come back here

    # -- what was typed -----------------------------------------------------------------------

    def _on_account_clicked(self, item: QListWidgetItem) -> None:
        self.number_edit.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.pin_edit.setFocus()

    def _on_number_entered(self) -> None:
        if self._typed_number() is None:
            self.message.setText(self.tr("Type the number shown before your name."))
            return
        self.message.clear()
        self.pin_edit.setFocus()

    def _typed_number(self) -> int | None:
        text = self.number_edit.text().strip()
        if not (text.isascii() and text.isdigit()) or int(text) not in self._numbers:
            return None
        return int(text)

    def submit_login(self) -> None:
        number = self._typed_number()
        if number is None:
            self.message.setText(self.tr("Type the number shown before your name."))
            self.number_edit.setFocus()
            return
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        if not pin:
            self.pin_edit.setFocus()
            return
        self.set_busy(True)
        self.login_submitted.emit(number, pin)

    def submit_unlock(self) -> None:
        pin = self.unlock_edit.text()
        self.unlock_edit.clear()
        if pin:
            self.set_busy(True)
            self.unlock_submitted.emit(pin)

    def submit_float(self) -> None:
        try:
            fen = fen_or_zero(self.float_edit.text(), max_fen=self._max_amount_fen)
        except AmountError:
            self.message.setText(self.tr("Type the float in yuan, for example 200 or 0."))
            return
        self.message.setText(self.tr("Opening the shift with %1…").replace("%1", format_fen(fen)))
        self.set_busy(True)
        self.float_submitted.emit(fen)

    # -- covering the till --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Every key stops here: the till behind must not charge, cancel or open a view.
        key, page = event.key(), self.page
        if key == Qt.Key.Key_F2 and page in ("unlock", "float"):
            self.switch_requested.emit()
        elif key == Qt.Key.Key_F4 and page == "float" and self.day_close_button.isVisible():
            self.day_close_requested.emit()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
