"""The main window: amount, product, Charge, the current deal's state and today's deals."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QValidator,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.clock import BEIJING_DAY, BusinessDay
from pos.errors import AmountError
from pos.money import format_fen, normalise_typed, parse_amount
from pos.ui.customer_screen import CustomerScreen
from pos.ui.session import PaymentSession
from pos.ui.wechat_words import refusal_text

if TYPE_CHECKING:
    from pos.store import Deal

#: F1–F8 pick the first eight products.
QUICK_KEYS = 8
#: After a payment the paid screen stays this long, unless the clerk presses Enter.
PAID_SCREEN_MS = 4_000
#: What a clerk can type into the amount; everything else is ignored (paste may bring more).
_AMOUNT_KEYS = "0123456789.-"
_MAX_TYPED = 12
#: Colours of the recent deals by state: paid green, given up grey, failed red.
_STATE_COLOURS = {
    "PAID": "#15803d",
    "CLOSED": "#6b7280",
    "FAILED": "#b91c1c",
    "CLOSING": "#b45309",
    "ORDERED": "#b45309",
    "CREATED": "#b45309",
}
#: The list of deals is set in a fixed-pitch font, so that its columns line up; the CJK one
#: first, whose Chinese characters are exactly two Latin ones wide.
_LIST_FONTS = ["Noto Sans Mono CJK SC", "Sarasa Mono SC", "NSimSun", "DejaVu Sans Mono"]


def text_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-pitch font: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns (see :func:`text_width`)."""
    return text + " " * max(0, width - text_width(text))


