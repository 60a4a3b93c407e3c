"""The till's side of the customer's payment code: the scanner gun in the keys, a code typed by
hand, the password wait, and the till's refusals.

A scanner gun in keyboard mode types the 18 digits and Enter a few milliseconds a key, into
whatever has the keyboard: the till's amount. :class:`ScanKeys` keeps the keys of the current
run with their times; at Enter, :func:`pos.checkout.paycode.read_keys` says whether a person
typed them (the amount: the shop's QR, as always) or a gun did (a payment code: the amount is
what was typed before the burst, and the burst never stays in it). :class:`CodeDesk` then
charges the typed amount with the code, or says why not (another wallet, codes switched off
for want of the API certificate, no amount). :class:`CodeEntryDialog` is the field for a code
typed by hand, for a broken gun.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.money import format_fen
from pos.ui import texts

if TYPE_CHECKING:
    # The checkout loads with the services, after the window's first paint (the keys come
    # after it): its modules are imported where they are used.
    from pos.checkout import Notice
    from pos.checkout.paycode import Keystroke, ScanLimits
    from pos.store import Deal
    from pos.ui.customer_screen import CustomerScreen
    from pos.ui.session import PaymentSession

#: The longest code a till takes by hand (Alipay's reach 24 digits; WeChat's are 18).
MAX_CODE_DIGITS = 24


@dataclass
class Scan:
    """What a gun typed: the ``code``, and the amount the person had typed before it."""

    code: str = field(repr=False)
    typed_before: str


class ScanKeys:
    """The amount keys of the current run, with their times, until Enter tells who typed them.

    ``typed_before`` of each run is the amount as it was when the run's first key came: a
    gun's burst is a run of its own (its keys come within ``limits.max_gap`` of each other,
    a person's do not), so the amount is given back as it was before the gun typed.
    """

    def __init__(self, limits: ScanLimits | None = None) -> None:
        self._limits = limits
        self._keys: list[Keystroke] = []
        self._typed_before = ""

    @property
    def limits(self) -> ScanLimits:
        if self._limits is None:
            from pos.checkout.paycode import ScanLimits

            self._limits = ScanLimits()
        return self._limits

    def add(self, text: str, typed_before: str, at: float | None = None) -> None:
        """One amount key (``at``: seconds on a monotonic clock; now by default), with the
        amount as it was before it."""
        from pos.checkout.paycode import Keystroke

        at = time.monotonic() if at is None else at
        if not self._keys or at - self._keys[-1].at > self.limits.max_gap:
            # A pause: a new run starts (a person's next key, or a gun's first).
            self._keys.clear()
            self._typed_before = typed_before
        self._keys.append(Keystroke(text, at))

    def clear(self) -> None:
        self._keys.clear()

    def enter(self) -> Scan | None:
        """Enter came: the scan, if a gun typed the last run; None for a person's typing.
        The run is over either way. A burst with a point in it is an amount however fast it
        came (a code is digits only): QTest, a paste, a keyboard macro."""
        from pos.checkout.paycode import Source, read_keys

        keys, self._keys = self._keys, []
        reading = read_keys(keys, self.limits)
        if reading.source is not Source.SCANNER or not reading.code.isdigit():
            return None
        return Scan(reading.code, self._typed_before)


class Till(Protocol):
    """What the desk needs of the till's window (pos.ui.cashier.CashierWindow)."""

    customer_screen: CustomerScreen

    @property
    def amount_text(self) -> str: ...

    @property
    def product(self) -> str: ...

    @property
    def is_input_enabled(self) -> bool: ...

    def set_amount_text(self, text: str) -> None: ...

    def parsed_amount(self) -> int | None: ...

    def say(self, text: str, tone: str) -> None: ...

    def focus_till(self) -> None: ...


