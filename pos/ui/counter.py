"""The counter's side of a payment in the window: say the amount, print the slip, reprint.

The work itself is Qt-free (:mod:`pos.counter`); here it is run on the workers and its outcome
shown. Speaking composes the clips into one WAV on a worker and plays it on the main thread;
printing renders and sends on the workers' single ``device`` thread, so a printer that is off
or hangs until its timeout never holds up a payment, the paid screen, or the next sale. A
failure of either is a message for the clerk, never an exception in the till.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from pos.errors import PosError
from pos.ui.ops import Ops
from pos.ui.texts import bug_text, error_text

if TYPE_CHECKING:
    from pos.config import Settings
    from pos.counter.printing import PrinterAddress
    from pos.counter.receipt import Layout, PaymentSlip, RefundSlip
    from pos.store import Deal, Refund
    from pos.ui.workers import Workers

log = logging.getLogger(__name__)

PlayFile = Callable[[Path], None]
FindLastPaid = Callable[[], "Deal | None"]
#: Told how one slip went: "" when it printed, else the clerk's message.
PrintResult = Callable[[str], None]


def slip_method(deal: Deal) -> str:
    """How the counter names the deal's method: "code" for the customer's payment code
    (收款成功 is said after the amount; the slip says 付款码), "native" for the shop's QR."""
    from pos.store.records import PaymentMethod

    return "code" if deal.method is PaymentMethod.MICROPAY else "native"


def payment_slip(deal: Deal, settings: Settings, *, method: str | None = None) -> PaymentSlip:
    """The customer's slip of a paid deal (no clerk yet: the till has no clerks)."""
    from pos.counter.receipt import PaymentSlip

    return PaymentSlip(
        shop=settings.shop_name,
        till_id=deal.till_id,
        time=settings.business_day.local(deal.paid_at or deal.updated_at),
        product=deal.product,
        amount_fen=deal.amount_fen,
        out_trade_no=deal.out_trade_no,
        transaction_id=deal.transaction_id,
        method=method or slip_method(deal),
    )


def refund_slip(deal: Deal, refund: Refund, settings: Settings) -> RefundSlip:
    """The customer's slip of a refund that succeeded."""
    from pos.counter.receipt import RefundSlip

    return RefundSlip(
        shop=settings.shop_name,
        till_id=deal.till_id,
        time=settings.business_day.local(refund.success_time or refund.updated_at),
        product=deal.product,
        paid_fen=deal.amount_fen,
        refund_fen=refund.refund_fee,
        out_trade_no=deal.out_trade_no,
        out_refund_no=refund.out_refund_no,
        transaction_id=deal.transaction_id,
    )


