"""The main window: amount, product, Charge, the current deal's state and today's deals."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.clock import BEIJING_DAY, BusinessDay
from pos.errors import AmountError, PosError
from pos.money import format_fen, normalise_typed, parse_amount
from pos.ui import texts
from pos.ui.customer_screen import CustomerScreen
from pos.ui.deal_list import DealList
from pos.ui.keypad import keypad
from pos.ui.late_banner import LateBanner
from pos.ui.products import ProductDialog, ProductPicker
from pos.ui.session import PaymentSession
from pos.ui.till_codes import CodeDesk
from pos.ui.wechat_words import refusal_text

if TYPE_CHECKING:
    from pos.checkout import Notice, State
    from pos.store import Deal

#: After a payment the paid screen stays this long, unless the clerk presses Enter.
PAID_SCREEN_MS = 4_000
#: What a clerk can type into the amount; everything else is ignored (paste may bring more).
_AMOUNT_KEYS = "0123456789.-"
_MAX_TYPED = 12
#: Between the till's parts (the columns, and the rows of the left one), in pixels.
_GAP = 20


class CashierWindow(QMainWindow):
    """The till. Keyboard first: digits and ``.`` type the amount, Backspace edits, Enter
    charges, Esc cancels, F1–F8 pick a product. A scanner gun's burst (a payment code and
    Enter) charges the typed amount with the code; ``*`` opens a field to type a code by hand
    (:mod:`pos.ui.till_codes`). It shows what the :class:`PaymentSession` reports and never
    calls the network or the store itself.
    """

    #: The clerk asked to save a new product list (the app stores it on the DB worker).
    products_edited = Signal(list)
    #: The clerk asked for the manager's view (F11) or the settings (F12); the app opens them.
    manager_requested = Signal()
    settings_requested = Signal()
    #: Sandbox mode: the newcomer asked for the 模拟顾客 window (F9); the app opens it.
    customer_sim_requested = Signal()
    #: The clerk asked to print the last paid deal's slip again (F10); the counter prints it.
    reprint_requested = Signal()
    #: The clerk asked to edit the products; the app asks for the manager PIN, then calls
    #: :meth:`edit_products`.
    products_requested = Signal()

    def __init__(
        self,
        session: PaymentSession,
        *,
        max_amount_fen: int,
        shop_name: str = "",
        is_sandbox: bool = False,
        sound: Callable[[], None] | None = None,
        business_day: BusinessDay = BEIJING_DAY,
        codes_off: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._business_day = business_day
        self._max_amount_fen = max_amount_fen
        self._play_sound = sound
        self._typed = ""
        self._is_quitting = False
        self._waiting_text = ""
        self._is_sandbox = is_sandbox
        self.product_dialog: ProductDialog | None = None
        # Ends with the application's display name (name_application), so the platform
        # does not add it a second time.
        self.setWindowTitle(
            (f"{shop_name} — " if shop_name else "") + self.tr("WeChat Pay cashier")
        )
        self.customer_screen = CustomerScreen()
        self.customer_screen.cancel_requested.connect(self.on_cancel_requested)
        self.customer_screen.dismissed.connect(self.on_paid_dismissed)
        self._paid_timer = QTimer(self)
        self._paid_timer.setSingleShot(True)
        self._paid_timer.timeout.connect(self.on_paid_dismissed)
        #: the customer's payment code: the gun in the keys, a code typed by hand
        self.codes = CodeDesk(self, session, codes_off=codes_off, parent=self)
        self._build(is_sandbox)
        self._connect_session()
        self.codes.follow_session()
        self._refresh_amount()
        self.say(self.tr("Checking unfinished payments…"), "busy")
        self._set_input_enabled(False)

    # -- layout ---------------------------------------------------------------------------------

    def _build(self, is_sandbox: bool) -> None:
        page = QWidget()
        page.setObjectName("tillPage")
        page.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(page)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self._build_banners(outer, is_sandbox)
        body = QHBoxLayout()
        body.setContentsMargins(20, 16, 20, 16)
        body.setSpacing(_GAP)
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 3)
        self._build_amount(left)
        left.addLayout(keypad(self._type, self._backspace))
        left.addLayout(self._build_actions())
        left.addStretch(1)
        body.addLayout(self._build_side(is_sandbox), 2)
        page.setFocus()

    def _build_banners(self, outer: QVBoxLayout, is_sandbox: bool) -> None:
        self.sandbox_banner = QLabel(
            self.tr("SANDBOX MODE — payments are simulated, no real money moves")
        )
        self.sandbox_banner.setObjectName("sandboxBanner")
        self.sandbox_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sandbox_banner.setVisible(is_sandbox)
        outer.addWidget(self.sandbox_banner)

        self.late_banner = LateBanner()
        self.late_banner.acknowledged.connect(self._session.acknowledge_late_payment)
        outer.addWidget(self.late_banner)

    def _build_amount(self, left: QVBoxLayout) -> None:
        """The status line, the amount, and the product: quick keys or typed."""
        self.status_banner = QLabel()
        self.status_banner.setObjectName("statusBanner")
        self.status_banner.setWordWrap(True)
        # WeChat's texts and product names are shown as they are, never as markup.
        self.status_banner.setTextFormat(Qt.TextFormat.PlainText)
        left.addWidget(self.status_banner)

        self.amount_display = QLabel()
        self.amount_display.setObjectName("amountDisplay")
        self.amount_display.setMinimumHeight(100)
        left.addWidget(self.amount_display)
        self.amount_error = QLabel()
        self.amount_error.setObjectName("amountError")
        left.addWidget(self.amount_error)

        self.products = ProductPicker(spacing=_GAP)
        self.products.edit_requested.connect(self.products_requested)
        left.addWidget(self.products)

    def _build_actions(self) -> QLayout:
        actions = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.on_cancel_requested)
        self.cancel_button.setVisible(False)
        self.charge_button = QPushButton(self.tr("Charge (Enter)"))
        self.charge_button.setObjectName("chargeButton")
        self.charge_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.charge_button.clicked.connect(self.charge)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.codes.button)
        actions.addWidget(self.charge_button, 1)
        return actions

    def _build_side(self, is_sandbox: bool) -> QLayout:
        """Today's payments, the buttons to the other windows, the printer's notice."""
        right = QVBoxLayout()
        header = QHBoxLayout()
        title = QLabel(self.tr("Today's payments"))
        title.setObjectName("sectionTitle")
        header.addWidget(title, 1)
        self.customer_sim_button = QPushButton(self.tr("Customer (F9)"))
        self.customer_sim_button.setObjectName("customerSimButton")
        self.customer_sim_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.customer_sim_button.clicked.connect(self.customer_sim_requested)
        self.customer_sim_button.setVisible(is_sandbox)
        header.addWidget(self.customer_sim_button)
        self.manager_button = QPushButton(self.tr("Manager (F11)"))
        self.settings_button = QPushButton(self.tr("Settings (F12)"))
        for button, signal in (
            (self.manager_button, self.manager_requested),
            (self.settings_button, self.settings_requested),
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal)
            header.addWidget(button)
        right.addLayout(header)
        self.deal_list = DealList(self._business_day)
        self.recent_list, self.recent_empty = self.deal_list.list, self.deal_list.empty
        right.addWidget(self.deal_list, 1)
        printer_row = QHBoxLayout()
        self.printer_notice = QLabel()
        self.printer_notice.setObjectName("printerNotice")
        self.printer_notice.setWordWrap(True)
        self.printer_notice.setTextFormat(Qt.TextFormat.PlainText)
        printer_row.addWidget(self.printer_notice, 1)
        self.reprint_button = QPushButton(self.tr("Reprint (F10)"))
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reprint_button.clicked.connect(self.reprint_requested)
        printer_row.addWidget(self.reprint_button)
        right.addLayout(printer_row)
        return right

    def _connect_session(self) -> None:
        session = self._session
        session.recovery_started.connect(self.on_session_recovery_started)
        session.recovery_finished.connect(self.on_session_recovery_finished)
        session.order_requested.connect(self.on_session_order_requested)
        session.order_ready.connect(self.on_session_order_ready)
        session.countdown_changed.connect(self.on_session_countdown_changed)
        session.notice_shown.connect(self.on_session_notice_shown)
        session.payment_succeeded.connect(self.on_session_payment_succeeded)
        session.deal_ended.connect(self.on_session_deal_ended)
        session.left_deal_settled.connect(self.on_session_left_deal_settled)
        session.alarm_raised.connect(self.on_session_alarm_raised)
        session.bug_raised.connect(self.on_session_bug_raised)
        session.late_payment_arrived.connect(self.on_session_late_payment_arrived)
        session.deals_changed.connect(self.on_session_deals_changed)
        session.products_changed.connect(self.set_products)
        session.charge_refused.connect(self.on_session_charge_refused)

    # -- products -------------------------------------------------------------------------------

    def set_products(self, names: list[str]) -> None:
        self.products.set_products(names)

    def select_product(self, index: int | None) -> None:
        """Pick quick key ``index`` (again: unpick it); typed free text is cleared."""
        self.products.select(index)
        if self.products.edit.hasFocus():
            # The name is chosen: the digits typed next are the amount, not more of a name.
            self.focus_till()

    @property
    def product(self) -> str:
        """What the deal will be called: the picked product, the typed text, or a default."""
        return self.products.product

    def edit_products(self) -> ProductDialog:
        """Open the product editor (window-modal); OK asks the app to save the new list."""
        dialog = ProductDialog(self.products.names, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.products_edited.emit(dialog.names()))
        dialog.open()
        self.product_dialog = dialog
        return dialog

    # -- amount ---------------------------------------------------------------------------------

    @property
    def amount_text(self) -> str:
        return self._typed

    def set_amount_text(self, text: str) -> None:
        """Replace what was typed (paste, tests); validated on Charge like typed keys."""
        self._typed = text.strip()[: _MAX_TYPED * 2]
        self.amount_error.clear()
        self._refresh_amount()

    def _type(self, text: str) -> None:
        if not self._input_enabled or len(self._typed) >= _MAX_TYPED:
            return
        self._typed += text
        self.amount_error.clear()
        self._refresh_amount()

    def _backspace(self) -> None:
        self.codes.keys.clear()
        if self._input_enabled:
            self._typed = self._typed[:-1]
            self.amount_error.clear()
            self._refresh_amount()

    def _refresh_amount(self) -> None:
        self.amount_display.setText(f"¥ {self._typed or '0.00'}")
        self.customer_screen.show_typing(self._typed)
        self.amount_display.setProperty("invalid", bool(self.amount_error.text()))
        self.amount_display.style().unpolish(self.amount_display)
        self.amount_display.style().polish(self.amount_display)

    # -- actions --------------------------------------------------------------------------------

    def charge(self) -> None:
        """Enter / Charge: validate, then hand the deal to the session (it writes it first)."""
        if not self._input_enabled:
            return
        fen = self.parsed_amount()
        if fen is not None:
            self._session.charge(fen, self.product)

    def parsed_amount(self) -> int | None:
        """The typed amount in fen; None, with the reason under the amount, when it is none."""
        try:
            fen = parse_amount(self._typed, max_fen=self._max_amount_fen)
        except AmountError as exc:
            self.amount_error.setText(texts.amount_error_text(exc, self._max_amount_fen))
            self._refresh_amount()
            return None
        self.amount_error.clear()
        return fen

    def on_cancel_requested(self) -> None:
        self._session.cancel()

    def on_paid_dismissed(self) -> None:
        self._paid_timer.stop()
        self.customer_screen.hide()
        self._back_to_till()

    def acknowledge_late_payment(self) -> None:
        self.late_banner.acknowledge()

    def _back_to_till(self) -> None:
        self._waiting_text = ""
        self._typed = ""
        self.amount_error.clear()
        self._refresh_amount()
        self.cancel_button.setVisible(False)
        self._set_input_enabled(True)
        self.say(
            self.tr("Ready: type an amount, then Enter for the QR, or scan the payment code."),
            "info",
        )
        self.activateWindow()
        self.focus_till()

    def focus_till(self) -> None:
        """Give the keyboard back to the till page, where digits type the amount."""
        page = self.centralWidget()
        if page is not None:
            page.setFocus()

    def _set_input_enabled(self, enabled: bool) -> None:
        self._input_enabled = enabled
        self.charge_button.setEnabled(enabled)
        self.codes.button.setEnabled(enabled)
        self.products.set_enabled(enabled)

    @property
    def is_input_enabled(self) -> bool:
        """The till takes a charge (recovered, no deal on screen)."""
        return self._input_enabled

    def say(self, text: str, tone: str) -> None:
        """A line on the till's status: ``tone`` is info, busy, good or bad."""
        self.status_banner.setText(text)
        self.status_banner.setProperty("tone", tone)
        self.status_banner.style().unpolish(self.status_banner)
        self.status_banner.style().polish(self.status_banner)

    def status_text(self) -> str:
        return self.status_banner.text()

    # -- keys -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.codes.enter():
                return  # a scanner gun's payment code: charged with the amount typed before it
            if self.customer_screen.page == "paid" and self.customer_screen.isVisible():
                self.on_paid_dismissed()
            else:
                self.charge()
        elif key == Qt.Key.Key_Escape:
            self.codes.keys.clear()
            if not self._session.is_ready:
                # The start-up check of unfinished payments goes on in the background.
                self._session.open_till()
            elif self._session.is_busy:
                self.on_cancel_requested()
            else:
                self.set_amount_text("")
        elif key == Qt.Key.Key_Backspace:
            self._backspace()
        elif key == Qt.Key.Key_F11:
            self.manager_requested.emit()
        elif key == Qt.Key.Key_F12:
            self.settings_requested.emit()
        elif key == Qt.Key.Key_F9 and self._is_sandbox:
            self.customer_sim_requested.emit()
        elif key == Qt.Key.Key_F10:
            self.reprint_requested.emit()
        elif Qt.Key.Key_F1 <= key <= Qt.Key.Key_F8:
            if self._input_enabled:
                self.select_product(key - Qt.Key.Key_F1)
        elif event.matches(QKeySequence.StandardKey.Paste):
            if self._input_enabled:
                self.set_amount_text(QGuiApplication.clipboard().text())
        elif text and normalise_typed(text) in _AMOUNT_KEYS:
            # A Chinese input method's full-width １２．５ types 12.5, as a paste of it does.
            if self._input_enabled:
                self.codes.key(normalise_typed(text))
            self._type(normalise_typed(text))
        elif text == "*":
            self.codes.open_entry()
        else:
            super().keyPressEvent(event)

    # -- session events ---------------------------------------------------------------------------

    def on_session_recovery_started(self) -> None:
        self.say(
            self.tr(
                "Checking unfinished payments… Press Esc to open the till now; "
                "the check goes on in the background."
            ),
            "busy",
        )

    def on_session_recovery_finished(self, count: int) -> None:
        self._back_to_till()
        pending = self._session.recovery_pending
        if pending:
            text = self.tr(
                "%n unfinished payment(s) still being checked with WeChat Pay in the background "
                "(listed as result pending). Ready.",
                "",
                pending,
            )
            self.say(text, "info")
        elif count:
            self.say(self.tr("%n unfinished payment(s) checked. Ready.", "", count), "info")

    def on_session_charge_refused(self, error: PosError) -> None:
        self.say(
            self.tr("The payment could not be saved, so nothing was charged: %1").replace(
                "%1", texts.error_text(error)
            ),
            "bad",
        )

    def on_session_order_requested(self, deal: Deal) -> None:
        self._set_input_enabled(False)
        self.cancel_button.setVisible(True)
        self.say(
            self.tr("Creating the order for %1…").replace(
                "%1", format_fen(deal.amount_fen, symbol="¥ ")
            ),
            "busy",
        )
        self.customer_screen.show_preparing(deal.amount_fen)
        self.customer_screen.present(self)

    def on_session_order_ready(self, deal: Deal, image: QImage) -> None:
        self.customer_screen.show_qr(image, deal.amount_fen, deal.product)
        self._waiting_text = self.tr("Waiting for the customer to pay %1…").replace(
            "%1", format_fen(deal.amount_fen, symbol="¥ ")
        )
        self.say(self._waiting_text, "busy")

    def on_session_countdown_changed(self, seconds_left: int) -> None:
        self.customer_screen.set_countdown(seconds_left)

    def on_session_notice_shown(self, notice: Notice, is_alarm: bool) -> None:
        from pos.checkout import Notice

        if notice is Notice.WAITING_FOR_SCAN and self._waiting_text:
            # Back to normal after trouble: the status with the amount, no notice under the QR.
            self.customer_screen.set_notice("")
            self.say(self._waiting_text, "busy")
            return
        text = texts.notice_text(notice)
        if not text:
            return
        trouble = notice in texts.trouble_notices()
        self.customer_screen.set_notice(text if trouble else "")
        if self.customer_screen.page == "message" and trouble:
            self.customer_screen.show_message(text, can_cancel=True)
        self.say(text, "bad" if (trouble or is_alarm) else "busy")

    def on_session_payment_succeeded(self, deal: Deal) -> None:
        self.customer_screen.show_paid(deal.amount_fen)
        if not self.customer_screen.isVisible():
            self.customer_screen.present(self)
        self.cancel_button.setVisible(False)
        self.say(
            self.tr("Paid: %1 ✓").replace("%1", format_fen(deal.amount_fen, symbol="¥ ")), "good"
        )
        if self._play_sound is not None:
            self._play_sound()
        self._paid_timer.start(PAID_SCREEN_MS)

    def on_session_deal_ended(self, deal: Deal, ending: Notice) -> None:
        from pos.checkout import Notice

        self.customer_screen.hide()
        self._back_to_till()
        text = texts.ending_text(ending, deal.amount_fen)
        is_refused = ending is Notice.FAILED or ending in texts.refusal_notices()
        if deal.last_error and ending in (Notice.FAILED, Notice.CODE_REFUSED):
            text = f"{text} ({refusal_text(deal.last_error)})"
        self.say(text, "bad" if is_refused else "info")

    def on_session_left_deal_settled(self, deal: Deal, state: State) -> None:
        """The deal the clerk left (cancel, timeout) has ended: replace "closing the order…"
        with how it ended, unless a new sale is under way."""
        from pos.checkout import State

        if self._session.is_busy:
            return
        text = texts.settled_text(state, deal.amount_fen, deal.state)
        if text is None:
            return
        tone = {State.PAID: "good", State.NEEDS_ATTENTION: "bad"}.get(state, "info")
        self.say(text, tone)

    def on_session_bug_raised(self, deal: Deal) -> None:
        """A bug stopped a deal's work: the clerk is told once, the till is free again."""
        self.customer_screen.hide()
        self._back_to_till()
        text = self.tr(
            "Program error while handling the payment of %1 (order %2); it is in the log. "
            "The payment will be checked with WeChat Pay at the next start. Call for support."
        )
        self.say(texts.about_deal(text, deal), "bad")

    def on_session_alarm_raised(self, deal: Deal) -> None:
        """§5.2 step 6: WeChat Pay reported another amount paid for a deal not on screen."""
        text = self.tr(
            "ALARM: WeChat Pay reported another amount paid for the payment of %1 (order %2). "
            "It is not counted as paid. Tell the manager."
        )
        self.say(texts.about_deal(text, deal), "bad")
        if self._play_sound is not None:
            self._play_sound()

    def on_session_late_payment_arrived(self, deal: Deal) -> None:
        self.late_banner.add(deal)
        if self._play_sound is not None:
            self._play_sound()

    @property
    def late_payments(self) -> list[Deal]:
        return self.late_banner.payments

    def on_session_deals_changed(self, deals: list[Deal]) -> None:
        current = self._session.current_deal
        self.deal_list.show_deals(deals, current.out_trade_no if current is not None else None)

    # -- the shop's bar (pos.ui.till_desk) -----------------------------------------------------

    def add_bar(self, bar: QWidget) -> None:
        """A row under the banners, above the till: the clerk and the shop's keys."""
        page = self.centralWidget()
        layout = page.layout() if page is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.count() - 1, bar)

    # -- closing --------------------------------------------------------------------------------

    def show_status(self, what: str) -> None:
        """A status from outside the payment: ``settings_saved`` or ``not_ready``."""
        if what == "settings_saved":
            self.say(self.tr("Settings saved. Restart the till to use them."), "info")
        elif what == "not_ready":
            self.say(self.tr("Checking unfinished payments…"), "busy")

    def show_printer_notice(self, _kind: str, text: str) -> None:
        """What the printer did, next to the reprint button ("" clears it): a slip that did
        not print says why and that F10 prints it again."""
        self.printer_notice.setText(text)
        self.printer_notice.setStyleSheet("color: #b91c1c;" if text else "")

    def show_trouble(self, text: str) -> None:
        """Something went wrong off the main thread and no one else said it: a known error's
        words, or a bug's (its traceback is in the log)."""
        self.say(text, "bad")

    def show_fatal(self, message: str) -> None:
        """The till cannot open (settings, database): say why; input stays locked."""
        self._set_input_enabled(False)
        self.say(self.tr("The till cannot open: %1").replace("%1", message), "bad")

    def close_now(self) -> None:
        """Close without asking (the application is quitting)."""
        self._is_quitting = True
        self.customer_screen.close()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._session.is_busy and not self._is_quitting:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr(
                    "A payment is in progress. Quit anyway? It will be checked at the next start."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.customer_screen.close()
        super().closeEvent(event)