class ProductNameValidator(QValidator):
    """A product name no longer than WeChat Pay's ``body`` (127 UTF-8 bytes, §3.1), so that
    what the customer's phone shows is the name itself, never a cut one."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        from pos.checkout import fits_body  # the till's window imports no checkout before paint

        if fits_body(text):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Invalid, text, pos


class ProductDialog(QDialog):
    """Add, rename and remove the products behind the quick keys (saved by the caller)."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Products"))
        self._list = QListWidget()
        self._list.addItems(list(names))
        add = QPushButton(self.tr("Add…"))
        rename = QPushButton(self.tr("Rename…"))
        remove = QPushButton(self.tr("Remove"))
        up = QPushButton(self.tr("Move up"))
        down = QPushButton(self.tr("Move down"))
        add.clicked.connect(self._add)
        rename.clicked.connect(self._rename)
        remove.clicked.connect(self._remove)
        up.clicked.connect(self._move_up)
        down.clicked.connect(self._move_down)
        self.up_button, self.down_button = up, down
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        for button in (add, rename, remove, up, down):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self._list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def names(self) -> list[str]:
        names = [self._list.item(i).text().strip() for i in range(self._list.count())]
        return [name for name in names if name]

    def add_name(self, name: str) -> None:
        from pos.checkout import fits_body

        if name.strip() and fits_body(name.strip()):
            self._list.addItem(name.strip())

    def name_dialog(self, title: str, text: str = "") -> QInputDialog:
        """The dialog asking for a name; its field takes no more than ``body`` allows."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Name:"))
        dialog.setTextValue(text)
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setValidator(ProductNameValidator(field))
        return dialog

    def _ask_name(self, title: str, text: str = "") -> str | None:
        dialog = self.name_dialog(title, text)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.textValue()
        finally:
            dialog.deleteLater()

    def _add(self) -> None:
        name = self._ask_name(self.tr("Add product"))
        if name is not None:
            self.add_name(name)

    def _rename(self) -> None:
        item = self._list.currentItem()
        if item is None:
            return
        from pos.checkout import fits_body

        name = self._ask_name(self.tr("Rename product"), item.text())
        if name is not None and name.strip() and fits_body(name.strip()):
            item.setText(name.strip())

    def _remove(self) -> None:
        row = self._list.currentRow()
        if row >= 0:
            self._list.takeItem(row)

    def select(self, row: int) -> None:
        self._list.setCurrentRow(row)

    def _move_up(self) -> None:
        self._move(-1)

    def _move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        """Move the chosen product one place (its quick key changes with it)."""
        row = self._list.currentRow()
        if row >= 0 and 0 <= row + step < self._list.count():
            item = self._list.takeItem(row)
            self._list.insertItem(row + step, item)
            self._list.setCurrentRow(row + step)


class CashierWindow(QMainWindow):
    """The till. Keyboard first: digits and ``.`` type the amount, Backspace edits, Enter
    charges, Esc cancels, F1–F8 pick a product. It shows what the :class:`PaymentSession`
    reports and never calls the network or the store itself.
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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._business_day = business_day
        self._max_amount_fen = max_amount_fen
        self._play_sound = sound
        self._typed = ""
        self._products: list[str] = []
        self._selected_product: int | None = None
        self._late: list[Deal] = []
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
        self._build(is_sandbox)
        self._connect_session()
        self._refresh_amount()
        self._set_status(self.tr("Checking unfinished payments…"), "busy")
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

        self.sandbox_banner = QLabel(
            self.tr("SANDBOX MODE — payments are simulated, no real money moves")
        )
        self.sandbox_banner.setObjectName("sandboxBanner")
        self.sandbox_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sandbox_banner.setVisible(is_sandbox)
        outer.addWidget(self.sandbox_banner)

        self.late_banner = QFrame()
        self.late_banner.setObjectName("lateBanner")
        self._late_text = QLabel()
        self._late_text.setWordWrap(True)
        self._late_ack = QPushButton(self.tr("Acknowledge"))
        self._late_ack.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._late_ack.clicked.connect(self.acknowledge_late_payment)
        late_row = QHBoxLayout(self.late_banner)
        late_row.addWidget(self._late_text, 1)
        late_row.addWidget(self._late_ack)
        self.late_banner.setVisible(False)
        outer.addWidget(self.late_banner)

        body = QHBoxLayout()
        body.setContentsMargins(20, 16, 20, 16)
        body.setSpacing(20)
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        body.addLayout(left, 3)
        self.status_banner = QLabel()
        self.status_banner.setObjectName("statusBanner")
        self.status_banner.setWordWrap(True)
        left.addWidget(self.status_banner)

        self.amount_display = QLabel()
        self.amount_display.setObjectName("amountDisplay")
        self.amount_display.setMinimumHeight(100)
        left.addWidget(self.amount_display)
        self.amount_error = QLabel()
        self.amount_error.setObjectName("amountError")
        left.addWidget(self.amount_error)

        self.product_label = QLabel()
        self.product_label.setObjectName("productLabel")
        # Labels that show what a person typed (product names, WeChat's texts) are plain
        # text: a name such as "<b>Tea</b>" is shown as typed, never as markup.
        for shown_as_typed in (self._late_text, self.status_banner, self.product_label):
            shown_as_typed.setTextFormat(Qt.TextFormat.PlainText)
        left.addWidget(self.product_label)
        self._quick_row = QGridLayout()
        self._quick_row.setSpacing(8)
        left.addLayout(self._quick_row)
        self._quick_buttons: list[QPushButton] = []

        product_row = QHBoxLayout()
        self.product_edit = QLineEdit()
        self.product_edit.setPlaceholderText(self.tr("Or type what is sold"))
        self.product_edit.setMaxLength(64)
        self.product_edit.textEdited.connect(self._on_product_typed)
        product_row.addWidget(self.product_edit, 1)
        self._edit_products = QPushButton(self.tr("Edit products…"))
        self._edit_products.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._edit_products.clicked.connect(self.products_requested)
        product_row.addWidget(self._edit_products)
        left.addLayout(product_row)

        keys = QGridLayout()
        keys.setSpacing(6)
        labels = ["7", "8", "9", "4", "5", "6", "1", "2", "3", ".", "0", "⌫"]
        for index, label in enumerate(labels):
            button = QPushButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(36)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if label == "⌫":
                button.clicked.connect(self._backspace)
            else:
                button.clicked.connect(lambda _=False, text=label: self._type(text))
            keys.addWidget(button, index // 3, index % 3)
        left.addLayout(keys)

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
        actions.addWidget(self.charge_button, 1)
        left.addLayout(actions)
        left.addStretch(1)

        right = QVBoxLayout()
        body.addLayout(right, 2)
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
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentDeals")
        self.recent_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setFamilies([*_LIST_FONTS, fixed.family()])
        fixed.setStyleHint(QFont.StyleHint.Monospace)
        self.recent_list.setFont(fixed)
        self.recent_empty = QLabel(self.tr("No payments yet today."))
        self.recent_empty.setObjectName("recentEmpty")
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._recent_stack = QStackedWidget()
        self._recent_stack.addWidget(self.recent_empty)
        self._recent_stack.addWidget(self.recent_list)
        right.addWidget(self._recent_stack, 1)
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
        page.setFocus()

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
        self._products = list(names)
        for button in self._quick_buttons:
            self._quick_row.removeWidget(button)
            button.deleteLater()
        self._quick_buttons = []
        for index, name in enumerate(self._products[:QUICK_KEYS]):
            button = QPushButton(f"F{index + 1}  {name}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=index: self.select_product(i))
            self._quick_row.addWidget(button, index // 4, index % 4)
            self._quick_buttons.append(button)
        if self._selected_product is not None and self._selected_product >= len(self._products):
            self._selected_product = None
        self._refresh_product()

    def select_product(self, index: int | None) -> None:
        """Pick quick key ``index`` (again: unpick it); typed free text is cleared."""
        if index is not None and index >= min(len(self._products), QUICK_KEYS):
            return
        self._selected_product = None if index == self._selected_product else index
        with QSignalBlocker(self.product_edit):
            self.product_edit.clear()
        self._refresh_product()
        if self.product_edit.hasFocus():
            # The name is chosen: the digits typed next are the amount, not more of a name.
            self._focus_till()

    def _on_product_typed(self, _text: str) -> None:
        self._selected_product = None
        self._refresh_product()

    @property
    def product(self) -> str:
        """What the deal will be called: the picked product, the typed text, or a default."""
        if self._selected_product is not None:
            return self._products[self._selected_product]
        typed = self.product_edit.text().strip()
        return typed or self.tr("Purchase")

    def _refresh_product(self) -> None:
        for index, button in enumerate(self._quick_buttons):
            button.setChecked(index == self._selected_product)
        if self._selected_product is not None or self.product_edit.text().strip():
            self.product_label.setText(self.tr("Product: %1").replace("%1", self.product))
            return
        # Nothing chosen: say how to choose, not "Product: Purchase" (商品：商品).
        keys = len(self._quick_buttons)
        if keys:
            self.product_label.setText(
                self.tr("Product: none chosen (%1, or type a name)").replace(
                    "%1", "F1" if keys == 1 else f"F1–F{keys}"
                )
            )
        else:
            self.product_label.setText(self.tr("Product: none chosen (type a name)"))

    def edit_products(self) -> ProductDialog:
        """Open the product editor (window-modal); OK asks the app to save the new list."""
        dialog = ProductDialog(self._products, self)
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

    def amount_error_text(self, error: AmountError) -> str:
        """The clerk's message for each rule of :func:`pos.money.parse_amount`."""
        messages = {
            "empty": self.tr("Type an amount first."),
            "not_a_number": self.tr("That is not an amount."),
            "negative": self.tr("The amount cannot be negative."),
            "zero": self.tr("The amount must be more than zero."),
            "too_many_decimals": self.tr("At most two decimals (fen)."),
            "over_limit": self.tr("Over the limit of %1 per payment.").replace(
                "%1", format_fen(self._max_amount_fen, symbol="¥ ")
            ),
        }
        return messages.get(error.code, self.tr("That is not an amount."))

    # -- actions --------------------------------------------------------------------------------

    def charge(self) -> None:
        """Enter / Charge: validate, then hand the deal to the session (it writes it first)."""
        if not self._input_enabled:
            return
        try:
            fen = parse_amount(self._typed, max_fen=self._max_amount_fen)
        except AmountError as exc:
            self.amount_error.setText(self.amount_error_text(exc))
            self._refresh_amount()
            return
        self.amount_error.clear()
        self._session.charge(fen, self.product)

    def on_cancel_requested(self) -> None:
        self._session.cancel()

    def on_paid_dismissed(self) -> None:
        self._paid_timer.stop()
        self.customer_screen.hide()
        self._back_to_till()

    def acknowledge_late_payment(self) -> None:
        if self._late:
            deal = self._late.pop(0)
            self._session.acknowledge_late_payment(deal)
        self._show_late()

    def _back_to_till(self) -> None:
        self._waiting_text = ""
        self._typed = ""
        self.amount_error.clear()
        self._refresh_amount()
        self.cancel_button.setVisible(False)
        self._set_input_enabled(True)
        self._set_status(self.tr("Ready: type an amount and press Enter."), "info")
        self.activateWindow()
        self._focus_till()

    def _focus_till(self) -> None:
        """Give the keyboard back to the till page, where digits type the amount."""
        page = self.centralWidget()
        if page is not None:
            page.setFocus()

    def _set_input_enabled(self, enabled: bool) -> None:
        self._input_enabled = enabled
        self.charge_button.setEnabled(enabled)
        self.product_edit.setEnabled(enabled)
        for button in self._quick_buttons:
            button.setEnabled(enabled)

    def _set_status(self, text: str, tone: str) -> None:
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
            if self.customer_screen.page == "paid" and self.customer_screen.isVisible():
                self.on_paid_dismissed()
            else:
                self.charge()
        elif key == Qt.Key.Key_Escape:
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
            self._type(normalise_typed(text))
        else:
            super().keyPressEvent(event)

    # -- session events ---------------------------------------------------------------------------

    def on_session_recovery_started(self) -> None:
        self._set_status(
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
            self._set_status(text, "info")
        elif count:
            self._set_status(self.tr("%n unfinished payment(s) checked. Ready.", "", count), "info")

    def on_session_charge_refused(self, reason: str) -> None:
        self._set_status(
            self.tr("The payment could not be saved, so nothing was charged: %1").replace(
                "%1", reason
            ),
            "bad",
        )

    def on_session_order_requested(self, deal: Deal) -> None:
        self._set_input_enabled(False)
        self.cancel_button.setVisible(True)
        self._set_status(
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
        self._set_status(self._waiting_text, "busy")

    def on_session_countdown_changed(self, seconds_left: int) -> None:
        self.customer_screen.set_countdown(seconds_left)

    def notice_text(self, notice: str) -> str:
        """The clerk's words for each :class:`pos.checkout.Notice` code."""
        texts = {
            "CREATING_ORDER": self.tr("Creating the order…"),
            "WAITING_FOR_SCAN": self.tr("Waiting for the customer to scan and pay…"),
            "NO_ANSWER": self.tr("No answer from WeChat Pay, still checking…"),
            "CHECKING_ORDER": self.tr("Checking the order with WeChat Pay…"),
            "BAD_SIGNATURE": self.tr(
                "A reply failed its signature check; still checking with WeChat Pay…"
            ),
            "TIMED_OUT": self.tr("Time is up; closing the order…"),
            "CANCELLED": self.tr("Cancelled; closing the order…"),
            "CLOSE_RETRY": self.tr("Closing the order, trying again…"),
            "AMOUNT_MISMATCH": self.tr(
                "A payment notice with a wrong amount was ignored. Tell the manager."
            ),
            "STORE_ERROR": self.tr(
                "The local database could not be written! Hand nothing over until it is fixed."
            ),
        }
        return texts.get(notice, "")

    def on_session_notice_shown(self, notice: str, is_alarm: bool) -> None:
        if notice == "WAITING_FOR_SCAN" and self._waiting_text:
            # Back to normal after trouble: the status with the amount, no notice under the QR.
            self.customer_screen.set_notice("")
            self._set_status(self._waiting_text, "busy")
            return
        text = self.notice_text(notice)
        if not text:
            return
        trouble = notice in ("NO_ANSWER", "BAD_SIGNATURE", "STORE_ERROR")
        self.customer_screen.set_notice(text if trouble else "")
        if self.customer_screen.page == "message" and trouble:
            self.customer_screen.show_message(text, can_cancel=True)
        self._set_status(text, "bad" if (trouble or is_alarm) else "busy")

    def on_session_payment_succeeded(self, deal: Deal) -> None:
        self.customer_screen.show_paid(deal.amount_fen)
        if not self.customer_screen.isVisible():
            self.customer_screen.present(self)
        self.cancel_button.setVisible(False)
        self._set_status(
            self.tr("Paid: %1 ✓").replace("%1", format_fen(deal.amount_fen, symbol="¥ ")), "good"
        )
        if self._play_sound is not None:
            self._play_sound()
        self._paid_timer.start(PAID_SCREEN_MS)

    def on_session_deal_ended(self, deal: Deal, reason: str) -> None:
        self.customer_screen.hide()
        self._back_to_till()
        texts = {
            "cancelled": self.tr("Payment of %1 cancelled. The order is being closed."),
            "expired": self.tr("Time is up for %1. The order is being closed."),
            "failed": self.tr("WeChat Pay refused the payment of %1."),
            "closed": self.tr("Payment of %1 closed, not paid."),
        }
        text = texts.get(reason, texts["failed"]).replace(
            "%1", format_fen(deal.amount_fen, symbol="¥ ")
        )
        if deal.last_error and reason == "failed":
            text = f"{text} ({refusal_text(deal.last_error)})"
        self._set_status(text, "bad" if reason == "failed" else "info")

    def on_session_left_deal_settled(self, deal: Deal, state: str) -> None:
        """The deal the clerk left (cancel, timeout) has ended: replace "closing the order…"
        with how it ended, unless a new sale is under way."""
        if self._session.is_busy:
            return
        texts = {
            "CLOSED": self.tr("Payment of %1 closed, not paid."),
            "FAILED": self.tr("Payment of %1: no order was made, nothing was paid."),
            "PAID": self.tr("Payment of %1 was paid after all (late payment)."),
            "NEEDS_ATTENTION": self.tr(
                "Payment of %1: WeChat Pay reports another amount paid. Tell the manager."
            ),
        }
        text = texts.get(state)
        if text is None:
            return
        tone = {"PAID": "good", "NEEDS_ATTENTION": "bad"}.get(state, "info")
        self._set_status(text.replace("%1", format_fen(deal.amount_fen, symbol="¥ ")), tone)

    def on_session_bug_raised(self, deal: Deal) -> None:
        """A bug stopped a deal's work: the clerk is told once, the till is free again."""
        self.customer_screen.hide()
        self._back_to_till()
        text = self.tr(
            "Program error while handling the payment of %1 (order %2); it is in the log. "
            "The payment will be checked with WeChat Pay at the next start. Call for support."
        )
        self._set_status(
            text.replace("%1", format_fen(deal.amount_fen, symbol="¥ ")).replace(
                "%2", deal.out_trade_no
            ),
            "bad",
        )

    def on_session_alarm_raised(self, deal: Deal) -> None:
        """§5.2 step 6: WeChat Pay reported another amount paid for a deal not on screen."""
        text = self.tr(
            "ALARM: WeChat Pay reported another amount paid for the payment of %1 (order %2). "
            "It is not counted as paid. Tell the manager."
        )
        self._set_status(
            text.replace("%1", format_fen(deal.amount_fen, symbol="¥ ")).replace(
                "%2", deal.out_trade_no
            ),
            "bad",
        )
        if self._play_sound is not None:
            self._play_sound()

    def on_session_late_payment_arrived(self, deal: Deal) -> None:
        self._late.append(deal)
        self._show_late()
        if self._play_sound is not None:
            self._play_sound()

    def _show_late(self) -> None:
        if not self._late:
            self.late_banner.setVisible(False)
            return
        deal = self._late[0]
        text = self.tr(
            'LATE PAYMENT: %1 for "%2" was paid after the code was taken away. '
            "It is recorded as paid."
        )
        text = text.replace("%1", format_fen(deal.amount_fen, symbol="¥ ")).replace(
            "%2", deal.product
        )
        if len(self._late) > 1:
            text += " " + self.tr("(%n more)", "", len(self._late) - 1)
        self._late_text.setText(text)
        self.late_banner.setVisible(True)

    @property
    def late_payments(self) -> list[Deal]:
        return list(self._late)

    def on_session_deals_changed(self, deals: list[Deal]) -> None:
        self.recent_list.clear()
        current = self._session.current_deal
        current_number = current.out_trade_no if current is not None else None
        states: list[str] = []
        for deal in deals:
            if deal.state.is_unfinished and deal.out_trade_no != current_number:
                # Left by the clerk, still being settled with WeChat Pay in the background.
                state = self.tr("result pending")
            else:
                state = self.state_text(deal.state)
            if deal.is_late:
                state = self.tr("%1 (late)").replace("%1", state)
            states.append(state)
        width = max((text_width(state) for state in states), default=0)
        for deal, state in zip(deals, states, strict=True):
            line = (
                f"{self._business_day.local(deal.created_at):%H:%M:%S}   "
                f"{format_fen(deal.amount_fen, symbol='¥'):>10}   {pad(state, width)}   "
                f"{deal.product}"
            )
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, deal.out_trade_no)
            item.setForeground(QColor(_STATE_COLOURS.get(str(deal.state), "#1f2328")))
            self.recent_list.addItem(item)
        self._recent_stack.setCurrentWidget(self.recent_list if deals else self.recent_empty)

    def state_text(self, state: str) -> str:
        names = {
            "CREATED": self.tr("new"),
            "ORDERED": self.tr("waiting"),
            "CLOSING": self.tr("closing"),
            "PAID": self.tr("paid"),
            "CLOSED": self.tr("not paid"),
            "FAILED": self.tr("failed"),
            "PARTIALLY_REFUNDED": self.tr("part refunded"),
            "REFUNDED": self.tr("refunded"),
        }
        return names.get(state.upper(), state)

    # -- closing --------------------------------------------------------------------------------

    def show_status(self, what: str) -> None:
        """A status from outside the payment: ``settings_saved`` or ``not_ready``."""
        if what == "settings_saved":
            self._set_status(self.tr("Settings saved. Restart the till to use them."), "info")
        elif what == "not_ready":
            self._set_status(self.tr("Checking unfinished payments…"), "busy")

    def show_printer_notice(self, _kind: str, text: str) -> None:
        """What the printer did, next to the reprint button ("" clears it): a slip that did
        not print says why and that F10 prints it again."""
        self.printer_notice.setText(text)
        self.printer_notice.setStyleSheet("color: #b91c1c;" if text else "")

    def show_fatal(self, message: str) -> None:
        """The till cannot open (settings, database): say why; input stays locked."""
        self._set_input_enabled(False)
        self._set_status(self.tr("The till cannot open: %1").replace("%1", message), "bad")

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
