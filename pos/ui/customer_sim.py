"""The 模拟顾客 window (sandbox only): the customer's phone for the order on the till's screen.

A newcomer on the embedded sandbox has no phone that can pay it. This window follows the
till's current order and offers what a customer does with the QR: pay it, give up, or open
the password sheet and keep the order waiting (the sandbox's ``/sandbox/scan`` actions). It
talks to the sandbox over HTTP on a worker, as a phone would, never to its objects
(STYLE 6), and shows the sandbox's pay page link for a browser or a real phone on the LAN.

Its 模拟顾客付款码 box is the customer's payment code instead: a valid code for each of the
sandbox's scripted endings (:mod:`pos.sandbox.codes`, by the code's last two digits), what
that ending does, and a button that "scans" it into the till as a scanner gun would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.errors import GarbledResponse, PosError, TransportError
from pos.money import format_fen
from pos.sandbox import Ending, example_code, pay_page_url
from pos.store import Deal
from pos.ui.session import PaymentSession

if TYPE_CHECKING:
    from pos.checkout import Notice
    from pos.ui.ops import Ops

#: How long one call to the sandbox may take (it is on loopback).
SCAN_TIMEOUT_SECONDS = 5.0


def scan(sandbox_url: str, code_url: str, action: str) -> dict[str, Any]:
    """One move of the customer's phone (``pay``, ``scan`` or ``cancel``): the sandbox's
    answer. Blocking (network): run it on a worker. TransportError when the sandbox did not
    answer, GarbledResponse when it answered something else than a JSON object."""
    endpoint = "sandbox/scan"
    try:
        response = httpx.post(
            f"{sandbox_url.rstrip('/')}/{endpoint}",
            data={"code_url": code_url, "action": action},
            timeout=SCAN_TIMEOUT_SECONDS,
        )
        answer = response.json()
    except httpx.HTTPError as exc:
        raise TransportError(type(exc).__name__, endpoint=endpoint) from exc
    except ValueError as exc:
        raise GarbledResponse("the answer is not JSON", endpoint=endpoint) from exc
    if not isinstance(answer, dict):
        raise GarbledResponse("the answer is not a JSON object", endpoint=endpoint)
    return answer


class CustomerSimWindow(QWidget):
    """Follows the till's current order; Pay, Wait for the password, Give up."""

    #: The sandbox answered a move: (action, the answer as a dict).
    scan_answered = Signal(str, object)
    #: 模拟顾客付款码: the newcomer "scanned" this payment code into the till.
    code_scanned = Signal(str)

    def __init__(
        self,
        session: PaymentSession,
        ops: Ops,
        sandbox_url: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerSimWindow")
        # Its own window that stays above the till's full-screen QR on a single screen.
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self._session = session
        self._ops = ops
        self._sandbox_url = sandbox_url
        self.deal: Deal | None = None
        self._is_over = False
        self.setWindowTitle(self.tr("Customer (sandbox)"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This window is the customer's phone. Charge an amount on the till, then pay "
                "it here."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("simAmount")
        self.amount_label.setStyleSheet("font-size: 32px; font-weight: bold; color: #07c160;")
        layout.addWidget(self.amount_label)
        self.order_label = QLabel()
        self.order_label.setObjectName("simOrder")
        self.order_label.setWordWrap(True)
        self.order_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.order_label)
        buttons = QHBoxLayout()
        self.pay_button = QPushButton()
        self.pay_button.setObjectName("simPay")
        self.pay_button.setDefault(True)
        self.wait_button = QPushButton(self.tr("Wait for the password"))
        self.wait_button.setObjectName("simWait")
        self.cancel_button = QPushButton(self.tr("Give up"))
        self.cancel_button.setObjectName("simCancel")
        for button, action in (
            (self.pay_button, "pay"),
            (self.wait_button, "scan"),
            (self.cancel_button, "cancel"),
        ):
            button.clicked.connect(lambda _=False, a=action: self.send(a))
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.result_label = QLabel()
        self.result_label.setObjectName("simResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result_label)
        self.link_caption = QLabel(self.tr("Or open in a browser:"))
        self.link_caption.setStyleSheet("color: #57606a;")
        layout.addWidget(self.link_caption)
        # Read-only line: the long URL scrolls and can be selected and copied whole.
        self.link_label = QLineEdit()
        self.link_label.setObjectName("simLink")
        self.link_label.setReadOnly(True)
        layout.addWidget(self.link_label)
        self.codes = CodeSimBox()
        self.codes.code_scanned.connect(self.code_scanned)
        layout.addWidget(self.codes)
        layout.addStretch(1)
        session.order_ready.connect(self.on_session_order_ready)
        session.payment_succeeded.connect(self.on_session_payment_succeeded)
        session.deal_ended.connect(self.on_session_deal_ended)
        current = session.current_deal
        self.show_deal(current if current is not None and current.code_url else None)

    # -- what is shown -------------------------------------------------------------------------

    def show_deal(self, deal: Deal | None) -> None:
        self.deal = deal
        self._is_over = False
        self.result_label.clear()
        if deal is None or not deal.code_url:
            self.amount_label.setText("—")
            self.order_label.setText(
                self.tr("No order on screen. Charge an amount on the till first.")
            )
            self.pay_button.setText(self.tr("Pay %1").replace("%1", ""))
            self.link_label.clear()
        else:
            amount = format_fen(deal.amount_fen, symbol="¥")
            self.amount_label.setText(amount)
            self.order_label.setText(
                self.tr("Order %1 — %2")
                .replace("%1", deal.out_trade_no)
                .replace("%2", deal.product)
            )
            self.pay_button.setText(self.tr("Pay %1").replace("%1", amount))
            self.link_label.setText(pay_page_url(self._sandbox_url, deal.code_url))
            self.link_label.setCursorPosition(0)
        self._update_buttons()

    def _update_buttons(self, *, is_busy: bool = False) -> None:
        can_act = self.deal is not None and not self._is_over and not is_busy
        for button in (self.pay_button, self.wait_button, self.cancel_button):
            button.setEnabled(can_act)
        self.link_caption.setVisible(self.deal is not None)

    # -- the customer's moves ----------------------------------------------------------------

    def send(self, action: str) -> None:
        """Do ``action`` (pay, scan, cancel) with the QR on screen, on a network worker."""
        deal = self.deal
        if deal is None or not deal.code_url or self._is_over:
            return
        url, code_url = self._sandbox_url, deal.code_url
        if action == "pay":
            self.result_label.setText(self.tr("Paying…"))
        self._update_buttons(is_busy=True)
        (
            self._ops.network(self, lambda: scan(url, code_url, action), what="the customer's move")
            .success(lambda answer: self._on_answer(deal, action, answer))
            .failure(lambda exc: self._on_failed(deal, exc))
            .bug(lambda _exc: self._on_failed(deal, None))
            .run()
        )

    def _on_answer(self, deal: Deal, action: str, answer: dict[str, Any]) -> None:
        if self.deal is None or deal.out_trade_no != self.deal.out_trade_no:
            return  # the till moved on to another order meanwhile
        result = answer.get("result")
        if result == "paid":
            self._is_over = True
            text = self.tr("Paid %1. The till shows it in a moment.").replace(
                "%1", format_fen(deal.amount_fen, symbol="¥")
            )
        elif result == "waiting":
            text = self.tr(
                "The customer is typing the password. WeChat still says “not paid”; press "
                "Pay to finish or Give up."
            )
        elif result == "cancelled":
            text = self.tr(
                "The customer gave up. The till keeps waiting until it times out or is cancelled."
            )
        else:
            text = self.tr("The QR cannot be paid: %1").replace(
                "%1", str(answer.get("message") or answer.get("reason") or result)
            )
        self.result_label.setText(text)
        self._update_buttons()
        self.scan_answered.emit(action, answer)

    def _on_failed(self, deal: Deal, exc: PosError | None) -> None:
        """The move did not reach the sandbox (``exc``), or a bug stopped it (None: logged)."""
        if self.deal is None or deal.out_trade_no != self.deal.out_trade_no:
            return
        why = str(exc) if exc is not None else self.tr("program error, see the log")
        self.result_label.setText(self.tr("The sandbox did not answer: %1").replace("%1", why))
        self._update_buttons()

    # -- the till's events -------------------------------------------------------------------

    def on_session_order_ready(self, deal: Deal, _image: object) -> None:
        self.show_deal(deal)

    def on_session_payment_succeeded(self, deal: Deal) -> None:
        if self.deal is not None and deal.out_trade_no == self.deal.out_trade_no:
            self._is_over = True
            self.result_label.setText(self.tr("Paid ✓"))
            self._update_buttons()

    def on_session_deal_ended(self, deal: Deal, ending: Notice) -> None:
        if (
            self.deal is not None
            and deal.out_trade_no == self.deal.out_trade_no
            and not deal.state.is_paid
        ):
            from pos.checkout import Notice

            self._is_over = True
            if ending is Notice.CANCELLED:
                text = self.tr("The clerk cancelled this order; it can no longer be paid.")
            elif ending is Notice.TIMED_OUT:
                text = self.tr("Time is up for this order; it can no longer be paid.")
            else:
                text = self.tr("This order has ended without a payment.")
            self.result_label.setText(text)
            self._update_buttons()


#: The sandbox's scripted endings (pos.sandbox.codes): a name, and what the till then does.
ENDING_WORDS: dict[Ending, tuple[str, str]] = {
    ending: (str(name), str(what))
    for ending, name, what in (
        (
            Ending.PAID,
            QT_TRANSLATE_NOOP("CodeSimBox", "Paid"),
            QT_TRANSLATE_NOOP("CodeSimBox", "Paid at once: the till shows the paid screen."),
        ),
        (
            Ending.PASSWORD_THEN_PAID,
            QT_TRANSLATE_NOOP("CodeSimBox", "Password, then paid"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox",
                "The customer must enter the password: the till waits with a countdown, "
                "then shows it paid (after 10 s).",
            ),
        ),
        (
            Ending.PASSWORD_THEN_FAILED,
            QT_TRANSLATE_NOOP("CodeSimBox", "Password, then failed"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox",
                "The password is asked, then the payment fails: the till reverses the order.",
            ),
        ),
        (
            Ending.PASSWORD_NEVER_ENTERED,
            QT_TRANSLATE_NOOP("CodeSimBox", "Password never entered"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox",
                "The customer never enters the password: at the end of its wait the till "
                "reverses the order (Esc reverses it sooner).",
            ),
        ),
        (
            Ending.NOT_ENOUGH_MONEY,
            QT_TRANSLATE_NOOP("CodeSimBox", "Not enough money"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox", "Refused (NOTENOUGH): nothing is charged; the amount stays."
            ),
        ),
        (
            Ending.CODE_EXPIRED,
            QT_TRANSLATE_NOOP("CodeSimBox", "Code expired"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox", "Refused (AUTHCODEEXPIRE): the customer must refresh the code."
            ),
        ),
        (
            Ending.BANK_ERROR_BUT_PAID,
            QT_TRANSLATE_NOOP("CodeSimBox", "Bank error, but paid"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox", "BANKERROR: the till asks WeChat Pay at once and finds it paid."
            ),
        ),
        (
            Ending.ERROR_BUT_PAID,
            QT_TRANSLATE_NOOP("CodeSimBox", "Error, but paid"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox", "SYSTEMERROR: the till asks WeChat Pay after 5 s and finds it paid."
            ),
        ),
        (
            Ending.ERROR_AND_NOTHING,
            QT_TRANSLATE_NOOP("CodeSimBox", "Error, and nothing"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox",
                "SYSTEMERROR: the till asks WeChat Pay after 5 s and finds no payment; "
                "nothing is charged.",
            ),
        ),
        (
            Ending.CARD_NOT_SUPPORTED,
            QT_TRANSLATE_NOOP("CodeSimBox", "Card not supported"),
            QT_TRANSLATE_NOOP(
                "CodeSimBox", "Refused (NOTSUPORTCARD): the customer pays another way."
            ),
        ),
    )
}


class CodeSimBox(QGroupBox):
    """模拟顾客付款码: a valid payment code for the chosen ending, and a button that scans it
    into the till (type the amount on the till first, without Enter)."""

    #: "Scan into the till" was pressed: the code (a fresh one is shown next: each pays once).
    code_scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Simulated payment code"), parent)
        self.setObjectName("simCodes")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Or pay with the customer's payment code: type the amount on the till "
                "(without Enter), choose what the customer's phone does, and scan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.ending_combo = QComboBox()
        self.ending_combo.setObjectName("simEnding")
        for ending, (name, _what) in ENDING_WORDS.items():
            self.ending_combo.addItem(f"{self.tr(name)} (…{ending.value})", ending.value)
        self.ending_combo.currentIndexChanged.connect(lambda _index: self.new_code())
        layout.addWidget(self.ending_combo)
        self.what_label = QLabel()
        self.what_label.setObjectName("simEndingWhat")
        self.what_label.setWordWrap(True)
        layout.addWidget(self.what_label)
        row = QHBoxLayout()
        # Read-only: it can be selected and copied (into a text editor, as a gun would type).
        self.code_line = QLineEdit()
        self.code_line.setObjectName("simCode")
        self.code_line.setReadOnly(True)
        row.addWidget(self.code_line, 1)
        self.scan_button = QPushButton(self.tr("Scan into the till"))
        self.scan_button.setObjectName("simScan")
        self.scan_button.clicked.connect(self.scan)
        row.addWidget(self.scan_button)
        layout.addLayout(row)
        self.new_code()

    @property
    def ending(self) -> Ending:
        return Ending(str(self.ending_combo.currentData()))

    def choose(self, ending: Ending) -> None:
        self.ending_combo.setCurrentIndex(self.ending_combo.findData(ending.value))

    def new_code(self) -> str:
        """A fresh valid code for the chosen ending (a code pays once), shown."""
        code = example_code(self.ending)
        self.code_line.setText(code)
        self.what_label.setText(self.tr(ENDING_WORDS[self.ending][1]))
        return code

    def scan(self) -> None:
        """Scan the code shown into the till, and show the next one."""
        code = self.code_line.text()
        self.new_code()
        self.code_scanned.emit(code)


def open_customer_sim(
    session: PaymentSession,
    ops: Ops,
    sandbox_url: str,
    parent: QWidget | None,
) -> CustomerSimWindow:
    """Show the window (not modal: the clerk keeps working on the till)."""
    window = CustomerSimWindow(session, ops, sandbox_url, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
