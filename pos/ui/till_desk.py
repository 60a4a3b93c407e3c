"""Who is at the till, on screen: the login, the lock, approvals, the shift, cash sales, the day.

:class:`TillDesk` carries :class:`pos.shop.Desk` (Qt-free) into the window: every call to
it runs on the database worker through :mod:`pos.ui.ops` (it reads and writes the store, and
a PIN costs an scrypt hash), and what comes back is shown by the screens of
:mod:`pos.ui.login`, :mod:`pos.ui.approval`, :mod:`pos.ui.cash` and :mod:`pos.ui.shift`. The
main thread keeps a copy of who is logged in and of the open shift, to draw the shop's bar
and to stamp a manager's refund; the stamp of a sale is read on the database worker
(:meth:`TillDesk.stamp`), where the deal is stored.

A till without accounts (a fresh install) opens straight to the till, as before clerks: no
login, no lock, cash sales unstamped, the manager PIN of the settings guards the rest.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from pos.clock import Clock, utc_now
from pos.errors import PinRefused, PosError, ShiftError
from pos.ui.closing import Closing
from pos.ui.login import LoginScreen

if TYPE_CHECKING:
    from pos.checkout.cash import CashSale
    from pos.config import Settings
    from pos.services import Backend
    from pos.shop import Desk, IdleLock, ShiftSummary
    from pos.store import Account, Shift, Stamp
    from pos.ui.approval import ApprovalDialog
    from pos.ui.cash import CashSaleDialog
    from pos.ui.cashier import CashierWindow
    from pos.ui.counter import Counter
    from pos.ui.ops import Ops

log = logging.getLogger(__name__)

#: How often the idle lock is checked.
IDLE_CHECK_MS = 1_000
#: The till's keys for the shop: a cash sale, the lock, the handover.
CASH_KEY, LOCK_KEY, HANDOVER_KEY = "Ctrl+Return", "Ctrl+L", "Ctrl+H"


class TillDesk(QObject):
    """The login over the till, the lock, the shop's bar and its dialogs, over one Desk."""

    #: Someone logged in, out, or the till has no accounts: the Account or None.
    clerk_changed = Signal(object)
    #: The till locked itself (idle) or was locked (key): open views of the manager close.
    locked = Signal()
    #: A cash sale was stored (a pos.checkout.cash.CashSale).
    cash_sold = Signal(object)
    #: A shift was handed over (its pos.shop.ShiftSummary).
    handed_over = Signal(object)
    #: The day was closed (its pos.shop.DayClose).
    day_closed = Signal(object)

    def __init__(
        self,
        ops: Ops,
        window: CashierWindow,
        settings: Settings,
        *,
        counter: Counter | None = None,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        is_busy: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.window = window
        self.settings = settings
        self.counter = counter
        self._clock = clock
        self._monotonic = monotonic
        self.is_busy = is_busy
        self._backend: Backend | None = None
        #: The core, used on the database worker only.
        self.desk: Desk | None = None
        self.idle: IdleLock | None = None
        #: Copies for the main thread, set from what the database worker returned.
        self.has_accounts = False
        self.clerk: Account | None = None
        self.shift: Shift | None = None
        self.is_locked = False
        #: The other tills' handovers of a day, for the day's close (the shop server's; set
        #: by whoever wires the shop in). Called on the database worker.
        self.other_shifts: Callable[[date], Iterable[ShiftSummary]] = lambda _day: ()
        self.dialog: QWidget | None = None
        self.login = LoginScreen(window, max_amount_fen=settings.max_amount_fen)
        self.login.login_submitted.connect(self.on_login_submitted)
        self.login.unlock_submitted.connect(self.on_login_unlock_submitted)
        self.login.switch_requested.connect(self.switch_clerk)
        self.login.float_submitted.connect(self.on_login_float_submitted)
        self.login.day_close_requested.connect(lambda: self.close_day())
        self.closing = Closing(self)
        self._build_bar()
        self._shortcuts = [
            self._shortcut(CASH_KEY, self.cash_sale),
            self._shortcut(LOCK_KEY, self.lock),
            self._shortcut(HANDOVER_KEY, self.handover),
        ]
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_CHECK_MS)
        self._idle_timer.timeout.connect(self.check_idle)

    # -- the bar on the till ----------------------------------------------------------------

    def _build_bar(self) -> None:
        bar = QWidget()
        bar.setObjectName("shopBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 6, 20, 0)
        self.clerk_label = QLabel()
        self.clerk_label.setObjectName("clerkLabel")
        row.addWidget(self.clerk_label, 1)
        self.cash_button = self._button(self.tr("Cash (Ctrl+Enter)"), self.cash_sale)
        self.handover_button = self._button(self.tr("Handover (Ctrl+H)"), self.handover)
        self.day_close_button = self._button(self.tr("Day close"), self.close_day)
        self.lock_button = self._button(self.tr("Lock (Ctrl+L)"), self.lock)
        for button in (
            self.cash_button,
            self.handover_button,
            self.day_close_button,
            self.lock_button,
        ):
            row.addWidget(button)
        self.bar = bar
        self.window.add_bar(bar)
        self._refresh_bar()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self.window)
        # Also from the customer's screen and the manager's view, which may have the focus
        # (Ctrl+L locks from anywhere); never over a dialog that waits for an answer.
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda: None if QApplication.activeModalWidget() else slot())
        return shortcut

    def _refresh_bar(self) -> None:
        clerk = self.clerk
        if clerk is None:
            self.clerk_label.setText("")
        else:
            role = self.tr("manager") if clerk.is_manager else self.tr("clerk")
            self.clerk_label.setText(
                self.tr("Clerk: %1 %2 (%3)")
                .replace("%1", str(clerk.number))
                .replace("%2", clerk.name)
                .replace("%3", role)
            )
        self.handover_button.setVisible(self.has_accounts)
        self.lock_button.setVisible(self.has_accounts)
        self.day_close_button.setVisible(
            not self.has_accounts or (clerk is not None and clerk.is_manager)
        )

    def _set_covered(self, covered: bool) -> None:
        """The login covers the till: its keys and the shop's own keys do nothing."""
        for shortcut in self._shortcuts:
            shortcut.setEnabled(not covered)
        if not covered:
            self.login.hide()
            self.window.activateWindow()
            page = self.window.centralWidget()
            if page is not None:
                page.setFocus()

    # -- start -------------------------------------------------------------------------------

    def attach(self, backend: Backend) -> None:
        """The store is open: adopt the old manager PIN, then open to the login (or not)."""
        self._backend = backend
        settings, clock = self.settings, self._clock

        def open_desk() -> tuple[Desk, list[Account], Shift | None]:
            from pos.shop import Desk

            desk = Desk(
                backend.store,
                till_id=backend.till_id,
                clock=clock,
                business_day=backend.business_day,
            )
            desk.accounts.adopt_manager_pin(settings.manager_pin_hash)
            self.desk = desk  # before any sale can ask for its stamp (same worker, in order)
            return desk, desk.accounts.listed(), desk.shift

        self.ops.db(self, open_desk, what="opening the clerks").success(self._on_opened).run()

    def _on_opened(self, opened: tuple[Desk, list[Account], Shift | None]) -> None:
        from pos.shop import IdleLock

        _desk, accounts, shift = opened
        self.has_accounts = bool(accounts)
        self.shift = shift
        self.idle = IdleLock(self.settings.idle_lock_minutes, monotonic=self._monotonic)
        self._refresh_bar()
        # Every key and click touches the idle lock; without accounts it still closes an
        # idle manager's view (opened with the settings' PIN).
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._idle_timer.start()
        if self.has_accounts:
            self._set_covered(True)
            self.login.show_login(accounts)

    # -- the stamp (database worker) -------------------------------------------------------------

    def stamp(self) -> Stamp:
        """Who sells now, for the deal being stored (on the database worker).

        ShiftError: the clerks are not loaded yet, nobody is logged in, the till is locked,
        or no shift is open: no sale goes unnamed on a till that has clerks."""
        desk = self.desk
        if desk is None:
            raise ShiftError("the till's clerks are not loaded yet")
        return desk.stamp()

    def current_stamp(self) -> Stamp:
        """The stamp as the main thread knows it (a manager's refund from the view)."""
        from pos.store import NO_STAMP, Stamp

        if not self.has_accounts or self.clerk is None:
            return NO_STAMP
        return Stamp(clerk_id=self.clerk.id, shift_id=None if self.shift is None else self.shift.id)

    def core(self) -> Desk:
        desk = self.desk
        if desk is None:
            raise ShiftError("the till's clerks are not loaded yet")
        return desk

    # -- login, lock, unlock ---------------------------------------------------------------------

    def on_login_submitted(self, number: int, pin: str) -> None:
        def login() -> tuple[Account, Shift | None]:
            desk = self.core()
            return desk.login(number, pin), desk.shift

        (
            self.ops.db(self, login, what="logging in")
            .success(self._on_logged_in)
            .failure(lambda exc: self.login.show_message(self.refusal_words(exc)))
            .run()
        )

    def _on_logged_in(self, result: tuple[Account, Shift | None]) -> None:
        clerk, shift = result
        self.clerk, self.shift, self.is_locked = clerk, shift, False
        self._touch()
        self._refresh_bar()
        self.clerk_changed.emit(clerk)
        if shift is None:
            self.login.show_float(clerk, may_close_day=self.may("close_day"))
        else:
            self._set_covered(False)

    def on_login_float_submitted(self, float_fen: int) -> None:
        (
            self.ops.db(self, lambda: self.core().open_shift(float_fen), what="opening a shift")
            .success(self._on_shift_opened)
            .failure(lambda exc: self.login.show_message(self.refusal_words(exc)))
            .run()
        )

    def _on_shift_opened(self, shift: Shift) -> None:
        self.shift = shift
        self._touch()
        self._refresh_bar()
        self._set_covered(False)

    def lock(self) -> None:
        """Lock the till (the key, or idle): the clerk stays logged in; views close."""
        if not self.has_accounts or self.clerk is None or self.is_locked:
            return
        self.is_locked = True
        self.ops.db(self, lambda: self.core().lock(), what="locking the till").run()
        self._close_dialog()
        self.locked.emit()
        self._set_covered(True)
        self.login.show_unlock(self.clerk)

    def on_login_unlock_submitted(self, pin: str) -> None:
        (
            self.ops.db(self, lambda: self.core().unlock(pin), what="unlocking")
            .success(self._on_unlocked)
            .failure(lambda exc: self.login.show_message(self.refusal_words(exc)))
            .run()
        )

    def _on_unlocked(self, clerk: Account) -> None:
        self.clerk, self.is_locked = clerk, False
        self._touch()
        if self.shift is None:
            self.login.show_float(clerk)
        else:
            self._set_covered(False)

    def switch_clerk(self) -> None:
        """Log the clerk out (their shift stays open) and show the login."""

        def logout() -> list[Account]:
            desk = self.core()
            desk.logout()
            return desk.accounts.listed()

        self.ops.db(self, logout, what="logging out").success(self._on_logged_out).run()

    def _on_logged_out(self, accounts: list[Account]) -> None:
        self.clerk, self.is_locked = None, False
        self._refresh_bar()
        self.clerk_changed.emit(None)
        self._set_covered(True)
        self.login.show_login(accounts)

    def refusal_words(self, exc: PosError) -> str:
        """A refused PIN, shift or action in the clerk's words."""
        if isinstance(exc, PinRefused):
            if exc.seconds_locked > 0:
                whole = int(exc.seconds_locked + 0.999)
                return (
                    self.tr("Too many wrong PINs. Locked for %1 min %2 s.")
                    .replace("%1", str(whole // 60))
                    .replace("%2", str(whole % 60))
                )
            return self.tr("Wrong number or PIN. %1 tries left.").replace("%1", str(exc.tries_left))
        if isinstance(exc, ShiftError) and self.clerk is None:
            return self.tr(
                "Another clerk's shift is still open at this till: they hand it over first, "
                "or a manager logs in to close it."
            )
        if isinstance(exc, ShiftError):
            return self.tr("Log in and open a shift first.")
        from pos.ui.texts import error_text

        return error_text(exc)

    # -- idle ----------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop watching the keys and the idle time (the till is shutting down). The filter
        sits on the whole application: left installed, it would be called for every event of
        every window after this till is gone."""
        self._idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            self._touch()
        return False

    def _touch(self) -> None:
        if self.idle is not None:
            self.idle.touch()

    def check_idle(self) -> None:
        """Lock when the idle minutes are over (never while a payment is on screen). A till
        without accounts has nothing to lock: an idle manager's view closes (:attr:`locked`)."""
        idle = self.idle
        if idle is None or self.is_locked:
            return
        if self.is_busy():
            idle.touch()
            return
        if not self.has_accounts:
            if idle.is_due():
                idle.touch()
                self.locked.emit()
            return
        if self.clerk is not None and idle.is_due():
            log.info("the till locks itself after %s idle minutes", idle.minutes)
            self.lock()

    # -- approvals -------------------------------------------------------------------------------

    def may(self, action: str) -> bool:
        """Whether the till may do ``action`` without a manager's approval (main thread)."""
        from pos.shop import may

        if not self.has_accounts:
            return True
        if self.clerk is None or self.is_locked:
            return False
        return may(self.clerk, action)  # type: ignore[arg-type]

    def guard(self, action: str, then: Callable[[], object]) -> None:
        """Call ``then`` when the clerk may do ``action``, else once a manager approved it
        with their PIN (a plain refusal first; the clerk stays logged in)."""
        if self.may(action):
            then()
            return
        if self.clerk is None or self.is_locked:
            return
        from pos.ui.approval import ApprovalDialog

        dialog = ApprovalDialog(self.dialog_parent(), action)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.pin_submitted.connect(lambda pin: self._approve(dialog, action, pin, then))
        self.show_dialog(dialog)

    def _approve(
        self, dialog: ApprovalDialog, action: str, pin: str, then: Callable[[], object]
    ) -> None:
        def approve() -> Account:
            from pos.shop import Action

            return self.core().approve(Action(action), pin)

        def approved(_manager: Account) -> None:
            dialog.accept()
            then()

        (
            self.ops.db(dialog, approve, what="a manager's approval")
            .success(approved)
            .failure(lambda exc: dialog.show_refused(self.refusal_words(exc)))
            .run()
        )

    # -- dialogs ---------------------------------------------------------------------------------

    def dialog_parent(self) -> QWidget:
        active = QApplication.activeWindow()
        return active if active is not None else self.window

    def show_dialog(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        if isinstance(dialog, QDialog):
            dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        dialog.show()

    def _forget_dialog(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _close_dialog(self) -> None:
        import shiboken6

        dialog = self.dialog
        self.dialog = None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()

    def is_ready(self) -> bool:
        """The till may start a sale, a handover: services open, login not in the way."""
        if self._backend is None or self.login.isVisible():
            return False
        return not (self.has_accounts and self.clerk is None)

    # -- cash ------------------------------------------------------------------------------------

    def cash_sale(self) -> CashSaleDialog | None:
        """The cash sale's dialog, with the amount typed at the till."""
        if not self.is_ready() or self.is_busy():
            return None
        from pos.ui.cash import CashSaleDialog

        dialog = CashSaleDialog(
            self.window,
            max_amount_fen=self.settings.max_amount_fen,
            amount_text=self.window.amount_text,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.sale_requested.connect(lambda amount, got: self._sell(dialog, amount, got))
        self.show_dialog(dialog)
        return dialog

    def _sell(self, dialog: CashSaleDialog, amount_fen: int, received_fen: int) -> None:
        backend = self._backend
        assert backend is not None
        product, clock = self.window.product, self._clock

        def sell() -> CashSale:
            from pos.checkout.cash import CASH_PRODUCT, sell_for_cash

            return sell_for_cash(
                backend.store,
                amount_fen=amount_fen,
                received_fen=received_fen,
                till_id=backend.till_id,
                clock=clock,
                product=product or CASH_PRODUCT,
                stamp=self.stamp(),
            )

        def sold(sale: CashSale) -> None:
            dialog.show_sold(sale)
            self.window.set_amount_text("")
            self.cash_sold.emit(sale)

        (
            self.ops.db(dialog, sell, what="storing a cash sale")
            .success(sold)
            .failure(lambda exc: dialog.show_refused(self.refusal_words(exc)))
            .run()
        )

    # -- the handover and the day's close (pos.ui.closing) -----------------------------------------

    def handover(self) -> None:
        """The open shift's figures; the count; the slip; then the next clerk logs in."""
        self.closing.handover()

    def close_day(self, day: date | None = None) -> None:
        """Close the business day (a manager; a clerk needs a manager's PIN for it)."""
        self.closing.close_day(day)
