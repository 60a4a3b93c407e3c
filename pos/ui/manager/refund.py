"""A refund of one deal: amount and reason, a confirmation, then the refund on a worker."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.errors import AmountError, RefundLimitError
from pos.money import format_fen, parse_amount
from pos.refunds import Refunder, RefundProgress
from pos.reports.day import DealRow
from pos.store import PaymentMethod, RefundState
from pos.ui.counter import RefundSlipRow
from pos.ui.manager.common import alive, error_words, yuan
from pos.ui.manager.refund_steps import RefundSteps
from pos.ui.manager.services import ManagerServices
from pos.ui.wechat_words import refusal_text


class RefundDialog(QDialog):
    """Amount and reason, then a confirmation page, then the refund on a worker."""

    #: The refund reached a final state, or stopped being followed: RefundProgress.
    refund_finished = Signal(object)

    def __init__(
        self, services: ManagerServices, row: DealRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self._services = services
        self.row = row
        self.refundable_fen = row.amount_fen - row.refunded_fen
        self.amount_fen: int | None = None
        self.progress: RefundProgress | None = None
        self.setWindowTitle(self.tr("Refund"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.pages.addWidget(self._ask_page())
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._result_page())
        # Product names, reasons and WeChat's texts are shown as typed, never as markup.
        for label in (
            self.about,
            self.error,
            self.question,
            self.confirm_details,
            self.result_label,
            self.result_details,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setText(
            self.tr("%1 — %2, paid %3, %4 may still be refunded.")
            .replace("%1", row.out_trade_no)
            .replace("%2", row.product)
            .replace("%3", yuan(row.amount_fen))
            .replace("%4", yuan(self.refundable_fen))
        )

    def _ask_page(self) -> QWidget:
        """The first page: what may be refunded, the amount and the reason."""
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        self.about = QLabel()
        self.about.setWordWrap(True)
        ask_layout.addWidget(self.about)
        ask_layout.addWidget(QLabel(self.tr("Amount to refund")))
        self.amount_edit = QLineEdit(format_fen(self.refundable_fen))
        self.amount_edit.setObjectName("refundAmount")
        ask_layout.addWidget(self.amount_edit)
        ask_layout.addWidget(QLabel(self.tr("Reason (shown to the customer)")))
        self.reason_edit = QLineEdit(self.tr("Customer returned the goods"))
        self.reason_edit.setObjectName("refundReason")
        self.reason_edit.setMaxLength(80)  # §3.5 refund_desc String(80)
        ask_layout.addWidget(self.reason_edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        ask_layout.addWidget(self.error)
        ask_layout.addStretch(1)
        row_buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.next_button = QPushButton(self.tr("Next…"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.ask_confirmation)
        row_buttons.addStretch(1)
        row_buttons.addWidget(cancel)
        row_buttons.addWidget(self.next_button)
        ask_layout.addLayout(row_buttons)
        return ask

    def _confirm_page(self) -> QWidget:
        """The second page: the question, asked once more before anything is sent."""
        confirm = QWidget()
        confirm_layout = QVBoxLayout(confirm)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 18px; font-weight: bold;")
        confirm_layout.addWidget(self.question)
        self.confirm_details = QLabel()
        self.confirm_details.setWordWrap(True)
        self.confirm_details.setStyleSheet("color: #57606a;")
        confirm_layout.addWidget(self.confirm_details)
        confirm_layout.addStretch(1)
        confirm_buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.confirm_button = QPushButton(self.tr("Confirm refund"))
        self.confirm_button.setObjectName("confirmRefund")
        self.confirm_button.clicked.connect(self.confirm)
        confirm_buttons.addStretch(1)
        confirm_buttons.addWidget(back)
        confirm_buttons.addWidget(self.confirm_button)
        confirm_layout.addLayout(confirm_buttons)
        return confirm

    def _result_page(self) -> QWidget:
        """The last page: the outcome, the refund number and its slip."""
        result = QWidget()
        result_layout = QVBoxLayout(result)
        self.result_label = QLabel()
        self.result_label.setObjectName("refundResult")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        result_layout.addWidget(self.result_label)
        self.result_details = QLabel()
        self.result_details.setWordWrap(True)
        self.result_details.setStyleSheet("color: #57606a;")
        result_layout.addWidget(self.result_details)
        self.slip_row = RefundSlipRow(self._services.counter)
        result_layout.addWidget(self.slip_row)
        result_layout.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        result_layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        return result

    def ask_confirmation(self) -> bool:
        """Check the amount and reason, then show the confirmation page."""
        try:
            fen = parse_amount(self.amount_edit.text(), max_fen=10**12)
        except AmountError:
            self.error.setText(
                self.tr("At most %1 may be refunded.").replace("%1", yuan(self.refundable_fen))
            )
            return False
        if fen > self.refundable_fen:
            # Refused here and again by the store: nothing is sent (§3.5).
            self.error.setText(
                self.tr("At most %1 may be refunded.").replace("%1", yuan(self.refundable_fen))
            )
            return False
        if not self.reason_edit.text().strip():
            self.error.setText(self.tr("Enter a reason."))
            return False
        self.error.clear()
        self.amount_fen = fen
        self.question.setText(
            self.tr("Refund %1 to the customer for %2?")
            .replace("%1", yuan(fen))
            .replace("%2", self.row.product)
        )
        self.confirm_details.setText(self._details(self.reason_edit.text().strip()))
        self.pages.setCurrentIndex(1)
        return True

    def confirm(self) -> None:
        """Store the refund, send it, then follow it until final (:class:`RefundSteps`, every
        write on the database worker); the result page shows how it ended."""
        assert self.amount_fen is not None
        services, number = self._services, self.row.out_trade_no
        fen, reason = self.amount_fen, self.reason_edit.text().strip()
        self.confirm_button.setEnabled(False)
        self.result_label.setText(self.tr("Refunding %1…").replace("%1", yuan(fen)))
        self.pages.setCurrentIndex(2)

        if self.row.method is PaymentMethod.CASH:
            self._refund_cash(number, fen, reason)
            return
        refunder = Refunder(services.store, services.client, notify_url=services.refund_notify_url)
        # Each call on a network worker, each write on the database worker (one writer).
        steps = RefundSteps(
            services.workers,
            refunder,
            follow_seconds=services.follow_seconds,
            follow_interval=services.follow_interval,
            parent=self,
        )
        steps.finished.connect(self._on_done)
        steps.failed.connect(self._on_error)
        steps.start(number, fen, reason, stamp=services.stamp())

    def _refund_cash(self, number: str, fen: int, reason: str) -> None:
        """A cash sale's refund: from the drawer, stored SUCCESS at once; WeChat Pay never
        hears of it (pos.checkout.cash.refund_cash), on the database worker."""
        from pos.checkout.cash import refund_cash

        services = self._services
        store, stamp = services.store, services.stamp()

        def give_back() -> RefundProgress:
            from pos.clock import utc_now

            refund = refund_cash(store, number, fen, reason, clock=utc_now, stamp=stamp)
            deal = store.get_deal(number)
            assert deal is not None
            return RefundProgress(refund=refund, deal=deal)

        services.workers.db(
            give_back, on_done=alive(self, self._on_done), on_error=alive(self, self._on_error)
        )

    def _on_done(self, progress: RefundProgress) -> None:
        self.progress = progress
        state = progress.refund.state
        amount = yuan(progress.refund.refund_fee)
        if state is RefundState.SUCCESS:
            text = self.tr("Refunded %1 ✓").replace("%1", amount)
        elif not progress.is_final:
            text = self.tr(
                "WeChat Pay is still processing the refund of %1; it is followed up."
            ).replace("%1", amount)
        elif state is RefundState.CHANGE:
            text = self.tr("The refund needs the merchant platform: %1").replace(
                "%1", refusal_text(progress.error) if progress.error else state.value
            )
        else:
            reason = progress.error or progress.refund.last_error
            text = self.tr("The refund failed: %1").replace(
                "%1", refusal_text(reason) if reason else state.value
            )
        tone = (
            "#166534"
            if state is RefundState.SUCCESS
            else "#92400e"
            if not progress.is_final
            else "#b91c1c"
        )
        self.result_label.setStyleSheet(f"font-size: 20px; font-weight: bold; color: {tone};")
        self.result_label.setText(text)
        self.result_details.setText(
            self._details(progress.refund.reason)
            + "\n"
            + self.tr("Refund number: %1").replace("%1", progress.refund.out_refund_no)
        )
        if state is RefundState.SUCCESS:
            self.slip_row.print_refund(progress.deal, progress.refund)
        self.refund_finished.emit(progress)

    def _details(self, reason: str) -> str:
        return (
            self.tr("Deal %1, paid %2 at %3. Reason: %4")
            .replace("%1", self.row.out_trade_no)
            .replace("%2", yuan(self.row.amount_fen))
            .replace("%3", (self.row.paid_at or self.row.time).strftime("%H:%M:%S"))
            .replace("%4", reason)
        )

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, RefundLimitError):
            self.pages.setCurrentIndex(0)
            self.error.setText(error_words(exc))
            self.confirm_button.setEnabled(True)
            return
        self.result_label.setText(self.tr("The refund failed: %1").replace("%1", error_words(exc)))
