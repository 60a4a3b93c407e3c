"""The till's clerks in window tests: accounts made before the start, a login, a cash sale."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpers.till import WAIT_MS, Till
from pos.checkout.cash import CashSale
from pos.config import Settings
from pos.sandbox import DEFAULT_MERCHANT
from pos.shop import Accounts
from pos.store import Role, Store
from pos.ui.shift import HandoverDialog

#: The PINs of the accounts :func:`make_accounts` makes: 1 王店长 (manager), 2 小李 (clerk).
MANAGER_PIN, CLERK_PIN = "1357", "2468"


def make_accounts(settings: Settings) -> None:
    """1: 王店长 (manager), 2: 小李 (clerk), in the till's database before it starts."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store.open(settings.database_path)
    try:
        accounts = Accounts(store)
        accounts.add("王店长", MANAGER_PIN)
        accounts.add("小李", CLERK_PIN, Role.CLERK)
    finally:
        store.close()


def log_in(till: Till, number: str, pin: str, float_yuan: str | None = "200") -> None:
    """Type the number, Enter, the PIN, Enter; then the float when asked for it."""
    login = till.app.desk.login
    assert login.page == "login"
    login.number_edit.clear()  # a refused try leaves its number for a second PIN
    till.qtbot.keyClicks(login.number_edit, number)
    till.qtbot.keyClick(login.number_edit, Qt.Key.Key_Return)
    assert till.window.focusWidget() is login.pin_edit
    till.qtbot.keyClicks(login.pin_edit, pin)
    till.qtbot.keyClick(login.pin_edit, Qt.Key.Key_Return)
    if float_yuan is None:
        return
    till.qtbot.waitUntil(lambda: login.page == "float" or not login.isVisible(), timeout=WAIT_MS)
    if login.isVisible():
        login.float_edit.setText(float_yuan)
        till.qtbot.keyClick(login.float_edit, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: not login.isVisible(), timeout=WAIT_MS)


def deal_mch() -> str:
    return DEFAULT_MERCHANT.mch_id


def sell_cash(till: Till, amount: str, received: str) -> CashSale:
    """A cash sale of ``amount`` (typed at the till) with ``received`` in cash; the sale."""
    till.type(amount)
    dialog = till.app.desk.cash_sale()
    assert dialog is not None
    dialog.received_edit.setText(received)
    dialog.confirm()
    till.qtbot.waitUntil(lambda: dialog.sale is not None, timeout=WAIT_MS)
    sale = dialog.sale
    assert sale is not None
    dialog.accept()
    return sale


def hand_over(till: Till, counted_yuan: str, note: str = "", *, next_clerk: bool = True) -> None:
    """The handover with the cash counted; then (``next_clerk``) the login for the next one."""
    till.app.desk.handover()
    till.qtbot.waitUntil(lambda: isinstance(till.app.desk.dialog, HandoverDialog), timeout=WAIT_MS)
    dialog = till.app.desk.dialog
    assert isinstance(dialog, HandoverDialog)
    dialog.counted_edit.setText(counted_yuan)
    dialog.note_edit.setText(note)
    dialog.confirm()
    till.qtbot.waitUntil(lambda: dialog.is_done, timeout=WAIT_MS)
    if next_clerk:
        dialog.confirm()
        login = till.app.desk.login
        till.qtbot.waitUntil(lambda: login.isVisible() and login.page == "login", timeout=WAIT_MS)