class VoicePlayer(QObject):
    """Plays an announcement file (QtMultimedia); silent, never failing, without audio."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: list[Any] = []

    def play(self, path: Path) -> None:
        try:
            from PySide6.QtMultimedia import QSoundEffect

            # A new effect per announcement: one that is still speaking is not cut off.
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.9)
            effect.playingChanged.connect(lambda: self._forget(effect))
            self._effects.append(effect)
            # Without an audio device an effect never plays, so never says it stopped.
            while len(self._effects) > 4:
                self._effects.pop(0).deleteLater()
            effect.play()
        except Exception as exc:  # no audio device or backend: the payment still shows
            log.info("cannot speak: %s", exc)

    def _forget(self, effect: Any) -> None:
        if not effect.isPlaying() and effect in self._effects:
            self._effects.remove(effect)
            effect.deleteLater()


class Counter(QObject):
    """Speaks each payment once, prints its slip when the settings say so, and reprints."""

    #: The announcement (its clips) is ready and was handed to the player.
    announced = Signal(list)
    #: Speaking failed (no clips, disk full): the reason; the chime plays instead.
    speech_failed = Signal(str)
    #: A slip reached the printer: "receipt" or "test".
    printed = Signal(str)
    #: A slip did not print: what it was, and the clerk's message.
    print_failed = Signal(str, str)

    def __init__(
        self,
        workers: Workers,
        settings: Settings,
        *,
        voice_dir: Path,
        play: PlayFile | None = None,
        chime: Callable[[], None] | None = None,
        find_last_paid: FindLastPaid | None = None,
        printer_timeout: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Speaking and printing run through ops: a device's trouble is told as such, a bug
        # is logged with its traceback and told once (as a slip that did not print).
        self._ops = Ops(workers, parent=self)
        self._settings = settings
        self._voice_dir = voice_dir
        self._play = play
        self._chime = chime
        self._find_last_paid = find_last_paid
        #: Seconds to connect to and write to the printer before giving up (None: the
        #: printing module's default, read when printing: the window is shown without it).
        self.printer_timeout = printer_timeout
        self._spoken: set[str] = set()
        self._last_paid: Deal | None = None
        self._files = itertools.cycle(range(4))
        self.printing = 0

    # -- a payment arrived ---------------------------------------------------------------------

    def on_payment_succeeded(self, deal: Deal) -> None:
        """Paid: say it (once per deal) and print the slip if the settings say so."""
        if deal.out_trade_no in self._spoken:
            return
        self._spoken.add(deal.out_trade_no)
        self._last_paid = deal
        self.speak(deal.amount_fen, slip_method(deal))
        if self._settings.print_on_paid and self._settings.printer:
            self.print_receipt(deal)

    def on_late_payment(self, deal: Deal) -> None:
        """A payment that came after the code was taken away: said like any other, not
        printed by itself (the customer may have left); F10 prints it."""
        if deal.out_trade_no in self._spoken:
            return
        self._spoken.add(deal.out_trade_no)
        self._last_paid = deal
        self.speak(deal.amount_fen, slip_method(deal))

    # -- speaking ---------------------------------------------------------------------------------

    def speak(self, amount_fen: int, method: str = "native") -> None:
        """Say "微信收款 … 元" (and 收款成功 for a payment code); the chime if speech is off."""
        if not self._settings.speak_amount:
            if self._chime is not None:
                self._chime()
            return
        from pos.counter.reading import announcement
        from pos.counter.voice import write_announcement

        clips = announcement(amount_fen, method)
        target = self._settings.data_dir / "voice" / f"announcement-{next(self._files)}.wav"
        voice_dir = self._voice_dir
        (
            self._ops.network(self, lambda: write_announcement(clips, voice_dir, target))
            .success(lambda path: self._on_announcement_ready(clips, path))
            .failure(lambda exc: self._on_speech_failed(str(exc)))
            .bug(lambda _exc: self._on_speech_failed(bug_text()))
            .run()
        )

    def _on_announcement_ready(self, clips: list[str], path: object) -> None:
        assert isinstance(path, Path)
        if self._play is not None:
            self._play(path)
        log.info("said %s", "".join(clips))
        self.announced.emit(clips)

    def _on_speech_failed(self, reason: str) -> None:
        log.warning("cannot say the amount: %s", reason)
        if self._chime is not None:
            self._chime()
        self.speech_failed.emit(reason)

    # -- printing ---------------------------------------------------------------------------------

    def _address(self) -> PrinterAddress | None:
        from pos.counter.printing import PrinterError, parse_printer

        try:
            return parse_printer(self._settings.printer)
        except PrinterError as exc:
            self.print_failed.emit(
                "receipt", self.tr("The printer setting is wrong: %1").replace("%1", str(exc))
            )
            return None

    def print_receipt(self, deal: Deal) -> bool:
        """Print the slip of ``deal`` on the device worker; False when there is no printer."""
        from pos.counter.receipt import payment_receipt

        layout = payment_receipt(payment_slip(deal, self._settings), self._settings.paper_mm)
        return self.print_layout(layout, "receipt")

    def reprint_last(self) -> bool:
        """F10: the slip of the last paid deal again (after a restart: the store's last)."""
        if not self._settings.printer:
            self.print_failed.emit("receipt", self.tr("No receipt printer is set (Settings, F12)."))
            return False
        if self._last_paid is not None:
            return self.print_receipt(self._last_paid)
        if self._find_last_paid is None:
            self.print_failed.emit("receipt", self.tr("Nothing to reprint yet."))
            return False
        (
            self._ops.db(self, self._find_last_paid, what="finding the last paid deal")
            .success(self._on_last_paid_found)
            .failure(lambda exc: self.print_failed.emit("receipt", error_text(exc)))
            .bug(lambda _exc: self.print_failed.emit("receipt", bug_text()))
            .run()
        )
        return True

    def _on_last_paid_found(self, deal: object) -> None:
        if deal is None:
            self.print_failed.emit("receipt", self.tr("Nothing to reprint yet."))
            return
        self._last_paid = deal  # type: ignore[assignment]
        self.print_receipt(deal)  # type: ignore[arg-type]

    def print_test_page(self, printer: str | None = None, paper_mm: int | None = None) -> bool:
        """The settings' test page, on ``printer`` (the dialog's field) or the saved one."""
        from pos.counter.printing import PrinterError, parse_printer
        from pos.counter.receipt import printer_test_page

        settings = self._settings
        text = settings.printer if printer is None else printer
        try:
            address = parse_printer(text)
        except PrinterError as exc:
            self.print_failed.emit(
                "test", self.tr("The printer setting is wrong: %1").replace("%1", str(exc))
            )
            return False
        if address is None:
            self.print_failed.emit("test", self.tr("No receipt printer is set (Settings, F12)."))
            return False
        paper = settings.paper_mm if paper_mm is None else paper_mm
        now = settings.business_day.local(datetime.now(UTC))
        layout = printer_test_page(settings.shop_name, str(address), paper, now)
        return self._send(address, layout, "test")

    @property
    def has_printer(self) -> bool:
        return bool(self._settings.printer)

    def print_refund(
        self, deal: Deal, refund: Refund, on_result: PrintResult | None = None
    ) -> bool:
        """The slip of a refund that succeeded, on the device worker (kind ``refund``)."""
        from pos.counter.receipt import refund_receipt

        layout = refund_receipt(refund_slip(deal, refund, self._settings), self._settings.paper_mm)
        return self.print_layout(layout, "refund", on_result)

    def print_layout(self, layout: Layout, kind: str, on_result: PrintResult | None = None) -> bool:
        """Send any slip (a refund's, a handover's) to the printer of the settings;
        ``on_result`` is told how it went, besides the signals."""
        if not self._settings.printer:
            self.print_failed.emit(kind, self.tr("No receipt printer is set (Settings, F12)."))
            return False
        address = self._address()
        if address is None:
            return False
        return self._send(address, layout, kind, on_result)

    def _send(
        self,
        address: PrinterAddress,
        layout: Layout,
        kind: str,
        on_result: PrintResult | None = None,
    ) -> bool:
        from pos.counter.printing import DEFAULT_TIMEOUT
        from pos.counter.printing import print_layout as send_layout

        timeout = DEFAULT_TIMEOUT if self.printer_timeout is None else self.printer_timeout
        self.printing += 1
        (
            self._ops.device(self, lambda: send_layout(address, layout, timeout=timeout))
            .success(lambda _sent: self._on_printed(kind, on_result))
            .failure(lambda exc: self._on_print_failed(kind, exc, address, on_result))
            .bug(lambda _exc: self._on_print_told(kind, bug_text(), on_result))
            .run()
        )
        return True

    def _on_printed(self, kind: str, on_result: PrintResult | None = None) -> None:
        self.printing -= 1
        self.printed.emit(kind)
        if on_result is not None:
            on_result("")

    def _on_print_failed(
        self,
        kind: str,
        exc: PosError,
        address: PrinterAddress,
        on_result: PrintResult | None = None,
    ) -> None:
        log.warning("%s not printed: %s", kind, exc)
        if kind == "refund":
            text = self.tr("The refund slip did not print: %1.").replace(
                "%1", self.printer_reason_text(exc, address)
            )
        else:
            text = self.printer_problem_text(exc, address)
        self._on_print_told(kind, text, on_result)

    def _on_print_told(self, kind: str, text: str, on_result: PrintResult | None) -> None:
        self.printing -= 1
        self.print_failed.emit(kind, text)
        if on_result is not None:
            on_result(text)

    def printer_reason_text(self, exc: BaseException, address: PrinterAddress) -> str:
        """Why a slip did not print, in a few words (no key to press: the caller says how to
        print it again)."""
        from pos.counter.printing import PrinterError

        code = exc.code if isinstance(exc, PrinterError) else "failed"
        texts = {
            "unreachable": self.tr("printer off or unplugged (%1)"),
            "timeout": self.tr("the printer did not answer (%1)"),
            "not_found": self.tr("printer not found (%1)"),
            "no_paper": self.tr("printer out of paper"),
        }
        if code in texts:
            return texts[code].replace("%1", str(address))
        return str(exc) if isinstance(exc, PrinterError) else type(exc).__name__

    def printer_problem_text(self, exc: BaseException, address: PrinterAddress) -> str:
        """The clerk's words for a printer failure (the reprint key included)."""
        from pos.counter.printing import PrinterError

        code = exc.code if isinstance(exc, PrinterError) else "failed"
        if code in ("unreachable", "timeout", "not_found"):
            detail = str(address)
        else:
            detail = str(exc) if isinstance(exc, PrinterError) else type(exc).__name__
        texts = {
            "unreachable": self.tr("Printer off or unplugged: %1. Press F10 to reprint."),
            "timeout": self.tr("The printer did not answer: %1. Press F10 to reprint."),
            "not_found": self.tr("Printer not found: %1. Press F10 to reprint."),
            "no_paper": self.tr("Printer out of paper: load paper and press F10 to reprint."),
            "no_driver": self.tr("Printing needs a driver: %1"),
            "bad_address": self.tr("The printer setting is wrong: %1"),
        }
        text = texts.get(code, self.tr("Not printed: %1. Press F10 to reprint."))
        return text.replace("%1", detail)


class RefundSlipRow(QWidget):
    """Under a refund that succeeded: its slip printing, printed, or why not, with a button to
    print it again. Hidden when there is no printer. Printing runs on the counter's device
    worker: the refund dialog never waits for the printer."""

    def __init__(self, counter: Counter | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundSlipRow")
        self._counter = counter
        self._slip: tuple[Deal, Refund] | None = None
        self.status = QLabel()
        self.status.setObjectName("refundSlipStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.reprint_button = QPushButton(self.tr("Reprint refund slip"))
        self.reprint_button.setObjectName("reprintRefundSlip")
        self.reprint_button.clicked.connect(self.reprint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.reprint_button)
        self.setVisible(False)

    def print_refund(self, deal: Deal, refund: Refund) -> bool:
        """Print the slip of this refund now (when a printer is set); False without one."""
        counter = self._counter
        if counter is None or not counter.has_printer:
            return False
        self._slip = (deal, refund)
        self.setVisible(True)
        self.reprint_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Printing the refund slip…"))
        return counter.print_refund(deal, refund, on_result=self._alive_result)

    def reprint(self) -> bool:
        if self._slip is None:
            return False
        return self.print_refund(*self._slip)

    def _alive_result(self, text: str) -> None:
        # The manager may close the dialog while the printer still has the slip.
        if shiboken6.isValid(self):
            self._on_result(text)

    def _on_result(self, text: str) -> None:
        self.reprint_button.setEnabled(True)
        self.status.setStyleSheet("color: #b91c1c;" if text else "color: #166534;")
        self.status.setText(text or self.tr("Refund slip printed."))