class CodeDesk(QObject):
    """Charges the typed amount with a scanned (or typed) payment code; says the till's own
    refusals; words the password wait with its countdown."""

    def __init__(
        self, till: Till, session: PaymentSession, *, codes_off: str = "", parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._till = till
        self._parent = parent
        self._session = session
        #: why payment codes are off here (pos.config.payment_codes), "" when they are on
        self.codes_off = codes_off
        self.keys = ScanKeys()
        self._password_text = ""
        self._is_trouble = False
        #: the till's button that opens the field for a code typed by hand
        self.button = QPushButton(self.tr("Payment code (*)"))
        self.button.setObjectName("codeButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(self.codes_off_text() if codes_off else "")
        self.button.clicked.connect(self.open_entry)
        self.entry: CodeEntryDialog | None = None

    def follow_session(self) -> None:
        """Connect to the session, after the window did: a payment code's words replace
        the QR's."""
        session = self._session
        session.order_requested.connect(self.on_session_order_requested)
        session.password_wait_started.connect(self.on_session_password_wait_started)
        session.countdown_changed.connect(self.on_session_countdown_changed)
        session.code_refused.connect(self.on_session_code_refused)
        session.notice_shown.connect(self.on_session_notice_shown)
        session.deal_ended.connect(self.on_session_deal_ended)
        session.payment_succeeded.connect(self._end_wait)

    # -- the clerk's keys --------------------------------------------------------------------

    def key(self, text: str) -> None:
        """An amount key, before it is typed into the amount."""
        self.keys.add(text, self._till.amount_text)

    def enter(self) -> bool:
        """Enter: True when a gun typed the run (the scan is charged, the amount given back
        as it was before it); False for a person's Enter (the window charges the QR)."""
        scan = self.keys.enter()
        if scan is None:
            return False
        self._till.set_amount_text(scan.typed_before)
        self.charge(scan.code)
        return True

    def charge(self, code: str) -> bool:
        """Charge the typed amount with ``code`` (a gun's, the 模拟顾客 window's, or typed by
        hand); False with the reason said when the till refuses it before any call."""
        if not self._till.is_input_enabled or self._session.is_busy:
            return False
        from pos.checkout.paycode import refusal

        code = code.strip()
        reason = refusal(code)
        if reason is not None:
            # Another wallet's code, or no code: said at once, nothing stored or sent.
            self.on_session_code_refused(reason)
            return False
        if self.codes_off:
            self._till.say(self.codes_off_text(), "bad")
            return False
        if not self._till.amount_text:
            self._till.say(self.tr("Type the amount first, then scan the payment code."), "bad")
            return False
        fen = self._till.parsed_amount()
        if fen is None:
            return False
        self._session.charge_code(fen, self._till.product, code)
        return True

    def open_entry(self) -> CodeEntryDialog | None:
        """The field to type a payment code by hand (``*``), for a gun that does not read."""
        if not self._till.is_input_enabled:
            return None
        if self.codes_off:
            self._till.say(self.codes_off_text(), "bad")
            return None
        dialog = CodeEntryDialog(self._parent)
        dialog.code_entered.connect(self.charge)
        dialog.finished.connect(lambda _result: self._till.focus_till())
        dialog.open()
        self.entry = dialog
        return dialog

    def codes_off_text(self) -> str:
        return self.tr(
            "Payment codes are off: a real merchant needs the API certificate for them "
            "(an unfinished payment is reversed with it). Add it in the settings (F12); the "
            "QR works meanwhile."
        )

    # -- the session's events ------------------------------------------------------------------

    def on_session_order_requested(self, deal: Deal) -> None:
        from pos.store.records import PaymentMethod

        if deal.method is not PaymentMethod.MICROPAY:
            return
        amount = format_fen(deal.amount_fen, symbol="¥ ")
        self._till.say(self.tr("Charging the payment code: %1…").replace("%1", amount), "busy")
        screen = self._till.customer_screen
        from pos.checkout import Notice

        screen.show_message(texts.notice_text(Notice.CHARGING_CODE), amount_fen=deal.amount_fen)

    def on_session_password_wait_started(self, deal: Deal) -> None:
        from pos.checkout import Notice

        self._password_text = texts.notice_text(Notice.WAITING_FOR_PASSWORD)
        self._till.customer_screen.show_waiting_for_password(deal.amount_fen)
        self._till.say(self._password_text, "busy")

    def on_session_notice_shown(self, notice: Notice, _is_alarm: bool) -> None:
        """Trouble during the wait (no answer, a bad signature) stays said: the countdown
        then shows on the customer's screen only."""
        self._is_trouble = notice in texts.trouble_notices()

    def on_session_countdown_changed(self, seconds_left: int) -> None:
        if self._password_text and not self._is_trouble:
            left = self.tr("%1 s left").replace("%1", str(seconds_left))
            self._till.say(f"{self._password_text} ({left})", "busy")

    def on_session_code_refused(self, notice: Notice) -> None:
        """The till refused the code before any call; the amount stays for another try."""
        self._till.say(texts.notice_text(notice), "bad")

    def on_session_deal_ended(self, deal: Deal, ending: Notice) -> None:
        self._end_wait()
        if ending in texts.refusal_notices():
            # The customer refreshes the code or switches cards: the amount stays for the
            # next scan (or Enter for the QR).
            self._till.set_amount_text(format_fen(deal.amount_fen))

    def _end_wait(self, *_args: object) -> None:
        self._password_text = ""

    @property
    def is_waiting_for_password(self) -> bool:
        return bool(self._password_text)


class CodeEntryDialog(QDialog):
    """A field for the customer's payment code typed by hand (the digits under its barcode),
    for a gun that does not read; OK charges it like a scan."""

    #: The clerk typed a code and pressed OK (the code, not kept anywhere else).
    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment code"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Type the digits under the barcode of the customer's payment code, then "
                "press Enter. A scanner gun can scan into this field too."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.field = QLineEdit()
        self.field.setObjectName("codeField")
        self.field.setMaxLength(MAX_CODE_DIGITS)
        pattern = QRegularExpression(f"[0-9]{{0,{MAX_CODE_DIGITS}}}")
        self.field.setValidator(QRegularExpressionValidator(pattern, self.field))
        self.field.setPlaceholderText("134567890123456789")
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accept(self) -> None:
        code = self.field.text().strip()
        self.field.clear()  # a credential: not left in the widget
        super().accept()
        if code:
            self.code_entered.emit(code)
